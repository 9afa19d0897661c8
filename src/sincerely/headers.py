"""Values that can reach an email header (names, subjects, senders): no control characters.

A CR or LF in a header value would start a new header line (`Bcc:`) in the message we
build; NUL, the other C0 and C1 controls and the Unicode line/paragraph separators break
or fold headers in some clients. They are refused where the value enters, naming the
field, and `messaging.mime` also neutralises them on output.
"""

from __future__ import annotations

import re

from sincerely.errors import DomainError

CONTROL = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]")


def check_header_value(value: str | None, field: str) -> str:
    """`value` unchanged, or a DomainError naming `field` when it holds a control character."""
    found = CONTROL.search(value or "")
    if found:
        code = f"U+{ord(found.group(0)):04X}"
        raise DomainError(
            f"must not contain control characters such as line breaks ({code} found); "
            "this value is used in email headers",
            field=field,
        )
    return value or ""
