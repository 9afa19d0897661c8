"""Markdown to HTML for posts and comments: markdown-it-py renders, nh3 keeps a safe subset."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

# Raw HTML in Markdown is switched off for everyone; nh3 then removes whatever a crafted
# link or image could still carry (javascript: URLs, event handlers).
_post_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["table", "strikethrough"]
)
_comment_md = MarkdownIt("commonmark", {"html": False}).disable(["image"])

POST_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
COMMENT_TAGS = {"p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a"}
URL_SCHEMES = {"http", "https", "mailto"}


def render_post(markdown: str) -> str:
    """An author's Markdown as HTML (headings from h2: the page title is the h1)."""
    html = _post_md.render(markdown or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=POST_TAGS,
        attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )


def render_comment(markdown: str) -> str:
    """A reader's Markdown as a safe subset: no images, no raw HTML, links marked ugc."""
    html = _comment_md.render(markdown or "")
    return nh3.clean(
        html,
        tags=COMMENT_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )


def plain_excerpt(markdown: str, length: int = 240) -> str:
    text = nh3.clean(_post_md.render(markdown or ""), tags=set())
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"
