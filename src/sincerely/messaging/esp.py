"""Events from an email service provider (django-anymail webhooks) turned into our services.

Anymail normalises each provider's webhooks into `tracking` and `inbound` signals; these
receivers are thin adapters, so a provider's bounce does exactly what a DSN does.
Webhook URLs are `/m/esp/<provider>/tracking/` and `/m/esp/<provider>/inbound/`,
authenticated with `WEBHOOK_SECRET` in SINCERELY_ANYMAIL.
"""

from __future__ import annotations

import logging

from sincerely.messaging import services
from sincerely.messaging.models import Message

log = logging.getLogger(__name__)

METADATA_KEY = "sincerely_message"


def _message(event) -> Message | None:
    ours = str((event.metadata or {}).get(METADATA_KEY, ""))
    if ours.isdigit():
        return Message.objects.filter(pk=int(ours)).first()
    return None


def on_tracking(sender, event, esp_name, **kwargs) -> None:
    message = _message(event)
    if message is None:
        log.info("%s %s event for a message we do not know", esp_name, event.event_type)
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
