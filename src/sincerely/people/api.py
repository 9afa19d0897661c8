"""People and lists over the JSON API; every write goes through people.services."""

# No `from __future__ import annotations`: @paginate evaluates the view's annotations in
# ninja's own module, so they must be real objects, not strings.
from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from sincerely.api_auth import role
from sincerely.api_schemas import (
    DateTime,
    Email,
    Int,
    ListSlug,
    PurposeSlug,
    StrictIn,
    Username,
    text,
)
from sincerely.errors import DomainError
from sincerely.people import queries, services
from sincerely.people.models import Fact, Membership, Person, SourceKind

people_router = Router(tags=["people"])
lists_router = Router(tags=["lists"])


SourceKindName = Literal[tuple(SourceKind.values)]  # type: ignore[valid-type]
# A fact key as the server stores it: lower-case letters, digits and _, starting with a letter.
FactKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
FactValue = text(2000, required=True)
Facts = Annotated[
    dict[FactKey, FactValue],
    Field(max_length=50, json_schema_extra={"additionalProperties": False}),
]
Phone = Annotated[str, Field(pattern=r"^(\+?[0-9 ().\-]{6,25})?$")]


class EvidenceIn(StrictIn):
    source_kind: SourceKindName = Field(description=f"one of {', '.join(SourceKind.values)}")
    source_ref: text(500, required=True) = Field(
        description="where it came from, e.g. 'signup form'"
    )
    recorded_at: DateTime | None = None


class PersonIn(StrictIn):
    email: Email
    first_name: text(200) = ""
    last_name: text(200) = ""
    company: text(200) = ""
    phone: Phone = Field("", description="6 to 15 digits")
    facts: Facts = {}
    evidence: EvidenceIn


class PersonPatch(StrictIn):
    facts: Facts = {}
    owner: Username | None = Field(None, description="username of the owning salesperson")
    evidence: EvidenceIn | None = None


class FactIn(StrictIn):
    key: FactKey
    value: FactValue
    evidence: EvidenceIn


class ConsentIn(StrictIn):
    purpose: PurposeSlug
    granted: bool
    where: text(300, required=True)
    wording: text(2000) = Field("", description="required when granted")
    method: text(100) = "api"
    at: DateTime | None = None


class MemberIn(StrictIn):
    email: Email | None = None
    person_id: Int(ge=1) | None = None
    reason: text(500, required=True)
    evidence: EvidenceIn


class ListIn(StrictIn):
    slug: ListSlug
    name: text(200, required=True)
    purpose: PurposeSlug
    description: text(2000) = ""


class FactOut(Schema):
    id: int
    key: str
    value: str
    source_kind: str
    source_ref: str
    recorded_by: str | None
    recorded_at: datetime

    @staticmethod
    def resolve_recorded_by(obj: Fact) -> str | None:
        return obj.recorded_by.get_username() if obj.recorded_by_id else None


class ConsentOut(Schema):
    purpose: str
    status: str
    at: datetime
    where: str
    wording: str
    method: str

    @staticmethod
    def resolve_purpose(obj) -> str:
        return obj.purpose.slug


class MembershipOut(Schema):
    list: str
    reason: str
    source_kind: str
    source_ref: str
    since: datetime
    left_at: datetime | None

    @staticmethod
    def resolve_list(obj: Membership) -> str:
        return obj.audience_list.slug

    @staticmethod
    def resolve_since(obj: Membership) -> datetime:
        return obj.recorded_at


class IdentityOut(Schema):
    kind: str
    value: str
    is_primary: bool


class PersonSummary(Schema):
    id: int
    email: str
    display_name: str
    created_at: datetime


class PersonOut(PersonSummary):
    owner: str | None
    identities: list[IdentityOut]
    facts: list[FactOut]
    consents: list[ConsentOut]
    lists: list[MembershipOut]


class ListOut(Schema):
    slug: str
    name: str
    purpose: str
    description: str
    members: int


def _evidence(data: EvidenceIn, request: HttpRequest) -> services.EvidenceInput:
    return services.EvidenceInput(
        data.source_kind,
        data.source_ref,
        recorded_by=request.user,
        recorded_at=data.recorded_at,
    )


def _person_out(person: Person) -> dict:
    return {
        "id": person.pk,
        "email": person.email,
        "display_name": person.display_name,
        "created_at": person.created_at,
        "owner": person.owner.get_username() if person.owner_id else None,
        "identities": list(queries.identities(person)),
        "facts": list(queries.current_facts(person)),
        "consents": list(queries.current_consents(person)),
        "lists": list(queries.memberships(person)),
    }


