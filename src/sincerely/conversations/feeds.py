"""RSS 2.0 and Atom feeds of the blog: all posts, per author, per tag (Django syndication)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from sincerely.conversations import queries
from sincerely.conversations.models import Post, Tag

User = get_user_model()


class BlogRss(Feed):
    feed_type = Rss201rev2Feed
    title = "Sincerely blog"
    description = "Posts by named authors. Every post can be answered in its comments."

    def link(self) -> str:
        return reverse("conversations:blog")

    def feed_url(self) -> str:
        return reverse("conversations:rss")

    def items(self):
        return queries.blog_index()[:30]

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return item.body_html

    def item_link(self, item: Post) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Post) -> str:
        return item.author.get_full_name() or item.author.username

    def item_author_link(self, item: Post) -> str:
        return reverse("conversations:author", args=[item.author.username])

    def item_pubdate(self, item: Post):
        return item.publish_at

    def item_updateddate(self, item: Post):
        return item.updated_at

    def item_categories(self, item: Post):
        return [t.name for t in item.tags.all()]

    def item_guid(self, item: Post) -> str:
        return item.get_absolute_url()


class BlogAtom(BlogRss):
    feed_type = Atom1Feed
    subtitle = BlogRss.description

    def feed_url(self) -> str:
        return reverse("conversations:atom")


class AuthorRss(BlogRss):
    def get_object(self, request, username: str):
        authors = User.objects.filter(posts__isnull=False, is_active=True).distinct()
        return get_object_or_404(authors, username=username)

    def title(self, obj) -> str:
        return f"Posts by {obj.get_full_name() or obj.username}"

    def description(self, obj) -> str:
        return f"Every post {obj.get_full_name() or obj.username} wrote on the Sincerely blog."

    def link(self, obj) -> str:
        return reverse("conversations:author", args=[obj.username])

    def feed_url(self, obj) -> str:
        return reverse("conversations:author_rss", args=[obj.username])

    def items(self, obj):
        return queries.blog_index(author=obj.username)[:30]


class AuthorAtom(AuthorRss):
    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)

    def feed_url(self, obj) -> str:
        return reverse("conversations:author_atom", args=[obj.username])


class TagRss(BlogRss):
    def get_object(self, request, slug: str):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj) -> str:
        return f"Posts tagged {obj.name}"

    def description(self, obj) -> str:
        return f"Sincerely blog posts tagged {obj.name}."

    def link(self, obj) -> str:
        return reverse("conversations:tag", args=[obj.slug])

    def feed_url(self, obj) -> str:
        return reverse("conversations:tag_rss", args=[obj.slug])

    def items(self, obj):
        return queries.blog_index(tag=obj.slug)[:30]


class TagAtom(TagRss):
    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)

    def feed_url(self, obj) -> str:
        return reverse("conversations:tag_atom", args=[obj.slug])
