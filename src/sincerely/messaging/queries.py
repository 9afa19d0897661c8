"""Read side of messaging: audiences, previews, campaign results, a message explained."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q, QuerySet

from sincerely.messaging.models import Campaign, InboundMail, Message
from sincerely.people.addresses import suppression_hashes
from sincerely.people.models import Consent, Membership, Person, Suppression
from sincerely.people.services import normalise_email


def audience(campaign: Campaign) -> QuerySet[Person]:
    """People on the campaign's list (active membership) with consent in force for its purpose,
    narrowed to the campaign's segment when it has one."""
    people = Person.objects.filter(
        memberships__audience_list_id=campaign.audience_list_id,
        memberships__left_at__isnull=True,
        consents__purpose_id=campaign.purpose_id,
        consents__is_current=True,
        consents__status=Consent.Status.GRANTED,
    )
    if campaign.segment_id:
        from sincerely.insight.queries import segment_people

        people = people.filter(pk__in=segment_people(campaign.segment).values("pk"))
    return people.order_by("id").only("id", "email", "display_name")


def suppressed_hashes(emails: list[str]) -> dict[str, str]:
    """{email: reason} for the addresses we must never mail, checked against the hashes."""
    by_hash = {}
    for email in emails:
        try:
            for digest in suppression_hashes(normalise_email(email)):
                by_hash[digest] = email
        except Exception:  # noqa: BLE001, S112 - an unparsable address is simply not suppressed here
            continue
    found = {}
    for email_hash, reason in Suppression.objects.filter(email_hash__in=list(by_hash)).values_list(
        "email_hash", "reason"
    ):
        found[by_hash[email_hash]] = reason
    return found


def why_lines(campaign: Campaign, person_ids: list[int]) -> dict[int, str]:
    """The footer's plain words for each person: which list, which consent, since when."""
    memberships = dict(
        (pid, (reason, at))
        for pid, reason, at in Membership.objects.filter(
            audience_list_id=campaign.audience_list_id, person_id__in=person_ids
        ).values_list("person_id", "reason", "recorded_at")
    )
    consents = dict(
        (pid, (at, where))
        for pid, at, where in Consent.objects.filter(
            purpose_id=campaign.purpose_id, person_id__in=person_ids, is_current=True
        ).values_list("person_id", "at", "where")
    )
    list_name = campaign.audience_list.name
    purpose = campaign.purpose.name
    segment = (
        f"we chose you within it as part of “{campaign.segment.name}”"
        if campaign.segment_id
        else ""
    )
    lines = {}
    for pid in person_ids:
        membership, consent = memberships.get(pid), consents.get(pid)
        parts = [f"You are on our list “{list_name}”"]
        if membership is not None:
            reason, recorded_at = membership
            parts[0] += f" because {reason} ({recorded_at:%d %B %Y})"
        if consent is not None:
            at, where = consent
            parts.append(f"you agreed to receive “{purpose}” on {at:%d %B %Y} ({where})")
        if segment:
            parts.append(segment)
        lines[pid] = "; ".join(parts) + "."
    return lines


def campaign_results(campaign: Campaign) -> dict:
    """Counts the campaign page shows: sent, queued, held back by reason, bounced, replied …"""
    messages = Message.objects.filter(campaign=campaign)
    by_status = dict(messages.values_list("status").annotate(n=Count("id")).order_by())
    held = Counter(
        dict(
            messages.filter(status=Message.Status.HELD_BACK)
            .values_list("held_reason")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    flags = messages.aggregate(
        replied=Count("id", filter=Q(replied_at__isnull=False)),
        unsubscribed=Count("id", filter=Q(unsubscribed_at__isnull=False)),
        complained=Count("id", filter=Q(complained_at__isnull=False)),
        clicked=Count("id", filter=Q(clicked_at__isnull=False)),
        opened=Count("id", filter=Q(opened_at__isnull=False)),
    )
    total = sum(by_status.values())
    done = sum(
        by_status.get(s, 0)
        for s in (
            Message.Status.SENT,
            Message.Status.BOUNCED,
            Message.Status.FAILED,
            Message.Status.HELD_BACK,
        )
    )
    return {
        "total": total,
        "done": done,
        "progress": round(100 * done / total) if total else 0,
        "queued": by_status.get(Message.Status.QUEUED, 0)
        + by_status.get(Message.Status.SENDING, 0),
        "sent": by_status.get(Message.Status.SENT, 0),
        "bounced": by_status.get(Message.Status.BOUNCED, 0),
        "failed": by_status.get(Message.Status.FAILED, 0),
        "held_back": sum(held.values()),
        "held_back_by_reason": dict(held.most_common()),
        **flags,
    }


def explain_message(message_id: int, person: Person) -> dict | None:
    """What the privacy centre shows for one message: subject, when, why, and the ledger."""
    message = (
        Message.objects.select_related("sender", "audience_list", "purpose", "campaign")
        .filter(pk=message_id, person=person)
        .first()
    )
    if message is None:
        return None
    sender = message.sender
    return {
        "id": message.pk,
        "subject": message.subject,
        "sent_at": message.sent_at,
        "status": message.get_status_display(),
        "sender": message.sender_name or sender.get_full_name() or sender.get_username(),
        "sender_email": sender.email,
        "why": message.why or "You got this message from one of our staff directly.",
        "list": message.audience_list.name if message.audience_list else None,
        "purpose": message.purpose.name if message.purpose else None,
        "ledger": [_ledger_line(entry) for entry in message.ledger],
    }


def _ledger_line(entry: dict) -> dict:
    if entry.get("type") == "fact":
        said = f"{entry['key'].replace('_', ' ')}: {entry['value']}"
        source = f"{entry.get('source', '').replace('_', ' ')} ({entry.get('source_ref', '')})"
        return {"said": said, "because": source, "recorded_at": entry.get("recorded_at", "")}
    argument = f" “{entry['argument']}”" if entry.get("argument") else ""
    return {
        "said": f"{entry.get('kind', 'evidence')}{argument}",
        "because": entry.get("summary", ""),
        "recorded_at": entry.get("at", ""),
    }


def person_messages(person: Person, limit: int = 20) -> QuerySet[Message]:
    return Message.objects.filter(person=person).select_related("campaign", "sender")[:limit]


def outbox(status: str = "") -> QuerySet[Message]:
    rows = Message.objects.select_related("person", "campaign", "sender")
    return rows.filter(status=status) if status else rows


def inbound_for(message: Message) -> QuerySet[InboundMail]:
    return InboundMail.objects.filter(message=message)


def preview_counts(campaign: Campaign) -> dict:
    """How many recipients are ready and how many are held back, by reason, before sending."""
    from sincerely.messaging.guard.renderer import HeldBack
    from sincerely.messaging.services import render_for

    held: Counter[str] = Counter()
    ready = 0
    people = list(audience(campaign))
    for start in range(0, len(people), 500):
        for _, _, result in render_for(campaign, people[start : start + 500]):
            if isinstance(result, HeldBack):
                held[result.reason] += 1
            else:
                ready += 1
    return {
        "ready": ready,
        "held_back": sum(held.values()),
        "held_back_by_reason": dict(held.most_common()),
    }
