"""Readers comment: confirmed by email, first comments held for review, spam and floods kept out."""

from __future__ import annotations

import re

import pytest

from sincerely.conversations import links
from sincerely.conversations.models import Comment, Conversation
from sincerely.conversations.services import comments as comment_services
from sincerely.errors import DomainError
from sincerely.messaging.models import Message
from sincerely.timeline.models import Touchpoint
from tests import factories
from tests.conversations.conftest import deliver, link_in, queued_text

pytestmark = pytest.mark.django_db


def _comment(client, post, **data):
    form = {"name": "Rita Reader", "email": "rita@example.org", "body": "Thanks, useful."}
    form.update(data)
    return client.post(f"/blog/{post.slug}/comment", form, REMOTE_ADDR="203.0.113.9")


def test_reader_confirms_by_emailed_link_then_waits_for_review(client, published, smtp):
    response = _comment(client, published, subscribe="on")
    assert response.status_code == 302
    # The request only queued the confirmation; the worker sends it after the commit.
    assert smtp.messages == []
    assert deliver() == 1
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "rita@example.org"
    assert "Wren Okafor" in message["From"] and "wren@sincerely.test" in message["From"]
    # Not visible before confirmation.
    assert "Thanks, useful." not in client.get(f"/blog/{published.slug}/").content.decode()
    confirm = link_in(message.get_content(), "/blog/comments/confirm/")
    page = client.get(confirm)
    assert page.status_code == 200 and "waits for a person to review it" in page.content.decode()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.HELD
    # Still not visible while held.
    assert "Thanks, useful." not in client.get(f"/blog/{published.slug}/").content.decode()
    # The reader became a person, with their name as self-declared evidence, and the
    # comment is on their timeline and in the inbox, assigned to the post's author.
    assert comment.person.display_name == "Rita Reader"
    assert Touchpoint.objects.filter(person=comment.person, kind="comment").exists()
    conversation = Conversation.objects.get()
    assert conversation.assigned_to.username == "wren"
    assert conversation.person == comment.person


def test_staff_approve_and_the_comment_appears(client, published, support):
    _comment(client, published)
    comment = Comment.objects.get()
    client.get(link_in(queued_text(0), "/confirm/"))
    client.force_login(support)
    inbox = client.get("/console/inbox/").content.decode()
    assert "Thanks, useful." in inbox and "waiting for moderation" in inbox
    client.post(f"/console/comments/{comment.pk}/moderate", {"action": "approve"})
    client.logout()
    body = client.get(f"/blog/{published.slug}/").content.decode()
    assert "Thanks, useful." in body and "Rita Reader" in body
    assert "rita@example.org" not in body


def test_a_known_good_commenter_is_published_without_waiting(client, published, support):
    _comment(client, published)
    client.get(link_in(queued_text(0), "/confirm/"))
    comment_services.moderate_comment(Comment.objects.get(), "approve", support)
    _comment(client, published, body="And another thought.")
    client.get(link_in(queued_text(1), "/confirm/"))
    assert Comment.objects.get(body="And another thought.").status == Comment.Status.APPROVED


def test_known_person_comments_through_a_signed_link(client, published, newsletter):
    person = factories.make_person("kim@example.com", facts={"first_name": "Kim"})
    token = links.reader_token(person.pk)
    page = client.get(f"/blog/{published.slug}/?as={token}").content.decode()
    assert "Commenting as <strong>Kim</strong>" in page
    client.post(f"/blog/{published.slug}/comment", {"as": token, "body": "Known reader here."})
    comment = Comment.objects.get()
    assert comment.person == person and comment.status == Comment.Status.HELD
    assert not Message.objects.exists()  # no confirmation needed
    forged = client.post(f"/blog/{published.slug}/comment", {"as": token + "x", "body": "x"})
    assert forged.status_code == 422


def test_links_and_spam_phrases_are_filed_as_spam(client, published):
    _comment(
        client,
        published,
        body="Buy now cheap viagra https://spam.example https://spam2.example www.x.example",
    )
    client.get(link_in(queued_text(0), "/confirm/"))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert any("link" in r for r in comment.spam_reasons)
    assert any("known spam phrase" in r for r in comment.spam_reasons)
    assert not Conversation.objects.exists()


def test_rate_limit_per_email_names_the_field(client, published, settings):
    from sincerely.conversations import conf

    for n in range(conf.COMMENTS_PER_EMAIL_PER_HOUR):
        assert _comment(client, published, body=f"note {n}").status_code == 302
    response = _comment(client, published, body="one too many")
    assert response.status_code == 422
    assert "too many comments from this address" in response.content.decode()


def test_rate_limit_per_ip(published):
    from sincerely.conversations import conf

    for n in range(conf.COMMENTS_PER_IP_PER_HOUR):
        comment_services.submit_comment(
            published, name="N", email=f"n{n}@example.org", body="hi", ip="198.51.100.7"
        )
    with pytest.raises(DomainError) as error:
        comment_services.submit_comment(
            published, name="N", email="other@example.org", body="hi", ip="198.51.100.7"
        )
    assert error.value.field == "ip"


def test_bad_input_names_the_field_and_never_500s(client, published):
    assert _comment(client, published, email="not-an-address").status_code == 422
    assert _comment(client, published, name="").status_code == 422
    assert _comment(client, published, body="").status_code == 422
    assert _comment(client, published, body="x" * 6000).status_code == 422
    assert _comment(client, published, parent="99999").status_code == 422
    assert client.get("/blog/comments/confirm/garbage/").status_code == 400


