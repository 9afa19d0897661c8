"""People imports: validation that names rows, quarantine without consent, all-or-nothing."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sincerely.errors import DomainError, ImportRejected
from sincerely.people import services
from sincerely.people.imports import import_people
from sincerely.people.models import Consent, Fact, ImportIssue, Membership, Person, Suppression
from tests import factories

pytestmark = pytest.mark.django_db


def run(text: str | bytes, list_slug="newsletter", source="Web Summit 2023 badge scans", **kw):
    data = text.encode() if isinstance(text, str) else text
    return import_people(
        io.BytesIO(data), filename="scans.csv", list_slug=list_slug, source=source, **kw
    )


def test_good_rows_become_people_with_evidence_and_consent(newsletter, marketer):
    report = run(
        "email,first_name,company,consent,consent_at,attended_event\n"
        " Anna@Example.COM ,Anna,Acme,yes,2024-03-02,Web Summit 2023\n",
        actor=marketer,
    )
    assert report.created == 1 and not report.issues
    person = Person.objects.get()
    assert person.email == "anna@example.com"
    assert person.display_name == "Anna"
    fact = Fact.objects.get(person=person, key="attended_event")
    assert fact.value == "Web Summit 2023"
    assert fact.source_kind == "imported"
    assert "Web Summit 2023 badge scans" in fact.source_ref and "scans.csv" in fact.source_ref
    assert fact.recorded_by == marketer
    consent = Consent.objects.get(person=person)
    assert consent.status == "granted" and consent.at.date().isoformat() == "2024-03-02"
    membership = Membership.objects.get(person=person)
    assert "scans.csv" in membership.reason and membership.import_batch_id == report.batch_id


def test_each_bad_row_is_named_with_line_and_reason(newsletter):
    report = run(
        "email,first_name,consent,consent_at,phone\n"
        "ok@example.com,Ok,yes,,\n"
        "not-an-email,X,yes,,\n"
        "OK@example.com,Dup,yes,,\n"
        "nocons@example.com,N,,,\n"
        "said-no@example.com,N,no,,\n"
        "future@example.com,F,yes,2999-01-01,\n"
        "maybe@example.com,M,perhaps,,\n"
        "phone@example.com,P,yes,,call me\n"
        "short@example.com\n"
    )
    by_line = {i.line: i for i in report.issues}
    assert report.created == 1
    assert by_line[3].kind == "rejected" and by_line[3].field == "email"
    assert "line 2" in by_line[4].reason
    assert by_line[5].kind == "quarantined" and by_line[6].kind == "quarantined"
    assert by_line[7].field == "consent_at" and "future" in by_line[7].reason
    assert by_line[8].field == "consent"
    assert by_line[9].field == "phone"
    assert "fields" in by_line[10].reason
    kept = ImportIssue.objects.filter(batch_id=report.batch_id)
    assert kept.count() == 8, "every row not applied is kept whole with its reason"
    assert kept.get(line=5).row["email"] == "nocons@example.com"


def test_file_without_consent_column_quarantines_everyone(newsletter):
    report = run("email,first_name\na@example.com,A\nb@example.com,B\n")
    assert report.created == 0
    assert [i.kind for i in report.issues] == ["quarantined", "quarantined"]
    assert "no consent column" in report.issues[0].reason
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        (b"first_name,consent\nAnna,yes\n", 1, "'email' is missing"),
        (b'email,consent\na@example.com,yes\n"b@example.com,yes\n', 3, "quoting"),
        ("email,first_name,consent\na@example.com,Zoë,yes\n".encode("latin-1"), 2, "UTF-8"),
        (b"", 1, "empty"),
        (b"email,email\n", 1, "twice"),
    ],
)
def test_broken_files_change_nothing(newsletter, content, line, fragment):
    factories.make_person("before@example.com", on_list=newsletter)
    counts = (Person.objects.count(), Fact.objects.count(), Membership.objects.count())
    with pytest.raises(ImportRejected) as caught:
        run(content)
    assert caught.value.line == line
    assert fragment in str(caught.value)
    assert (Person.objects.count(), Fact.objects.count(), Membership.objects.count()) == counts


def test_unknown_list_and_missing_source_are_refused(newsletter):
    with pytest.raises(DomainError) as caught:
        run("email,consent\na@example.com,yes\n", list_slug="nope")
    assert caught.value.field == "list"
    with pytest.raises(ImportRejected) as caught:
        run("email,consent\na@example.com,yes\n", source="  ")
    assert caught.value.field == "source"


def test_reimport_updates_keeps_history_and_never_duplicates(newsletter):
    run("email,company,consent\nanna@example.com,Acme,yes\n")
    report = run("email,company,consent\nANNA@example.com,Globex,yes\n")
    assert report.created == 0 and report.updated == 1
    assert Person.objects.count() == 1
    values = dict(Fact.objects.filter(key="company").values_list("value", "is_current"))
    assert values == {"Acme": False, "Globex": True}


def test_erased_people_are_never_reimported(newsletter):
    person = factories.make_person("gone@example.com", on_list=newsletter)
    services.erase_person(person, None, requested_via="test")
    assert Suppression.objects.filter(reason="erased").count() == 1
    report = run("email,consent\nGone@Example.com,yes\n")
    assert report.created == 0
    assert report.rejected[0].field == "email" and "suppressed" in report.rejected[0].reason


def test_people_who_left_or_withdrew_are_not_readded(newsletter):
    left = factories.make_person("left@example.com", on_list=newsletter)
    services.leave_list(left, newsletter, "unsubscribed")
    withdrew = factories.make_person("withdrew@example.com", consent="newsletter")
    services.record_consent(
        withdrew, "newsletter", granted=False, where="privacy centre", method="button"
    )
    report = run(
        "email,consent,consent_at\nleft@example.com,yes,\nwithdrew@example.com,yes,2020-01-01\n"
    )
    assert [i.kind for i in report.issues] == ["quarantined", "quarantined"]
    assert "left this list" in report.issues[0].reason
    assert "withdrew consent" in report.issues[1].reason


def test_dry_run_reports_and_writes_nothing(newsletter):
    report = run("email,consent\na@example.com,yes\nbad,yes\n", dry_run=True)
    assert report.created == 1 and len(report.rejected) == 1 and report.batch_id is None
    assert Person.objects.count() == 0


def test_progress_is_reported_for_long_files(newsletter):
    seen = []
    rows = "".join(f"p{i}@example.com,yes\n" for i in range(12000))
    report = run("email,consent\n" + rows, progress=seen.append)
    assert report.created == 12000
    assert seen[:2] == [5000, 10000] and seen[-1] == 12000


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=30), max_size=6))
def test_any_cell_content_is_either_applied_or_reported(newsletter, cells):
    """Whatever a cell holds, the import neither crashes nor loses a row silently."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["email", "consent", "note"])
    for i, cell in enumerate(cells):
        writer.writerow([f"row{i}@example.com" if i % 2 else cell, "yes", cell])
    try:
        report = run(buffer.getvalue(), dry_run=True)
    except ImportRejected as exc:
        assert exc.line is not None
        return
    counted = report.created + report.updated + report.unchanged + len(report.issues)
    assert counted == report.rows_total


