"""The demo company loads from the project alone and is believable and honest."""

import pytest

from sincerely.demo.load import ATTENDED, is_loaded, load_demo
from sincerely.people.models import AudienceList, Fact, Membership, Person
from sincerely.timeline.models import PurchaseLine

pytestmark = pytest.mark.django_db


def test_demo_loads_people_with_evidence_purchases_and_staff(client):
    assert not is_loaded()
    summary = load_demo()
    assert is_loaded()
    assert summary["people"] == Person.objects.count() == 400
    assert PurchaseLine.objects.count() > 4000
    attended = Fact.objects.filter(key="attended_event", value=ATTENDED, is_current=True)
    assert 0 < attended.count() < 400, "only some people have the Web Summit evidence"
    assert all(f.source_ref and f.recorded_by_id for f in attended[:20])
    for audience in AudienceList.objects.all():
        members = Membership.objects.filter(audience_list=audience, left_at__isnull=True)
        for membership in members[:50]:
            consent = membership.person.consents.get(purpose=audience.purpose, is_current=True)
            assert consent.status == "granted", "every member consented to the list's purpose"
    signed_in = client.post("/login/", {"username": "admin", "password": "demo-sincerely-2026"})
    assert signed_in.status_code == 302, "the published demo password passes the validators"
    person = attended.first().person
    assert ATTENDED in client.get(f"/console/people/{person.pk}/").content.decode()
