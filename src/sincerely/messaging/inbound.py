"""Mail that comes back: replies, out-of-office notes, DSN bounces (RFC 3464), ARF complaints.

Every inbound message is stored raw first, then classified; a message we cannot parse
or match is kept with a note and logged, never dropped and never a crash.
"""

from __future__ import annotations

import logging
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

import nh3
from django.db import transaction

from sincerely import registry
from sincerely.messaging import services
from sincerely.messaging.models import InboundMail, Message

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"\b(?:reply|bounce)\+([0-9a-f]{20})@", re.I)
AUTO_SUBJECT = re.compile(
    r"^\s*(?:auto(?:matic)?[ -]?(?:reply|response)|autoreply|out of (?:the )?office|"
    r"away from (?:the )?office|on vacation|on holiday|absence|absent|"
    r"r[ée]ponse automatique|message d'absence|je suis absente?|en cong[ée]s?)\b",
    re.I,
)
QUOTE_HEADERS = [
    re.compile(r"^\s*On\b.{0,300}\bwrote:\s*$", re.I | re.S),
    re.compile(r"^\s*Le\b.{0,300}\ba [ée]crit\s*:\s*$", re.I | re.S),
    re.compile(
        r"^\s*-{2,}\s*(?:Original Message|Message d'origine|Message original)\s*-{2,}", re.I
    ),
    re.compile(r"^\s*(?:From|De)\s*:\s.+", re.I),
    re.compile(r"^_{20,}\s*$"),
]
SIGNATURE_LINES = [
    re.compile(r"^-- ?$"),
    re.compile(r"^(?:Sent from my|Envoy[ée] de mon|Get Outlook for)\b", re.I),
]


def extract_new_text(body: str) -> str:
    """The text the person wrote above the quoted message and their signature."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if any(p.match(line) for p in SIGNATURE_LINES):
            break
        two = line + " " + (lines[i + 1] if i + 1 < len(lines) else "")
        if QUOTE_HEADERS[0].match(line) or QUOTE_HEADERS[1].match(line):
            break
        if line.strip().lower().startswith(("on ", "le ")) and (
            QUOTE_HEADERS[0].match(two) or QUOTE_HEADERS[1].match(two)
        ):
            break
        if any(p.match(line) for p in QUOTE_HEADERS[2:]):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def _body_text(parsed: EmailMessage) -> str:
    part = parsed.get_body(("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", "replace")
    if part.get_content_type() == "text/html":
        content = re.sub(r"<\s*(?:br|/p|/div)\b[^>]*>", "\n", content, flags=re.I)
        content = nh3.clean(content, tags=set())
    return str(content)


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


def _original_of(parsed: EmailMessage) -> Message | None:
    """The message a DSN or ARF report is about: by its Message-ID or our own header."""
    for part in parsed.walk():
        ctype = part.get_content_type()
        headers = None
        if ctype == "message/rfc822":
            inner = part.get_payload()
            headers = inner[0] if isinstance(inner, list) and inner else None
        elif ctype == "text/rfc822-headers":
            payload = part.get_payload(decode=True) or b""
            headers = message_from_bytes(payload, policy=policy.default)
        if headers is None:
            continue
        ours = str(headers.get("X-Sincerely-Message", "")).strip()
        if ours.isdigit():
            found = Message.objects.filter(pk=int(ours)).first()
            if found:
                return found
        ids = _ids(str(headers.get("Message-ID", "")))
        if ids:
            found = Message.objects.filter(message_id__in=ids).first()
            if found:
                return found
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
        _bounce(item, parsed)
        return
    if ctype == "multipart/report" and report_type == "feedback-report":
        _complaint(item, parsed)
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
    text = extract_new_text(_body_text(parsed)) or "(no new text)"
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


def _bounce(item: InboundMail, parsed: EmailMessage) -> None:
    message = _original_of(parsed) or _match_message(parsed, item.rcpt_to)
    statuses = _delivery_status(parsed)
    item.message = message
    item.person_id = message.person_id if message else None
    actions = {s.get("action", "").lower() for s in statuses}
    status_codes = [s.get("status", "") for s in statuses]
    diagnostic = next(
        (s.get("diagnostic-code", "") for s in statuses if s.get("diagnostic-code")), ""
    )
    if message is None:
        item.kind = InboundMail.Kind.UNMATCHED
        item.note = f"bounce for an unknown message ({', '.join(status_codes) or 'no status'})"
        log.warning("inbound mail #%s: bounce for an unknown message", item.pk)
        return
    if "failed" in actions or any(code.startswith("5") for code in status_codes):
        services.record_hard_bounce(message, f"{' '.join(status_codes)} {diagnostic}".strip())
        item.kind = InboundMail.Kind.BOUNCE
        item.note = f"hard bounce {' '.join(status_codes)}: address suppressed"
    elif "delivered" in actions or "relayed" in actions:
        services.record_delivery(message)
        item.kind = InboundMail.Kind.DELAY
        item.note = "delivery report: delivered"
    else:
        item.kind = InboundMail.Kind.DELAY
        item.note = f"delayed {' '.join(status_codes)}: the server keeps trying"


def _complaint(item: InboundMail, parsed: EmailMessage) -> None:
    message = _original_of(parsed)
    if message is None:
        for part in parsed.walk():
            if part.get_content_type() == "message/feedback-report":
                payload = part.get_payload()
                text = str(payload[0]) if isinstance(payload, list) and payload else str(payload)
                for addr in getaddresses(re.findall(r"Original-Rcpt-To:\s*(.+)", text, re.I)):
                    message = Message.objects.filter(to_email__iexact=addr[1]).first()
    item.message = message
    item.person_id = message.person_id if message else None
    if message is None:
        item.kind = InboundMail.Kind.UNMATCHED
        item.note = "complaint about an unknown message"
        log.warning("inbound mail #%s: complaint for an unknown message", item.pk)
        return
    services.record_complaint(message)
    item.kind = InboundMail.Kind.COMPLAINT
    item.note = "complaint (ARF): address suppressed"
