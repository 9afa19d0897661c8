"""What printed mail adds to other apps' pages: the privacy centre and the attribution report."""

from __future__ import annotations

from sincerely.people.models import Consent


def privacy_panel(request, person, payload) -> dict | None:
    """The privacy centre's "stop postal mail" button (it posts to the centre's own withdraw)."""
    stopped = Consent.objects.filter(
        person=person,
        purpose__slug="postal",
        is_current=True,
        status=Consent.Status.WITHDRAWN,
    ).exists()
    return {"stopped": stopped}


def attribution_section(request) -> dict:
    from sincerely.postal.queries import print_attribution

    return {"print_rows": print_attribution()}
