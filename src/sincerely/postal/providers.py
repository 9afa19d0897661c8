"""Where finished print jobs go: a provider adapter per print house or print-and-mail service.

The default, `FolderProvider`, leaves the job in its folder under SINCERELY_PRINT_DIR and
writes `READY.json` last, listing every file with its size and SHA-256: a print house
that picks up folders waits for that file, so it never takes a job still being written.
Another adapter (an API of a print-and-mail service) subclasses `PrintProvider` and is
named in SINCERELY_PRINT_PROVIDER.
"""

from __future__ import annotations

import hashlib
import json
import os
from abc import ABC, abstractmethod
from inspect import isabstract
from pathlib import Path

from django.utils import timezone
from django.utils.module_loading import import_string

from sincerely.errors import DomainError
from sincerely.postal import conf
from sincerely.postal.models import PrintJob


class PrintProvider(ABC):
    """Receives a finished job: its folder holds the PDFs, manifest.csv and held_back.csv."""

    name = "provider"

    @abstractmethod
    def submit(self, job: PrintJob) -> str:
        """Hand the job over; returns a reference to show on the job page."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class FolderProvider(PrintProvider):
    name = "folder"

    def submit(self, job: PrintJob) -> str:
        folder = Path(job.folder)
        files = [
            {"name": p.name, "bytes": p.stat().st_size, "sha256": _sha256(p)}
            for p in sorted(folder.iterdir())
            if p.is_file() and p.name != "READY.json" and not p.name.endswith(".part")
        ]
        ready = {
            "job": job.pk,
            "campaign": job.campaign.name,
            "pieces": job.pieces.filter(status="printed").count(),
            "held_back": job.held,
            "finished_at": timezone.now().isoformat(),
            "files": files,
        }
        tmp = folder / "READY.json.part"
        tmp.write_text(json.dumps(ready, indent=2), encoding="utf-8")
        os.replace(tmp, folder / "READY.json")
        return str(folder)


def provider_for(job: PrintJob) -> PrintProvider:
    path = job.provider if "." in (job.provider or "") else conf.provider()
    try:
        cls = import_string(path)
    except ImportError:
        raise DomainError(f"no print provider '{path}'", field="provider") from None
    if not (isinstance(cls, type) and issubclass(cls, PrintProvider)) or isabstract(cls):
        raise DomainError(
            f"'{path}' is not a print provider (a PrintProvider subclass with submit)",
            field="provider",
        )
    return cls()
