"""`sincerely blog` (list posts) and `sincerely blog publish FILE.md --author USERNAME`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sincerely.conversations.models import Post
from sincerely.conversations.services import posts as post_services
from sincerely.errors import DomainError


def _title_and_body(text: str) -> tuple[str, str]:
    """A leading '# Title' line becomes the title; the rest is the body."""
    lines = text.lstrip().splitlines()
    if lines and lines[0].startswith("# "):
        return lines[0][2:].strip(), "\n".join(lines[1:]).lstrip()
    return "", text


class Command(BaseCommand):
    help = "List blog posts, or publish a Markdown file as a post by a named author."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action")
        publish = sub.add_parser("publish", help="create a post from a Markdown file")
        publish.add_argument("file", help="Markdown; a first line '# Title' gives the title")
        publish.add_argument("--author", required=True, help="the author's username")
        publish.add_argument("--title", default="")
        publish.add_argument("--tags", default="", help="comma separated")
        publish.add_argument(
            "--status", default="published", choices=[s.value for s in Post.Status]
        )
        publish.add_argument("--at", default="", help="publish time, ISO 8601 (for scheduled)")
        publish.add_argument("--language", default="en")

    def handle(self, *args, action=None, **options):
        if action == "publish":
            self._publish(options)
            return
        now = timezone.now()
        for post in Post.objects.select_related("author").order_by("-id")[:100]:
            state = post.status
            if state == Post.Status.SCHEDULED and post.publish_at and post.publish_at <= now:
                state = "published"
            when = f"{post.publish_at:%Y-%m-%d %H:%M}" if post.publish_at else "-"
            self.stdout.write(
                f"{post.pk:>5}  {state:<9}  {when:<16}  {post.author.username:<12}  {post.title}"
            )

    def _publish(self, options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no file {path}")
        title, body = _title_and_body(path.read_text(encoding="utf-8"))
        at = None
        if options["at"]:
            try:
                at = datetime.fromisoformat(options["at"])
            except ValueError:
                raise CommandError("--at: use ISO 8601, e.g. 2026-05-01T09:00") from None
            at = timezone.make_aware(at) if timezone.is_naive(at) else at
        try:
            post = post_services.create_post(
                author=options["author"],
                title=options["title"] or title,
                body=body,
                status=options["status"],
                publish_at=at,
                tags=options["tags"],
                language=options["language"],
            )
        except DomainError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(f"{post.get_status_display()}: {post.title} → {post.get_absolute_url()}")