@people_router.post("", response={201: PersonOut}, auth=role("people.edit"))
def create_person(request: HttpRequest, payload: PersonIn):
    facts = {k: v for k, v in payload.facts.items()}
    for key in ("first_name", "last_name", "company"):
        if getattr(payload, key).strip():
            facts[key] = getattr(payload, key)
    person = services.create_person(
        payload.email,
        facts,
        _evidence(payload.evidence, request),
        phone=payload.phone,
        actor=request.user,
    )
    return Status(201, _person_out(person))


class PeopleFilter(Schema):
    email: text(254) = Field("", description="exact address (case-insensitive)")
    q: text(200) = Field("", description="search names and addresses")
    list: Annotated[str, Field(pattern=r"^([a-z0-9][a-z0-9-]{0,59})?$")] = Field(
        "", description="members of this list only"
    )


@people_router.get("", response=list[PersonSummary], auth=role("people.view"))
@paginate(LimitOffsetPagination)
def list_people(request: HttpRequest, filters: Query[PeopleFilter]):
    email, q, list = filters.email, filters.q, filters.list
    if email:
        person = services.find_person_by_email(email)
        return [person] if person else []
    return queries.search_people(q, list_slug=list)


@people_router.get("/{int:person_id}", response=PersonOut, auth=role("people.view"))
def get_person(request: HttpRequest, person_id: int):
    return _person_out(queries.get_person(person_id))


@people_router.patch("/{int:person_id}", response=PersonOut, auth=role("people.edit"))
def patch_person(request: HttpRequest, person_id: int, payload: PersonPatch):
    person = queries.get_person(person_id)
    evidence = (
        _evidence(payload.evidence, request)
        if payload.evidence
        else services.staff_evidence(request.user, "API")
    )
    for key, value in payload.facts.items():
        services.record_fact(person, key, value, evidence)
    if payload.owner is not None:
        services.assign_owner(person, payload.owner, request.user)
    return _person_out(queries.get_person(person_id))


@people_router.post("/{int:person_id}/facts", response={201: FactOut}, auth=role("people.edit"))
def add_fact(request: HttpRequest, person_id: int, payload: FactIn):
    person = queries.get_person(person_id)
    fact = services.record_fact(
        person, payload.key, payload.value, _evidence(payload.evidence, request)
    )
    return Status(201, fact)


@people_router.post(
    "/{int:person_id}/consents", response={201: ConsentOut}, auth=role("people.edit")
)
def add_consent(request: HttpRequest, person_id: int, payload: ConsentIn):
    person = queries.get_person(person_id)
    consent = services.record_consent(
        person,
        payload.purpose,
        granted=payload.granted,
        where=payload.where,
        wording=payload.wording,
        method=payload.method,
        at=payload.at,
        actor=request.user,
    )
    return Status(201, consent)


@lists_router.get("", response=list[ListOut], auth=role("lists.view"))
def get_lists(request: HttpRequest):
    return [
        {
            "slug": al.slug,
            "name": al.name,
            "purpose": al.purpose.slug,
            "description": al.description,
            "members": al.member_count,
        }
        for al in queries.lists_with_counts()
    ]


@lists_router.post("", response={201: ListOut}, auth=role("lists.manage"))
def post_list(request: HttpRequest, payload: ListIn):
    al = services.create_list(
        payload.slug,
        payload.name,
        payload.purpose,
        description=payload.description,
        actor=request.user,
    )
    return Status(
        201,
        {
            "slug": al.slug,
            "name": al.name,
            "purpose": al.purpose.slug,
            "description": al.description,
            "members": 0,
        },
    )


def _member(email: str | None, person_id: int | None) -> Person:
    """The person a body or query names: an unknown one is a bad value (422), not a 404."""
    if person_id:
        person = Person.objects.filter(pk=person_id).first()
        if person is None:
            raise DomainError(f"no person #{person_id}", field="person_id")
        return person
    if email:
        person = services.find_person_by_email(email)
        if person is None:
            raise DomainError(f"no person with email {email}", field="email")
        return person
    raise DomainError("give the member's email or person_id", field="email")


@lists_router.post("/{slug}/members", response={201: MembershipOut}, auth=role("lists.manage"))
def add_member(request: HttpRequest, slug: Path[ListSlug], payload: MemberIn):
    audience_list = services.get_list(slug, field="slug")
    person = _member(payload.email, payload.person_id)
    membership = services.add_to_list(
        person, audience_list, payload.reason, _evidence(payload.evidence, request)
    )
    return Status(201, membership)


@lists_router.delete("/{slug}/members", response={200: MembershipOut}, auth=role("lists.manage"))
def remove_member(
    request: HttpRequest,
    slug: Path[ListSlug],
    email: Email | None = None,
    person_id: Annotated[int, Field(ge=1)] | None = None,
    reason: text(300, required=True) = "removed through the API",
):
    audience_list = services.get_list(slug, field="slug")
    person = _member(email, person_id)
    return services.leave_list(person, audience_list, reason, actor=request.user)
