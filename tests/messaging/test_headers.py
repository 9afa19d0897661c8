"""Header injection: control characters are refused with 422 naming the field, and the bytes
that reach a loopback SMTP server never carry an injected header, a URL folded in two, or a
DKIM-Signature that fails once folded."""

from __future__ import annotations

import re

import dkim
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sincerely.errors import DomainError
from sincerely.messaging import mime, outbox, reports, services
from sincerely.messaging.models import Campaign
from tests import factories
from tests.messaging.conftest import draft_campaign

INJECTIONS = [
    "Mara\r\nBcc: victim@example.com",
    "Mara\nBcc: victim@example.com",
    "Mara\rX-Evil: 1",
    "Mara\x00",
    "Mara\x1b[31m",
    "Mara\x85Bcc: victim@example.com",
    "Mara\u2028Bcc: victim@example.com",
    "Mara\u2029",
]
# The API's JSON parser refuses a NUL before our validation runs (issue 11.7 is about that
# answer); the service below it refuses NUL with the field named, tested directly.
API_INJECTIONS = [value for value in INJECTIONS if "\x00" not in value]


def _send_all(campaign, marketer) -> int:
    services.queue_campaign(campaign, actor=marketer)
    services.prepare_campaign(campaign.pk)
    return outbox.deliver_outbox()


def _head(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n", 1)[0]


def _header_names(raw: bytes) -> list[str]:
    """The names of the header fields as a mail server reads them (continuations excluded)."""
    return [
        line.split(b":", 1)[0].decode().lower()
        for line in _head(raw).split(b"\r\n")
        if line and line[:1] not in (b" ", b"\t")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("value", API_INJECTIONS)
def test_api_refuses_control_characters_in_the_sender_name(api, marketer, newsletter, value):
    payload = {
        "name": "N",
        "list": "newsletter",
        "sender": marketer.username,
        "subject": "S",
        "text": "T",
        "sender_name": value,
    }
    status, body = api.post("/campaigns", payload)
    assert status == 422, body
    assert body["field"] == "sender_name" and "control characters" in body["detail"]
    assert not Campaign.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", API_INJECTIONS)
def test_api_refuses_control_characters_in_subjects(api, marketer, newsletter, value):
    base = {"name": "N", "list": "newsletter", "sender": marketer.username, "text": "T"}
    status, body = api.post("/campaigns", base | {"subject": value})
    assert status == 422 and body["field"] == "subject", body
    status, body = api.post("/campaigns", base | {"subject": "Fine"})
    assert status == 201, body
    status, patched = api.patch(f"/campaigns/{body['id']}", {"sender_name": value})
    assert status == 422 and patched["field"] == "sender_name", patched
    person = factories.make_person("one@example.com", facts={"first_name": "Uma"})
    status, one = api.post("/messages", {"person": person.pk, "subject": value, "text": "A note."})
    assert status == 422 and one["field"] == "subject", one


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["sender_name", "subject"])
def test_services_refuse_a_nul_naming_the_field(marketer, newsletter, field):
    values = {"subject": "S", "sender_name": ""} | {field: "Mara\x00"}
    with pytest.raises(DomainError) as refused:
        services.create_campaign(
            name="N", list_slug="newsletter", sender=marketer, text="T", **values
        )
    assert refused.value.field == field


@pytest.mark.django_db
def test_staff_display_names_refuse_control_characters(db):
    from sincerely.accounts.services import create_staff

    with pytest.raises(DomainError) as refused:
        create_staff(
            "mallory", role="marketer", email="mallory@sincerely.test", first_name="M\r\nBcc: x"
        )
    assert refused.value.field == "first_name"


@pytest.mark.django_db
def test_a_fact_with_line_breaks_in_the_subject_injects_no_header(
    newsletter, marketer, smtp_server
):
    factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna\r\nBcc: victim@example.com\r\nX-Evil: 1"},
        on_list=newsletter,
    )
    # Control characters other than line breaks (PostgreSQL cannot store a NUL in a fact).
    factories.make_person(
        "nul@example.com",
        facts={"first_name": "Nul\x1b\x0b\x85Bcc: v@example.com\x7f"},
        on_list=newsletter,
    )
    campaign, _ = draft_campaign(marketer, text="Our analytics module is out.")
    assert _send_all(campaign, marketer) == 2
    for caught in smtp_server.messages:
        raw = caught["raw"]
        names = _header_names(raw)
        assert "bcc" not in names and "x-evil" not in names
        assert caught["to"] in (["anna@example.com"], ["nul@example.com"])
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", _head(raw))
        assert b"\r\n" not in _head(raw).replace(b"\r\n", b"")  # no bare CR or LF
        assert b"\n" not in _head(raw).replace(b"\r\n", b"")
        assert caught["parsed"]["Subject"].startswith("News for ")


