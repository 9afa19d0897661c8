"""Printed mail's configuration, read from Django settings first and the environment second."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from sincerely.settings import env


def _setting(name: str, default: str = "") -> str:
    value = getattr(settings, f"SINCERELY_{name}", None)
    return str(value) if value is not None else env(name, default)


def print_dir() -> Path:
    """Where print jobs are written for a print house to pick up (SINCERELY_PRINT_DIR)."""
    return Path(_setting("PRINT_DIR", str(settings.DATA_DIR / "print"))).resolve()


def chunk_size() -> int:
    """Pieces per PDF file (SINCERELY_PRINT_CHUNK): each chunk is rendered and freed in turn."""
    return max(1, int(_setting("PRINT_CHUNK", "200")))


def provider() -> str:
    """The dotted path of the provider adapter that receives finished jobs."""
    return _setting("PRINT_PROVIDER", "sincerely.postal.providers.FolderProvider")


def link_max_age() -> int:
    """Seconds a printed personal link keeps working (paper stays on desks: a year)."""
    return int(_setting("PRINT_LINK_MAX_AGE", str(365 * 24 * 3600)))


def proof_count() -> int:
    return int(_setting("PRINT_PROOFS", "3"))


def return_address() -> str:
    """The sender's postal address printed above the window (SINCERELY_PRINT_RETURN_ADDRESS)."""
    return _setting("PRINT_RETURN_ADDRESS", "")
