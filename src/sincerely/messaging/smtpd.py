"""aiosmtpd handlers for `sincerely inbound` and `sincerely catcher`: store, never crash."""

from __future__ import annotations

import asyncio
import logging
from email import message_from_bytes, policy

from asgiref.sync import sync_to_async
from django.db import close_old_connections, connection

log = logging.getLogger(__name__)


def _store_inbound(envelope) -> None:
    from sincerely.messaging.inbound import receive_inbound

    close_old_connections()
    try:
        receive_inbound(
            envelope.original_content or envelope.content,
            channel="smtp",
            mail_from=envelope.mail_from or "",
            rcpt_to=", ".join(envelope.rcpt_tos),
        )
    finally:
        # Inbound mail is rare: a fresh connection each time beats one held open forever.
        connection.close()


def _store_caught(envelope) -> None:
    from sincerely.messaging.models import CaughtMail

    close_old_connections()
    raw = envelope.original_content or envelope.content
    try:
        parsed = message_from_bytes(raw, policy=policy.default)
        subject = str(parsed.get("Subject", ""))[:500]
        message_id = str(parsed.get("Message-ID", "")).strip()[:300]
    except Exception:  # noqa: BLE001 - a catcher keeps whatever it is sent
        subject, message_id = "", ""
    CaughtMail.objects.create(
        raw=raw,
        mail_from=envelope.mail_from or "",
        rcpt_to=", ".join(envelope.rcpt_tos)[:1000],
        subject=subject,
        message_id=message_id,
    )


class StoringHandler:
    """Accept every message and hand it to a storing function in a thread (ORM is sync)."""

    def __init__(self, store) -> None:
        self.store = sync_to_async(store, thread_sensitive=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        try:
            await self.store(envelope)
        except Exception:  # noqa: BLE001 - the listener keeps running whatever the mail is
            log.exception("could not store a message from %s", envelope.mail_from)
            return "451 4.3.0 could not store the message, try again later"
        return "250 OK stored"


def serve(store, host: str, port: int, name: str) -> None:
    from aiosmtpd.controller import Controller

    controller = Controller(
        StoringHandler(store),
        hostname=host,
        port=port,
        decode_data=False,
        data_size_limit=25_000_000,
    )
    controller.start()
    log.info("%s listening on %s:%s", name, host, port)
    print(f"{name} listening on {host}:{port} (Ctrl-C to stop)", flush=True)
    try:
        asyncio.run(_forever())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


async def _forever() -> None:
    while True:
        await asyncio.sleep(3600)
