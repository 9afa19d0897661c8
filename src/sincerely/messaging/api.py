"""API routes of messaging: campaigns (draft, preview, send), lint, one-to-one messages."""

from __future__ import annotations

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Path, Router, Status
from pydantic import Field

from sincerely.api_auth import role
from sincerely.api_schemas import (
    NO_NUL,
    Int,
    Language,
    ListSlug,
    StrictIn,
    Username,
    header_text,
    text,
)
from sincerely.errors import NotFound
from sincerely.messaging import queries, services
from sincerely.messaging.guard.linter import lint_message
from sincerely.messaging.models import Campaign, Message
from sincerely.people.models import Person

campaigns_router = Router(tags=["campaigns"])
messages_router = Router(tags=["messages"])


# Values that reach a mail header (name, subject, sender name) hold no control characters.
HeaderText = header_text(200)
Subject = header_text(500, required=True)
Body = text(100_000, required=True)
Html = text(100_000)
LintText = text(100_000)
Name = header_text(200, required=True)


class CampaignIn(StrictIn):
    name: Name
    list: ListSlug
    sender: Username
    subject: Subject
    text: Body
    html: Html = ""
    language: Language = "en"
    sender_name: HeaderText = ""
    segment: Annotated[str, Field(pattern=r"^([a-z0-9][a-z0-9-]{0,59})?$")] = ""


class CampaignPatch(StrictIn):
    name: Name | None = None
    list: ListSlug | None = None
    sender: Username | None = None
    subject: Subject | None = None
    text: Body | None = None
    html: Html | None = None
    language: Language | None = None
    sender_name: HeaderText | None = None


class TranslationIn(StrictIn):
    subject: Subject
    text: Body
    html: Html = ""


class LintIn(StrictIn):
    subject: Annotated[str, Field(max_length=500, pattern=NO_NUL)] = ""
    text: LintText = ""
    html: Html = ""


class MessageIn(StrictIn):
    person: Int(ge=1)
    subject: Subject
    text: Body
    html: Html = ""
    idempotency_key: Annotated[str, Field(max_length=90, pattern=r"^[\x21-\x7e]*$")] = ""
    # The consent purpose this message serves (default sales_contact); see one_to_one_basis.
    purpose: Annotated[str, Field(pattern=r"^([a-z0-9][a-z0-9_-]{0,49})?$")] = ""


def _campaign(campaign_id: int) -> Campaign:
    campaign = (
        Campaign.objects.select_related("audience_list", "sender", "purpose")
        .filter(pk=campaign_id)
        .first()
    )
    if campaign is None:
        raise NotFound(f"no campaign #{campaign_id}", field="id")
    return campaign


def _campaign_out(campaign: Campaign, findings=None) -> dict:
    findings = services.campaign_findings(campaign) if findings is None else findings
    return {
        "id": campaign.pk,
        "name": campaign.name,
        "list": campaign.audience_list.slug,
        "purpose": campaign.purpose.slug,
        "sender": campaign.sender.get_username(),
        "status": campaign.status,
        "language": campaign.language,
        "findings": [f.as_dict() for f in findings],
    }


@campaigns_router.post("", response={201: dict}, auth=role("campaigns.manage"))
def create_campaign(request, payload: CampaignIn):
    campaign, findings = services.create_campaign(
        name=payload.name,
        list_slug=payload.list,
        sender=payload.sender,
        subject=payload.subject,
        text=payload.text,
        html=payload.html,
        language=payload.language,
        sender_name=payload.sender_name,
        segment_slug=payload.segment,
        actor=request.user,
    )
    return Status(201, _campaign_out(campaign, findings))


@campaigns_router.get("", auth=role("campaigns.manage"))
def list_campaigns(request):
    return [_campaign_out(c, []) | {"findings": None} for c in Campaign.objects.all()[:200]]


@campaigns_router.get("/{int:campaign_id}", auth=role("campaigns.manage"))
def get_campaign(request, campaign_id: int):
    campaign = _campaign(campaign_id)
    return _campaign_out(campaign) | {"results": queries.campaign_results(campaign)}


@campaigns_router.patch("/{int:campaign_id}", auth=role("campaigns.manage"))
def patch_campaign(request, campaign_id: int, payload: CampaignPatch):
    campaign = _campaign(campaign_id)
    fields = {k: v for k, v in payload.dict().items() if v is not None}
    if "list" in fields:
        fields["list_slug"] = fields.pop("list")
    services.update_campaign(campaign, actor=request.user, **fields)
    return _campaign_out(_campaign(campaign_id))


@campaigns_router.put("/{int:campaign_id}/translations/{language}", auth=role("campaigns.manage"))
def put_translation(request, campaign_id: int, language: Path[Language], payload: TranslationIn):
    campaign = _campaign(campaign_id)
    services.set_translation(
        campaign, language, subject=payload.subject, text=payload.text, html=payload.html
    )
    return _campaign_out(campaign)


@campaigns_router.get("/{int:campaign_id}/preview", auth=role("campaigns.manage"))
def preview_campaign(request, campaign_id: int, person: Annotated[int, Field(ge=1)] | None = None):
    """Counts of ready and held-back recipients by reason; `?person=ID` renders one."""
    campaign = _campaign(campaign_id)
    body = queries.preview_counts(campaign)
    if person is not None:
        target = Person.objects.filter(pk=person).first()
        if target is None:
            raise NotFound(f"no person #{person}", field="person")
        _, language, result = services.render_for(campaign, [target])[0]
        if hasattr(result, "reason"):
            body["render"] = {"person": person, "held_back": result.reason}
        else:
            body["render"] = {
                "person": person,
                "language": language,
                "subject": result.subject,
                "text": result.text,
                "html": result.html,
                "ledger": result.ledger,
            }
    return body


@campaigns_router.post(
    "/{int:campaign_id}/send", response={202: dict}, auth=role("campaigns.manage")
)
def send_campaign(request, campaign_id: int):
    """Queue the campaign; 422 with `findings` while any claim is unguarded."""
    campaign = services.queue_campaign(_campaign(campaign_id), actor=request.user)
    return Status(202, {"id": campaign.pk, "status": campaign.status})


@campaigns_router.post("/lint", auth=role("campaigns.manage"))
def lint(request, payload: LintIn):
    findings = lint_message(payload.subject, payload.text, payload.html)
    return {"findings": [f.as_dict() for f in findings]}


@messages_router.post("", response={201: dict}, auth=role("messages.send_one"))
def send_message(request, payload: MessageIn):
    """A one-to-one message from the caller, through the same guard."""
    person = Person.objects.filter(pk=payload.person).first()
    if person is None:
        raise NotFound(f"no person #{payload.person}", field="person")
    message = services.send_one(
        person,
        sender=request.user,
        subject=payload.subject,
        text=payload.text,
        html=payload.html,
        actor=request.user,
        idempotency_key=payload.idempotency_key,
        purpose=payload.purpose or services.ONE_TO_ONE_PURPOSE,
    )
    return Status(
        201, {"id": message.pk, "status": message.status, "message_id": message.message_id}
    )


@messages_router.get("/{int:message_id}", auth=role("people.view"))
def get_message(request, message_id: int):
    message = get_object_or_404(Message, pk=message_id)
    return {
        "id": message.pk,
        "status": message.status,
        "held_reason": message.held_reason,
        "message_id": message.message_id,
        "subject": message.subject,
        "ledger": message.ledger,
        "sent_at": message.sent_at,
    }


routers = [("/campaigns", campaigns_router), ("/messages", messages_router)]
