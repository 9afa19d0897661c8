"""Building the bytes of one outgoing email: headers, footer, links, DKIM signature."""

from __future__ import annotations

import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from django.conf import settings
from django.core import signing
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape

from sincerely.messaging import conf, dkim_sign
from sincerely.messaging.models import Message
from sincerely.privacy.links import privacy_token, privacy_url

LINK_SALT = "sincerely.messaging.link"
# RFC 8058 §4: the DKIM signature must cover both List-Unsubscribe headers.
SIGNED_HEADERS = [
    b"From",
    b"To",
    b"Subject",
    b"Date",
    b"Message-ID",
    b"Reply-To",
    b"List-Unsubscribe",
    b"List-Unsubscribe-Post",
    b"MIME-Version",
    b"Content-Type",
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
    return settings.BASE_URL + reverse("messaging:unsubscribe", args=[token_for(message, "u")])


def click_url(message: Message, url: str) -> str:
    return settings.BASE_URL + reverse("messaging:click", args=[token_for(message, "c", url)])


def reply_address(message: Message) -> str:
    return f"reply+{message.reply_token}@{conf.reply_domain()}"


def _is_own(url: str) -> bool:
    return url.startswith(settings.BASE_URL + "/privacy/") or "/m/u/" in url


def _track_text(message: Message, text: str) -> str:
    return _URL.sub(
        lambda m: m.group(1) if _is_own(m.group(1)) else click_url(message, m.group(1)), text
    )


def _track_html(message: Message, html: str) -> str:
    def swap(match: re.Match) -> str:
        url = match.group(1).replace("&amp;", "&")
        return match.group(0) if _is_own(url) else f'href="{escape(click_url(message, url))}"'

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
    try:
        return privacy_url(person, message_id=message.pk)
    except NoReverseMatch:
        # Until the privacy centre's page is routed, link where it will live.
        return f"{settings.BASE_URL}/privacy/{privacy_token(person, message_id=message.pk)}/"


def build_email(message: Message, sender, *, person=None) -> EmailMessage:
    """The message with From = the staff member, Reply-To = their reply route, RFC 8058 headers."""
    person = person or message.person
    privacy = message_privacy_url(person, message)
    unsubscribe = unsubscribe_url(message)
    name = message.sender_name or sender.get_full_name() or sender.get_username()
    email = EmailMessage(policy=SMTP)
    email["From"] = Address(name, addr_spec=sender.email)
    email["To"] = message.to_email
    email["Reply-To"] = f"{Address(name, addr_spec=reply_address(message))}, {sender.email}"
    email["Subject"] = message.subject
    email["Date"] = format_datetime(message.sent_at or timezone.now())
    email["Message-ID"] = message.message_id
    email["List-Unsubscribe"] = f"<{unsubscribe}>"
    email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email["Auto-Submitted"] = "no" if message.campaign_id is None else "auto-generated"
    email["X-Sincerely-Message"] = str(message.pk)
    email.set_content(
        _track_text(message, message.text) + footer_text(message, privacy, unsubscribe)
    )
    if message.html:
        html = _track_html(message, message.html)
        if conf.track_opens():
            pixel = settings.BASE_URL + reverse("messaging:open", args=[token_for(message, "o")])
            html += f'<img src="{escape(pixel)}" width="1" height="1" alt="">'
        email.add_alternative(html + footer_html(message, privacy, unsubscribe), subtype="html")
    return email


def to_bytes(email: EmailMessage) -> bytes:
    """Serialised with CRLF line ends and, when configured, a DKIM-Signature on top."""
    raw = email.as_bytes(policy=SMTP)
    key = conf.dkim()
    if key is None:
        return raw
    selector, domain, private_key = key
    signature = dkim_sign.sign(raw, selector, domain, private_key, SIGNED_HEADERS)
    return signature + raw


def bounce_address(message: Message) -> str:
    """The envelope sender (VERP): bounces come back to `inbound` naming the message."""
    return f"bounce+{message.reply_token}@{conf.reply_domain()}"