def test_ids_of_erased_people_are_never_reused(newsletter):
    """A privacy link names a person id; a later import must never inherit an erased id."""
    run("email,consent\nfirst@example.com,yes\nsecond@example.com,yes\n")
    last = Person.objects.order_by("-pk").first()
    erased_id = last.pk
    services.erase_person(last, None, requested_via="test")
    run("email,consent\nthird@example.com,yes\n")
    assert Person.objects.get(email="third@example.com").pk > erased_id
    created = services.create_person(
        "fourth@example.com", {}, services.EvidenceInput("observed", "x")
    )
    assert created.pk > Person.objects.get(email="third@example.com").pk


def test_an_impossible_date_is_a_named_row_error_not_a_crash(newsletter):
    report = run("email,consent,consent_at\na@example.com,yes,2024-02-30\n")
    assert report.created == 0
    assert report.rejected[0].field == "consent_at" and "not a date" in report.rejected[0].reason


def test_reimporting_an_unchanged_file_reports_unchanged_not_updated(newsletter):
    body = (
        "email,first_name,company,consent\nanna@example.com,Anna,Acme,yes\nbo@example.com,Bo,,yes\n"
    )
    first = run(body)
    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    again = run(body)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert "0 updated, 2 unchanged" in again.summary()
    changed = run(body.replace("Acme", "Globex"))
    assert (changed.updated, changed.unchanged) == (1, 1)