@pytest.mark.django_db
def test_a_stored_sender_name_with_crlf_cannot_add_a_header(newsletter, marketer, smtp_server):
    factories.make_person("anna@example.com", facts={"first_name": "Anna"}, on_list=newsletter)
    campaign, _ = draft_campaign(marketer, text="Our analytics module is out.", sender_name="Mara")
    # A row written before validation existed (or by hand): the output encoding still holds.
    Campaign.objects.filter(pk=campaign.pk).update(sender_name="Mara\r\nBcc: victim@example.com")
    campaign.refresh_from_db()
    assert _send_all(campaign, marketer) == 1
    caught = smtp_server.messages[0]
    assert "bcc" not in _header_names(caught["raw"])
    assert caught["to"] == ["anna@example.com"]
    sender = caught["parsed"]["From"].addresses[0]
    assert sender.addr_spec == marketer.email


@pytest.mark.django_db
def test_list_unsubscribe_is_whole_and_dkim_is_folded_and_verifies(
    newsletter, marketer, smtp_server, settings, dkim_key
):
    settings.BASE_URL = "https://mail.a-rather-long-host-name-for-our-campaigns.example.com"
    factories.make_person("anna@example.com", facts={"first_name": "Anna"}, on_list=newsletter)
    zoe = factories.make_staff(
        "zoe", "marketer", first_name="Zoé-Éléonore Dupont-Aignan", email="zoe@sincerely.test"
    )
    campaign, _ = services.create_campaign(
        name="Long",
        list_slug="newsletter",
        sender=zoe,
        subject="Des nouvelles très longues pour {{ person.first_name }} — " + "été " * 20,
        text="Bonjour.",
        html="<p>Bonjour.</p>",
    )
    assert _send_all(campaign, zoe) == 1
    raw = smtp_server.messages[0]["raw"]
    lines = _head(raw).split(b"\r\n")
    # List-Unsubscribe: the <https://…> element whole on one physical line.
    index = next(i for i, line in enumerate(lines) if line.startswith(b"List-Unsubscribe:"))
    unsubscribe = re.search(rb"<https://[^>\s]+>", lines[index])
    assert unsubscribe, lines[index : index + 2]
    assert len(lines[index]) > 78  # long enough that a careless folder would have split it
    parsed = smtp_server.messages[0]["parsed"]
    assert parsed["List-Unsubscribe"] == unsubscribe.group(0).decode()
    # DKIM-Signature folded to 78 columns, and dkimpy verifies it with our key.
    assert lines[0].startswith(b"DKIM-Signature:")
    dkim_lines = [lines[0]] + [
        line for line in lines[1:] if line[:1] == b" " and _continues(lines, line, b"DKIM")
    ]
    assert len(dkim_lines) > 3 and all(len(line) <= 78 for line in dkim_lines)
    assert reports.our_dkim_verifies(raw)
    record = reports._public_record(dkim_key.read_bytes())
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: record)
    assert all(len(line) <= 998 for line in lines)
    assert parsed["Subject"].startswith("Des nouvelles très longues pour Anna")
    assert parsed["From"].addresses[0].display_name == "Zoé-Éléonore Dupont-Aignan"


def _continues(lines: list[bytes], line: bytes, name: bytes) -> bool:
    """Whether a continuation line belongs to the header field `name` (the nearest field above)."""
    index = lines.index(line)
    while lines[index][:1] == b" ":
        index -= 1
    return lines[index].startswith(name)


_HEADER_TEXT = st.text(alphabet=st.sampled_from("ab <>=:;-\r\n"), max_size=120)


@given(value=_HEADER_TEXT)
def test_a_header_that_fits_on_a_line_is_folded_as_any_other(value):
    # The one-line shortcut of mime.fold must give exactly what folding word by word gives.
    assert mime.fold("Subject", value) == mime._folded("Subject", value)
