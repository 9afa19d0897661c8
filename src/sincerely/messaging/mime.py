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

from sincerely.headers import CONTROL
from sincerely.messaging import conf, dkim_sign, reports
from sincerely.messaging.models import Message
from sincerely.messaging.redirects import signable
from sincerely.people.links import privacy_url, token_url

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
    "X-Sincerely-Message",
    "MIME-Version",
    "Content-Type",
]
# Control characters never reach a header: C0 (CR, LF, NUL…), DEL, C1 and the Unicode
# line and paragraph separators. Input is refused earlier (`headers.check_header_value`);
# here they become spaces, so no stored value can ever add a header line.
_CONTROL = CONTROL
_MAX_LINE = 78
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


def _clean(value: str) -> str:
    return " ".join(_CONTROL.sub(" ", value or "").split())


def _encoded(value: str, name: str = "Subject") -> str:
    """An unstructured header value as 7-bit text: RFC 2047 encoded words when not ASCII."""
    value = _clean(value)
    if value.isascii():
        return value
    return Header(value, "utf-8", header_name=name).encode(maxlinelen=76, linesep="\r\n")


def _mailbox(name: str, address: str) -> str:
    """`Display Name <address>`: the name quoted or RFC 2047 encoded, never raw."""
    name, address = _clean(name), _CONTROL.sub("", address or "").strip()
    if not name:
        return address
    if name.isascii():
        return formataddr((name, address))
    return f"{Header(name, 'utf-8').encode(maxlinelen=76, linesep=chr(13) + chr(10))} <{address}>"


def fold(name: str, value: str) -> str:
    """`Name: value` folded at spaces to 78 columns (RFC 5322 §2.2.3), CRLF-terminated.

    Only spaces become folds, so a `<https://…>` element or an encoded word is never split;
    a value with no space in reach stays long on its line (the hard limit is 998).
    """
    if (
        value
        and len(name) + 2 + len(value) <= _MAX_LINE
        and "\r\n" not in value
        and "  " not in value
        and value[0] != " " != value[-1]
    ):
        return f"{name}: {value}\r\n"  # most headers: one line, nothing to fold
    return _folded(name, value)


def _folded(name: str, value: str) -> str:
    words = [f"{name}:"]
    breaks = set()  # indexes of words that start a line already (an encoder's own folds)
    for n, segment in enumerate(value.split("\r\n")):
        if n:
            breaks.add(len(words))
        words += [w for w in segment.split(" ") if w]
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        if not current:
            current = word
        elif index in breaks or (index > 1 and len(current) + 1 + len(word) > _MAX_LINE):
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}"
    lines.append(current)
    return "\r\n ".join(lines) + "\r\n"


def fold_dkim(value: str) -> str:
    """The DKIM-Signature header folded between tags, and inside `b=` (RFC 6376 §3.2 FWS)."""
    head, _, signature = value.rpartition("b=")
    lines = fold("DKIM-Signature", head + "b=").removesuffix("\r\n")
    chunks = [signature[i : i + 72] for i in range(0, len(signature), 72)]
    return lines + "".join(f"\r\n {chunk}" for chunk in chunks) + "\r\n"


def _qp(text: str) -> bytes:
    """A UTF-8 text part as quoted-printable with CRLF line ends (RFC 2045 §6.7)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return binascii.b2a_qp(text.encode("utf-8"), istext=True).replace(b"\n", b"\r\n")


def build_headers(message: Message, sender, unsubscribe: str) -> list[tuple[str, str]]:
    """From = the staff member, Reply-To = their reply route, RFC 8058 unsubscribe headers."""
    name = message.sender_name or sender.get_full_name() or sender.get_username()
    return [
        ("From", _mailbox(name, sender.email)),
        ("To", _mailbox("", message.to_email)),
        ("Reply-To", f"{_mailbox(name, reply_address(message))}, {_mailbox('', sender.email)}"),
        ("Subject", _encoded(message.subject)),
        ("Date", format_datetime(message.sent_at or timezone.now())),
        ("Message-ID", message.message_id),
        ("List-Unsubscribe", f"<{unsubscribe}>"),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("Auto-Submitted", "no" if message.campaign_id is None else "auto-generated"),
        # The message's signed token (id + HMAC bound to the recipient), covered by DKIM: a
        # report carrying our original proves which message it is about (`reports`).
        ("X-Sincerely-Message", reports.message_token(message)),
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
    else:
        signature = ""
    head = (fold_dkim(signature) if signature else "") + "".join(
        fold(name, value) for name, value in headers
    )
    return head.encode("ascii") + b"\r\n" + body


def bounce_address(message: Message) -> str:
    """The envelope sender (VERP): `bounce+<id>-<HMAC>@`, proof for the reports (`reports`)."""
    return reports.bounce_address(message)
