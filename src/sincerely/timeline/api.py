"""Timeline over the JSON API: batch event ingest and a person's timeline, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import orjson
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from sincerely.api_auth import role
from sincerely.api_schemas import NO_NUL
from sincerely.errors import DomainError
from sincerely.people import queries as people_queries
from sincerely.timeline import queries
from sincerely.timeline.events import load_batch, parse_events
from sincerely.timeline.services import ingest_events

events_router = Router(tags=["timeline"])
timeline_router = Router(tags=["timeline"])


class TouchpointOut(Schema):
    id: int
    kind: str
    at: datetime
    url: str
    visitor: str
    properties: dict
    recorded_by: str | None


class TimelineOut(Schema):
    items: list[TouchpointOut]
    next: str | None = Field(description="pass as `before` to get the next (older) page")


class TimelineFilter(Schema):
    kind: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_.:-]{0,31}$")]] = Field(
        default_factory=list, description="only these kinds (repeatable)"
    )
    before: Annotated[str, Field(max_length=200, pattern=NO_NUL)] = Field(
        "", description="cursor from the previous page's `next`"
    )
    limit: int = Field(50, ge=1, le=500, description="1 to 500")


# The body is read with orjson by the view itself (speed, and per-event errors instead of
# one validation error for the batch), so its shape is declared here for the schema. Each
# event is checked on its own: a bad one is counted in `rejected` and listed in `errors`
# while the good ones are kept, so the schema does not constrain the items (it would claim
# a refusal the server does not make); their shape is in the description.
EVENT_SHAPE = (
    "Each event: {id?: string (1-100, repeated ids count once), kind: string "
    "(^[a-z][a-z0-9_.:-]{0,31}$), at?: ISO 8601 date-time (default: now), person?: "
    "{email} | {id}, visitor?: string (^[A-Za-z0-9_-]{8,64}$), url?: string (up to 2000), "
    "properties?: object}. An event that does not fit is rejected on its own, with its index, "
    "field and reason in `errors`."
)
EVENTS_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["events"],
                "properties": {
                    "events": {
                        "type": "array",
                        "maxItems": 1000,
                        "items": {"description": EVENT_SHAPE},
                    }
                },
            }
        }
    },
}


class IngestError(Schema):
    index: int
    field: str
    reason: str


class IngestOut(Schema):
    received: int
    accepted: int
    duplicates: int
    rejected: int
    errors: list[IngestError]


@events_router.post(
    "",
    response={202: IngestOut},
    summary="Ingest a batch of events",
    openapi_extra={"requestBody": EVENTS_BODY},
    auth=role("timeline.ingest", own_body=True),
)
def post_events(request: HttpRequest):
    """Up to 1,000 events in `{"events": [...]}`; 202 with counts and per-event errors.

    Each event: `{"id"?, "kind", "at"?, "person"?: {"email"} | {"id"}, "visitor"?, "url"?,
    "properties"?}`. An event whose `id` was accepted before counts as a duplicate.
    """
    try:
        body = request.body
    except RequestDataTooBig:
        raise DomainError("the batch is too large; send fewer events", field="events") from None
    raw_events = load_batch(body)
    good, errors = parse_events(raw_events)
    result = ingest_events(good, errors, received=len(raw_events), recorded_by=request.user)
    return HttpResponse(orjson.dumps(result.as_dict()), status=202, content_type="application/json")


@timeline_router.get("/{int:person_id}/timeline", response=TimelineOut, auth=role("people.view"))
def get_timeline(request: HttpRequest, person_id: int, filters: Query[TimelineFilter]):
    """The person's touchpoints newest first, `limit` at a time, optionally of some kinds."""
    person = people_queries.get_person(person_id)
    page = queries.timeline_page(
        person, kinds=filters.kind, before=filters.before, limit=filters.limit
    )
    return {
        "items": [
            {
                "id": t.pk,
                "kind": t.kind,
                "at": t.at,
                "url": t.url,
                "visitor": t.visitor_id,
                "properties": t.properties,
                "recorded_by": t.recorded_by.get_username() if t.recorded_by_id else None,
            }
            for t in page.items
        ],
        "next": page.next_cursor,
    }


routers = [("/events", events_router), ("/people", timeline_router)]
