"""Every cell of the role table, through the public paths: console pages and API operations.

The capability table in `sincerely.accounts.roles` decides; README.md shows that same table
(checked below, both ways). Each console URL (GET and its POST actions) and each operation
of /api/v1/openapi.json is tried as anonymous and as every role: a role the capability
allows gets neither 401 nor 403 (nor a 5xx); any other staff role gets 403; anonymous gets
the sign-in redirect (console) or 401 (API). A console URL or an API operation missing
from the tables here fails the test, so nothing new ships without a role rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sincerely.accounts.roles import CAPABILITIES, Role, role_allows, role_table_markdown
from sincerely.accounts.services import create_api_key
from sincerely.conversations.models import Comment, Conversation
from sincerely.conversations.services import incidents as incident_services
from sincerely.conversations.services import posts as post_services
from sincerely.insight import services as insight
from sincerely.messaging import services as messaging
from sincerely.messaging.models import CaughtMail, InboundMail
from sincerely.people.models import AuditEntry
from sincerely.postal.models import PrintCampaign, PrintJob
from tests import factories

README = Path(__file__).resolve().parents[2] / "README.md"
ACTORS = ["anonymous", *(r.value for r in Role)]
STAFF = "staff"  # any staff role (the dashboard sends each role to its first section)
RAW_MAIL = b"From: someone@example.org\r\nSubject: hello\r\n\r\nHello there.\r\n"

# Console: (url name, url kwargs (values name objects of the world), method, rule).
# "post" is a post by another author (wren), "thread" a comment thread under it.
CONSOLE: list[tuple[str, dict, str, str]] = [
    ("console:home", {}, "GET", STAFF),
    ("console:people", {}, "GET", "people.view"),
    ("console:person", {"person_id": "person"}, "GET", "people.view"),
    ("console:edit_fact", {"person_id": "person"}, "POST", "people.edit"),
    ("console:add_consent", {"person_id": "person"}, "POST", "people.edit"),
    ("console:add_membership", {"person_id": "person"}, "POST", "lists.manage"),
    ("console:set_owner", {"person_id": "person"}, "POST", "people.edit"),
    ("console:merge", {"person_id": "person"}, "GET", "people.merge"),
    ("console:merge", {"person_id": "person"}, "POST", "people.merge"),
    ("console:erase", {"person_id": "person"}, "GET", "people.erase"),
    ("console:erase", {"person_id": "person"}, "POST", "people.erase"),
    ("console:export", {"person_id": "person"}, "GET", "people.export"),
    ("console:new_person", {}, "GET", "people.edit"),
    ("console:new_person", {}, "POST", "people.edit"),
    ("console:lists", {}, "GET", "lists.view"),
    ("console:lists", {}, "POST", "lists.manage"),
    ("console:list", {"slug": "list"}, "GET", "lists.view"),
    ("console:imports", {}, "GET", "people.import"),
    ("console:imports", {}, "POST", "people.import"),
    ("console:import", {"batch_id": "missing"}, "GET", "people.import"),
    ("console:import", {"batch_id": "missing"}, "POST", "people.import"),
    ("console:import_job", {"upload_id": "upload"}, "GET", "people.import"),
    ("timeline:person_timeline", {"person_id": "person"}, "GET", "people.view"),
    ("timeline:log", {"person_id": "person"}, "POST", "timeline.log"),
    ("timeline:attribution", {}, "GET", "insight.view"),
    ("messaging:campaigns", {}, "GET", "campaigns.manage"),
    ("messaging:campaign_new", {}, "GET", "campaigns.manage"),
    ("messaging:campaign_new", {}, "POST", "campaigns.manage"),
    ("messaging:lint", {}, "POST", "campaigns.manage"),
    ("messaging:campaign", {"campaign_id": "campaign"}, "GET", "campaigns.manage"),
    ("messaging:campaign", {"campaign_id": "campaign"}, "POST", "campaigns.manage"),
    ("messaging:campaign_progress", {"campaign_id": "campaign"}, "GET", "campaigns.manage"),
    ("messaging:campaign_preview", {"campaign_id": "campaign"}, "GET", "campaigns.manage"),
    ("messaging:campaign_send", {"campaign_id": "campaign"}, "POST", "campaigns.manage"),
    ("messaging:campaign_translation", {"campaign_id": "campaign"}, "POST", "campaigns.manage"),
    ("messaging:outbox", {}, "GET", "campaigns.manage"),
    ("messaging:message", {"message_id": "missing"}, "GET", "people.view"),
    ("messaging:caught", {}, "GET", "campaigns.manage"),
    ("messaging:caught_mail", {"caught_id": "caught"}, "GET", "campaigns.manage"),
    ("messaging:inbound_unmatched", {}, "GET", "conversations.all"),
    ("messaging:inbound_mail", {"inbound_id": "inbound"}, "GET", "conversations.all"),
    ("messaging:send_one", {"person_id": "person"}, "POST", "messages.send_one"),
    ("conversations:posts", {}, "GET", "posts.write"),
    ("conversations:posts", {}, "POST", "posts.write"),
    ("conversations:post_new", {}, "GET", "posts.write"),
    ("conversations:post_new", {}, "POST", "posts.write"),
    ("conversations:post_preview", {}, "POST", "posts.write"),
    ("conversations:post_edit", {"post_id": "post"}, "GET", "posts.edit_any"),
    ("conversations:post_edit", {"post_id": "post"}, "POST", "posts.edit_any"),
    ("conversations:post_image", {"post_id": "post"}, "POST", "posts.edit_any"),
    ("conversations:inbox", {}, "GET", "conversations.handle"),
    ("conversations:conversation", {"conversation_id": "thread"}, "GET", "conversations.all"),
    (
        "conversations:conversation_act",
        {"conversation_id": "thread", "action": "note"},
        "POST",
        "conversations.all",
    ),
    ("conversations:moderate", {"comment_id": "comment"}, "POST", "conversations.all"),
    ("conversations:incidents", {}, "GET", "incidents.manage"),
    ("conversations:incidents", {}, "POST", "incidents.manage"),
    ("conversations:incident", {"incident_id": "incident"}, "GET", "incidents.manage"),
    (
        "conversations:incident_act",
        {"incident_id": "incident", "action": "update"},
        "POST",
        "incidents.manage",
    ),
    ("insight:segments", {}, "GET", "insight.view"),
    ("insight:segments", {}, "POST", "insight.manage"),
    ("insight:segment_preview", {}, "POST", "insight.view"),
    ("insight:segment", {"slug": "segment"}, "GET", "insight.view"),
    ("insight:segment", {"slug": "segment"}, "POST", "insight.manage"),
    ("insight:tiers", {}, "GET", "insight.view"),
    ("insight:tiers", {}, "POST", "insight.manage"),
    ("offers:catalogue", {}, "GET", "insight.view"),
    ("offers:catalogue", {}, "POST", "insight.manage"),
    ("console:search", {}, "GET", STAFF),
    ("account_password", {}, "GET", STAFF),
    ("account_password_done", {}, "GET", STAFF),
    ("account_two_factor", {}, "GET", STAFF),
    ("postal:campaigns", {}, "GET", "campaigns.manage"),
    ("postal:campaign_new", {}, "GET", "campaigns.manage"),
    ("postal:campaign", {"campaign_id": "print"}, "GET", "campaigns.manage"),
    ("postal:preview", {"campaign_id": "print"}, "GET", "campaigns.manage"),
    ("postal:preview_pdf", {"campaign_id": "print"}, "GET", "campaigns.manage"),
    ("postal:start_job", {"campaign_id": "print"}, "POST", "campaigns.manage"),
    ("postal:job", {"job_id": "print_job"}, "GET", "campaigns.manage"),
    ("postal:job_progress", {"job_id": "print_job"}, "GET", "campaigns.manage"),
    ("postal:job_file", {"job_id": "print_job", "name": "missing.pdf"}, "GET", "campaigns.manage"),
    ("admin:index", {}, "GET", "staff.manage"),
]

# Form data for POST actions that is harmless whoever is allowed to send it.
POST_DATA = {
    "conversations:post_new": {"title": "Mine", "body": "text", "action": "draft"},
    "conversations:post_edit": {"title": "Edited", "body": "text", "action": "draft"},
}

# API: "METHOD /api/v1/path" -> capability. Every operation of the schema must be here.
API: dict[str, str] = {
    "POST /api/v1/people": "people.edit",
    "GET /api/v1/people": "people.view",
    "GET /api/v1/people/{person_id}": "people.view",
    "GET /api/v1/people/{person_id}/export": "people.export",
    "PATCH /api/v1/people/{person_id}": "people.edit",
    "POST /api/v1/people/{person_id}/facts": "people.edit",
    "POST /api/v1/people/{person_id}/consents": "people.edit",
    "GET /api/v1/people/{person_id}/timeline": "people.view",
    "GET /api/v1/lists": "lists.view",
    "POST /api/v1/lists": "lists.manage",
    "POST /api/v1/lists/{slug}/members": "lists.manage",
    "DELETE /api/v1/lists/{slug}/members": "lists.manage",
    "POST /api/v1/events": "timeline.ingest",
    "POST /api/v1/campaigns": "campaigns.manage",
    "GET /api/v1/campaigns": "campaigns.manage",
    "GET /api/v1/campaigns/{campaign_id}": "campaigns.manage",
    "PATCH /api/v1/campaigns/{campaign_id}": "campaigns.manage",
    "PUT /api/v1/campaigns/{campaign_id}/translations/{language}": "campaigns.manage",
    "GET /api/v1/campaigns/{campaign_id}/preview": "campaigns.manage",
    "POST /api/v1/campaigns/{campaign_id}/send": "campaigns.manage",
    "POST /api/v1/campaigns/lint": "campaigns.manage",
    "POST /api/v1/messages": "messages.send_one",
    "GET /api/v1/messages/{message_id}": "people.view",
    "POST /api/v1/posts": "posts.write",
    "GET /api/v1/posts": "posts.write",
    "GET /api/v1/posts/{post_id}": "posts.write",
    "PATCH /api/v1/posts/{post_id}": "posts.write",
    "GET /api/v1/segments": "insight.view",
    "POST /api/v1/segments": "insight.manage",
    "POST /api/v1/segments/preview": "insight.view",
    "GET /api/v1/segments/{slug}": "insight.view",
    "PATCH /api/v1/segments/{slug}": "insight.manage",
    "DELETE /api/v1/segments/{slug}": "insight.manage",
    "POST /api/v1/segments/{slug}/refresh": "insight.manage",
    "GET /api/v1/segments/{slug}/people": "insight.view",
    "GET /api/v1/tiers": "insight.view",
    "GET /api/v1/offers/people/{person_id}": "insight.view",
    "POST /api/v1/offers/people/{person_id}/rejections": "people.edit",
}
# Beyond the operation's capability, the object decides: PATCH on another author's post
# needs posts.edit_any (the post in these cases is wren's).
API_OBJECT_RULES = {"PATCH /api/v1/posts/{post_id}": "posts.edit_any"}


def allowed(actor: str, rule: str) -> bool:
    if actor == "anonymous":
        return False
    return True if rule == STAFF else role_allows(actor, rule)


@pytest.fixture
def world(db):
    """One of everything a console URL or an API operation can name."""
    newsletter = factories.make_list("newsletter", "Newsletter", "newsletter")
    person = factories.make_person(
        "ana@example.com", on_list=newsletter, facts={"first_name": "Ana"}
    )
    users = {r.value: factories.make_staff(f"as-{r.value}", r.value) for r in Role}
    wren = factories.make_staff("wren", "author")
    post = post_services.create_post(author=wren, title="Wren's post", status="published")
    thread = Conversation.objects.create(
        channel=Conversation.Channel.COMMENT, subject="On Wren's post", post=post
    )
    comment = Comment.objects.create(
        post=post, name="Reader", email="reader@example.org", body="Hi", status="held"
    )
    campaign, _ = messaging.create_campaign(
        name="News",
        list_slug="newsletter",
        sender=users["marketer"].username,
        subject="News",
        text="Our news.",
        actor=users["marketer"],
    )
    incident = incident_services.open_incident(
        title="Outage",
        body="We are looking into it.",
        spokesperson=users["support"].username,
        severity="minor",
        update="Investigating.",
        actor=users["support"],
    )
    segment = insight.create_segment(
        "everyone",
        "Everyone",
        {"all": [{"type": "list", "list": "newsletter"}]},
        actor=users["admin"],
    )
    caught = CaughtMail.objects.create(subject="hello", raw=RAW_MAIL)
    printed = PrintCampaign.objects.create(
        name="Letter",
        audience_list=newsletter,
        purpose=newsletter.purpose,
        sender=users["marketer"],
        html="<p>Hello {{ first_name }}</p>",
    )
    print_job = PrintJob.objects.create(campaign=printed)
    inbound = InboundMail.objects.create(raw=RAW_MAIL)
    objects = {
        "person": person.pk,
        "list": newsletter.slug,
        "post": post.pk,
        "thread": thread.pk,
        "comment": comment.pk,
        "campaign": campaign.pk,
        "incident": incident.pk,
        "segment": segment.slug,
        "caught": caught.pk,
        "inbound": inbound.pk,
        "missing": 999999,
        "upload": "0" * 32,
        "print": printed.pk,
        "print_job": print_job.pk,
    }
    return {"users": users, "objects": objects, "wren": wren, "post": post}


def _client(world, actor: str) -> Client:
    client = Client()
    if actor != "anonymous":
        client.force_login(world["users"][actor])
    return client


# ------------------------------------------------------------------------- README


def test_readme_role_table_is_the_code_table():
    text = README.read_text()
    found = re.search(r"<!-- role table -->\n(.*?)\n<!-- /role table -->", text, re.S)
    assert found, "README.md has no role table between <!-- role table --> markers"
    assert found.group(1).strip() == role_table_markdown(), (
        "README.md's role table differs from sincerely.accounts.roles; it should read:\n"
        + role_table_markdown()
    )
    assert all(capability in found.group(1) for capability in CAPABILITIES)


# ------------------------------------------------------------------------- console


def _console_names() -> set[str]:
    """Every named URL under /console/ (and the Django admin's index)."""
    names: set[str] = set()

    def walk(patterns, prefix: str, namespace: str) -> None:
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                if not route.startswith("admin/"):
                    walk(p.url_patterns, route, ns)
            elif isinstance(p, URLPattern) and p.name and route.startswith("console/"):
                names.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, "", "")
    return names


