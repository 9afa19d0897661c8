"""Pages of offers: the console catalogue, and the public "not for me" page behind a signed link."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sincerely.accounts.access import requires, user_can
from sincerely.catalogue.models import Product
from sincerely.charts import Bar, bar_chart
from sincerely.errors import DomainError
from sincerely.offers import queries, services
from sincerely.offers.links import read_feedback_token
from sincerely.people.models import Person


@requires("insight.view")
def catalogue(request: HttpRequest) -> HttpResponse:
    """Products with how often they are offered and refused; the last training; train now."""
    if request.method == "POST":
        if not user_can(request.user, "insight.manage"):
            raise PermissionDenied("Your role cannot start training.")
        else:
            from sincerely.offers.tasks import train_recommendations

            train_recommendations.enqueue(reschedule=False)
            messages.success(request, "Training queued; a worker runs it shortly.")
        return redirect("offers:catalogue")
    q = request.GET.get("q", "")
    page = Paginator(queries.search_catalogue(q), 50).get_page(request.GET.get("page"))
    sources = queries.offer_sources()
    return render(
        request,
        "offers/catalogue.html",
        {
            "page": page,
            "q": q,
            "run": queries.last_training(),
            "sources": sources,
            "chart": bar_chart(
                [Bar(s["label"], s["n"]) for s in sources], title="Offers by the signal behind them"
            ),
        },
    )


def _feedback_target(token: str) -> tuple[Person, Product]:
    person_id, product_id = read_feedback_token(token)
    person = Person.objects.filter(pk=person_id).first()
    product = Product.objects.filter(pk=product_id).first()
    if person is None or product is None:
        raise DomainError("this link no longer points to anything we hold", field="token")
    return person, product


def not_for_me(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (mail scanners follow links; a GET must change nothing); POST records."""
    try:
        person, product = _feedback_target(token)
    except DomainError as exc:
        return render(request, "offers/not_for_me.html", {"error": exc}, status=400)
    if request.method == "POST":
        services.reject_offer(
            person,
            product,
            whole_category=request.POST.get("whole_category") == "yes",
            via="email link",
        )
        return render(
            request,
            "offers/not_for_me.html",
            {
                "done": True,
                "product": product,
                "whole_category": request.POST.get("whole_category") == "yes",
            },
        )
    return render(request, "offers/not_for_me.html", {"product": product, "token": token})
