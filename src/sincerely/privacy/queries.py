"""What the privacy centre shows beyond facts and consents: purchases, timeline, value profile.

The same records the JSON download contains, a page at a time.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator

from sincerely.people.models import Person

PER_PAGE = 20

# Plain words for touchpoint kinds a person reads on their own timeline.
KIND_WORDS = {
    "page_view": "Visited a page",
    "ad_click": "Came from an ad",
    "form_submit": "Sent a form",
    "email_sent": "We sent you an email",
    "email_delivered": "Our email reached you",
    "email_opened": "You opened our email",
    "email_clicked": "You clicked a link in our email",
    "email_replied": "You replied to our email",
    "email_bounced": "Our email bounced",
    "unsubscribed": "You unsubscribed",
    "comment": "You commented on the blog",
    "purchase": "Order",
    "meeting": "Meeting with us",
    "call": "Phone call with us",
    "note": "Note by our staff",
    "event_attendance": "Attended an event",
    "segment_joined": "Joined a group we use for mailing",
    "segment_left": "Left a group we use for mailing",
}


def purchases_page(person: Person, number: str | int | None) -> Page:
    """Order lines, newest first, with product names."""
    from sincerely.timeline.models import PurchaseLine

    lines = (
        PurchaseLine.objects.filter(person=person).select_related("product").order_by("-at", "-id")
    )
    return Paginator(lines, PER_PAGE).get_page(number)


def timeline_page(person: Person, number: str | int | None) -> Page:
    """Touchpoints, newest first, each with a plain description."""
    from sincerely.timeline.models import Touchpoint

    rows = (
        Touchpoint.objects.filter(person=person)
        .only("id", "kind", "at", "url", "properties")
        .order_by("-at", "-id")
    )
    page = Paginator(rows, PER_PAGE).get_page(number)
    for t in page:
        t.what = KIND_WORDS.get(t.kind, t.kind.replace("_", " ").capitalize())
        props = t.properties or {}
        detail = (
            props.get("title")
            or props.get("subject")
            or props.get("event")
            or props.get("order_id")
            or props.get("utm_campaign")
            or props.get("segment")
            or ""
        )
        t.detail = str(detail)[:200]
    return page


def value_profile(person: Person):
    """The value score (tier, RFM, predicted value) or None when the person bought nothing."""
    from sincerely.insight.models import ValueScore

    return ValueScore.objects.filter(person=person).first()
