"""Charts drawn as SVG on the server, so pages need no script and no CDN."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def bar_chart(bars: list[Bar], *, title: str, width: int = 640, height: int = 220) -> SafeString:
    """A labelled bar chart with an accessible title; the page shows the table beside it."""
    if not bars:
        return mark_safe("")
    pad_left, pad_bottom, pad_top = 44, 40, 16
    plot_w = width - pad_left - 8
    plot_h = height - pad_bottom - pad_top
    top = max(b.value for b in bars) or 1
    step = plot_w / len(bars)
    bar_w = max(step * 0.7, 1)
    label_every = max(1, len(bars) // 12)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{pad_left}" y1="{pad_top + plot_h}" x2="{width - 8}" '
        f'y2="{pad_top + plot_h}" stroke="#8c959f"/>',
        f'<text x="{pad_left - 6}" y="{pad_top + 4}" text-anchor="end">{_fmt(top)}</text>',
        f'<text x="{pad_left - 6}" y="{pad_top + plot_h}" text-anchor="end">0</text>',
    ]
    for i, bar in enumerate(bars):
        h = plot_h * (bar.value / top)
        x = pad_left + i * step + (step - bar_w) / 2
        y = pad_top + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="#0b5cad">'
            f"<title>{escape(bar.label)}: {_fmt(bar.value)}</title></rect>"
        )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - pad_bottom + 14}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label above is escaped


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:,.2f}"
