"""Proof that a bounce or complaint report concerns a message we sent: signed VERP tokens, DKIM.

A report (DSN, ARF, a provider's event) suppresses a person for good, so it is acted on
only when it proves that it is about one of our messages to that recipient:

- the report came back to the message's own return path, `bounce+TOKEN@REPLY_DOMAIN`,
  where TOKEN is the message id with an HMAC of (message id, recipient) under a dedicated
  salt of SECRET_KEY; nobody who did not receive that message can produce it; or
- the report carries our original message, and our DKIM signature on it verifies against
  our own key (offline: the public key is derived from the configured private key, never
  looked up in DNS), so the Message-ID, recipient and signed token it names are ours.

Everything else is kept as unmatched with the reason, and changes nothing.
"""

from __future__ import annotations

import base64
import re
from datetime import timedelta
from email.message import Message as MimeMessage
from functools import cache

from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from sincerely.messaging import conf
from sincerely.messaging.models import InboundMail, Message

BOUNCE_SALT = "sincerely.messaging.bounce-token"
# 26 hex digits: 104 bits of HMAC-SHA256, short enough for a 64-character local part.
MAC_LENGTH = 26
SIGNED_TOKEN_RE = re.compile(r"\bbounce\+([0-9]{1,12})-([0-9a-f]{26})@", re.I)
# How an unmatched report's note starts: the burst count and the unmatched page find them by it.
NOT_ACTED_ON = "report not acted on"
TOKEN_VALUE_RE = re.compile(r"^\s*([0-9]{1,12})-([0-9a-f]{26})\s*$", re.I)


def _mac(message_pk: int, recipient: str) -> str:
    value = f"{message_pk}:{recipient.strip().lower()}"
    return salted_hmac(BOUNCE_SALT, value, algorithm="sha256").hexdigest()[:MAC_LENGTH]


def message_token(message: Message) -> str:
    """`<id>-<mac>`: names the message and proves it, bound to its recipient."""
    return f"{message.pk}-{_mac(message.pk, message.to_email)}"


def bounce_address(message: Message) -> str:
    """The envelope sender (VERP): only this message's recipient's servers ever see it."""
    return f"bounce+{message_token(message)}@{conf.reply_domain()}"


def _verified(pk: str, mac: str) -> Message | None:
    message = Message.objects.filter(pk=int(pk)).first()
    if message is None:
        return None
    if not constant_time_compare(_mac(message.pk, message.to_email), mac.lower()):
        return None
    return message


def message_from_token(value: str) -> Message | None:
    """The message a bare `<id>-<mac>` token (our X-Sincerely-Message header) proves."""
    match = TOKEN_VALUE_RE.match(value or "")
    return _verified(*match.groups()) if match else None


def message_from_addresses(*values: str) -> Message | None:
    """The first message whose signed bounce address appears in these address lists."""
    for value in values:
        for pk, mac in SIGNED_TOKEN_RE.findall(value or ""):
            message = _verified(pk, mac)
            if message is not None:
                return message
    return None


@cache
def _public_record(pem: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pem, password=None).public_key()
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


def our_dkim_verifies(raw: bytes) -> bool:
    """True when one DKIM-Signature on `raw` is ours (our d= and selector) and verifies."""
    key = conf.dkim()
    if key is None or b"dkim-signature" not in raw[:65536].lower():
        return False
    import dkim

    selector, domain, pem = key
    expected = selector + b"._domainkey." + domain + b"."
    record = _public_record(pem)

    def our_key_only(name: bytes, timeout: int = 5) -> bytes | None:
        # Offline by design: our own key for our own name, nothing for anyone else's.
        return record if name.lower() == expected.lower() else None

    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    try:
        checker = dkim.DKIM(raw, minkey=1024)
        count = sum(1 for name, _ in checker.headers if name.lower() == b"dkim-signature")
        for idx in range(count):
            if checker.verify(idx=idx, dnsfunc=our_key_only):
                return True
    except Exception:  # noqa: BLE001 - dkimpy raises many kinds on hostile input: not verified
        return False
    return False


def embedded_originals(raw: bytes, parsed: MimeMessage) -> list[bytes]:
    """The exact bytes of each `message/rfc822` part of a report (DKIM needs them untouched)."""
    boundary = parsed.get_boundary()
    if not boundary:
        return []
    out = []
    delimiter = b"--" + boundary.encode("ascii", "replace")
    for chunk in raw.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        head, sep, body = chunk.partition(b"\r\n\r\n")
        if not sep:
            head, sep, body = chunk.partition(b"\n\n")
        if re.search(rb"(?im)^content-type:\s*message/rfc822\b", head):
            # The CRLF before the next delimiter belongs to the delimiter (RFC 2046 §5.1.1).
            out.append(body[:-2] if body.endswith(b"\r\n") else body.removesuffix(b"\n"))
    return out


def message_from_original(original: bytes) -> Message | None:
    """The message a DKIM-verified original names: its signed token, else its Message-ID."""
    from email import message_from_bytes, policy

    headers = message_from_bytes(original, policy=policy.default)
    # DKIM verifies the bottom-most instance of a signed header: a second, unsigned copy
    # added on top must not be the one we read.
    if any(len(headers.get_all(name) or []) > 1 for name in ("X-Sincerely-Message", "Message-ID")):
        return None
    found = message_from_token(str(headers.get("X-Sincerely-Message", "")))
    if found is not None:
        return found
    ids = re.findall(r"<[^<>\s]+>", str(headers.get("Message-ID", "")))
    return Message.objects.filter(message_id__in=ids).first() if ids else None


def report_burst(*, now=None) -> dict:
    """Bounces and complaints (matched or not) in the last hour beside the usual hourly rate.

    The usual rate is the average per hour over the 7 days before that hour; a burst is at
    least 20 reports and 5 times the usual rate, the shape of a forged-report flood.
    """
    now = now or timezone.now()
    reports = InboundMail.objects.filter(
        Q(kind__in=[InboundMail.Kind.BOUNCE, InboundMail.Kind.COMPLAINT])
        | Q(kind=InboundMail.Kind.UNMATCHED, note__startswith=NOT_ACTED_ON)
    )
    hour_ago = now - timedelta(hours=1)
    last_hour = reports.filter(received_at__gte=hour_ago).count()
    week = reports.filter(received_at__gte=hour_ago - timedelta(days=7), received_at__lt=hour_ago)
    usual = week.count() / (7 * 24)
    unmatched = reports.filter(received_at__gte=hour_ago, kind=InboundMail.Kind.UNMATCHED).count()
    return {
        "last_hour": last_hour,
        "unmatched_last_hour": unmatched,
        "usual_per_hour": round(usual, 1),
        "is_burst": last_hour >= 20 and last_hour >= 5 * max(usual, 1.0),
    }
