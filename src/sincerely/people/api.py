"""People and lists over the JSON API; every write goes through people.services."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from sincerely.accounts.access import ensure_can
from sincerely.errors import DomainError, NotFound
from sincerely.people import queries, services
from sincerely.people.models import Fact, Membership, Person, SourceKind

people_router = Router(tags=["people"])
lists_router = Router(tags=["lists"])


class EvidenceIn(Schema):
    source_kind: str = Field(description=f"one of {', '.join(SourceKind.values)}")
    source_ref: str = Field(description="where it came from, e.g. 'signup form'")
    recorded_at: datetime | None = None


class PersonIn(Schema):
    email: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    phone: str = ""
    facts: dict[str, str] = {}
    evidence: EvidenceIn


class PersonPatch(Schema):
    facts: dict[str, str] = {}
    owner: str | None = Field(None, description="username of the owning salesperson")
    evidence: EvidenceIn | None = None


class FactIn(Schema):
    key: str
    value: str
    evidence: EvidenceIn


class ConsentIn(Schema):
    purpose: str
    granted: bool
    where: str
    wording: str = ""
    method: str = "api"
    at: datetime | None = None


class MemberIn(Schema):
    email: str | None = None
    person_id: int | None = None
    reason: str
    evidence: EvidenceIn


class ListIn(Schema):
    slug: str
    name: str
    purpose: str
    description: str = ""


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


@people_router.post("", response={201: PersonOut})
def create_person(request: HttpRequest, payload: PersonIn):
    ensure_can(request.user, "people.edit")
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


@people_router.get("", response=list[PersonSummary])
@paginate(LimitOffsetPagination)
def list_people(request: HttpRequest, email: str = "", q: str = "", list: str = ""):
    ensure_can(request.user, "people.view")
    if email:
        person = services.find_person_by_email(email)
        return [person] if person else []
    return queries.search_people(q, list_slug=list)


@people_router.get("/{int:person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int):
    ensure_can(request.user, "people.view")
    return _person_out(queries.get_person(person_id))


@people_router.patch("/{int:person_id}", response=PersonOut)
def patch_person(request: HttpRequest, person_id: int, payload: PersonPatch):
    ensure_can(request.user, "people.edit")
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


@people_router.post("/{int:person_id}/facts", response={201: FactOut})
def add_fact(request: HttpRequest, person_id: int, payload: FactIn):
    ensure_can(request.user, "people.edit")
    person = queries.get_person(person_id)
    fact = services.record_fact(
        person, payload.key, payload.value, _evidence(payload.evidence, request)
    )
    return Status(201, fact)


@people_router.post("/{int:person_id}/consents", response={201: ConsentOut})
def add_consent(request: HttpRequest, person_id: int, payload: ConsentIn):
    ensure_can(request.user, "people.edit")
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


@lists_router.get("", response=list[ListOut])
def get_lists(request: HttpRequest):
    ensure_can(request.user, "lists.view")
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


@lists_router.post("", response={201: ListOut})
def post_list(request: HttpRequest, payload: ListIn):
    ensure_can(request.user, "lists.manage")
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
    if person_id:
        return queries.get_person(person_id)
    if email:
        person = services.find_person_by_email(email)
        if person is None:
            raise NotFound(f"no person with email {email}", field="email")
        return person
    raise DomainError("give the member's email or person_id", field="email")


@lists_router.post("/{slug}/members", response={201: MembershipOut})
def add_member(request: HttpRequest, slug: str, payload: MemberIn):
    ensure_can(request.user, "lists.manage")
    audience_list = services.get_list(slug, field="slug")
    person = _member(payload.email, payload.person_id)
    membership = services.add_to_list(
        person, audience_list, payload.reason, _evidence(payload.evidence, request)
    )
    return Status(201, membership)


@lists_router.delete("/{slug}/members", response={200: MembershipOut})
def remove_member(
    request: HttpRequest,
    slug: str,
    email: str | None = None,
    person_id: int | None = None,
    reason: str = "removed through the API",
):
    ensure_can(request.user, "lists.manage")
    audience_list = services.get_list(slug, field="slug")
    person = _member(email, person_id)
    return services.leave_list(person, audience_list, reason, actor=request.user)
