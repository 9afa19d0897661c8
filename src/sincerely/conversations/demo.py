"""Demo content for the blog: posts by a named author, a translation, and a reader's question."""

from __future__ import annotations

from sincerely.conversations import links
from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import posts as post_services
from sincerely.people.models import Fact, Person

POSTS = [
    (
        "Why we tell you where every fact came from",
        "Every email we send can only say what we can show. If a message says we met you at "
        "Web Summit, it is because your badge was scanned at our stand, and the message's "
        "footer links to the page that shows that record.\n\n"
        "## What you can do\n\n- see what we hold and where it came from\n"
        "- correct it\n- take it away, or ask us to forget you\n",
        "honesty, privacy",
    ),
    (
        "Garden week: what our customers actually bought",
        "We looked at last spring's orders (the real ones, not a survey). Watering cans and "
        "hanging planters sold together; bird feeders sold to people who had bought one before.\n\n"
        "If you never bought anything for the garden, you will not get our garden offers.",
        "garden, customers",
    ),
]

TRANSLATION = (
    "Pourquoi nous vous disons d'où vient chaque information",
    "Chaque message que nous envoyons ne peut dire que ce que nous pouvons montrer. "
    "Si un message dit que nous nous sommes rencontrés au Web Summit, c'est que votre badge "
    "a été scanné sur notre stand.",
)


def load_demo_blog(author, translator=None) -> None:
    """Publish the demo posts; a demo customer asks a question that waits for moderation."""
    first = None
    for title, body, tags in POSTS:
        post = post_services.create_post(
            author=author, title=title, body=body, status="published", tags=tags
        )
        first = first or post
    post_services.create_post(
        author=author,
        title=TRANSLATION[0],
        body=TRANSLATION[1],
        status="published",
        language="fr",
        translation_of=first,
        translated_by=translator or author,
    )
    attendee = (
        Fact.objects.filter(key="attended_event", is_current=True)
        .values_list("person_id", flat=True)
        .first()
    )
    person = Person.objects.filter(pk=attendee).first() if attendee else None
    if person is not None:
        comment_services.submit_comment(
            first,
            body="Nice. Can I see the badge scan you hold about me?",
            reader_token=links.reader_token(person.pk),
            ip="127.0.0.1",
        )
