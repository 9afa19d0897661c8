"""Issue 11.6: signed redirects only for URLs the author wrote; headers on every page."""

from __future__ import annotations

import contextlib
import io
import re
import time

import pytest

from sincerely.messaging import outbox, services
from sincerely.messaging.models import Campaign
from sincerely.people.models import Person, SourceKind
from sincerely.people.services import EvidenceInput, record_fact
from tests import factories

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
    client,
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
    client,
):
    person = factories.make_person(
        "one@example.com", facts={"first_name": EVIL}, consent="sales_contact"
    )
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
    from sincerely.people.links import privacy_token

    person = factories.make_person("store@example.com", on_list=newsletter)
    token = privacy_token(person)
    for path in (f"/privacy/{token}/", f"/privacy/{token}/my-data.json", "/privacy/"):
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert response["Cache-Control"] == "no-store", path


def test_known_and_unknown_addresses_get_the_same_work_for_a_link_request(newsletter):
    """Same statements (shape and number), same queued job: nothing to time apart."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    factories.make_person("known@example.com", on_list=newsletter)

    from django.test import Client

    def shapes(email: str, address: str) -> list[str]:
        """The statements one request runs, with values and savepoint names blanked."""
        with CaptureQueriesContext(connection) as queries:
            response = Client(REMOTE_ADDR=address).post("/privacy/", {"email": email})
        assert response.status_code == 200 and b"on its way" in response.content
        return [
            re.sub(r"'[^']*'|\"s\d+_x\d+\"|\b\d+\b", "?", q["sql"])
            for q in queries.captured_queries
        ]

    shapes("warm@example.com", "192.0.2.9")  # caches filled once (the incident banner)
    known = shapes("known@example.com", "192.0.2.1")
    unknown = shapes("nobody@example.com", "192.0.2.2")
    assert known == unknown
    jobs = DBTaskResult.objects.filter(task_path__endswith="send_privacy_link_task")
    assert jobs.count() == 3


def test_import_refuses_a_utf16_file_as_not_utf8(newsletter, tmp_path):
    from django.core.management import CommandError, call_command

    text = "email,first_name,consent\nu16@example.com,U,yes\n"
    for name, data in (
        ("bom.csv", text.encode("utf-16")),  # FF FE and little-endian
        ("be.csv", b"\xfe\xff" + text.encode("utf-16-be")),
        ("nobom.csv", text.encode("utf-16-le")),  # valid UTF-8 with a NUL between letters
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(CommandError) as refused:
            call_command(
                "import_data", "people", str(path), "--list", "newsletter", "--source", "x"
            )
        assert "not UTF-8 (it looks like UTF-16)" in str(refused.value), name
        assert "email" not in str(refused.value)


def test_import_caps_facts_per_row_and_field_length(newsletter, api, tmp_path):
    from django.core.management import CommandError, call_command

    wide = tmp_path / "wide.csv"
    columns = [f"fact_{i}" for i in range(51)]
    wide.write_text("email,consent," + ",".join(columns) + "\nw@example.com,yes" + ",x" * 51 + "\n")
    with pytest.raises(CommandError) as refused:
        call_command("import_data", "people", str(wide), "--list", "newsletter", "--source", "x")
    assert "at most 50 per row" in str(refused.value) and "fact_50" in str(refused.value)

    long = tmp_path / "long.csv"
    long.write_text(
        "email,consent,company\nok@example.com,yes,Acme\nlong@example.com,yes," + "x" * 1001 + "\n"
    )
    out = io.StringIO()
    call_command(
        "import_data", "people", str(long), "--list", "newsletter", "--source", "x", stdout=out
    )
    assert (
        "line 3: rejected [company]: column 'company' has 1,001 characters; at most 1,000"
        in out.getvalue()
    )
    assert Person.objects.filter(email="ok@example.com").exists()
    assert not Person.objects.filter(email="long@example.com").exists()


def test_cli_output_carries_no_control_characters(newsletter, capsys):
    from sincerely.cli import main
    from sincerely.people.services import create_list

    create_list("evil", "Evil\x1b]0;owned\x07\x1b[2J list\u202e", "newsletter")
    main(["lists"])
    printed = capsys.readouterr().out
    assert "Evil]0;owned[2J list" in printed
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", printed)


def test_the_access_log_never_shows_tokens(tmp_path):
    import os
    import subprocess
    import sys
    import urllib.error
    import urllib.request
    from pathlib import Path

    from tests.messaging.conftest import free_port

    port = free_port()
    env = dict(os.environ)
    env.update(
        SINCERELY_DATA_DIR=str(tmp_path),
        SINCERELY_DATABASE_URL=f"sqlite:///{tmp_path / 'log.sqlite3'}",
        SINCERELY_INBOUND_SECRET="webhook-s3cret",
    )
    root = Path(__file__).resolve().parents[2]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sincerely.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--migrate",
        ],
        env=env,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    secrets = {
        "/privacy/PRIVACYTOKEN123/": "PRIVACYTOKEN123",
        "/privacy/PRIVACYTOKEN456/my-data.json": "PRIVACYTOKEN456",
        "/m/u/UNSUBTOKEN789/": "UNSUBTOKEN789",
        "/m/c/CLICKTOKEN012/": "CLICKTOKEN012",
        "/offers/not-for-me/OFFERTOKEN345/": "OFFERTOKEN345",
        "/blog/comments/confirm/COMMENTTOKEN678/": "COMMENTTOKEN678",
        "/blog/?as=READERTOKEN901": "READERTOKEN901",
        "/m/inbound/?secret=webhook-s3cret": "webhook-s3cret",
    }
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        for path in secrets:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}",
                headers={"Referer": f"http://127.0.0.1:{port}/privacy/REFERERTOKEN/"},
                data=b"x" if "inbound" in path else None,
            )
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(request, timeout=10)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz?done=1", timeout=5)
        time.sleep(0.5)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert "/m/c/…/" in log and "/privacy/…/my-data.json" in log, log[-3000:]
    assert "/healthz?done=1" in log
    for secret in [*secrets.values(), "REFERERTOKEN"]:
        assert secret not in log, secret
