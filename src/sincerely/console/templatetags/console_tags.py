"""Template tags of the console's big lists: sortable column headers and the pager."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_th(context, label: str, key: str, css: str = "") -> str:
    """A column header that sorts by `key`; a second click reverses it (aria-sort says which)."""
    current = context.get("sort", "")
    params = context.get("params", "")
    active = current.lstrip("-") == key
    descending = current.startswith("-")
    target = f"-{key}" if active and not descending else key
    query = f"?{params}&sort={target}" if params else f"?sort={target}"
    if active:
        arrow, state = ("▼", "descending") if descending else ("▲", "ascending")
        return format_html(
            '<th scope="col" class="{}" aria-sort="{}"><a class="sort" href="{}">{} '
            '<span class="dir" aria-hidden="true">{}</span></a></th>',
            css,
            state,
            query,
            label,
            arrow,
        )
    return format_html(
        '<th scope="col" class="{}"><a class="sort" href="{}">{}</a></th>', css, query, label
    )


@register.inclusion_tag("console/_pager.html", takes_context=True)
def pager(context, noun: str = "") -> dict:
    page = context["page"]
    params = context.get("params", "")
    sort = context.get("sort", "")
    base = "&".join(p for p in (params, f"sort={sort}" if sort else "") if p)
    return {"page": page, "base": base, "noun": noun}