def test_every_console_url_has_a_role_rule():
    covered = {name for name, *_ in CONSOLE}
    missing = _console_names() - covered
    assert not missing, f"console URLs without a rule in CONSOLE: {sorted(missing)}"


@pytest.mark.parametrize("actor", ACTORS)
def test_console_cells(world, actor):
    client = _client(world, actor)
    wrong = []
    for name, kwargs, method, rule in CONSOLE:
        url = reverse(name, kwargs={k: world["objects"].get(v, v) for k, v in kwargs.items()})
        data = POST_DATA.get(name, {})
        response = client.post(url, data) if method == "POST" else client.get(url)
        status = response.status_code
        if allowed(actor, rule):
            ok = status not in (401, 403) and status < 500
        elif name.startswith("admin:"):
            ok = status == 302 and "/admin/login/" in response["Location"]
        elif actor == "anonymous":
            ok = status == 302 and response["Location"].startswith("/login/?next=")
        else:
            ok = status == 403
        if not ok:
            wrong.append(f"{method} {url} ({rule}) → {status}")
    assert not wrong, f"as {actor}:\n" + "\n".join(wrong)


# ------------------------------------------------------------------------- API


def _operations() -> list[tuple[str, dict]]:
    schema = orjson.loads(Client().get("/api/v1/openapi.json").content)
    return [
        (f"{method.upper()} {path}", spec)
        for path, methods in schema["paths"].items()
        for method, spec in methods.items()
    ]


