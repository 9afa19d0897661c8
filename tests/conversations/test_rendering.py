"""Hostile Markdown and HTML through the renderers never yields script, handlers or js URLs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from sincerely.conversations.rendering import render_comment, render_post

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "![x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "<iframe src=//evil>",
    '"><script>alert(1)</script>',
    "<style>body{}</style>",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "<<script>script>alert(1)<</script>/script>",
    "`<script>`",
    "<a href='vbscript:msgbox(1)'>v</a>",
    '<div style="background:url(javascript:alert(1))">',
    "<form action=javascript:alert(1)><button>go",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]

hostile = st.lists(
    st.one_of(st.sampled_from(ATTACKS), st.text(max_size=30)), min_size=1, max_size=8
).map("".join)

FORBIDDEN_TAGS = {"script", "iframe", "svg", "style", "object", "embed", "math", "form", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset"}


class Elements(HTMLParser):
    """Every element and attribute as a browser's parser would see them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def assert_safe(html: str) -> None:
    parser = Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.found:
        assert tag not in FORBIDDEN_TAGS, html
        for name, value in attrs:
            assert not name.startswith("on"), html
            assert name != "style", html
            if name in URL_ATTRIBUTES and value:
                squashed = re.sub(r"[\x00-\x20]", "", value).lower()
                assert not squashed.startswith(("javascript:", "vbscript:", "data:")), html


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_comment_renderer_never_lets_script_through(text):
    assert_safe(render_comment(text))


@settings(max_examples=150, deadline=None)
@given(hostile)
def test_post_renderer_never_lets_script_through(text):
    assert_safe(render_post(text))


def test_comment_keeps_the_safe_subset():
    html = render_comment("*a* **b** `c` [site](https://example.org)\n\n> quote\n\n- item")
    assert "<em>a</em>" in html and "<strong>b</strong>" in html and "<code>c</code>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow ugc noopener"' in html
    assert "<blockquote>" in html and "<li>item</li>" in html


def test_comment_drops_images_and_headings():
    html = render_comment("# big\n\n![x](https://example.org/x.png)")
    assert "<img" not in html and "<h1" not in html
