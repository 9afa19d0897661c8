"""The console's pages open for the roles that may see them and refuse the others."""

import pytest

from sincerely.people.models import Person
from tests import factories
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_login_page_and_redirect(client):
    response = client.get("/")
    assert response.status_code == 302
    response = client.get("/console/", follow=True)
    assert b"Sign in to Sincerely" in response.content


def test_person_page_shows_facts_with_evidence(console, newsletter):
    person = factories.make_person(
        "anna@example.com",
        facts={"first_name": "Anna", "company": "Acme"},
        on_list=newsletter,
    )
    response = console.get(f"/console/people/{person.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Acme" in body and "self-declared" in body and "signup form" in body
    assert "Yes, send me the monthly newsletter." in body
    assert "signed up on /newsletter" in body


def test_author_cannot_see_people(client, author):
    client.force_login(author)
    assert client.get("/console/people/").status_code == 403


def test_staff_edit_a_fact_from_the_person_page(console, marketer):
    person = factories.make_person("b@example.com", facts={"company": "Acme"})
    response = console.post(
        f"/console/people/{person.pk}/facts/", {"key": "company", "value": "Globex"}, follow=True
    )
    body = response.content.decode()
    assert "Recorded company = Globex" in body
    assert "recorded by staff" in body and "Mara" in body
    assert "was “Acme”" in body


def test_import_page_previews_then_imports(console, newsletter):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = b"email,first_name,consent\nnew@example.com,New,yes\nbad,X,yes\nq@example.com,Q,no\n"
    response = console.post(
        "/console/imports/",
        {"file": SimpleUploadedFile("fair.csv", csv), "list": "newsletter", "source": "Lyon fair"},
    )
    body = response.content.decode()
    assert "would import 3 rows" in body and "not an email address" in body
    assert Person.objects.count() == 0
    upload_id = response.context["upload_id"]
    response = console.post(
        "/console/imports/",
        {
            "upload_id": upload_id,
            "filename": "fair.csv",
            "list": "newsletter",
            "source": "Lyon fair",
            "confirm": "yes",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "imported 3 rows" in body and "quarantined" in body
    assert Person.objects.get().email == "new@example.com"


def test_import_page_names_a_broken_file(console, newsletter):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = console.post(
        "/console/imports/",
        {"file": SimpleUploadedFile("x.csv", b"name\nAnna\n"), "list": "newsletter", "source": "x"},
    )
    assert "Nothing was imported" in response.content.decode()
    assert "&#x27;email&#x27; is missing" in response.content.decode()


def test_lists_page_creates_a_list_and_counts_members(console):
    response = console.post(
        "/console/lists/",
        {"slug": "vip", "name": "VIP customers", "purpose": "sales_contact"},
        follow=True,
    )
    assert "List VIP customers created." in response.content.decode()
    response = console.post(
        "/console/lists/", {"slug": "vip", "name": "x", "purpose": "newsletter"}
    )
    assert "already exists" in response.content.decode()


def test_sales_cannot_create_lists_or_import(client, sales):
    client.force_login(sales)
    assert client.get("/console/imports/").status_code == 403
    response = client.post("/console/lists/", {"slug": "x", "name": "x", "purpose": "newsletter"})
    assert response.status_code == 403


def test_merge_page_merges_after_confirmation(console):
    a = factories.make_person("a@example.com", facts={"first_name": "Anna"})
    b = factories.make_person("anna.b@example.com", facts={"city": "Lyon"})
    response = console.get(f"/console/people/{a.pk}/merge/", {"email": "anna.b@example.com"})
    assert "Lyon" in response.content.decode()
    console.post(
        f"/console/people/{a.pk}/merge/", {"email": "anna.b@example.com", "confirm": "yes"}
    )
    assert not Person.objects.filter(pk=b.pk).exists()


def test_only_admin_and_support_can_erase(client, marketer, support):
    person = factories.make_person("e@example.com")
    client.force_login(marketer)
    assert client.get(f"/console/people/{person.pk}/erase/").status_code == 403
    client.force_login(support)
    client.post(f"/console/people/{person.pk}/erase/", {"confirm": "wrong@example.com"})
    assert Person.objects.filter(pk=person.pk).exists()
    client.post(f"/console/people/{person.pk}/erase/", {"confirm": "e@example.com"})
    assert not Person.objects.filter(pk=person.pk).exists()


def test_people_search_with_htmx_returns_the_partial(console):
    factories.make_person("zed@example.com", facts={"first_name": "Zed"})
    response = console.get("/console/people/", {"q": "zed"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Zed" in body and "<html" not in body


def test_dashboard_shows_counts_and_chart(console, newsletter):
    factories.make_person("f@example.com", on_list=newsletter)
    factories.make_person("g@example.com", on_list=newsletter)
    page = parse(console.get("/console/").content)
    figures = {
        card.text().removeprefix(card.find(class_="stat").text()).strip(): card.find(
            class_="stat"
        ).text()
        for card in page.find_all(class_="card")
        if card.find_all(class_="stat")
    }
    assert figures["people"] == "2"
    assert figures["audience lists"] == "1"
    assert figures["consents in force"] == "2"
    assert figures["consents withdrawn"] == "0"
    assert page.find_all("svg") and "People added per week" in page.text()
    assert page.find("table").rows()[-1][-1] == "2"  # both added this week


def test_an_author_signing_in_lands_on_the_blog(client, author):
    client.force_login(author)
    response = client.get("/console/")
    assert response.status_code == 302 and response["Location"] == "/console/blog/"


@pytest.mark.parametrize("role", ["admin", "marketer", "sales", "author", "support"])
def test_every_section_in_the_navigation_opens_for_its_roles(client, role):
    from sincerely.console.nav import sections_for

    user = factories.make_staff(f"nav-{role}", role)
    client.force_login(user)
    sections = sections_for(user, "/console/")
    assert sections, f"{role} sees no section at all"
    for section in sections:
        response = client.get(section["url"])
        assert response.status_code == 200, (role, section["url"], response.status_code)


def test_a_large_import_runs_on_the_worker_with_a_progress_page(console, newsletter, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django_tasks_db.models import DBTaskResult

    from sincerely.console import import_jobs

    monkeypatch.setattr(import_jobs, "INLINE_LIMIT_BYTES", 10)  # every file counts as large
    csv = b"email,first_name,consent\nnew@example.com,New,yes\nbad,X,yes\nq@example.com,Q,no\n"
    response = console.post(
        "/console/imports/",
        {"file": SimpleUploadedFile("fair.csv", csv), "list": "newsletter", "source": "Lyon fair"},
    )
    assert response.status_code == 302 and "/console/imports/jobs/" in response["Location"]
    job_url = response["Location"]
    upload_id = job_url.rstrip("/").rsplit("/", 1)[1]
    waiting = console.get(job_url).content.decode()
    assert "Waiting for the worker" in waiting and 'hx-trigger="every 1s"' in waiting
    assert DBTaskResult.objects.filter(task_path__endswith="import_people_task").count() == 1

    assert import_jobs.import_people_task.call(upload_id, True) == "previewed"  # the worker
    poll = console.get(job_url, HTTP_HX_REQUEST="true")
    assert poll.status_code == 204 and poll["HX-Redirect"] == job_url
    preview = console.get(job_url).content.decode()
    assert "would import 3 rows" in preview and "not an email address" in preview
    assert Person.objects.count() == 0

    confirm = console.post("/console/imports/", {"upload_id": upload_id, "confirm": "yes"})
    assert confirm["Location"] == job_url
    assert import_jobs.import_people_task.call(upload_id, False) == "done"
    done = console.get(job_url, follow=True).content.decode()
    assert "imported 3 rows" in done and "quarantined" in done
    assert Person.objects.get().email == "new@example.com"


def test_a_large_broken_file_fails_on_the_worker_and_says_why(console, newsletter, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sincerely.console import import_jobs

    monkeypatch.setattr(import_jobs, "INLINE_LIMIT_BYTES", 1)
    response = console.post(
        "/console/imports/",
        {"file": SimpleUploadedFile("x.csv", b"name\nAnna\n"), "list": "newsletter", "source": "x"},
    )
    upload_id = response["Location"].rstrip("/").rsplit("/", 1)[1]
    assert import_jobs.import_people_task.call(upload_id, True) == "failed"
    page = console.get(response["Location"]).content.decode()
    assert "Nothing was imported" in page and "&#x27;email&#x27; is missing" in page
    assert console.get("/console/imports/jobs/" + "0" * 32 + "/").status_code == 404
    assert console.get("/console/imports/jobs/../../etc/").status_code == 404


# What the person page costs in queries, whoever the person is: signing in (session, user,
# role), the person's own records, each panel (summary and timeline, value, offers,
# messages) and the form choices. On PostgreSQL each query is a round trip of about 1 ms on
# the 50 ms budget (bench/RESULTS.md): a change that adds one per fact, consent or touchpoint
# fails here, and a new panel's query changes this number on purpose. (One more when the
# person's first touch carried no UTM campaign: the summary then looks for the first that did;
# and one more when the timeline shows orders: their lines, products and amounts, in one query.)
PERSON_PAGE_QUERIES = 24


def test_person_page_queries_do_not_grow_with_the_person(
    console, marketer, newsletter, django_assert_num_queries
):
    import io
    from datetime import timedelta

    from django.utils import timezone

    from sincerely.people import services
    from sincerely.timeline.imports import import_purchases
    from sincerely.timeline.services import log_interaction, record_touchpoint

    quiet = factories.make_person("quiet@example.com")
    busy = factories.make_person("busy@example.com", facts={"city": "Lyon"}, on_list=newsletter)
    evidence = services.EvidenceInput("imported", "fair.csv")
    for n in range(40):
        services.record_fact(busy, f"fact_{n}", f"value {n}", evidence)
    services.edit_fact_as_staff(busy, "city", "Paris", marketer)
    services.record_consent(
        busy, "sales_contact", granted=True, where="stand", method="form", wording="Call me"
    )
    services.record_consent(busy, "sales_contact", granted=False, where="call", method="phone")
    now = timezone.now()
    record_touchpoint(
        busy, "ad_click", at=now - timedelta(days=9), properties={"utm_campaign": "spring"}
    )
    for n in range(40):
        record_touchpoint(
            busy, "page_view", at=now - timedelta(hours=n), properties={"title": f"Page {n}"}
        )
    log_interaction(busy, "call", "Wants a quote", marketer)
    import_purchases(
        io.BytesIO(
            b"order_id,email,sku,product_name,quantity,unit_price,currency,at\n"
            + f"O1,busy@example.com,MUG-1,Blue mug,2,4.50,GBP,{now.isoformat()}\n".encode()
        ),
        filename="orders.csv",
        source="shop",
    )
    for person, orders in ((quiet, 0), (busy, 1)):
        with django_assert_num_queries(PERSON_PAGE_QUERIES + orders):
            response = console.get(f"/console/people/{person.pk}/")
        assert response.status_code == 200
    body = response.content.decode()
    summary = body.split('id="byc-h"')[1].split('id="timeline-h"')[0]
    assert "spring" in summary and "Page 0" in summary and "Blue mug" in summary
    assert "Newsletter" in summary and "Sales contact" not in summary  # withdrawn
    assert "value 39" in body and "was “Lyon”" in body and "Wants a quote" in body
    assert "Sales contact withdrawn" in body  # the consent history


def test_old_uploads_and_job_files_are_swept(settings, tmp_path):
    import os
    import time

    from sincerely.console import import_jobs

    settings.DATA_DIR = tmp_path
    old = import_jobs.upload_dir() / ("a" * 32)
    old.write_bytes(b"email\n")
    import_jobs.write_job("a" * 32, state="previewed")
    two_days_ago = time.time() - 3 * 24 * 3600
    for path in import_jobs.upload_dir().iterdir():
        os.utime(path, (two_days_ago, two_days_ago))
    fresh = import_jobs.upload_dir() / ("b" * 32)
    fresh.write_bytes(b"email\n")
    import_jobs.new_upload_id()
    assert sorted(p.name for p in import_jobs.upload_dir().iterdir()) == ["b" * 32]


def test_the_500_page_is_a_page_with_a_way_back(client, settings):
    settings.ROOT_URLCONF = "tests.console.error_urls"
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body and 'href="/"' in body
    assert "Traceback" not in body and "RuntimeError" not in body
