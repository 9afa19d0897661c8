"""RSS 2.0 and Atom feeds, whole blog, per author and per tag, read by a real consumer."""

from __future__ import annotations

import feedparser
import pytest

from sincerely.conversations.services import posts as post_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(published, writer):
    post_services.create_post(author=writer, title="A draft", body="hidden")
    return published


@pytest.mark.parametrize(
    ("path", "version"),
    [
        ("/blog/rss.xml", "rss20"),
        ("/blog/atom.xml", "atom10"),
        ("/blog/authors/wren/rss.xml", "rss20"),
        ("/blog/authors/wren/atom.xml", "atom10"),
        ("/blog/tags/privacy/rss.xml", "rss20"),
        ("/blog/tags/privacy/atom.xml", "atom10"),
    ],
)
def test_feed_parses_and_lists_published_posts(client, posts, path, version):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    titles = [e.title for e in feed.entries]
    assert titles == ["How we handle your data"]
    entry = feed.entries[0]
    assert entry.link.endswith("/blog/how-we-handle-your-data/")
    assert "Wren Okafor" in entry.get("author", "")
    assert {t.term for t in entry.tags} == {"privacy", "trust"}
    assert "<strong>only</strong>" in entry.get("summary", entry.get("description", ""))


def test_unknown_tag_or_author_feed_is_404(client, posts):
    assert client.get("/blog/tags/nope/rss.xml").status_code == 404
    assert client.get("/blog/authors/nobody/atom.xml").status_code == 404


def test_pages_advertise_their_feeds(client, posts):
    body = client.get("/blog/").content.decode()
    assert 'type="application/rss+xml"' in body and 'type="application/atom+xml"' in body
