"""Read-side figures for the console dashboard, and the one search box of the header."""

from __future__ import annotations

import statistics
from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone

from sincerely.accounts.access import user_can
from sincerely.charts import Bar, bar_chart
from sincerely.messaging.reports import report_burst
from sincerely.people.models import AudienceList, AuditEntry, Consent, ImportBatch, Person

PERIOD_DAYS = 30


def dashboard_figures(user=None) -> dict:
    """Figures for the dashboard; the campaign, revenue and inbox blocks follow the role."""
    since = timezone.now() - timedelta(weeks=12)
    weekly = list(
        Person.objects.filter(created_at__gte=since)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(n=Count("id"))
        .order_by("week")
    )
    figures = {
        "people_count": Person.objects.count(),
        "list_count": AudienceList.objects.count(),
        "granted_count": Consent.objects.filter(is_current=True, status="granted").count(),
        "withdrawn_count": Consent.objects.filter(is_current=True, status="withdrawn").count(),
        "recent_imports": ImportBatch.objects.select_related("audience_list")[:5],
        "recent_audit": AuditEntry.objects.select_related("actor")[:10],
        "weekly": weekly,
        # Messaging's own block (a burst of bounce/complaint reports), rendered by its partial.
        "report_burst": report_burst(),
        "weekly_chart": bar_chart(
            [Bar(w["week"].strftime("%d %b"), w["n"]) for w in weekly],
            title="People added per week, last 12 weeks",
        ),
        "period_days": PERIOD_DAYS,
    }
    if user is None or user_can(user, "campaigns.manage"):
        figures["campaigns"] = last_campaigns()
        figures["campaigns_chart"] = bar_chart(
            [Bar(c["name"][:16], c["sent"]) for c in reversed(figures["campaigns"])],
            title="Messages sent by the last campaigns",
        )
    if user is None or user_can(user, "insight.view"):
        figures["revenue"] = attributed_revenue(PERIOD_DAYS)
    if user is None or user_can(user, "conversations.handle"):
        figures["conversations"] = reply_clock(PERIOD_DAYS, user)
    return figures


def last_campaigns(limit: int = 5) -> list[dict]:
    """The newest campaigns that went out, with what happened to their messages."""
    from sincerely.messaging.models import Campaign, Message
    from sincerely.timeline.models import Touchpoint

    campaigns = list(
        Campaign.objects.exclude(status=Campaign.Status.DRAFT)
        .select_related("audience_list")
        .order_by("-queued_at", "-id")[:limit]
    )
    ids = [c.pk for c in campaigns]
    counts = {
        row["campaign"]: row
        for row in Message.objects.filter(campaign_id__in=ids)
        .values("campaign")
        .annotate(
            sent=Count("id", filter=Q(status=Message.Status.SENT)),
            replies=Count("id", filter=Q(replied_at__isnull=False)),
            unsubscribes=Count("id", filter=Q(unsubscribed_at__isnull=False)),
            complaints=Count("id", filter=Q(complained_at__isnull=False)),
            bounced=Count("id", filter=Q(status=Message.Status.BOUNCED)),
        )
        .order_by()
    }
    # Delivery reports arrive as touchpoints naming the campaign (one per message at most).
    delivered = {
        int(row["properties__campaign"]): row["n"]
        for row in Touchpoint.objects.filter(kind="email_delivered", properties__campaign__in=ids)
        .values("properties__campaign")
        .annotate(n=Count("id"))
        .order_by()
        if row["properties__campaign"] is not None
    }
    rows = []
    for c in campaigns:
        row = counts.get(c.pk, {})
        rows.append(
            {
                "pk": c.pk,
                "name": c.name,
                "list": c.audience_list.name,
                "status": c.get_status_display(),
                "queued_at": c.queued_at,
                "sent": row.get("sent", 0),
                "delivered": delivered.get(c.pk, 0),
                "replies": row.get("replies", 0),
                "unsubscribes": row.get("unsubscribes", 0),
                "complaints": row.get("complaints", 0),
                "bounced": row.get("bounced", 0),
            }
        )
    return rows


