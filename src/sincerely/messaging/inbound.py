"""Mail that comes back: replies, out-of-office notes, DSN bounces (RFC 3464), ARF complaints.

Every inbound message is stored raw first, then classified; a message we cannot parse
or match is kept with a note and logged, never dropped and never a crash.
"""

from __future__ import annotations

import logging
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parseaddr

from django.db import transaction

from sincerely import registry
from sincerely.messaging import reports, services
from sincerely.messaging.models import InboundMail, Message
from sincerely.messaging.replies import extract_new_text, new_text_of

__all__ = ["extract_new_text", "is_auto_reply", "receive_inbound"]

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"\breply\+([0-9a-f]{20})@", re.I)
AUTO_SUBJECT = re.compile(
    r"^\s*(?:auto(?:matic)?[ -]?(?:reply|response)|autoreply|out of (?:the )?office|"
    r"away from (?:the )?office|on vacation|on holiday|absence|absent|"
    r"r[ée]ponse automatique|message d'absence|je suis absente?|en cong[ée]s?)\b",
    re.I,
)


def is_auto_reply(parsed: EmailMessage) -> bool:
    """RFC 3834 Auto-Submitted, the common X- headers, and out-of-office subjects (EN/FR)."""
    auto = str(parsed.get("Auto-Submitted", "")).strip().lower()
    if auto and auto != "no":
        return True
    if any(parsed.get(h) for h in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")):
        return True
    if str(parsed.get("Precedence", "")).strip().lower() in {"auto_reply", "junk"}:
        return True
    return bool(AUTO_SUBJECT.match(str(parsed.get("Subject", ""))))


def _ids(value: str) -> list[str]:
    return re.findall(r"<[^<>\s]+>", value or "")


def _match_message(parsed: EmailMessage, rcpt_to: str) -> Message | None:
    addresses = " ".join(
        [rcpt_to, *(str(parsed.get(h, "")) for h in ("To", "Cc", "Delivered-To", "X-Original-To"))]
    )
    for token in TOKEN_RE.findall(addresses):
        message = Message.objects.filter(reply_token=token.lower()).first()
        if message is not None:
            return message
    ids = _ids(str(parsed.get("In-Reply-To", ""))) + _ids(str(parsed.get("References", "")))
    if ids:
        return Message.objects.filter(message_id__in=ids).first()
    return None


def _delivery_status(parsed: EmailMessage) -> list[dict[str, str]]:
    """Per-recipient fields of the message/delivery-status part (RFC 3464 §2.3)."""
    for part in parsed.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            blocks = [dict((k.lower(), str(v)) for k, v in b.items()) for b in payload]
        else:
            text = payload if isinstance(payload, str) else ""
            blocks = []
            for chunk in re.split(r"\r?\n\r?\n", text):
                fields = {}
                for line in chunk.splitlines():
                    key, _, value = line.partition(":")
                    if value:
                        fields[key.strip().lower()] = value.strip()
                if fields:
                    blocks.append(fields)
        return [b for b in blocks if "action" in b or "status" in b]
    return []


def receive_inbound(
    raw: bytes, *, channel: str = "smtp", mail_from: str = "", rcpt_to: str = ""
) -> InboundMail:
    """Store one inbound message, then classify and act on it; never raises on bad mail."""
    item = InboundMail.objects.create(
        raw=raw, channel=channel[:10], mail_from=mail_from[:500], rcpt_to=rcpt_to[:1000]
    )
    try:
        with transaction.atomic():
            _process(item, raw)
    except Exception as exc:  # noqa: BLE001 - bad mail is kept and logged, never a crash
        log.exception("inbound mail #%s could not be processed", item.pk)
        item.kind = InboundMail.Kind.MALFORMED
        item.note = f"could not be processed: {exc}"[:500]
    item.save(update_fields=["kind", "message", "person", "note"])
    return item


def _process(item: InboundMail, raw: bytes) -> None:
    parsed = message_from_bytes(raw, policy=policy.default)
    if not parsed.keys():
        item.kind = InboundMail.Kind.MALFORMED
        item.note = "no headers: not an email message"
        return
    ctype = parsed.get_content_type()
    report_type = str(parsed.get_param("report-type", "") or "").lower()
    if ctype == "multipart/report" and report_type == "delivery-status":
        _bounce(item, raw, parsed)
        return
    if ctype == "multipart/report" and report_type == "feedback-report":
        _complaint(item, raw, parsed)
        return
    message = _match_message(parsed, item.rcpt_to)
    item.message = message
    item.person_id = message.person_id if message else None
    if is_auto_reply(parsed):
        item.kind = InboundMail.Kind.AUTO_REPLY
        item.note = f"auto-reply: {str(parsed.get('Subject', ''))[:200]}"
        return
    if message is None:
        item.kind = InboundMail.Kind.UNMATCHED
        item.note = "no per-message address or known In-Reply-To; kept for staff"
        log.info("inbound mail #%s matched no message", item.pk)
        return
    from_name, from_email = parseaddr(str(parsed.get("From", "")))
    text = new_text_of(parsed) or "(no new text)"
    references = _ids(str(parsed.get("References", "")))
    own_id = _ids(str(parsed.get("Message-ID", "")))
    registry.inbound_reply(
        person=message.person,
        assigned_to=message.sender,
        subject=str(parsed.get("Subject", ""))[:300],
        text=text,
        message_id=own_id[0] if own_id else f"<inbound-{item.pk}@sincerely>",
        in_reply_to=message.message_id,
        references=[message.message_id, *[r for r in references if r != message.message_id]],
        from_name=from_name,
        from_email=from_email,
    )
    services.record_reply(message)
    item.kind = InboundMail.Kind.REPLY
    item.note = f"threaded into the conversation of message #{message.pk}"


def _proven_message(item: InboundMail, raw: bytes, parsed: EmailMessage) -> tuple:
    """(message, how it was proven) for a report, or (None, why not); see `reports`."""
    envelope = " ".join(
        [item.rcpt_to, *(str(parsed.get(h, "")) for h in ("Delivered-To", "X-Original-To", "To"))]
    )
    message = reports.message_from_addresses(envelope)
    if message is not None:
        return message, "sent to the message's signed bounce address"
    originals = reports.embedded_originals(raw, parsed)
    verified = False
    for original in originals:
        if reports.our_dkim_verifies(original):
            verified = True
            message = reports.message_from_original(original)
            if message is not None:
                return message, "the attached original carries our verifying DKIM signature"
    if verified:
        why = "the attached original verifies but names no single message of ours"
    elif any(b"dkim-signature" in o[:65536].lower() for o in originals):
        why = "the attached original's DKIM signature is not ours or does not verify"
    elif originals:
        why = "the attached original carries no DKIM signature of ours"
    else:
        why = "no signed bounce address and no attached original message"
    return None, why


def _claimed(parsed: EmailMessage) -> str:
    """What an unproven report says it is about, for the staff who read the unmatched page."""
    ids: list[str] = []
    for part in parsed.walk():
        if part.get_content_type() in {"message/rfc822", "text/rfc822-headers"}:
            ids += re.findall(r"(?im)^message-id:\s*(<[^<>\s]+>)", part.as_string())
    return f"; it names {ids[0][:120]}" if ids else ""


def _unproven(item: InboundMail, parsed: EmailMessage, what: str, why: str) -> None:
    item.kind = InboundMail.Kind.UNMATCHED
    item.note = f"{reports.NOT_ACTED_ON}: {what}, but {why}{_claimed(parsed)}; nothing changed"[
        :500
    ]
    log.warning("inbound mail #%s: %s not acted on (%s)", item.pk, what, why)


def _bounce(item: InboundMail, raw: bytes, parsed: EmailMessage) -> None:
    statuses = _delivery_status(parsed)
    actions = {s.get("action", "").lower() for s in statuses}
    status_codes = [s.get("status", "") for s in statuses]
    message, how = _proven_message(item, raw, parsed)
    if message is None:
        codes = ", ".join(status_codes) or "no status"
        _unproven(item, parsed, f"a delivery report ({codes})", how)
        return
    item.message = message
    item.person_id = message.person_id
    diagnostic = next(
        (s.get("diagnostic-code", "") for s in statuses if s.get("diagnostic-code")), ""
    )
    if "failed" in actions or any(code.startswith("5") for code in status_codes):
        services.record_hard_bounce(message, f"{' '.join(status_codes)} {diagnostic}".strip())
        item.kind = InboundMail.Kind.BOUNCE
        item.note = f"hard bounce {' '.join(status_codes)}: address suppressed ({how})"
    elif actions and actions <= {"delivered", "relayed", "expanded"}:
        services.record_delivery(message)
        item.kind = InboundMail.Kind.DELIVERY
        item.note = f"delivery report: {', '.join(sorted(actions))}"
    else:
        item.kind = InboundMail.Kind.DELAY
        item.note = f"delayed {' '.join(status_codes)}: the server keeps trying"
    item.note = item.note[:500]


def _complaint(item: InboundMail, raw: bytes, parsed: EmailMessage) -> None:
    message, how = _proven_message(item, raw, parsed)
    if message is None:
        _unproven(item, parsed, "a complaint (ARF)", how)
        return
    item.message = message
    item.person_id = message.person_id
    services.record_complaint(message)
    item.kind = InboundMail.Kind.COMPLAINT
    item.note = f"complaint (ARF): address suppressed ({how})"[:500]
