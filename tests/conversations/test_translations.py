"""Translations link to their original, credit both people, and follow the reader's language."""

from __future__ import annotations

import pytest

from sincerely.conversations.services import posts as post_services
from sincerely.errors import DomainError
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(published):
    translator = factories.make_staff("tomas", "author", first_name="Tomás", last_name="Lefèvre")
    return post_services.create_post(
        author=translator,
        title="Comment nous traitons vos données",
        body="Nous ne gardons que ce que nous pouvons montrer.",
        status="published",
        language="fr",
        translation_of=published,
        translated_by=translator,
    )


def test_translation_credits_translator_and_original_author(client, translated):
    body = client.get(f"/blog/{translated.slug}/").content.decode()
    assert "Translated by Tomás Lefèvre from the" in body
    assert "original</a> by Wren Okafor" in body
    assert 'hreflang="en"' in body and 'hreflang="fr"' in body
    assert '<article class="post" lang="fr">' in body


def test_original_page_follows_accept_language(client, published, translated):
    french = client.get(f"/blog/{published.slug}/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.5")
    assert french.status_code == 302 and french["Location"] == f"/blog/{translated.slug}/"
    assert "Accept-Language" in french["Vary"]
    english = client.get(f"/blog/{published.slug}/", HTTP_ACCEPT_LANGUAGE="en-GB,en")
    assert english.status_code == 200
    # An explicit choice wins over the header.
    chosen = client.get(f"/blog/{published.slug}/?lang=en", HTTP_ACCEPT_LANGUAGE="fr")
    assert chosen.status_code == 200
    body = chosen.content.decode()
    assert f'href="/blog/{translated.slug}/" hreflang="fr"' in body


def test_one_translation_per_language(published, translated):
    with pytest.raises(DomainError) as error:
        post_services.create_post(
            author="wren", title="Encore", language="fr", translation_of=published
        )
    assert error.value.field == "language"


def test_index_lists_originals_only(client, translated):
    body = client.get("/blog/").content.decode()
    assert "How we handle your data" in body
    assert "Comment nous traitons" not in body
