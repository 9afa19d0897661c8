"""Gunicorn's access log without secrets: tokens in paths, query strings and referrers are
replaced by `…` before a line is written.

Privacy-centre links, unsubscribe, click and open links, comment confirmations and
"not for me" links carry a signed token in their path; reader links carry one in `?as=`,
tracked mail links in `?sid=`. Anyone who can read the log could otherwise open a person's
privacy centre. `sincerely serve` passes `--logger-class sincerely.accesslog.RedactingLogger`.
"""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

# A path segment that follows one of these prefixes is a token.
_PATH_TOKEN = re.compile(
    r"(/(?:privacy|m/[uco]|offers/not-for-me|blog/comments/(?:confirm|unsubscribe))/)"
    r"([^/?#\s\"]+)"
)
_QUERY_TOKEN = re.compile(r"([?&](?:as|sid|token|secret|key)=)[^&#\s\"]*", re.I)
REDACTED = "…"


def redact(text: str) -> str:
    """The same text with every token-bearing part replaced."""
    if not text:
        return text
    text = _PATH_TOKEN.sub(lambda m: m.group(1) + REDACTED, text)
    return _QUERY_TOKEN.sub(lambda m: m.group(1) + REDACTED, text)


class RedactingLogger(Logger):
    """Gunicorn's logger with the request line, path, query and referrer atoms redacted."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms


class RedactFilter(logging.Filter):
    """The same redaction for application log lines (Django logs "Not Found: /m/u/TOKEN/")."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
