"""Campaign drafts: create, edit, translate, lint and queue; the sender is real staff."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sincerely.accounts.services import check_real_address
from sincerely.errors import DomainError, NotFound
from sincerely.headers import check_header_value
from sincerely.messaging.guard.linter import Finding, UnguardedClaims, lint_message
from sincerely.messaging.guard.renderer import (
    compile_message,
)
from sincerely.messaging.models import Campaign, CampaignTranslation
from sincerely.people.services import audit, get_list


def resolve_sender(sender, *, field: str = "sender"):
    """A staff user who reads replies: by username or user object; noreply is refused."""
    User = get_user_model()
    user = sender if isinstance(sender, User) else None
    if user is None:
        user = User.objects.filter(username=str(sender or "").strip(), is_active=True).first()
    if user is None or not user.is_active:
        raise NotFound(f"no active staff user '{sender}'", field=field)
    if not user.email:
        raise DomainError("the sender has no email address to receive replies", field=field)
    try:
        check_real_address(user.email)
    except DomainError as exc:
        raise DomainError(exc.reason, field=field) from None
    return user


def _check_templates(subject: str, text: str, html: str) -> list[Finding]:
    if not (subject or "").strip():
        raise DomainError("a message needs a subject", field="subject")
    check_header_value(subject, "subject")
    if not (text or "").strip():
        raise DomainError("a message needs a text body", field="text")
    compile_message(subject, text, html or "")
    return lint_message(subject, text, html or "")


def _check_language(language: str) -> str:
    language = (language or "en").strip().lower()
    if not language.isalpha() or not 2 <= len(language) <= 8:
        raise DomainError("a language is a code such as 'en' or 'fr'", field="language")
    return language


@transaction.atomic
def create_campaign(
    *,
    name: str,
    list_slug: str,
    sender,
    subject: str,
    text: str,
    html: str = "",
    language: str = "en",
    sender_name: str = "",
    segment_slug: str = "",
    actor=None,
) -> tuple[Campaign, list[Finding]]:
    """Save a draft campaign and return it with the linter's findings (a draft may have some).

    A segment narrows the list's audience; it never adds anyone the list does not cover.
    """
    if not (name or "").strip():
        raise DomainError("a campaign needs a name", field="name")
    audience_list = get_list(list_slug)
    segment = _segment(segment_slug)
    user = resolve_sender(sender)
    check_header_value(sender_name, "sender_name")
    findings = _check_templates(subject, text, html)
    campaign = Campaign.objects.create(
        name=name.strip()[:200],
        audience_list=audience_list,
        purpose=audience_list.purpose,
        segment=segment,
        sender=user,
        sender_name=(sender_name or "").strip()[:200],
        language=_check_language(language),
        subject=subject.strip()[:500],
        text=text,
        html=html or "",
        created_by=actor,
    )
    audit(actor, "campaign.create", None, f"campaign #{campaign.pk} {campaign.name}")
    return campaign, findings


def _segment(slug: str):
    if not (slug or "").strip():
        return None
    from sincerely.insight.models import Segment

    segment = Segment.objects.filter(slug=slug.strip()).first()
    if segment is None:
        raise DomainError(f"no segment with slug '{slug}'", field="segment")
    return segment


def _editable(campaign: Campaign) -> None:
    if campaign.status != Campaign.Status.DRAFT:
        raise DomainError(
            f"this campaign is {campaign.status}; only a draft can change", field="status"
        )


@transaction.atomic
def update_campaign(campaign: Campaign, *, actor=None, **fields) -> list[Finding]:
    """Change a draft's name, sender, list, segment or templates; returns the new findings."""
    _editable(campaign)
    if "list_slug" in fields:
        campaign.audience_list = get_list(fields.pop("list_slug"))
        campaign.purpose = campaign.audience_list.purpose
    if "segment_slug" in fields:  # "" narrows to nobody: the whole list again
        campaign.segment = _segment(fields.pop("segment_slug") or "")
    if "sender" in fields:
        campaign.sender = resolve_sender(fields.pop("sender"))
    if "language" in fields:
        campaign.language = _check_language(fields.pop("language"))
    for name in ("name", "subject", "text", "html", "sender_name"):
        if name in fields and fields[name] is not None:
            if name == "sender_name":
                check_header_value(fields[name], name)
            setattr(campaign, name, fields.pop(name))
    if not campaign.name.strip():
        raise DomainError("a campaign needs a name", field="name")
    findings = _check_templates(campaign.subject, campaign.text, campaign.html)
    campaign.save()
    return findings


@transaction.atomic
def set_translation(
    campaign: Campaign, language: str, *, subject: str, text: str, html: str = ""
) -> list[Finding]:
    """Add or replace the campaign's text in another language."""
    _editable(campaign)
    language = _check_language(language)
    findings = _check_templates(subject, text, html)
    CampaignTranslation.objects.update_or_create(
        campaign=campaign,
        language=language,
        defaults={"subject": subject, "text": text, "html": html or ""},
    )
    return findings


def campaign_findings(campaign: Campaign) -> list[Finding]:
    findings = lint_message(campaign.subject, campaign.text, campaign.html)
    for tr in campaign.translations.all():
        findings += [
            Finding(f"{f.field}[{tr.language}]", f.line, f.sentence, f.kind, f.message)
            for f in lint_message(tr.subject, tr.text, tr.html)
        ]
    return findings


def queue_campaign(campaign: Campaign, *, actor=None) -> Campaign:
    """Queue a draft for sending; refused while any claim is unguarded."""
    findings = campaign_findings(campaign)
    if findings:
        raise UnguardedClaims(findings)
    resolve_sender(campaign.sender)
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _editable(locked)
        locked.status = Campaign.Status.QUEUED
        locked.queued_at = timezone.now()
        locked.save(update_fields=["status", "queued_at", "updated_at"])
        audit(actor, "campaign.send", None, f"queued campaign #{campaign.pk} {campaign.name}")
    from sincerely.messaging.tasks import prepare_campaign_task

    transaction.on_commit(lambda: prepare_campaign_task.enqueue(campaign.pk))
    return locked
