"""Facts keep history, lists need consent, merges move everything, erasure forgets."""

from __future__ import annotations

import pytest

from sincerely.errors import DomainError
from sincerely.people import services
from sincerely.people.models import AuditEntry, Consent, Fact, Identity, Membership, Person
from sincerely.timeline.services import record_touchpoint
from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_edit_is_staff_recorded_and_old_value_stays(newsletter, sales):
    person = factories.make_person("anna@example.com", facts={"company": "Acme"})
    services.edit_fact_as_staff(person, "company", "Acme Europe", sales)
    current = Fact.objects.get(person=person, key="company", is_current=True)
    old = Fact.objects.get(person=person, key="company", is_current=False)
    assert current.value == "Acme Europe" and current.source_kind == "staff_recorded"
    assert current.recorded_by == sales
    assert old.value == "Acme" and old.superseded_at is not None
    assert AuditEntry.objects.filter(action="fact.edit", person_id_ref=person.pk).exists()


def test_same_value_is_not_recorded_twice():
    person = factories.make_person("a@example.com", facts={"company": "Acme"})
    evidence = services.EvidenceInput("observed", "website")
    services.record_fact(person, "company", "Acme", evidence)
    assert Fact.objects.filter(person=person, key="company").count() == 1


def test_a_list_needs_consent_to_its_purpose(newsletter):
    person = factories.make_person("b@example.com")
    with pytest.raises(DomainError) as caught:
        services.add_to_list(person, newsletter, "asked", services.EvidenceInput("observed", "x"))
    assert caught.value.field == "consent"


def test_consent_history_keeps_every_change():
    person = factories.make_person("c@example.com", consent="newsletter")
    services.record_consent(person, "newsletter", granted=False, where="email", method="link")
    rows = Consent.objects.filter(person=person).order_by("id")
    assert [(c.status, c.is_current) for c in rows] == [("granted", False), ("withdrawn", True)]


def test_evidence_must_say_where_it_came_from():
    with pytest.raises(DomainError) as caught:
        services.EvidenceInput("imported", "  ")
    assert caught.value.field == "source_ref"
    with pytest.raises(DomainError):
        services.EvidenceInput("rumour", "pub")


def test_merge_moves_everything_and_is_audited(newsletter, marketer):
    survivor = factories.make_person("anna@example.com", facts={"company": "Acme"})
    duplicate = factories.make_person(
        "anna.b@example.com", facts={"company": "Acme Ltd", "city": "Lyon"}, on_list=newsletter
    )
    record_touchpoint(duplicate, "page_view", url="https://shop.example.com/")
    services.merge_people(survivor, duplicate, marketer)
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    emails = set(Identity.objects.filter(person=survivor).values_list("value", flat=True))
    assert emails == {"anna@example.com", "anna.b@example.com"}
    current = dict(
        Fact.objects.filter(person=survivor, is_current=True).values_list("key", "value")
    )
    assert current["company"] == "Acme Ltd" and current["city"] == "Lyon"
    assert Fact.objects.filter(person=survivor, key="company", value="Acme").exists()
    assert Membership.objects.filter(person=survivor, audience_list=newsletter).exists()
    assert survivor.touchpoints.count() == 1
    entry = AuditEntry.objects.get(action="person.merge")
    assert entry.actor == marketer and entry.details["moved"]["facts"] == 2
    assert services.find_person_by_email("ANNA.B@example.com") == survivor


def test_erasure_removes_personal_data_and_keeps_a_hash(newsletter):
    person = factories.make_person("zoe@example.com", facts={"city": "Paris"}, on_list=newsletter)
    record_touchpoint(person, "page_view")
    services.erase_person(person, None, requested_via="privacy centre")
    assert Person.objects.count() == 0 and Fact.objects.count() == 0
    assert services.is_suppressed("zoe@example.com")
    entry = AuditEntry.objects.get(action="person.erase")
    assert "zoe" not in entry.summary and "Paris" not in str(entry.details)
    with pytest.raises(DomainError):
        services.create_person("Zoe@example.com", {}, services.EvidenceInput("observed", "x"))


def test_noreply_staff_addresses_are_refused():
    with pytest.raises(DomainError) as caught:
        factories.make_staff("robot", "marketer", email="no-reply@example.com")
    assert caught.value.field == "email"
