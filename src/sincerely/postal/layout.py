"""Page geometry and the printed document around a rendered body: address window, QR, why.

Window positions (measured from the top-left corner of the sheet):

- A4, DIN 5008 form B, for C5 and C6/5 (DL) window envelopes: the address field is
  85 × 45 mm at 20 mm from the left edge and 45 mm from the top. Its first 17.7 mm are
  the return-address and notes zone; the recipient's lines start 62.7 mm from the top,
  with 5 mm of inner margin (text at 25 mm from the left).
- US Letter, tri-folded into a standard #10 window envelope (4 1/8 × 9 1/2 in, window
  4 1/2 × 1 1/8 in at 7/8 in from the left and 1/2 in from the bottom): the window lies
  over the sheet from 2.04 in to 3.17 in from the top, 0.875 in to 5.375 in from the
  left; the address is set at 1.0 in from the left and 2.125 in from the top, 4 in wide.
- Postcards (A6 landscape 148 × 105 mm, 4 × 6 in landscape): the front is the body;
  the back has the message side on the left and the address on the right half, as
  postal services ask (the right half is kept free for the address and the stamp).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from django.template.loader import get_template

from sincerely.postal.models import PrintCampaign


@dataclass(frozen=True)
class Geometry:
    """Sizes in mm; `window` is the address rectangle (left, top, width, height)."""

    width: float
    height: float
    margin: tuple[float, float, float, float]
    window: tuple[float, float, float, float]
    text_top: float
    is_postcard: bool = False
    inset: float = 5


IN = 25.4
GEOMETRY = {
    PrintCampaign.Paper.A4: Geometry(210, 297, (20, 20, 20, 25), (20, 45, 85, 45), 62.7),
    PrintCampaign.Paper.LETTER: Geometry(
        8.5 * IN,
        11 * IN,
        (0.75 * IN, 0.875 * IN, 0.75 * IN, 1 * IN),
        (0.875 * IN, 2.04 * IN, 4.5 * IN, 1.13 * IN),
        2.125 * IN,
        inset=0.125 * IN,
    ),
    PrintCampaign.Paper.A6: Geometry(
        148, 105, (0, 0, 0, 0), (80, 40, 60, 45), 45, is_postcard=True, inset=3
    ),
    PrintCampaign.Paper.CARD_4X6: Geometry(
        6 * IN, 4 * IN, (0, 0, 0, 0), (3.25 * IN, 1.5 * IN, 2.5 * IN, 1.6 * IN), 1.6 * IN, True, 3
    ),
}


def geometry(paper: str) -> Geometry:
    return GEOMETRY[PrintCampaign.Paper(paper)]


@lru_cache(maxsize=4096)
def qr_data_uri(url: str) -> str:
    """A QR code of the URL as an SVG data URI (vector: sharp at any press resolution).

    The mask is fixed: trying all eight and scoring them (ISO/IEC 18004 §7.8.3) was 80 % of
    the time spent around WeasyPrint per piece (profiled), and any mask decodes; the
    codes are printed at 24 mm with a quiet zone, far from the edge cases scoring avoids.
    """
    return segno.make(url, error="m", mask=4, micro=False).svg_data_uri(scale=4, border=4)


def page_css(campaign: PrintCampaign) -> str:
    """The @page rules: size, margins, optional bleed and crop marks (CSS Paged Media)."""
    geo = geometry(campaign.paper)
    extra = ""
    if campaign.bleed_mm:
        extra += f" bleed: {int(campaign.bleed_mm)}mm;"
    if campaign.crop_marks:
        extra += " marks: crop cross;"
    margin = " ".join(f"{m:.2f}mm" for m in geo.margin)
    return f"@page {{ size: {geo.width:.2f}mm {geo.height:.2f}mm; margin: {margin};{extra} }}"


def piece_html(
    campaign: PrintCampaign,
    *,
    body: str,
    address_lines: list[str] | tuple[str, ...],
    return_address: str,
    why: str,
    url: str,
    offer_code: str,
) -> str:
    """The whole printed document of one piece, ready for WeasyPrint."""
    geo = geometry(campaign.paper)
    left, top, width, height = geo.window
    margin_top, _, _, margin_left = geo.margin
    return get_template("postal/piece.html").render(
        {
            "campaign": campaign,
            "geo": geo,
            "page_css": page_css(campaign),
            # Absolute boxes are placed from the page's content edge, so the sheet
            # coordinates of the window are shifted by the margins.
            "window": {
                "left": f"{left - margin_left:.2f}",
                "top": f"{top - margin_top:.2f}",
                "width": f"{width:.2f}",
                "height": f"{height:.2f}",
                "text_top": f"{geo.text_top - top:.2f}",
                "inset": f"{geo.inset:.2f}",
                "after": f"{top + height - margin_top + 8:.2f}",
            },
            "body": body,
            "address_lines": address_lines,
            "return_address": return_address,
            "why": why,
            "url": url,
            "url_text": url.split("://", 1)[-1],
            "qr": qr_data_uri(url),
            "offer_code": offer_code,
            "is_postcard": geo.is_postcard,
        }
    )
