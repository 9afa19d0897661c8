"""Domain errors shared by every app: each carries what a person needs to fix the input."""

from __future__ import annotations


class DomainError(Exception):
    """Bad input or a refused action, naming the field (and the line, for files).

    Views turn it into a message, the API into a 422 body, the CLI into an exit status 2.
    """

    status_code = 422

    def __init__(self, reason: str, *, field: str = "", line: int | None = None) -> None:
        self.reason = reason
        self.field = field
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def as_dict(self) -> dict:
        body: dict = {"detail": self.reason}
        if self.field:
            body["field"] = self.field
        if self.line is not None:
            body["line"] = self.line
        return body


class NotFound(DomainError):
    status_code = 404


class Forbidden(DomainError):
    status_code = 403


class ImportRejected(DomainError):
    """A whole import refused: nothing was written."""