def test_threaded_replies_and_author_reply_is_marked(client, published, writer, smtp):
    reader = comment_services.submit_comment(
        published, name="Rita", email="rita@example.org", body="Question?", subscribe=True
    )
    deliver()
    comment_services.confirm_comment(
        link_in(smtp.messages[0].get_content(), "/confirm/").split("/")[-2]
    )
    comment_services.moderate_comment(reader, "approve", writer)
    conversation = Conversation.objects.get()
    reply = comment_services.reply_as_comment(conversation, "Good question: **yes**.", writer)
    assert deliver() == 1
    assert reply.parent_id == reader.pk
    body = client.get(f"/blog/{published.slug}/").content.decode()
    assert 'class="comment by-author"' in body
    assert '<span class="badge author">Author</span>' in body
    assert "<strong>yes</strong>" in body
    # The subscriber is told, from the author's own address, with one-click unsubscribe.
    notice = smtp.messages[-1]
    assert notice["To"] == "rita@example.org"
    assert "Good question" in notice.get_content()
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = notice["List-Unsubscribe"].strip("<>")
    path = unsubscribe.split("://", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 200
    assert not Comment.objects.get(pk=reader.pk).is_subscribed
    # The reply is on the reader's timeline and the conversation waits on them now.
    reader.refresh_from_db()
    assert Touchpoint.objects.filter(person=reader.person, kind="comment_reply").exists()
    conversation.refresh_from_db()
    assert conversation.status == "waiting" and conversation.first_reply_at is not None


def test_reader_replies_in_thread_reopen_the_same_conversation(published, writer):
    first = comment_services.submit_comment(
        published, name="Rita", email="rita@example.org", body="Q1"
    )
    comment_services.confirm_comment(link_in(queued_text(0), "/confirm/").split("/")[-2])
    comment_services.moderate_comment(first, "approve", writer)
    conversation = Conversation.objects.get()
    comment_services.reply_as_comment(conversation, "A1", writer)
    follow = comment_services.submit_comment(
        published, name="Rita", email="rita@example.org", body="Q2", parent_id=first.pk
    )
    comment_services.confirm_comment(link_in(queued_text(-1), "/confirm/").split("/")[-2])
    assert Conversation.objects.count() == 1
    conversation.refresh_from_db()
    assert conversation.status == "open"
    assert follow.entry.conversation == conversation


def test_erasing_a_person_removes_their_comments(published, writer):
    from sincerely.people.services import erase_person

    comment = comment_services.submit_comment(
        published, name="Rita", email="rita@example.org", body="Hi"
    )
    comment_services.confirm_comment(link_in(queued_text(0), "/confirm/").split("/")[-2])
    comment.refresh_from_db()
    erase_person(comment.person, None, requested_via="test")
    assert not Comment.objects.exists() and not Conversation.objects.exists()


def test_export_includes_comments_and_conversations(published):
    from sincerely.privacy.services import export_person

    comment = comment_services.submit_comment(
        published, name="Rita", email="rita@example.org", body="Hi there"
    )
    comment_services.confirm_comment(link_in(queued_text(0), "/confirm/").split("/")[-2])
    comment.refresh_from_db()
    data = export_person(comment.person)
    assert data["blog_comments"][0]["text"] == "Hi there"
    assert data["conversations"][0]["messages"][0]["text"] == "Hi there"


def test_cached_post_page_still_carries_a_working_csrf_token(published, writer):
    from django.test import Client

    first = Client(enforce_csrf_checks=True)
    first.get(f"/blog/{published.slug}/")  # renders and caches the page
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(f"/blog/{published.slug}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = reader.post(
        f"/blog/{published.slug}/comment",
        {"csrfmiddlewaretoken": token, "name": "Ann", "email": "ann@example.org", "body": "Hi"},
    )
    assert response.status_code == 302
    # Without the token the comment is refused.
    assert (
        Client(enforce_csrf_checks=True)
        .post(
            f"/blog/{published.slug}/comment", {"name": "x", "email": "x@example.org", "body": "x"}
        )
        .status_code
        == 403
    )
    # A newly approved comment shows at once, cache or not.
    comment_services.confirm_comment(link_in(queued_text(-1), "/confirm/").split("/")[-2])
    comment_services.moderate_comment(Comment.objects.get(), "approve", writer)
    assert "Ann" in reader.get(f"/blog/{published.slug}/").content.decode()


def test_a_stale_confirmation_link_never_confirms_another_comment(client, published):
    """Issue 12.2: the lost comment's id came back and its old link confirmed the new one."""
    _comment(client, published, email="lost@example.org", body="The first, never confirmed.")
    lost = Comment.objects.get()
    lost_id = lost.pk
    stale = link_in(queued_text(-1), "/confirm/")
    lost.delete()
    _comment(client, published, email="other@example.org", body="Someone else entirely.")
    other = Comment.objects.get()
    assert other.pk != lost_id  # ids are never reused
    assert client.get(stale).status_code == 400
    # Even under the very same id (a database rebuilt from scratch), the link names what
    # it confirms: address and text, not just the number.
    Comment.objects.filter(pk=other.pk).update(id=lost_id)
    assert client.get(stale).status_code == 400
    assert Comment.objects.get().status == Comment.Status.UNVERIFIED
