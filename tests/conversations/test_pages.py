"""Every console and public page of conversations opens, with data, for the roles that may."""

from __future__ import annotations

import pytest

from sincerely.conversations.models import Conversation
from sincerely.conversations.services import comments as comment_services
from sincerely.conversations.services import inbox as inbox_services
from sincerely.conversations.services import incidents as incident_services
from tests import factories
from tests.conversations.conftest import link_in, queued_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def everything(published, writer, support, newsletter):
    comment = comment_services.submit_comment(
        published, name="Rita", email="rita@example.org", body="Hello *there*"
    )
    comment_services.confirm_comment(link_in(queued_text(-1), "/confirm/").split("/")[-2])
    incident = incident_services.open_incident(
        title="Outage", body="Down", spokesperson=support, severity="minor"
    )
    inbox_services.receive_privacy_message(
        factories.make_person("p@example.com", on_list=newsletter), "Hi"
    )
    return {"comment": comment, "incident": incident, "post": published}


def test_console_pages_open_for_an_admin(client, admin_user, everything):
    client.force_login(admin_user)
    conversation = Conversation.objects.filter(channel="comment").get()
    paths = [
        "/console/blog/",
        "/console/blog/new/",
        f"/console/blog/{everything['post'].pk}/",
        f"/console/blog/new/?translate={everything['post'].pk}",
        "/console/inbox/",
        "/console/inbox/?view=mine",
        "/console/inbox/?view=unassigned",
        "/console/inbox/?view=overdue",
        "/console/inbox/?view=spam",
        "/console/inbox/?status=closed&channel=privacy",
        f"/console/inbox/{conversation.pk}/",
        "/console/incidents/",
        f"/console/incidents/{everything['incident'].pk}/",
        f"/console/people/{conversation.person_id}/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    htmx = client.get("/console/inbox/?status=open", HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and b"<html" not in htmx.content


def test_console_pages_refuse_roles_without_the_capability(client, marketer, everything):
    client.force_login(marketer)
    for path in ("/console/blog/", "/console/inbox/", "/console/incidents/"):
        assert client.get(path).status_code == 403, path


def test_public_pages_open_for_anyone(client, everything):
    for path in (
        "/blog/",
        everything["post"].get_absolute_url(),
        everything["incident"].post.get_absolute_url(),
        "/blog/authors/wren/",
        "/blog/tags/privacy/",
        "/blog/rss.xml",
        "/blog/atom.xml",
    ):
        assert client.get(path).status_code == 200, path
    for path in ("/blog/nope/", "/blog/authors/nobody/", "/blog/tags/nope/", "/blog/images/9/x"):
        assert client.get(path).status_code == 404, path
