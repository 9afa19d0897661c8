"""The console's pages open for the roles that may see them and refuse the others."""

import pytest

from tests import factories

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
