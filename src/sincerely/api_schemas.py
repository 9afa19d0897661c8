"""Schemas every API router shares: strict request bodies and the one error body.

Request bodies refuse unknown fields (`additionalProperties: false` in the schema, a 422
from the server), so the OpenAPI schema accepts exactly what the server accepts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints, field_validator

from sincerely.errors import DomainError
from sincerely.headers import check_header_value

NUL_REASON = "text may not contain NUL characters"

# Statuses any operation may answer with besides its own; each has an ErrorOut body.
ERROR_STATUSES = (400, 401, 403, 404, 409, 413, 422, 429)


# No NUL anywhere (PostgreSQL text cannot hold it); NONBLANK: and something besides white
# space (Python's strip() also strips \x1c-\x1f, so the pattern does too).
NO_NUL = r"^[^\x00]*$"
NONBLANK = r"^[^\x00]*[^\s\x00\x1c-\x1f][^\x00]*$"

# Reusable string shapes (the server enforces the same limits as the schema states).
ListSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")]
SegmentSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")]
PurposeSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,49}$")]
Username = Annotated[str, StringConstraints(pattern=r"^[\w.@+-]{1,150}$")]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,8}$")]
Email = Annotated[
    str,
    Field(min_length=3, max_length=254, pattern=NO_NUL, json_schema_extra={"format": "email"}),
]


def text(max_length: int, *, required: bool = False, **extra) -> type:
    """A string of at most `max_length` characters; `required`: more than white space."""
    pattern = NONBLANK if required else NO_NUL
    return Annotated[str, Field(max_length=max_length, pattern=pattern, **extra)]


# What may not reach a mail header (sincerely.headers.CONTROL), as a character class both
# JSON Schema (ECMA) and pydantic (Rust regex) read the same way.
HEADER_CONTROLS = r"\x00-\x1f\x7f-\x9f\u2028\u2029"


def _header_value(value):
    # Before the pattern: say what is wrong in the words the console and CLI use.
    if isinstance(value, str):
        try:
            check_header_value(value, "")
        except DomainError as error:
            raise ValueError(error.reason) from None
    return value


def header_text(max_length: int, *, required: bool = False) -> type:
    """A value that reaches a mail header: no control characters; `required`: not blank."""
    chars = f"[^{HEADER_CONTROLS}]"
    pattern = f"^{chars}*[^\\s{HEADER_CONTROLS}]{chars}*$" if required else f"^{chars}*$"
    return Annotated[
        str, Field(max_length=max_length, pattern=pattern), BeforeValidator(_header_value)
    ]


def _json_string(value):
    # Strict models take dates only as the ISO 8601 strings JSON carries, never numbers.
    if not isinstance(value, str):
        raise ValueError("give a date and time in ISO 8601, e.g. 2026-05-01T09:00:00Z")
    return value


DateTime = Annotated[datetime, Field(strict=False), BeforeValidator(_json_string)]


def _json_integer(value):
    # JSON Schema's integer includes 3.0; it never includes true, "3" or 3.5.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("give a whole number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("give a whole number")
    return int(value)


def Int(**constraints) -> type:  # noqa: N802 - used like a type
    """An integer as JSON Schema means it (3 and 3.0), with optional ge/le bounds."""
    return Annotated[int, Field(strict=False, **constraints), BeforeValidator(_json_integer)]


class StrictIn(Schema):
    """Base of every request body: unknown fields are refused by schema and server alike."""

    # strict: no quiet coercion ("1" is not 1, 1 is not true), as the schema says.
    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value):
        # PostgreSQL text cannot hold NUL: refuse it, naming the field, before any write.
        if _has_nul(value):
            raise ValueError(NUL_REASON)
        return value


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


class ErrorItem(Schema):
    field: str
    reason: str


class ErrorOut(Schema):
    """Every error: what is wrong, which field (dotted path) and, for schema errors, all of them."""

    detail: str
    field: str | None = None
    errors: list[ErrorItem] | None = None
    line: int | None = None
