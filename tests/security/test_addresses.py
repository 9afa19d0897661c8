"""Issue 11.3: erasure, suppression and rate limits follow the mailbox, not its spelling."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from sincerely.people.addresses import canonical_email, suppression_hashes
from sincerely.people.models import Identity, Person, Suppression
from tests import factories

pytestmark = pytest.mark.django_db


def _erase_through_the_privacy_centre(client, email, newsletter):
    from sincerely.people.links import privacy_token

    person = factories.make_person(email, facts={"first_name": "Idn"}, on_list=newsletter)
    token = privacy_token(person)
    response = client.post(f"/privacy/{token}/erase/", {"confirm": "erase"})
    assert response.status_code == 200
    assert not Person.objects.filter(pk=person.pk).exists()


def test_an_erased_idn_address_is_refused_in_its_a_label_spelling_by_cli_and_api(
    client, newsletter, api, tmp_path
):
    _erase_through_the_privacy_centre(client, "idnsup@bücher.example", newsletter)

    source = tmp_path / "again.csv"
    source.write_text("email,first_name,consent\nidnsup@xn--bcher-kva.example,Idn,yes\n")
    out = io.StringIO()
    call_command(
        "import_data", "people", str(source), "--list", "newsletter", "--source", "x", stdout=out
    )
    assert "line 2: rejected [email]: suppressed (erased on request)" in out.getvalue()
    assert not Person.objects.exists()

    status, body = api.post(
        "/people",
        {
            "email": "IDNSUP@XN--BCHER-KVA.example",
            "evidence": {"source_kind": "imported", "source_ref": "crm export"},
        },
    )
    assert status == 422 and body["field"] == "email"
    assert "cannot be added again" in body["detail"]
    assert not Person.objects.exists()


def test_identities_are_stored_in_one_form(newsletter, api):
    status, body = api.post(
        "/people",
        {
            "email": "  Ana@BÜCHER.Example ",
            "evidence": {"source_kind": "imported", "source_ref": "crm export"},
        },
    )
    assert status == 201, body
    assert Identity.objects.get().value == "ana@xn--bcher-kva.example"
    status, found = api.get("/people", email="ana@bücher.example")
    assert status == 200 and len(found["items"] if isinstance(found, dict) else found) == 1


def test_a_legacy_suppression_hash_still_refuses_the_address(newsletter):
    """Rows written before the canonical form hashed `strip().lower()`, a Unicode domain."""
    import hashlib

    Suppression.objects.create(
        email_hash=hashlib.sha256(b"old@b\xc3\xbccher.example").hexdigest(), reason="erased"
    )
    from sincerely.people.imports import import_people

    report = import_people(
        io.BytesIO(b"email,consent\nOLD@xn--bcher-kva.example,yes\n"),
        filename="f.csv",
        list_slug="newsletter",
        source="x",
    )
    assert report.created == 0 and "suppressed" in report.issues[0].reason


def test_spellings_of_one_address_share_a_privacy_link_budget(client):
    spellings = [" x@example.com", "X@Example.COM", "x@example.com ", "X@EXAMPLE.com"]
    codes = [client.post("/privacy/", {"email": s}).status_code for s in spellings]
    assert codes == [200, 200, 200, 429]


@given(
    local=st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=1, max_size=8),
    domain=st.sampled_from(
        ["bücher.example", "BÜCHER.example", "bu\u0308cher.example", "xn--bcher-kva.example"]
    ),
    pad=st.sampled_from(["", " ", "\t", "  \n"]),
)
def test_every_spelling_has_one_canonical_form_and_hash(local, domain, pad):
    email = f"{pad}{local.upper()}@{domain}{pad}"
    assert canonical_email(email) == f"{local}@xn--bcher-kva.example"
    assert canonical_email(canonical_email(email)) == canonical_email(email)
    assert suppression_hashes(email)[0] == suppression_hashes(f"{local}@bücher.example")[0]


def test_the_migration_rewrites_addresses_and_adds_canonical_hashes():
    import hashlib
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "sincerely.people.migrations.0004_canonical_email_addresses"
    )
    old = "Old@Bücher.example"
    person = Person.objects.create(email=old.lower())
    Identity.objects.create(person=person, kind="email", value=old.lower(), is_primary=True)
    twin = Person.objects.create(email="twin@xn--bcher-kva.example")
    Identity.objects.create(person=twin, kind="email", value="twin@xn--bcher-kva.example")
    other = Person.objects.create(email="twin@bücher.example")
    Identity.objects.create(person=other, kind="email", value="twin@bücher.example")
    legacy = hashlib.sha256(old.lower().encode()).hexdigest()
    Suppression.objects.create(email_hash=legacy, reason="unsubscribed")

    migration.forwards(apps, None)

    assert Identity.objects.get(person=person).value == "old@xn--bcher-kva.example"
    assert Person.objects.get(pk=person.pk).email == "old@xn--bcher-kva.example"
    canonical = hashlib.sha256(b"old@xn--bcher-kva.example").hexdigest()
    assert Suppression.objects.filter(email_hash=canonical, reason="unsubscribed").exists()
    # One mailbox on two people: left as written for staff to merge, nothing lost.
    assert Identity.objects.get(person=other).value == "twin@bücher.example"
    assert Person.objects.get(pk=other.pk).email == "twin@bücher.example"