def test_every_api_operation_has_a_role_rule(db):
    operations = dict(_operations())
    assert set(operations) == set(API), (
        f"without a rule here: {sorted(set(operations) - set(API))}; "
        f"gone from the API: {sorted(set(API) - set(operations))}"
    )
    for label, spec in operations.items():
        # The schema says the same as this table, and documents 401 and 403.
        assert spec.get("x-capability") == API[label], label
        assert {"401", "403", "422"} <= set(spec["responses"]), label


@pytest.mark.parametrize("actor", ACTORS)
def test_api_cells(world, actor):
    client = Client()
    headers = {}
    if actor != "anonymous":
        key = create_api_key(world["users"][actor].username, "roles test")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    params = {
        "person_id": world["objects"]["person"],
        "slug": "newsletter",
        "campaign_id": world["objects"]["campaign"],
        "language": "fr",
        "message_id": world["objects"]["missing"],
        "post_id": world["objects"]["post"],
    }
    wrong = []
    for label, spec in _operations():
        method, path = label.split(" ", 1)
        path = path.replace("/segments/{slug}", f"/segments/{world['objects']['segment']}")
        url = path.format(**params)
        if "requestBody" in spec:
            response = client.generic(method, url, b"{}", "application/json", **headers)
        else:
            response = client.generic(method, url, **headers)
        rule = API_OBJECT_RULES.get(label, API[label])
        status = response.status_code
        if actor == "anonymous":
            ok = status == 401
        elif allowed(actor, rule):
            ok = status not in (401, 403) and status < 500
        else:
            ok = status == 403
        if not ok:
            wrong.append(f"{label} ({rule}) → {status} {response.content[:120]!r}")
    assert not wrong, f"as {actor}:\n" + "\n".join(wrong)


