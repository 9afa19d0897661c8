"""Incidents: crisis posts, their dated updates, and notices to the people affected."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from sincerely.accounts.services import check_real_address
from sincerely.conversations import links
from sincerely.conversations.models import (
    Incident,
    IncidentNotice,
    IncidentUpdate,
    Post,
)
from sincerely.conversations.rendering import plain_excerpt, render_post
from sincerely.conversations.services.posts import forget_page, unique_slug
from sincerely.errors import DomainError, NotFound
from sincerely.people import services as people
from sincerely.people.coverage import mailable
from sincerely.people.models import AudienceList, Membership, Person

User = get_user_model()


@transaction.atomic
def open_incident(
    *,
    title: str,
    body: str,
    spokesperson,
    severity: str,
    status: str = IncidentUpdate.Status.INVESTIGATING,
    update: str = "",
    actor=None,
) -> Incident:
    """Crisis mode: publish a pinned post in the spokesperson's name with its first update."""
    if severity not in Incident.Severity.values:
        raise DomainError(
            f"severity must be one of {', '.join(Incident.Severity.values)}", field="severity"
        )
    if isinstance(spokesperson, str):
        spokesperson = User.objects.filter(username=spokesperson, is_active=True).first()
        if spokesperson is None:
            raise NotFound("choose a spokesperson", field="spokesperson")
    if not spokesperson.email:
        raise DomainError("the spokesperson needs a real email address", field="spokesperson")
    check_real_address(spokesperson.email)
    post = Post.objects.create(
        title=(title or "").strip()[:200] or _missing("title"),
        slug=unique_slug(title),
        body=body or "",
        body_html=render_post(body),
        excerpt=plain_excerpt(body)[:400],
        author=spokesperson,
        status=Post.Status.PUBLISHED,
        publish_at=timezone.now(),
        is_pinned=True,
    )
    incident = Incident.objects.create(post=post, spokesperson=spokesperson, severity=severity)
    first_update = (update or "").strip() or "We are looking into it."
    add_incident_update(incident, status, first_update, actor or spokesperson)
    return incident


def _missing(field: str):
    raise DomainError(f"{field} is required", field=field)


@transaction.atomic
def add_incident_update(incident: Incident, status: str, text: str, actor) -> IncidentUpdate:
    """A dated status update; `resolved` closes the incident (banner off, post unpinned)."""
    if status not in IncidentUpdate.Status.values:
        raise DomainError(
            f"status must be one of {', '.join(IncidentUpdate.Status.values)}", field="status"
        )
    text = (text or "").strip()
    # "None" is what a template prints for a missing value: it must never reach the public post.
    if not text or text.lower() in {"none", "null", "undefined"}:
        raise DomainError("say what changed", field="text")
    update = IncidentUpdate.objects.create(incident=incident, status=status, text=text, by=actor)
    Post.objects.filter(pk=incident.post_id).update(updated_at=update.at)
    forget_page(incident.post_id)
    from sincerely.conversations.templatetags.blog_tags import BANNER_CACHE_KEY

    cache.delete(BANNER_CACHE_KEY)
    if status == IncidentUpdate.Status.RESOLVED:
        incident.resolved_at = update.at
        incident.save(update_fields=["resolved_at"])
        Post.objects.filter(pk=incident.post_id).update(is_pinned=False)
    elif incident.resolved_at is not None:
        incident.resolved_at = None
        incident.save(update_fields=["resolved_at"])
        Post.objects.filter(pk=incident.post_id).update(is_pinned=True)
    return update


def _covered_members(audience_list: AudienceList):
    """Members whose list membership is active and whose consent covers the list's purpose."""
    covered = mailable(audience_list.pk, audience_list.purpose_id)
    return (
        Membership.objects.filter(
            audience_list=audience_list, left_at__isnull=True, person__in=covered
        )
        .select_related("person")
        .order_by("person_id")
    )


def notify_incident(incident: Incident, audience_list: AudienceList, actor) -> dict:
    """Tell the affected people on a list, each once, from the spokesperson, with a reply path.

    Returns {"sent": n, "skipped": {reason: n}}.
    """
    from sincerely.accounts.access import ensure_can

    if actor is not None:
        ensure_can(actor, "incidents.manage")
    sent, skipped = 0, {}
    already = set(incident.notices.values_list("person_id", flat=True))
    for membership in _covered_members(audience_list):
        person = membership.person
        reason = None
        if person.pk in already:
            reason = "already told"
        elif not person.email:
            reason = "no email address"
        elif people.is_suppressed(person.email):
            reason = "asked for no mail"
        if reason:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        why = (
            f"You are on our list “{audience_list.name}” ({membership.reason}), "
            f"for {audience_list.purpose.name.lower()}, and this incident may affect you."
        )
        send_incident_notice(incident, person, why, purpose=audience_list.purpose.slug)
        sent += 1
    people.audit(
        actor, "incident.notify", None, f"told {sent} people about incident #{incident.pk}"
    )
    return {"sent": sent, "skipped": skipped}


def _literal(text: str) -> str:
    """Text placed in a guarded template as it is (titles and updates are not templates)."""
    return "{% raw %}" + text.replace("{%", "{ %").replace("%}", "% }") + "{% endraw %}"


def send_incident_notice(
    incident: Incident, person: Person, why: str, *, purpose: str = "service"
) -> IncidentNotice:
    """The one place an incident email is built; it goes out through the honesty guard.

    A one-to-one message from the spokesperson (From is them, replies reach them), queued
    in the messaging outbox with its evidence ledger and the footer that says why and
    links to the privacy centre. Replies thread to the incident through its Message-ID.
    """
    from sincerely.messaging.services import send_one

    spokesperson = incident.spokesperson
    post_url = links.absolute(incident.post.get_absolute_url())
    ask_url = f"{post_url}?as={links.reader_token(person.pk)}#comment-form"
    latest = incident.updates.first()
    status_line = f"{latest.get_status_display()}: {latest.text}\n\n" if latest else ""
    name = spokesperson.get_full_name() or spokesperson.username
    text = 'Hello {{ person.first_name | fallback("there") }},\n\n' + _literal(
        f"{incident.post.title}\n\n{status_line}"
        f"We keep the full story and every update here: {post_url}\n\n"
        f"Questions? Answer this email and it reaches me, {name} — "
        f"or ask in public: {ask_url}\n"
    )
    message = send_one(
        person,
        sender=spokesperson,
        subject=_literal(f"[{incident.get_severity_display()}] {incident.post.title}"),
        text=text,
        idempotency_key=f"incident:{incident.pk}:{person.pk}",
        why=why,
        purpose=purpose,
    )
    return IncidentNotice.objects.create(
        incident=incident, person=person, message_id=message.message_id, reason=why[:500]
    )
