"""People with postal addresses (and without), a postal list, and a print folder per test."""

from __future__ import annotations

import pytest

from sincerely.people import services
from sincerely.people.models import Purpose, SourceKind
from sincerely.timeline.services import record_touchpoint
from tests import factories

BODY = """<p>Dear {{ person.first_name | fallback("customer") }},</p>
{% if evidence.attended("Web Summit") %}<p>It was good to meet you at
{{ evidence.attended("Web Summit") }}.</p>{% endif %}
<p>Our spring programme is ready, and this letter says what is in it for you.</p>
<p>With best wishes,<br>{{ sender.name }}</p>
"""

ADDRESSES = {
    "ana@example.com": {
        "first_name": "Ana",
        "last_name": "Schmidt",
        "address_line1": "Invalidenstraße 117",
        "city": "Berlin",
        "postal_code": "10115",
        "country": "DE",
    },
    "ben@example.com": {
        "first_name": "Ben",
        "last_name": "Okafor",
        "address_line1": "Maximilianstraße 3",
        "city": "München",
        "postal_code": "80539",
        "country": "DE",
    },
    "cara@example.com": {"first_name": "Cara", "last_name": "Lind"},
    "dan@example.com": {
        "first_name": "Dan",
        "last_name": "Weiss",
        "address_line1": "Hauptstraße 1",
        "city": "Köln",
        "postal_code": "ABC",
        "country": "DE",
    },
    "fay@example.com": {
        "first_name": "Fay",
        "last_name": "Brandt",
        "address_line1": "Königsallee 12",
        "city": "Düsseldorf",
        "postal_code": "40212",
        "country": "DE",
    },
}


@pytest.fixture(autouse=True)
def print_dir(settings, tmp_path):
    settings.SINCERELY_PRINT_DIR = str(tmp_path / "print")
    settings.SINCERELY_PRINT_RETURN_ADDRESS = "Acme GmbH, Torstraße 1, 10119 Berlin"
    return tmp_path / "print"


@pytest.fixture
def postal_purpose(db):
    # Transactional tests flush the seeded rows; put the postal purpose back.
    Purpose.objects.get_or_create(slug="postal", defaults={"name": "Postal mail"})


@pytest.fixture
def postal_list(postal_purpose):
    return factories.make_list("print-customers", "Customers by post", "postal")


@pytest.fixture
def people(postal_list):
    made = {}
    for email, facts in ADDRESSES.items():
        made[email.split("@")[0]] = factories.make_person(
            email,
            facts=facts,
            on_list=postal_list,
            source_kind=SourceKind.STAFF_RECORDED,
            source_ref="customer file",
        )
    record_touchpoint(made["ana"], "event_attendance", properties={"event": "Web Summit Lisbon"})
    return made


def add_address(person, **facts) -> None:
    evidence = services.EvidenceInput(SourceKind.SELF_DECLARED, "order form")
    for key, value in facts.items():
        services.record_fact(person, key, value, evidence)
