"""Property tests for what parses reader input: the language choice and the spam score."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from sincerely.conversations import conf
from sincerely.conversations.blog_views import _preferred_version
from sincerely.conversations.models import Comment
from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import posts as post_services
from sincerely.conversations.spam import score_comment


class Version:
    def __init__(self, language: str) -> None:
        self.language = language


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_accept_language_header_picks_an_available_version_or_none(header):
    versions = [Version("en"), Version("fr"), Version("pt-br")]
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE=header)
    chosen = _preferred_version(request, versions)
    assert chosen is None or chosen in versions


def test_language_choice_respects_quality_order():
    versions = [Version("en"), Version("fr")]
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="de;q=1, fr-CH;q=0.8, en;q=0.5")
    assert _preferred_version(request, versions).language == "fr"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.text(max_size=60), st.integers(min_value=0, max_value=50))
def test_spam_score_is_never_negative_and_explains_itself(body, name, recent):
    verdict = score_comment(body, name=name, recent_from_sender=recent)
    assert verdict.score >= 0
    assert (verdict.score > 0) == bool(verdict.reasons)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_adding_a_link_never_lowers_the_score(body):
    plain = score_comment(body).score
    assert score_comment(body + " https://example.org/x").score >= plain


@pytest.mark.django_db
def test_unconfirmed_comments_are_forgotten_after_their_link_expires(published):
    old = comment_services.submit_comment(published, name="Old", email="old@example.org", body="x")
    Comment.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(seconds=conf.COMMENT_LINK_MAX_AGE + 60)
    )
    comment_services.submit_comment(published, name="New", email="new@example.org", body="y")
    assert list(Comment.objects.values_list("name", flat=True)) == ["New"]


@pytest.mark.django_db
def test_reserved_words_do_not_become_post_addresses(writer):
    post = post_services.create_post(author=writer, title="Authors", status="published")
    assert post.slug == "authors-post"
