"""HTML to PDF with WeasyPrint, one chunk of pieces per file, and PNG proofs with pypdfium2.

Memory stays bounded by the chunk, not the job: each chunk's pieces are laid out, written
to a temporary file, renamed into place and dropped before the next chunk starts.
WeasyPrint may fetch nothing but `data:` URIs (the QR codes), so a template cannot make
the worker reach the network or read local files.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

PROOF_DPI = 100
# WeasyPrint logs every step of every document at INFO: thousands of lines per job.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@cache
def _fetcher() -> URLFetcher:
    return URLFetcher(allowed_protocols={"data"})


@cache
def _fonts() -> FontConfiguration:
    # One per process: building it scans the system's fonts (about 50 ms).
    return FontConfiguration()


def render_document(html: str):
    """The laid-out WeasyPrint document of one piece."""
    return HTML(string=html, url_fetcher=_fetcher()).render(font_config=_fonts())


def pdf_bytes(html: str) -> bytes:
    return render_document(html).write_pdf()


def write_chunk(htmls: Iterable[str], path: Path) -> list[int]:
    """Render every piece of a chunk into one PDF file; returns each piece's page count."""
    documents = [render_document(html) for html in htmls]
    counts = [len(doc.pages) for doc in documents]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".pdf.part")
    if documents:
        pages = [page for doc in documents for page in doc.pages]
        documents[0].copy(pages).write_pdf(target=str(tmp))
        os.replace(tmp, path)
    return counts


def write_proofs(pdf: Path, folder: Path, *, first_pages: list[int]) -> list[Path]:
    """PNG proofs of the first page of the first pieces (checked before a press run)."""
    import pypdfium2

    written = []
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for number, index in enumerate(i for i in first_pages if i < len(document)):
            image = document[index].render(scale=PROOF_DPI / 72).to_pil()
            target = Path(folder) / f"proof-{number + 1}.png"
            image.save(target, format="PNG")
            written.append(target)
    finally:
        document.close()
    return written
