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
    # Value tiers and offers are there before anyone clicks "compute" or "train".
    from sincerely.offers.models import Offer

    assert summary["value_scores"] > 100 and summary["offers"] > 0
    assert Offer.objects.exists()
    signed_in = client.post("/login/", {"username": "admin", "password": "demo-sincerely-2026"})
    assert signed_in.status_code == 302, "the published demo password passes the validators"
    tiers_page = client.get("/console/tiers/").content.decode()
    assert "champion" in tiers_page.lower()
    person = attended.first().person
    assert ATTENDED in client.get(f"/console/people/{person.pk}/").content.decode()


@pytest.mark.parametrize("which", ["web", "catcher"])
def test_demo_with_a_taken_port_says_which_and_exits_non_zero(tmp_path, which):
    import os
    import socket
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with socket.socket() as spare:  # a free port for the part not under test
            spare.bind(("127.0.0.1", 0))
            free = spare.getsockname()[1]
        web, smtp = (port, free) if which == "web" else (free, port)
        env = {**os.environ, "SINCERELY_DATA_DIR": str(tmp_path)}
        env.pop("SINCERELY_DATABASE_URL", None)
        out = subprocess.run(
            [sys.executable, "-m", "sincerely.cli", "demo", "--bind", f"127.0.0.1:{web}",
             "--smtp-port", str(smtp)],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
    assert out.returncode != 0
    assert "running" not in out.stdout
    assert f"port {port}" in out.stderr and "already in use" in out.stderr
    assert ("--bind" in out.stderr) if which == "web" else ("--smtp-port" in out.stderr)
    assert "Traceback" not in out.stderr
