"""The connections the outbox sends through: SMTP (one reused connection, each message
recorded while the server reads the next) and a provider through django-anymail."""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from sincerely.messaging.models import Message
from sincerely.workers import in_flight

_LEADING_DOT = re.compile(rb"(?m)^\.")


def _nothing() -> None:
    return None


_PLAIN_ADDRESS = re.compile(r"[^\s<>()\[\]\\,;:\"@]+@[^\s<>()\[\]\\,;:\"@]+")


def _path(address: str) -> str:
    """An address as an SMTP path; ours are plain, and smtplib.quoteaddr's parser costs
    more than a whole SMTP command (profiled), so it only sees the others."""
    return f"<{address}>" if _PLAIN_ADDRESS.fullmatch(address) else smtplib.quoteaddr(address)


class SmtpTransport:
    """One reused SMTP connection to SINCERELY_SMTP_URL (smtp://, smtp+starttls://, smtps://)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.scheme = parts.scheme or "smtp"
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or (465 if self.scheme == "smtps" else 25)
        self.username = unquote(parts.username or "")
        self.password = unquote(parts.password or "")
        self.client: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        if self.client is None:
            cls = smtplib.SMTP_SSL if self.scheme == "smtps" else smtplib.SMTP
            client = cls(self.host, self.port, timeout=30)
            if self.scheme == "smtp+starttls":
                client.starttls()
            if self.username:
                client.login(self.username, self.password)
            client.ehlo_or_helo_if_needed()
            # Commands are small writes that each wait for a reply: no Nagle delay.
            client.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.client = client
        return self.client

    def send(
        self,
        mail_from: str,
        to: str,
        raw: bytes,
        meanwhile: Callable[[], None] = _nothing,
        settle: Callable[[], None] = _nothing,
    ) -> None:
        """One SMTP transaction; a connection the server closed while idle is reopened once.

        `meanwhile` is database work done between two messages (recording the previous one
        as sent). It starts after MAIL FROM is written and is called again while the server
        answers RCPT and DATA, so it overlaps the server's turns instead of adding to them;
        `settle` waits for it to be done before the final dot, which is what makes the
        server take this message. Both must be safe to call again (the caller's error paths
        record too).
        """
        try:
            reused = self.client is not None
            try:
                client = self.open()
                client.putcmd("mail", f"FROM:{_path(mail_from)}")
                meanwhile()
                code, reply = client.getreply()
            except (smtplib.SMTPServerDisconnected, OSError):
                if not reused:
                    raise
                code, reply = 421, b"closed while idle"
            if code == 421 and reused:
                # Servers close idle sessions, or after so many messages per session (a
                # 421 on the next command): that is no failure of this message.
                self.close(quit=False)
                client = self.open()
                client.putcmd("mail", f"FROM:{_path(mail_from)}")
                code, reply = client.getreply()
            if code != 250:
                client.rset()
                raise smtplib.SMTPSenderRefused(code, reply, mail_from)
            client.putcmd("rcpt", f"TO:{_path(to)}")
            meanwhile()
            code, reply = client.getreply()
            if code not in (250, 251):
                client.rset()
                raise smtplib.SMTPRecipientsRefused({to: (code, reply)})
            client.putcmd("data")
            code, reply = client.getreply()
            if code != 354:
                client.rset()
                raise smtplib.SMTPDataError(code, reply)
            meanwhile()
            settle()
            content = _LEADING_DOT.sub(b"..", raw)
            if not content.endswith(b"\r\n"):
                content += b"\r\n"
            client.send(content)
            in_flight.acquire()  # until recorded, the one message a kill may repeat
            client.send(b".\r\n")
            code, reply = client.getreply()
            if code != 250:
                raise smtplib.SMTPDataError(code, reply)
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code == 421:  # the server is closing the connection
                self.close(quit=False)
            raise
        except smtplib.SMTPRecipientsRefused:
            raise
        except BaseException:
            self.close(quit=False)
            raise

    def close(self, *, quit: bool = True) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        if quit:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
        with contextlib.suppress(OSError):
            client.close()


class EspTransport:
    """An email service provider through django-anymail (SINCERELY_EMAIL_BACKEND)."""

    def __init__(self, backend: str) -> None:
        from django.core.mail import get_connection

        self.connection = get_connection(backend)

    def send_message(self, message: Message, raw: bytes) -> None:
        from email import message_from_bytes, policy

        from django.core.mail import EmailMultiAlternatives

        email = message_from_bytes(raw, policy=policy.default)

        headers = {
            k: str(v)
            for k, v in email.items()
            if k
            not in {
                "From",
                "To",
                "Subject",
                "Content-Type",
                "MIME-Version",
                "Content-Transfer-Encoding",
                "DKIM-Signature",
            }
        }
        text_part = email.get_body(("plain",))
        html_part = email.get_body(("html",))
        out = EmailMultiAlternatives(
            subject=message.subject,
            body=text_part.get_content() if text_part else "",
            from_email=str(email["From"]),
            to=[message.to_email],
            headers=headers,
            connection=self.connection,
        )
        if html_part is not None:
            out.attach_alternative(html_part.get_content(), "text/html")
        from sincerely.messaging.esp import METADATA_KEY

        out.metadata = {METADATA_KEY: str(message.pk)}
        out.send()

    def close(self) -> None:
        self.connection.close()
