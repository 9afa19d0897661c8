"""API of the privacy part under /api/v1/: a staff download of everything held about a person.

It lives here, not in people's API, because the download gathers every part's data (the
privacy centre's export), and people sits below those parts.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from sincerely.api_auth import role
from sincerely.people import queries
from sincerely.privacy.services import export_person_for_staff

export_router = Router(tags=["people"])


@export_router.get("/{int:person_id}/export", response=dict, auth=role("people.export"))
def export_person(request: HttpRequest, person_id: int):
    """Everything held about the person, as the privacy centre's download; audited."""
    return export_person_for_staff(queries.get_person(person_id), request.user, via="API")


routers = [("/people", export_router)]
