"""Building the bytes of one outgoing email: headers, footer, links, DKIM signature."""

from __future__ import annotations

import binascii
import re
from email.header import Header
from email.utils import format_datetime, formataddr

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.html import escape

from sincerely.messaging import conf, dkim_sign
from sincerely.messaging.models import Message
from sincerely.messaging.redirects import signable
from sincerely.privacy.links import privacy_url, token_url

LINK_SALT = "sincerely.messaging.link"
# RFC 8058 §4: the DKIM signature must cover both List-Unsubscribe headers.
SIGNED_HEADERS = [
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "Reply-To",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "MIME-Version",
    "Content-Type",
]
_HREF = re.compile(r'href="(https?://[^"]+)"', re.I)
_URL = re.compile(r"(?<![\w/\"'=])(https?://[^\s<>\"')]+)")


def token_for(message: Message, purpose: str, extra: str = "") -> str:
    return signing.dumps(
        {"m": message.pk, "x": extra} if extra else {"m": message.pk}, salt=f"{LINK_SALT}.{purpose}"
    )


def read_link(token: str, purpose: str) -> dict:
    return signing.loads(token, salt=f"{LINK_SALT}.{purpose}")


def unsubscribe_url(message: Message) -> str:
    return token_url("messaging:unsubscribe", token_for(message, "u"))


def click_url(message: Message, url: str) -> str:
    return token_url("messaging:click", token_for(message, "c", url))


def reply_address(message: Message) -> str:
    return f"reply+{message.reply_token}@{conf.reply_domain()}"


def _is_own(url: str) -> bool:
    return url.startswith(settings.BASE_URL + "/privacy/") or "/m/u/" in url


def _track_text(message: Message, text: str) -> str:
    allowed = signable(message)  # only URLs the author wrote (messaging/redirects.py)
    return _URL.sub(
        lambda m: (
            click_url(message, m.group(1))
            if not _is_own(m.group(1)) and allowed(m.group(1))
            else m.group(1)
        ),
        text,
    )


def _track_html(message: Message, html: str) -> str:
    allowed = signable(message)

    def swap(match: re.Match) -> str:
        url = match.group(1).replace("&amp;", "&")
        if _is_own(url) or not allowed(url):
            return match.group(0)
        return f'href="{escape(click_url(message, url))}"'

    return _HREF.sub(swap, html)


def footer_text(message: Message, privacy: str, unsubscribe: str) -> str:
    return (
        "\n\n-- \n"
        f"Why you got this: {message.why}\n"
        f"What we know about you and why we sent this message: {privacy}\n"
        f"Stop these emails: {unsubscribe}\n"
    )


def footer_html(message: Message, privacy: str, unsubscribe: str) -> str:
    return (
        '<hr><p style="font-size:13px;color:#555">'
        f"Why you got this: {escape(message.why)}<br>"
        f'<a href="{escape(privacy)}">What we know about you and why we sent this message</a>'
        f' · <a href="{escape(unsubscribe)}">Stop these emails</a></p>'
    )


def message_privacy_url(person, message: Message) -> str:
    """The privacy centre page for this very message (signed, expiring)."""
    return privacy_url(person, message_id=message.pk)


def _encoded(value: str) -> str:
    """A header value as 7-bit text: RFC 2047 encoded words when it is not ASCII."""
    if value.isascii():
        return " ".join(value.split())
    return Header(value, "utf-8").encode(maxlinelen=76)


def _qp(text: str) -> bytes:
    """A UTF-8 text part as quoted-printable with CRLF line ends (RFC 2045 §6.7)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return binascii.b2a_qp(text.encode("utf-8"), istext=True).replace(b"\n", b"\r\n")


def build_headers(message: Message, sender, unsubscribe: str) -> list[tuple[str, str]]:
    """From = the staff member, Reply-To = their reply route, RFC 8058 unsubscribe headers."""
    name = message.sender_name or sender.get_full_name() or sender.get_username()
    return [
        ("From", formataddr((name, sender.email), charset="utf-8")),
        ("To", message.to_email),
        (
            "Reply-To",
            f"{formataddr((name, reply_address(message)), charset='utf-8')}, {sender.email}",
        ),
        ("Subject", _encoded(message.subject)),
        ("Date", format_datetime(message.sent_at or timezone.now())),
        ("Message-ID", message.message_id),
        ("List-Unsubscribe", f"<{unsubscribe}>"),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("Auto-Submitted", "no" if message.campaign_id is None else "auto-generated"),
        ("X-Sincerely-Message", str(message.pk)),
        ("MIME-Version", "1.0"),
    ]


def build_bytes(message: Message, sender, *, person=None) -> bytes:
    """The whole message, CRLF-terminated, DKIM-signed when a key is configured.

    Built by hand rather than with `email.message`: our headers are few and known, and the
    standard library's header objects cost more than everything else in a send (profiled).
    """
    person = person or message.person
    privacy = message_privacy_url(person, message)
    unsubscribe = unsubscribe_url(message)
    headers = build_headers(message, sender, unsubscribe)
    text = _track_text(message, message.text) + footer_text(message, privacy, unsubscribe)
    text_part = _qp(text)
    if message.html:
        html = _track_html(message, message.html)
        if conf.track_opens():
            pixel = token_url("messaging:open", token_for(message, "o"))
            html += f'<img src="{escape(pixel)}" width="1" height="1" alt="">'
        html_part = _qp(html + footer_html(message, privacy, unsubscribe))
        boundary = f"=_{message.reply_token}"
        headers.append(("Content-Type", f'multipart/alternative; boundary="{boundary}"'))
        b = boundary.encode()
        body = (
            b"--" + b + b"\r\n"
            b'Content-Type: text/plain; charset="utf-8"\r\n'
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + text_part
            + b"\r\n--"
            + b
            + b"\r\n"
            b'Content-Type: text/html; charset="utf-8"\r\n'
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + html_part
            + b"\r\n--"
            + b
            + b"--\r\n"
        )
    else:
        headers.append(("Content-Type", 'text/plain; charset="utf-8"'))
        headers.append(("Content-Transfer-Encoding", "quoted-printable"))
        body = text_part
    key = conf.dkim()
    if key is not None:
        selector, domain, pem = key
        signature = dkim_sign.sign(
            headers,
            body,
            selector=selector.decode(),
            domain=domain.decode(),
            pem=pem,
            signed=SIGNED_HEADERS,
        )
        headers.insert(0, ("DKIM-Signature", signature))
    head = "".join(f"{name}: {value}\r\n" for name, value in headers).encode("ascii")
    return head + b"\r\n" + body


def bounce_address(message: Message) -> str:
    """The envelope sender (VERP): bounces come back to `inbound` naming the message."""
    return f"bounce+{message.reply_token}@{conf.reply_domain()}"
