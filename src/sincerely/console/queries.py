"""Read-side figures for the console dashboard."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone

from sincerely.charts import Bar, bar_chart
from sincerely.messaging.reports import report_burst
from sincerely.people.models import AudienceList, AuditEntry, Consent, ImportBatch, Person


def dashboard_figures() -> dict:
    since = timezone.now() - timedelta(weeks=12)
    weekly = list(
        Person.objects.filter(created_at__gte=since)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(n=Count("id"))
        .order_by("week")
    )
    return {
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
    }
