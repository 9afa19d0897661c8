"""Authors write posts: drafts stay private, scheduled posts appear on time, pages name authors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sincerely.conversations.services import posts as post_services
from sincerely.errors import DomainError
from tests import factories

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x03\x00\x08\xfc\x02\xfe\xa7\x9a\xa0"
    b"\xa0\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_published_post_shows_its_author_by_name(client, published):
    response = client.get("/blog/how-we-handle-your-data/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>How we handle your data</h1>" in body
    assert "Wren Okafor" in body and "Head of Customer Care" in body
    assert "<strong>only</strong>" in body and "<h2>Why</h2>" in body
    assert 'property="og:title" content="How we handle your data"' in body
    assert 'property="og:type" content="article"' in body
    assert 'name="viewport"' in body
    index = client.get("/blog/").content.decode()
    assert "How we handle your data" in index and "Wren Okafor" in index


def test_draft_is_not_public_until_published(client, writer):
    post = post_services.create_post(author=writer, title="Not yet", body="draft text")
    assert client.get(f"/blog/{post.slug}/").status_code == 404
    assert "Not yet" not in client.get("/blog/").content.decode()
    post_services.publish_post(post)
    assert client.get(f"/blog/{post.slug}/").status_code == 200


def test_scheduled_post_appears_when_its_time_comes(client, writer):
    later = post_services.create_post(
        author=writer,
        title="Later",
        status="scheduled",
        publish_at=timezone.now() + timedelta(hours=2),
    )
    assert client.get(f"/blog/{later.slug}/").status_code == 404
    post_services.update_post(later, publish_at=timezone.now() - timedelta(minutes=1))
    assert client.get(f"/blog/{later.slug}/").status_code == 200


def test_scheduling_without_a_time_names_the_field(writer):
    with pytest.raises(DomainError) as error:
        post_services.create_post(author=writer, title="When?", status="scheduled")
    assert error.value.field == "publish_at"


def test_only_authors_can_write(db, writer):
    sales = factories.make_staff("sam", "sales")
    with pytest.raises(DomainError) as error:
        post_services.create_post(author=sales, title="Buy now")
    assert error.value.field == "author"


def test_author_profile_page(client, published, writer):
    profile = writer.staff_profile
    profile.photo.save("wren.png", SimpleUploadedFile("wren.png", PNG), save=True)
    body = client.get("/blog/authors/wren/").content.decode()
    assert "Wren Okafor" in body and "Head of Customer Care" in body
    assert "Writes about how we look after customers." in body
    assert "How we handle your data" in body
    photo = client.get("/blog/authors/wren/photo")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"


def test_author_writes_with_live_preview_and_publishes_in_the_console(client, writer):
    client.force_login(writer)
    preview = client.post(
        "/console/blog/preview", {"body": "# Hi\n\n<script>alert(1)</script> *there*"}
    )
    assert "<em>there</em>" in preview.content.decode()
    assert "<script>" not in preview.content.decode()
    response = client.post(
        "/console/blog/new/",
        {"title": "From the console", "body": "Hello", "tags": "news", "author": "wren",
         "language": "en", "action": "publish"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "From the console" in client.get("/blog/").content.decode()
    assert "From the console" in client.get("/blog/tags/news/").content.decode()


def test_image_attachment_is_served_as_an_image_only(client, writer, published):
    client.force_login(writer)
    client.post(
        f"/console/blog/{published.pk}/images",
        {"image": SimpleUploadedFile("x.png", PNG), "alt": "a dot"},
    )
    image = published.images.get()
    client.logout()
    response = client.get(f"/blog/images/{image.pk}/{image.file.name.split('/')[-1]}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_svg_or_html_upload_is_refused(writer, published):
    hostile = SimpleUploadedFile("x.png", b"<svg onload=alert(1)></svg>")
    with pytest.raises(DomainError) as error:
        post_services.attach_image(published, hostile)
    assert error.value.field == "image"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_author_edits_their_public_profile(client, writer):
    client.force_login(writer)
    client.post(
        "/console/blog/",
        {"title": "Editor", "bio": "Twenty years of answering letters.",
         "photo": SimpleUploadedFile("me.png", PNG)},
    )  # fmt: skip
    client.logout()
    body = client.get("/blog/authors/wren/").content.decode()
    assert "Editor" in body and "Twenty years of answering letters." in body
    assert client.get("/blog/authors/wren/photo")["Content-Type"] == "image/png"
    with pytest.raises(DomainError) as error:
        post_services.update_author_profile(
            writer, title="x", bio="", photo=SimpleUploadedFile("x.png", b"<html>")
        )
    assert error.value.field == "photo"