# ------------------------------------------------------------------------- objects


def test_authors_see_only_conversations_about_their_own_posts(world):
    aurel = world["users"]["author"]
    own = post_services.create_post(author=aurel, title="Aurel's post", status="published")
    mine = Conversation.objects.create(
        channel=Conversation.Channel.COMMENT, subject="On Aurel's post", post=own
    )
    email = Conversation.objects.create(channel=Conversation.Channel.EMAIL, subject="A reply")
    client = _client(world, "author")
    inbox = client.get("/console/inbox/").content.decode()
    assert "On Aurel&#x27;s post" in inbox or "On Aurel's post" in inbox
    assert "On Wren" not in inbox and "A reply" not in inbox
    assert client.get(f"/console/inbox/{mine.pk}/").status_code == 200
    assert client.get(f"/console/inbox/{email.pk}/").status_code == 403
    assert client.get(f"/console/inbox/{world['objects']['thread']}/").status_code == 403
    support = _client(world, "support").get("/console/inbox/").content.decode()
    assert "A reply" in support and "On Wren" in support


def test_authors_write_only_as_themselves_and_edit_only_their_own_posts(world):
    aurel, wren = world["users"]["author"], world["wren"]
    client = _client(world, "author")
    form = {"title": "As Wren", "body": "x", "action": "draft", "author": "wren"}
    assert client.post("/console/blog/new/", form).status_code == 403
    assert client.post("/console/blog/new/", {**form, "author": aurel.username}).status_code == 302
    own = post_services.create_post(author=aurel, title="Mine", status="draft")
    edit = {"title": "Mine, edited", "body": "x", "action": "draft"}
    assert client.post(f"/console/blog/{own.pk}/", edit).status_code == 302
    assert client.post(f"/console/blog/{own.pk}/", {**edit, "author": "wren"}).status_code == 403
    assert client.get(f"/console/blog/{world['post'].pk}/").status_code == 403

    api = factories.ApiClient(aurel)
    status, body = api.post("/posts", {"title": "As Wren", "author": "wren"})
    assert (status, body["field"]) == (403, "author")
    assert api.post("/posts", {"title": "Mine too", "author": aurel.username})[0] == 201
    assert api.patch(f"/posts/{world['post'].pk}", {"title": "Taken over"})[0] == 403
    assert api.patch(f"/posts/{own.pk}", {"author": "wren"})[0] == 403
    assert api.patch(f"/posts/{own.pk}", {"title": "Still mine"})[0] == 200

    editor = factories.ApiClient(world["users"]["editor"])
    assert editor.patch(f"/posts/{world['post'].pk}", {"title": "Edited by the editor"})[0] == 200
    assert editor.post("/posts", {"title": "For Wren", "author": wren.username})[0] == 201


def test_json_download_needs_people_export_and_is_in_the_audit_trail(world):
    person_id = world["objects"]["person"]
    assert (
        _client(world, "marketer").get(f"/console/people/{person_id}/export.json").status_code
        == 403
    )
    response = _client(world, "support").get(f"/console/people/{person_id}/export.json")
    assert (
        response.status_code == 200 and orjson.loads(response.content)["person"]["id"] == person_id
    )
    status, body = factories.ApiClient(world["users"]["admin"]).get(f"/people/{person_id}/export")
    assert status == 200 and body["person"]["id"] == person_id
    downloads = AuditEntry.objects.filter(person_id_ref=person_id, action="person.export")
    assert [(e.actor.username, e.details) for e in downloads.order_by("at", "pk")] == [
        ("as-support", {}),
        ("as-admin", {}),
    ]
    page = _client(world, "admin").get(f"/console/people/{person_id}/").content.decode()
    assert "JSON downloaded by as-support (console)" in page
    assert "JSON downloaded by as-admin (API)" in page