def attributed_revenue(days: int) -> dict:
    """Revenue attributed to UTM campaigns from purchases in the last `days` days."""
    from sincerely.timeline.queries import campaign_attribution

    rows = campaign_attribution(since=timezone.now() - timedelta(days=days))
    rows = [r for r in rows if r.revenue]
    return {
        "rows": rows[:5],
        # Influence, not a split of credit: a person reached by two campaigns counts twice,
        # so the headline is the best campaign's figure, not a sum.
        "top": rows[0] if rows else None,
        "orders": sum(r.purchases for r in rows),
    }


def reply_clock(days: int, user=None) -> dict:
    """Open conversations now, and the median time to a first reply over the period, counted
    over the conversations the user may read (an author: those about their own posts)."""
    from sincerely.conversations.access import visible_conversations
    from sincerely.conversations.models import Conversation

    since = timezone.now() - timedelta(days=days)
    readable = Conversation.objects.all()
    if user is not None:
        readable = visible_conversations(user, readable)
    answered = readable.filter(created_at__gte=since, first_reply_at__isnull=False).values_list(
        "created_at", "first_reply_at"
    )
    minutes = [max((reply - asked).total_seconds() / 60, 0) for asked, reply in answered]
    open_now = readable.filter(status=Conversation.Status.OPEN)
    return {
        "open": open_now.count(),
        "waiting_first_reply": open_now.filter(first_reply_at__isnull=True).count(),
        "answered": len(minutes),
        "median_minutes": statistics.median(minutes) if minutes else None,
    }


SEARCH_LIMIT = 20


def search_everything(user, q: str) -> dict:
    """People, campaigns and posts matching `q`, each kind only for roles that may see it.

    {"kinds": [...kinds searched], "results": [{"kind", "label", "rows", "more_url"}]}.
    """
    from django.urls import reverse
    from django.utils.http import urlencode

    from sincerely.people.queries import search_people

    kinds: list[str] = []
    results: list[dict] = []
    q = (q or "").strip()[:200]
    if user_can(user, "people.view"):
        kinds.append("people")
        if q:
            rows = list(search_people(q)[: SEARCH_LIMIT + 1])
            results.append(
                {
                    "kind": "people",
                    "label": "People",
                    "rows": [
                        {
                            "url": reverse("console:person", args=[p.pk]),
                            "title": p.display_name or p.email or f"#{p.pk}",
                            "detail": p.email,
                        }
                        for p in rows[:SEARCH_LIMIT]
                    ],
                    "more_url": (
                        reverse("console:people") + "?" + urlencode({"q": q})
                        if len(rows) > SEARCH_LIMIT
                        else ""
                    ),
                }
            )
    if user_can(user, "campaigns.manage"):
        from sincerely.messaging.models import Campaign

        kinds.append("campaigns")
        if q:
            rows = list(
                Campaign.objects.filter(Q(name__icontains=q) | Q(subject__icontains=q))
                .select_related("audience_list")
                .order_by("-created_at")[:SEARCH_LIMIT]
            )
            results.append(
                {
                    "kind": "campaigns",
                    "label": "Campaigns",
                    "rows": [
                        {
                            "url": reverse("messaging:campaign", args=[c.pk]),
                            "title": c.name,
                            "detail": f"{c.get_status_display()} · {c.audience_list.name}",
                        }
                        for c in rows
                    ],
                    "more_url": "",
                }
            )
    if user_can(user, "posts.write"):
        from sincerely.conversations.models import Post

        kinds.append("posts")
        if q:
            rows = list(
                Post.objects.filter(Q(title__icontains=q) | Q(body__icontains=q))
                .select_related("author")
                .order_by("-updated_at")[:SEARCH_LIMIT]
            )
            results.append(
                {
                    "kind": "posts",
                    "label": "Blog posts",
                    "rows": [
                        {
                            "url": reverse("conversations:post_edit", args=[p.pk]),
                            "title": p.title,
                            "detail": f"{p.get_status_display()} · "
                            f"{p.author.get_full_name() or p.author.username}",
                        }
                        for p in rows
                    ],
                    "more_url": "",
                }
            )
    return {"kinds": kinds, "results": results}
