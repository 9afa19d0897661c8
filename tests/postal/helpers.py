"""Reading produced PDFs the way a print house (or a person with a phone) would."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader

MM_PER_PT = 25.4 / 72


def job_files(folder) -> dict[str, Path]:
    return {p.name: p for p in Path(folder).iterdir()}


def manifest(folder) -> list[dict]:
    with open(Path(folder) / "manifest.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def held_back(folder) -> list[dict]:
    with open(Path(folder) / "held_back.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def piece_text(folder, row: dict) -> str:
    """The text of one piece's pages, found through the manifest's file and first page."""
    reader = PdfReader(Path(folder) / row["file"])
    first = int(row["page"]) - 1
    return "\n".join(
        reader.pages[i].extract_text() for i in range(first, first + int(row["pages"]))
    )


def text_positions(page) -> list[tuple[str, float, float]]:
    """(text, mm from the left edge, mm from the top edge) of each text run's baseline."""
    height = float(page.mediabox.height)
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append((text.strip(), x * MM_PER_PT, (height - y) * MM_PER_PT))

    page.extract_text(visitor_text=visit)
    return found


def decode_qr(pdf_path, page_index: int) -> list[str]:
    """Render the page as a phone camera would see it and decode every QR code on it."""
    import pypdfium2
    import pytest

    zxingcpp = pytest.importorskip("zxingcpp", reason="pip install zxing-cpp to decode QR codes")
    document = pypdfium2.PdfDocument(str(pdf_path))
    try:
        image = document[page_index].render(scale=3).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]
