"""Issue 11.6: signed redirects only for URLs the author wrote; headers on every page."""

from __future__ import annotations

import re

import pytest

from sincerely.messaging import outbox, services
from sincerely.messaging.models import Campaign
from sincerely.people.models import SourceKind
from sincerely.people.services import EvidenceInput, record_fact
from tests import factories
from tests.messaging.conftest import smtp_server  # noqa: F401 - the real SMTP fixture

pytestmark = pytest.mark.django_db

EVIL = "https://evil.example/login"


def _texts(smtp) -> list[str]:
    return [m["parsed"].get_body(("plain",)).get_content() for m in smtp.messages]


def _targets(client, text: str) -> list[str]:
    return [
        client.get(re.sub(r"^https?://[^/]+", "", url))["Location"]
        for url in re.findall(r"https?://\S+/m/c/\S+", text)
    ]


def test_a_typed_value_never_becomes_a_signed_redirect(
    newsletter,
    marketer,
    api,
    smtp_server,
    client,  # noqa: F811
):
    person = factories.make_person("typed@example.com", on_list=newsletter)
    record_fact(person, "company", EVIL, EvidenceInput(SourceKind.SELF_DECLARED, "signup form"))
    status, body = api.post(
        "/campaigns",
        {
            "name": "Links",
            "list": "newsletter",
            "sender": marketer.username,
            "subject": "News",
            "text": "Your company: {{ person.company | fallback('-') }}. "
            "Our shop: https://shop.example/spring?a=1 and more.",
            "html": '<p>{{ person.company | fallback("-") }} '
            '<a href="{{ person.company | fallback("#") }}">you</a> '
            '<a href="https://shop.example/spring?a=1&amp;b=2">shop</a></p>',
        },
    )
    assert status == 201, body
    services.queue_campaign(Campaign.objects.get(pk=body["id"]), actor=marketer)
    services.prepare_campaign(body["id"])
    assert outbox.deliver_outbox() == 1
    text = _texts(smtp_server)[0]
    assert _targets(client, text) == ["https://shop.example/spring?a=1"]
    assert EVIL in text  # shown as the person wrote it, not signed by our domain
    html = smtp_server.messages[0]["parsed"].get_body(("html",)).get_content()
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert EVIL in hrefs
    signed = [h.replace("&amp;", "&") for h in hrefs if "/m/c/" in h]
    assert [client.get(re.sub(r"^https?://[^/]+", "", h))["Location"] for h in signed] == [
        "https://shop.example/spring?a=1&b=2"
    ]


def test_a_one_to_one_message_signs_only_what_no_recorded_value_touches(
    newsletter,
    sales,
    smtp_server,
    client,  # noqa: F811
):
    person = factories.make_person("one@example.com", facts={"first_name": EVIL})
    services.send_one(
        person,
        sender=sales,
        subject="Hello",
        text="Hi {{ person.first_name }}, the guide: https://docs.example/guide",
        idempotency_key="links-1",
    )
    assert outbox.deliver_outbox() == 1
    text = _texts(smtp_server)[0]
    assert _targets(client, text) == ["https://docs.example/guide"]
    assert EVIL in text


def test_every_page_has_a_content_security_policy_without_inline_script(client, marketer):
    for path in ("/login/", "/privacy/", "/blog/", "/healthz"):
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert "unsafe-eval" not in policy
        if response["Content-Type"].startswith("text/html"):
            body = response.content.decode()
            assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", body)
            assert not re.search(r"\son[a-z]+=|hx-on", body)


def test_the_console_templates_carry_no_inline_script():
    from pathlib import Path

    import sincerely

    root = Path(sincerely.__file__).parent
    offenders = []
    for template in root.rglob("templates/**/*.html"):
        source = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)|\son(click|change|submit|load|input)=|hx-on", source):
            offenders.append(str(template.relative_to(root)))
    assert offenders == []


def test_privacy_centre_pages_are_never_stored(client, newsletter):
    from sincerely.privacy.links import privacy_token

    person = factories.make_person("store@example.com", on_list=newsletter)
    token = privacy_token(person)
    for path in (f"/privacy/{token}/", f"/privacy/{token}/my-data.json", "/privacy/"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert response["Cache-Control"] == "no-store", path
