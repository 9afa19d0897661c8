"""`sincerely blog` and `sincerely inbox`: the same services from the command line."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sincerely.conversations.services import inbox as inbox_services

pytestmark = pytest.mark.django_db


def test_publish_a_markdown_file(tmp_path, writer, client):
    source = tmp_path / "post.md"
    source.write_text("# From the terminal\n\nWritten in *vim*.\n", encoding="utf-8")
    out = StringIO()
    call_command("blog", "publish", str(source), "--author", "wren", "--tags", "cli", stdout=out)
    assert "published: From the terminal → /blog/from-the-terminal/" in out.getvalue()
    assert "<em>vim</em>" in client.get("/blog/from-the-terminal/").content.decode()
    listing = StringIO()
    call_command("blog", stdout=listing)
    assert "From the terminal" in listing.getvalue() and "wren" in listing.getvalue()


def test_publish_refuses_an_unknown_author(tmp_path, writer):
    source = tmp_path / "post.md"
    source.write_text("# Title\n\nBody", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("blog", "publish", str(source), "--author", "nobody")
    assert "author" in str(error.value)


def test_inbox_lists_conversations(support):
    from tests import factories

    person = factories.make_person("lee@example.com")
    inbox_services.receive_privacy_message(person, "What do you know about me?")
    out = StringIO()
    call_command("inbox", "--unassigned", stdout=out)
    assert "lee@example.com" in out.getvalue() and "privacy" in out.getvalue()
