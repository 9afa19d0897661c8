"""The console's print pages (editor, live preview, job progress, downloads), answers from paper,
the privacy centre's postal stop and the attribution report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from sincerely.catalogue.models import Product
from sincerely.conversations.models import Conversation
from sincerely.offers.models import Offer
from sincerely.people.links import privacy_url
from sincerely.people.models import Consent
from sincerely.postal import tasks
from sincerely.postal.links import piece_token, piece_url, read_piece_token
from sincerely.postal.models import PrintCampaign, PrintJob, PrintPiece
from sincerely.postal.services import create_print_campaign
from sincerely.timeline.services import record_touchpoint
from tests.postal.conftest import BODY
from tests.postal.helpers import manifest

pytestmark = pytest.mark.django_db


def _form(**extra) -> dict:
    return {
        "name": "Autumn letter",
        "kind": "letter",
        "paper": "a4",
        "list_slug": "print-customers",
        "purpose": "postal",
        "sender": "mara",
        "html": BODY,
        "cost_per_piece": "0.85",
        "offer_code": "AUTUMN26",
        "bleed_mm": "0",
        **extra,
    }


def _run_worker() -> None:
    """Run what the durable queue holds, as `sincerely worker` would, until it is empty."""
    while True:
        pending = list(
            DBTaskResult.objects.filter(status="READY", task_path__startswith="sincerely.postal")
        )
        if not pending:
            return
        for row in pending:
            row.delete()
            task = getattr(tasks, row.task_path.rsplit(".", 1)[1])
            task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def test_editor_preview_job_progress_and_download(
    console, people, django_capture_on_commit_callbacks
):
    page = console.get("/console/")
    assert "/console/print/" in page.content.decode()  # the nav section
    created = console.post("/console/print/new/", _form())
    assert created.status_code == 302
    campaign = PrintCampaign.objects.get(name="Autumn letter")
    editor = console.get(created["Location"])
    assert editor.status_code == 200 and "Preview for one recipient" in editor.content.decode()
    # The live preview: the chosen recipient's ledger beside the embedded PDF.
    partial = console.get(
        f"/console/print/{campaign.pk}/preview/",
        {"person": "ana@example.com"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Web Summit Lisbon" in partial and "address_line1" in partial
    assert f"preview.pdf?person={people['ana'].pk}" in partial
    pdf = console.get(f"/console/print/{campaign.pk}/preview.pdf", {"person": people["ana"].pk})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    held = console.get(f"/console/print/{campaign.pk}/preview/", {"person": "cara@example.com"})
    assert "would be held back: no postal address" in held.content.decode()
    # A job runs on the worker; the page polls while it renders.
    with django_capture_on_commit_callbacks(execute=True):
        started = console.post(f"/console/print/{campaign.pk}/jobs/", {"chunk_size": "2"})
    job = PrintJob.objects.get(campaign=campaign)
    assert started["Location"] == f"/console/print/jobs/{job.pk}/"
    waiting = console.get(started["Location"]).content.decode()
    assert 'hx-trigger="every 2s"' in waiting and "<progress" in waiting
    _run_worker()
    done = console.get(f"/console/print/jobs/{job.pk}/progress/").content.decode()
    assert "every 2s" not in done
    assert "3 of 3 pieces rendered" in done
    assert "no postal address (missing address_line1, city, country)" in done
    assert "manifest.csv" in done and "pieces-0002.pdf" in done
    download = console.get(f"/console/print/jobs/{job.pk}/files/pieces-0001.pdf")
    assert download.status_code == 200
    assert console.get(f"/console/print/jobs/{job.pk}/files/..%2Fsecret").status_code == 404


def test_editor_names_the_field_of_bad_input(console, people):
    bad = console.post("/console/print/new/", _form(paper="a6"))
    assert bad.status_code == 422 and "postcard sizes" in bad.content.decode()
    bad = console.post("/console/print/new/", _form(html="{% if %}"))
    assert bad.status_code == 422 and "template syntax" in bad.content.decode()


def test_unknown_print_campaigns_and_jobs_are_not_found_pages(console, people):
    for path in (
        "/console/print/999999/",
        "/console/print/999999/preview/?person=1",
        "/console/print/999999/preview.pdf?person=1",
        "/console/print/jobs/999999/",
        "/console/print/jobs/999999/progress/",
        "/console/print/jobs/999999/files/manifest.csv",
    ):
        assert console.get(path).status_code == 404, path
    assert console.post("/console/print/999999/jobs/").status_code == 404


def test_print_pages_are_for_marketers_and_admins_only(sales, people):
    client = Client()
    client.force_login(sales)
    assert client.get("/console/print/").status_code == 403


def test_answers_from_paper_land_in_the_inbox_and_on_the_timeline(people, marketer):
    campaign, _ = create_print_campaign(
        actor=marketer, name="Spring letter", list_slug="print-customers", html=BODY
    )
    from django.core.management import call_command

    call_command("print", "run", str(campaign.pk))
    piece = PrintPiece.objects.get(person=people["ben"], status="printed")
    path = piece_url(piece.pk).split("8000", 1)[1]
    client = Client(enforce_csrf_checks=False)
    written = client.post(path, {"answer": "write", "text": "Do you deliver to Austria?"})
    assert "named person" in written.content.decode()
    conversation = Conversation.objects.get(person=people["ben"])
    assert "Do you deliver to Austria?" in conversation.entries.get().text
    called = client.post(path, {"answer": "call_me", "phone": "+49 89 1234567"})
    assert called.status_code == 200
    assert Conversation.objects.filter(person=people["ben"]).count() == 2
    assert client.post(path, {"answer": "not_for_me"}).status_code == 200
    empty = client.post(path, {"answer": "write", "text": " "})
    assert empty.status_code == 422 and "write your message first" in empty.content.decode()
    answers = people["ben"].touchpoints.filter(kind="print_answer")
    assert sorted(t.properties["answer"] for t in answers) == ["call_me", "not_for_me", "write"]
    page = client.get(path).content.decode()
    assert "/privacy/" in page  # the privacy centre is one click away


def test_privacy_centre_stops_postal_mail(people):
    client = Client()
    centre = client.get(privacy_url(people["ben"])).content.decode()
    assert "Stop postal mail" in centre
    token = privacy_url(people["ben"]).rsplit("/privacy/", 1)[1].strip("/")
    client.post(f"/privacy/{token}/withdraw/", {"purpose": "postal"})
    consent = Consent.objects.get(person=people["ben"], purpose__slug="postal", is_current=True)
    assert consent.status == Consent.Status.WITHDRAWN
    assert (
        "You asked us to stop postal mail"
        in client.get(privacy_url(people["ben"])).content.decode()
    )


def test_attribution_counts_visits_answers_and_coded_purchases(people, marketer, admin_user):
    campaign, _ = create_print_campaign(
        actor=marketer,
        name="Coded letter",
        list_slug="print-customers",
        html=BODY,
        offer_code="spring-26",
        cost_per_piece="0.90",
    )
    from django.core.management import call_command

    call_command("print", "run", str(campaign.pk))
    piece = PrintPiece.objects.get(person=people["ana"], status="printed")
    client = Client()
    path = piece_url(piece.pk).split("8000", 1)[1]
    client.get(path)
    client.post(path, {"answer": "not_for_me"})
    record_touchpoint(
        people["ben"], "purchase", properties={"offer_code": "SPRING-26", "total": "120.00"}
    )
    record_touchpoint(people["fay"], "purchase", properties={"total": "99.00"})  # no code
    staff = Client()
    staff.force_login(admin_user)
    report = staff.get("/console/attribution/").content.decode()
    assert "Coded letter" in report
    from sincerely.postal.queries import print_attribution

    row = next(r for r in print_attribution() if r.campaign == campaign)
    assert (row.pieces, row.visits, row.answers, row.purchases) == (3, 1, 1, 1)
    assert row.cost == Decimal("2.70") and row.revenue == Decimal("120.00")


def test_catalogue_pages_carry_the_persons_own_offers_with_reasons(people, marketer, tmp_path):
    from django.utils import timezone

    for sku, name in (("TENT", "Two-person tent"), ("MAT", "Sleeping mat")):
        Product.objects.create(sku=sku, name=name, category="Camping")
    for rank, sku in enumerate(("TENT", "MAT"), start=1):
        Offer.objects.create(
            person=people["ana"],
            product=Product.objects.get(sku=sku),
            rank=rank,
            score=0.9,
            source="bought_together",
            reason=f"people who bought what you bought often add the {sku.lower()}",
            created_at=timezone.now(),
        )
    body = (
        "<h1>Our catalogue for you</h1>"
        '<section style="break-before: page">{% for offer in offers.top(5) %}'
        "<h2>{{ offer.name }}</h2><p>Why: {{ offer.reason }}</p>"
        "{% else %}<p>Nothing we could honestly suggest yet.</p>{% endfor %}</section>"
    )
    template = tmp_path / "catalogue.html"
    template.write_text(body)
    from django.core.management import call_command

    call_command(
        "print",
        "create",
        str(template),
        "--name",
        "Catalogue",
        "--list",
        "print-customers",
        "--sender",
        "mara",
        "--kind",
        "catalogue",
    )
    campaign = PrintCampaign.objects.get(name="Catalogue")
    call_command("print", "run", str(campaign.pk))
    job = PrintJob.objects.get(campaign=campaign)
    rows = {int(r["person_id"]): r for r in manifest(job.folder)}
    ana = rows[people["ana"].pk]
    assert int(ana["pages"]) >= 2
    reader = PdfReader(f"{job.folder}/{ana['file']}")
    first = int(ana["page"]) - 1
    offers_page = reader.pages[first + 1].extract_text()
    assert "Two-person tent" in offers_page and "often add the tent" in offers_page
    ben_text = reader.pages[int(rows[people["ben"].pk]["page"]) - 1 + 1].extract_text()
    assert "Nothing we could honestly suggest yet" in ben_text
    piece = PrintPiece.objects.get(job=job, person=people["ana"])
    assert sum(1 for e in piece.ledger if e.get("kind") == "offer") == 2


def test_preview_to_a_file_from_the_cli(people, marketer, tmp_path):
    from django.core.management import call_command

    campaign, _ = create_print_campaign(
        actor=marketer, name="Spring letter", list_slug="print-customers", html=BODY
    )
    out = tmp_path / "ana.pdf"
    call_command(
        "print", "preview", str(campaign.pk), "--person", "ana@example.com", "--out", str(out)
    )
    assert "It was good to meet you" in PdfReader(out).pages[0].extract_text()


@given(st.text(max_size=40))
def test_a_piece_token_parser_never_accepts_or_crashes_on_noise(text):
    piece_id = read_piece_token(text)
    assert piece_id is None or piece_token(piece_id) == text.strip().lower()


@given(st.integers(min_value=1, max_value=10**12))
def test_every_piece_token_reads_back(piece_id):
    token = piece_token(piece_id)
    assert read_piece_token(token) == piece_id and len(token) <= 21
    assert read_piece_token(token[:-1] + ("x" if token[-1] != "x" else "y")) is None


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["a@b.example", "x", "", "Ann Lee", "10115", "moved", ",", '"']),
            max_size=4,
        ),
        max_size=5,
    ),
    st.sampled_from(["email", "name,postal_code,address_line1", "email,reason", "street"]),
)
def test_suppression_import_accepts_or_names_the_problem(db, rows, header):
    from sincerely.errors import DomainError
    from sincerely.postal.services import import_suppressions

    text = header + "\n" + "\n".join(",".join(r) for r in rows)
    try:
        report = import_suppressions(text, source="property test")
    except DomainError as exc:
        assert exc.field
    else:
        assert report.added + report.already == report.lines


def test_printed_pieces_are_in_the_export_and_follow_a_merge(people, marketer):
    from django.core.management import call_command

    from sincerely.people.services import merge_people
    from sincerely.privacy.services import export_person

    campaign, _ = create_print_campaign(
        actor=marketer, name="Spring letter", list_slug="print-customers", html=BODY
    )
    call_command("print", "run", str(campaign.pk))
    exported = export_person(people["ana"])["printed_mail"]
    assert exported[0]["campaign"] == "Spring letter" and exported[0]["ledger"]
    merge_people(people["ben"], people["cara"], marketer)
    assert PrintPiece.objects.filter(person=people["ben"]).count() == 1
