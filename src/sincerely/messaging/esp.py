"""Events from an email service provider (django-anymail webhooks) turned into our services.

Anymail normalises each provider's webhooks into `tracking` and `inbound` signals; these
receivers are thin adapters, so a provider's bounce does exactly what a DSN does.
Webhook URLs are `/m/esp/<provider>/tracking/` and `/m/esp/<provider>/inbound/`,
authenticated with `WEBHOOK_SECRET` (basic auth) or the provider's signing key in
SINCERELY_ANYMAIL; anymail checks them before any signal is sent. Without either, anymail
would accept anyone's POST, so tracking events are then ignored (logged), never acted on.
An event acts only on the message it names when its recipient is that message's.
"""

from __future__ import annotations

import logging

from django.conf import settings

from sincerely.messaging import services
from sincerely.messaging.models import Message

log = logging.getLogger(__name__)

METADATA_KEY = "sincerely_message"


def _message(event) -> Message | None:
    ours = str((event.metadata or {}).get(METADATA_KEY, ""))
    if ours.isdigit():
        return Message.objects.filter(pk=int(ours)).first()
    return None


def webhooks_are_verified() -> bool:
    """True when anymail authenticates webhooks: a basic-auth secret or a signing key is set."""
    options = getattr(settings, "ANYMAIL", {}) or {}
    return any(
        value and (name == "WEBHOOK_SECRET" or name.endswith("WEBHOOK_SIGNING_KEY"))
        for name, value in options.items()
    )


def _same_recipient(event, message: Message) -> bool:
    recipient = (getattr(event, "recipient", None) or "").strip().lower()
    return not recipient or recipient == message.to_email.strip().lower()


def on_tracking(sender, event, esp_name, **kwargs) -> None:
    if not webhooks_are_verified():
        log.warning(
            "%s %s event ignored: set WEBHOOK_SECRET or a signing key in SINCERELY_ANYMAIL",
            esp_name,
            event.event_type,
        )
        return
    message = _message(event)
    if message is None:
        log.info("%s %s event for a message we do not know", esp_name, event.event_type)
        return
    if not _same_recipient(event, message):
        log.warning("%s %s event names another recipient: ignored", esp_name, event.event_type)
        return
    kind = event.event_type
    if kind == "delivered":
        services.record_delivery(message, at=event.timestamp)
    elif kind in {"bounced", "rejected"}:
        services.record_hard_bounce(message, f"{esp_name}: {event.description or kind}")
    elif kind == "complained":
        services.record_complaint(message, at=event.timestamp)
    elif kind == "unsubscribed":
        services.unsubscribe(message, everything=True, via=f"{esp_name} unsubscribe")


def on_inbound(sender, event, esp_name, **kwargs) -> None:
    from sincerely.messaging.inbound import receive_inbound

    raw = event.message.as_bytes() if event.message is not None else b""
    receive_inbound(raw, channel="esp")


def connect() -> None:
    from anymail.signals import inbound, tracking

    tracking.connect(on_tracking, dispatch_uid="sincerely.messaging.tracking")
    inbound.connect(on_inbound, dispatch_uid="sincerely.messaging.inbound")
