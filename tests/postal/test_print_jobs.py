"""A print job end to end through the CLI, checked by reading the PDFs it produced."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pypdf import PdfReader

from sincerely.people.models import Consent
from sincerely.postal.models import PrintJob, PrintPiece
from sincerely.postal.services import create_print_campaign, import_suppressions
from sincerely.timeline.models import Touchpoint
from tests.postal.conftest import BODY
from tests.postal.helpers import (
    decode_qr,
    held_back,
    job_files,
    manifest,
    piece_text,
    text_positions,
)

pytestmark = pytest.mark.django_db

GUARDED = "It was good to meet you at Web Summit Lisbon"


def _run(campaign, capsys, *extra) -> PrintJob:
    call_command("print", "run", str(campaign.pk), *extra)
    return PrintJob.objects.filter(campaign=campaign).latest("id")


def _campaign(marketer, **fields):
    fields.setdefault("html", BODY)
    campaign, findings = create_print_campaign(
        actor=marketer,
        name=fields.pop("name", "Spring letter"),
        list_slug="print-customers",
        **fields,
    )
    assert findings == []
    return campaign


def test_guarded_sentence_only_for_people_with_the_evidence(people, marketer, capsys):
    job = _run(_campaign(marketer), capsys)
    out = capsys.readouterr().out
    rows = {int(r["person_id"]): r for r in manifest(job.folder)}
    assert set(rows) == {people["ana"].pk, people["ben"].pk, people["fay"].pk}
    assert GUARDED in piece_text(job.folder, rows[people["ana"].pk])
    for name in ("ben", "fay"):
        text = piece_text(job.folder, rows[people[name].pk])
        assert "Web Summit" not in text and "meet you" not in text
        assert "Our spring programme is ready" in text
    # Sorted by postcode for the post: 10115 (Berlin), 40212, 80539.
    assert [r["postcode"] for r in manifest(job.folder)] == ["10115", "40212", "80539"]
    # The evidence ledger of the piece names the record behind the sentence.
    ana_piece = PrintPiece.objects.get(job=job, person=people["ana"])
    assert any(e.get("kind") == "attended" for e in ana_piece.ledger)
    assert {e["key"] for e in ana_piece.ledger if e["type"] == "fact"} >= {
        "address_line1",
        "postal_code",
        "city",
    }
    assert "printed, 2 held back" in out


def test_held_back_pieces_are_listed_with_reasons(people, marketer, capsys, tmp_path):
    dnm = tmp_path / "mps.csv"
    dnm.write_text("name,postal_code,address_line1\nFay Brandt,40212,Königsallee 12\n")
    call_command("print", "suppress", str(dnm), "--source", "national MPS file 2026-11")
    job = _run(_campaign(marketer), capsys)
    reasons = {int(r["person_id"]): r["reason"] for r in held_back(job.folder)}
    assert reasons == {
        people["cara"].pk: "no postal address (missing address_line1, city, country)",
        people["dan"].pk: "invalid address for DE: postal_code invalid",
        people["fay"].pk: "suppressed: on a do-not-mail list (national MPS file 2026-11)",
    }
    out = capsys.readouterr().out
    assert f"person #{people['dan'].pk}: invalid address for DE" in out
    # Nobody held back is in the PDF.
    texts = "\n".join(
        p.extract_text() for p in PdfReader(job_files(job.folder)["pieces-0001.pdf"]).pages
    )
    assert "Cara" not in texts and "Fay" not in texts and "Dan" not in texts


def test_a_missing_value_without_fallback_holds_the_piece_back(people, marketer, capsys):
    body = "<p>Dear {{ person.first_name }}, your company {{ person.company }} is welcome.</p>"
    job = _run(_campaign(marketer, html=body), capsys)
    reasons = {r["reason"] for r in held_back(job.folder)}
    assert "no value for person.company and no fallback" in reasons
    assert manifest(job.folder) == []


def test_qr_decodes_to_a_signed_url_that_works(people, marketer, capsys):
    job = _run(_campaign(marketer), capsys)
    row = next(r for r in manifest(job.folder) if int(r["person_id"]) == people["ana"].pk)
    pdf = job_files(job.folder)[row["file"]]
    urls = decode_qr(pdf, int(row["page"]) - 1)
    assert len(urls) == 1
    path = urlsplit(urls[0]).path
    assert path.startswith("/p/")
    # The same short URL is printed in words for people without a phone.
    assert urls[0].split("://", 1)[1] in piece_text(job.folder, row).replace("\n", "")
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    assert "Spring letter" in page.content.decode()
    assert "Customers by post" in page.content.decode()
    assert Touchpoint.objects.filter(person=people["ana"], kind="print_visit").count() == 1
    # A changed character is a forged link.
    forged = path[:-2] + ("a" if path[-2] != "a" else "b") + "/"
    assert client.get(forged).status_code == 404
    # Answering from the page: stop postal mail.
    answer = client.post(path, {"answer": "stop_postal"})
    assert answer.status_code == 200
    assert "will not send you postal mail" in answer.content.decode()
    consent = Consent.objects.get(person=people["ana"], purpose__slug="postal", is_current=True)
    assert consent.status == Consent.Status.WITHDRAWN
    # Her postal consent is withdrawn: the next job does not print for her.
    job2 = _run(job.campaign, capsys)
    assert people["ana"].pk not in {int(r["person_id"]) for r in manifest(job2.folder)}


def test_postal_stop_holds_back_even_on_another_purpose(people, marketer, capsys):
    from sincerely.people.services import record_consent

    record_consent(people["ben"], "postal", granted=False, where="phone call", method="staff")
    campaign = _campaign(marketer, purpose="postal")
    campaign.purpose = people["ben"].consents.get(purpose__slug="postal", is_current=True).purpose
    from sincerely.people.models import Purpose

    # A print campaign for the list's own purpose (here again postal, via the list) still
    # honours a postal stop recorded against the person.
    newsletter = Purpose.objects.get(slug="newsletter")
    from sincerely.people.services import record_consent as grant

    grant(people["ben"], "newsletter", granted=True, where="form", method="checkbox", wording="Yes")
    campaign.purpose = newsletter
    campaign.save()
    job = _run(campaign, capsys)
    reasons = {int(r["person_id"]): r["reason"] for r in held_back(job.folder)}
    assert reasons[people["ben"].pk] == "asked us to stop postal mail"


def _window_texts(job, person) -> list[tuple[str, float, float]]:
    row = next(r for r in manifest(job.folder) if int(r["person_id"]) == person.pk)
    page = PdfReader(job_files(job.folder)[row["file"]]).pages[int(row["page"]) - 1]
    return text_positions(page)


def test_a4_address_sits_in_the_din_5008_window(people, marketer, capsys):
    job = _run(_campaign(marketer, paper="a4"), capsys)
    positions = _window_texts(job, people["ana"])
    lines = ("Ana Schmidt", "Invalidenstraße 117", "10115 BERLIN")
    found = {text: (x, y) for text, x, y in positions if text in lines}
    assert set(found) == set(lines)
    for x, y in found.values():
        # DIN 5008 form B: 85 × 45 mm at 20 mm from the left, 45 mm from the top; the
        # recipient's zone is its lower 27.3 mm.
        assert 20 <= x <= 105 and 62.7 <= y <= 90, (x, y)


def test_us_letter_address_sits_in_the_number_10_window(people, marketer, capsys):
    from tests.postal.conftest import add_address

    add_address(
        people["ben"],
        address_line1="1600 Amphitheatre Parkway",
        city="Mountain View",
        country_area="CA",
        postal_code="94043",
        country="US",
    )
    job = _run(_campaign(marketer, paper="us_letter"), capsys)
    positions = _window_texts(job, people["ben"])
    found = {t: (x, y) for t, x, y in positions if t in ("Ben Okafor", "1600 Amphitheatre Parkway")}
    assert len(found) == 2
    for x, y in found.values():
        # #10 window over a tri-folded sheet: 0.875–5.375 in from the left, 2.04–3.17 in
        # from the top.
        assert 0.875 * 25.4 <= x <= 5.375 * 25.4 and 2.04 * 25.4 <= y <= 3.17 * 25.4, (x, y)


def test_postcard_has_front_and_addressed_back(people, marketer, capsys):
    campaign = _campaign(marketer, kind="postcard", paper="a6", name="Spring card")
    job = _run(campaign, capsys)
    row = next(r for r in manifest(job.folder) if int(r["person_id"]) == people["ana"].pk)
    assert row["pages"] == "2"
    reader = PdfReader(job_files(job.folder)[row["file"]])
    back = reader.pages[int(row["page"])]
    width_mm = float(back.mediabox.width) * 25.4 / 72
    assert round(width_mm) == 148
    names = [(x, y) for t, x, y in text_positions(back) if t == "Ana Schmidt"]
    assert names and all(x >= width_mm / 2 for x, _ in names)  # the right half


def test_bleed_and_crop_marks_grow_the_sheet(people, marketer, capsys):
    job = _run(_campaign(marketer, bleed_mm=3, crop_marks=True), capsys)
    page = PdfReader(job_files(job.folder)["pieces-0001.pdf"]).pages[0]
    # The trim box is A4; the media box is larger by the bleed and the marks.
    trim = page.trimbox
    assert round(float(trim.width) * 25.4 / 72) == 210
    assert float(page.mediabox.width) > float(trim.width)


def test_chunks_proofs_and_the_folder_for_the_print_house(people, marketer, capsys):
    job = _run(_campaign(marketer), capsys, "--chunk", "2")
    files = job_files(job.folder)
    assert {"pieces-0001.pdf", "pieces-0002.pdf", "manifest.csv", "held_back.csv"} <= set(files)
    assert {"proof-1.png", "proof-2.png", "READY.json"} <= set(files)
    assert len(PdfReader(files["pieces-0001.pdf"]).pages) == 2  # two one-page letters
    assert [r["file"] for r in manifest(job.folder)] == [
        "pieces-0001.pdf",
        "pieces-0001.pdf",
        "pieces-0002.pdf",
    ]
    assert files["proof-1.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_suppression_file_errors_name_the_line(people, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("street\nsomewhere\n")
    with pytest.raises(CommandError, match="email column"):
        call_command("print", "suppress", str(bad), "--source", "x")
    bad.write_text("email,reason\nok@example.com,moved\nnot-an-address,moved\n")
    with pytest.raises(CommandError, match="line 3"):
        call_command("print", "suppress", str(bad), "--source", "x")
    with pytest.raises(Exception, match="source"):
        import_suppressions("email\na@example.com\n", source=" ")
    report = import_suppressions(
        "email,reason\nben@example.com,deceased\n", source="bereavement register"
    )
    assert report.added == 1


def test_a_campaign_with_an_unguarded_claim_cannot_start_a_job(people, marketer):
    body = "<p>It was good to meet you at Web Summit.</p>"
    campaign, findings = create_print_campaign(
        actor=marketer, name="Bad", list_slug="print-customers", html=body
    )
    assert findings
    with pytest.raises(CommandError, match="unguarded"):
        call_command("print", "run", str(campaign.pk))


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("sincerely.postal.providers.PrintProvider", "is not a print provider"),
        ("sincerely.postal.models.PrintJob", "is not a print provider"),
        ("sincerely.postal.nowhere.Provider", "no print provider"),
    ],
)
def test_a_misnamed_print_provider_is_a_clear_error_on_the_provider_field(path, says):
    from sincerely.errors import DomainError
    from sincerely.postal.providers import provider_for

    job = PrintJob(provider=path)
    with pytest.raises(DomainError) as caught:
        provider_for(job)
    assert says in str(caught.value) and caught.value.field == "provider"
