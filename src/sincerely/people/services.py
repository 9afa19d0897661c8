"""Every action that changes what we hold about people: facts, consents, lists, merge, erasure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from sincerely import registry
from sincerely.errors import DomainError, NotFound
from sincerely.people.addresses import canonical_email, suppression_hashes
from sincerely.people.models import (
    AudienceList,
    AuditEntry,
    Consent,
    Fact,
    Identity,
    Membership,
    Person,
    Purpose,
    SourceKind,
    Suppression,
    Trust,
)

User = AbstractBaseUser

# Facts that are also cached on the Person row for listing and search.
NAME_KEYS = ("first_name", "last_name")
FACT_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
PHONE_RE = re.compile(r"^\+?[0-9 ().\-]{6,25}$")


def normalise_email(raw: str, *, field: str = "email") -> str:
    """The canonical form of an address (people/addresses.py), its syntax checked."""
    email = canonical_email(raw)
    if not email:
        raise DomainError("an email address is required", field=field)
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(f"'{raw.strip()}' is not an email address", field=field) from None
    return email


def normalise_phone(raw: str, *, field: str = "phone") -> str:
    phone = " ".join((raw or "").split())
    digits = sum(ch.isdigit() for ch in phone)
    if not PHONE_RE.match(phone) or not 6 <= digits <= 15:
        raise DomainError(f"'{raw.strip()}' is not a phone number", field=field)
    return phone


def normalise_fact_key(raw: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", (raw or "").strip().lower()).strip("_")
    if not FACT_KEY_RE.match(key):
        raise DomainError(
            f"'{raw}' cannot name a fact (letters, digits and _; start with a letter)",
            field="key",
        )
    return key


@dataclass(frozen=True)
class EvidenceInput:
    """Who or what stands behind a record we are about to write."""

    source_kind: str
    source_ref: str
    recorded_by: User | None = None
    recorded_at: datetime | None = None
    import_batch_id: int | None = None
    # True when the person themselves gave it through a signed link or a confirmed form.
    verified_channel: bool = False

    def __post_init__(self) -> None:
        if self.source_kind not in SourceKind.values:
            raise DomainError(
                f"unknown source kind '{self.source_kind}'; one of {', '.join(SourceKind.values)}",
                field="source_kind",
            )
        if not (self.source_ref or "").strip():
            raise DomainError("say where this came from", field="source_ref")

    def as_fields(self) -> dict:
        return {
            "source_kind": self.source_kind,
            "source_ref": self.source_ref.strip()[:500],
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at or timezone.now(),
            "import_batch_id": self.import_batch_id,
            "trust": Trust.VERIFIED if self.is_verified else Trust.UNVERIFIED,
        }

    @property
    def is_verified(self) -> bool:
        """Staff, an operator's import or the person through a signed link: rule 3a."""
        return bool(self.recorded_by or self.import_batch_id or self.verified_channel)


def staff_evidence(actor: User | None, where: str = "staff console") -> EvidenceInput:
    return EvidenceInput(SourceKind.STAFF_RECORDED, where, recorded_by=actor)


def audit(actor: User | None, action: str, person_id: int | None, summary: str, **details) -> None:
    AuditEntry.objects.create(
        actor=actor, action=action, person_id_ref=person_id, summary=summary, details=details
    )


def is_suppressed(email: str) -> Suppression | None:
    return Suppression.objects.filter(email_hash__in=suppression_hashes(email)).first()


def suppress(email: str, reason: str) -> None:
    Suppression.objects.get_or_create(email_hash=Suppression.hash_email(email), reason=reason)


def refresh_person_cache(person: Person) -> None:
    names = dict(
        Fact.objects.filter(person=person, key__in=NAME_KEYS, is_current=True).values_list(
            "key", "value"
        )
    )
    primary = (
        Identity.objects.filter(person=person, kind=Identity.Kind.EMAIL)
        .order_by("-is_primary", "id")
        .values_list("value", flat=True)
        .first()
    )
    person.display_name = " ".join(v for k in NAME_KEYS if (v := names.get(k))).strip()
    person.email = primary or ""
    person.save(update_fields=["display_name", "email", "updated_at"])


@transaction.atomic
def create_person(
    email: str,
    facts: dict[str, str] | None,
    evidence: EvidenceInput,
    *,
    phone: str = "",
    actor: User | None = None,
) -> Person:
    """Create a person from an email address and facts that all share one piece of evidence."""
    email = normalise_email(email)
    if is_suppressed(email):
        raise DomainError(
            "this address asked to be forgotten or to get no mail; it cannot be added again",
            field="email",
        )
    if Identity.objects.filter(kind=Identity.Kind.EMAIL, value=email).exists():
        raise DomainError("a person with this email already exists", field="email")
    person = Person.objects.create(email=email)
    Identity.objects.create(person=person, kind=Identity.Kind.EMAIL, value=email, is_primary=True)
    if phone:
        add_identity(person, Identity.Kind.PHONE, phone)
    for key, value in (facts or {}).items():
        record_fact(person, key, value, evidence, refresh=False)
    refresh_person_cache(person)
    audit(actor, "person.create", person.pk, f"created {email}", source=evidence.source_ref)
    return person


def add_identity(person: Person, kind: str, value: str) -> Identity:
    if kind == Identity.Kind.EMAIL:
        value = normalise_email(value)
    elif kind == Identity.Kind.PHONE:
        value = normalise_phone(value)
    existing = Identity.objects.filter(kind=kind, value=value).first()
    if existing and existing.person_id != person.pk:
        raise DomainError(
            f"this {kind} already belongs to person #{existing.person_id}; merge them instead",
            field=kind,
        )
    if existing:
        return existing
    return Identity.objects.create(person=person, kind=kind, value=value)


@transaction.atomic
def record_fact(
    person: Person, key: str, value: str, evidence: EvidenceInput, *, refresh: bool = True
) -> Fact:
    """Record a value for a key; a different current value is kept as history, not deleted."""
    key = normalise_fact_key(key)
    value = "" if value is None else str(value).strip()
    if not value:
        raise DomainError("a fact needs a value", field="value")
    current = Fact.objects.select_for_update().filter(person=person, key=key, is_current=True)
    current_fact = current.first()
    if current_fact and current_fact.value == value:
        return current_fact
    now = timezone.now()
    current.update(is_current=False, superseded_at=now)
    fact = Fact.objects.create(person=person, key=key, value=value, **evidence.as_fields())
    if refresh and key in NAME_KEYS:
        refresh_person_cache(person)
    return fact


def edit_fact_as_staff(person: Person, key: str, value: str, actor: User) -> Fact:
    """A staff edit is recorded as a staff-recorded fact; the old value stays in history."""
    old = Fact.objects.filter(person=person, key=normalise_fact_key(key), is_current=True).first()
    fact = record_fact(person, key, value, staff_evidence(actor))
    audit(
        actor,
        "fact.edit",
        person.pk,
        f"{fact.key}: {old.value if old else '(none)'} → {fact.value}",
        fact_id=fact.pk,
    )
    return fact


def get_purpose(slug: str, *, field: str = "purpose") -> Purpose:
    purpose = Purpose.objects.filter(slug=slug).first()
    if purpose is None:
        known = ", ".join(Purpose.objects.order_by("slug").values_list("slug", flat=True))
        raise DomainError(f"unknown purpose '{slug}'; known purposes: {known}", field=field)
    return purpose


@transaction.atomic
def record_consent(
    person: Person,
    purpose_slug: str,
    *,
    granted: bool,
    where: str,
    method: str,
    wording: str = "",
    at: datetime | None = None,
    actor: User | None = None,
    import_batch_id: int | None = None,
) -> Consent:
    """Record a grant or a withdrawal with its proof; the previous state stays as history."""
    purpose = get_purpose(purpose_slug)
    if not (where or "").strip():
        raise DomainError("say where the consent was given or withdrawn", field="where")
    if granted and not (wording or "").strip() and method != "import":
        raise DomainError("record the exact wording the person agreed to", field="wording")
    Consent.objects.select_for_update().filter(
        person=person, purpose=purpose, is_current=True
    ).update(is_current=False)
    consent = Consent.objects.create(
        person=person,
        purpose=purpose,
        status=Consent.Status.GRANTED if granted else Consent.Status.WITHDRAWN,
        at=at or timezone.now(),
        where=where.strip()[:300],
        wording=wording.strip(),
        method=method[:100],
        recorded_by=actor,
        import_batch_id=import_batch_id,
    )
    audit(actor, "consent." + consent.status, person.pk, f"{purpose.slug} {consent.status}")
    return consent


def current_consent(person: Person, purpose: Purpose) -> Consent | None:
    return Consent.objects.filter(person=person, purpose=purpose, is_current=True).first()


def get_list(slug: str, *, field: str = "list") -> AudienceList:
    audience_list = AudienceList.objects.select_related("purpose").filter(slug=slug).first()
    if audience_list is None:
        raise NotFound(f"no list with slug '{slug}'", field=field)
    return audience_list


@transaction.atomic
def create_list(
    slug: str, name: str, purpose_slug: str, *, description: str = "", actor: User | None = None
) -> AudienceList:
    slug = (slug or "").strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", slug):
        raise DomainError("a slug is lower-case letters, digits and dashes", field="slug")
    if not (name or "").strip():
        raise DomainError("a list needs a name", field="name")
    if AudienceList.objects.filter(slug=slug).exists():
        raise DomainError(f"a list '{slug}' already exists", field="slug")
    purpose = get_purpose(purpose_slug)
    audience_list = AudienceList.objects.create(
        slug=slug, name=name.strip(), purpose=purpose, description=description, created_by=actor
    )
    audit(actor, "list.create", None, f"created list {slug} for {purpose.slug}")
    return audience_list


@transaction.atomic
def add_to_list(
    person: Person, audience_list: AudienceList, reason: str, evidence: EvidenceInput
) -> Membership:
    """Put a person on a list with the reason; someone who left is not silently re-added."""
    if not (reason or "").strip():
        raise DomainError("say why this person is on the list", field="reason")
    consent = current_consent(person, audience_list.purpose)
    if consent is None or consent.status != Consent.Status.GRANTED:
        raise DomainError(
            f"{person.email} has not consented to '{audience_list.purpose.slug}', "
            f"the purpose of list '{audience_list.slug}'; record the consent first",
            field="consent",
        )
    membership = Membership.objects.filter(audience_list=audience_list, person=person).first()
    if membership and membership.left_at:
        if evidence.source_kind != SourceKind.SELF_DECLARED:
            raise DomainError(
                f"{person.email} left this list on {membership.left_at:%Y-%m-%d}; "
                "only the person can rejoin it",
                field="person",
            )
        membership.left_at = None
        membership.left_reason = ""
    if membership is None:
        membership = Membership(audience_list=audience_list, person=person)
    membership.reason = reason.strip()[:500]
    for name, value in evidence.as_fields().items():
        setattr(membership, name, value)
    membership.save()
    return membership


@transaction.atomic
def leave_list(
    person: Person, audience_list: AudienceList, reason: str, actor: User | None = None
) -> Membership:
    membership = Membership.objects.filter(audience_list=audience_list, person=person).first()
    if membership is None or membership.left_at:
        raise NotFound(f"{person.email} is not on list '{audience_list.slug}'", field="person")
    membership.left_at = timezone.now()
    membership.left_reason = reason[:300]
    membership.save(update_fields=["left_at", "left_reason"])
    audit(actor, "list.leave", person.pk, f"left {audience_list.slug}: {reason}")
    return membership


@transaction.atomic
def assign_owner(person: Person, username: str, actor: User | None) -> Person:
    """Name the salesperson who owns the relationship (an empty name clears it)."""
    from django.contrib.auth import get_user_model

    owner = None
    if username:
        owner = get_user_model().objects.filter(username=username, is_active=True).first()
        if owner is None:
            raise NotFound(f"no staff user '{username}'", field="owner")
    person.owner = owner
    person.save(update_fields=["owner", "updated_at"])
    audit(actor, "person.owner", person.pk, f"owner set to {username or 'nobody'}")
    return person


def find_person_by_email(email: str) -> Person | None:
    identity = (
        Identity.objects.select_related("person")
        .filter(kind=Identity.Kind.EMAIL, value=normalise_email(email))
        .first()
    )
    return identity.person if identity else None


def _move(model, survivor: Person, duplicate: Person, *, unique_with: str | None = None) -> int:
    rows = model.objects.filter(person=duplicate)
    if unique_with:
        taken = model.objects.filter(person=survivor).values_list(unique_with, flat=True)
        rows.filter(**{f"{unique_with}__in": list(taken)}).delete()
    return rows.update(person=survivor)


@transaction.atomic
def merge_people(survivor: Person, duplicate: Person, actor: User | None) -> Person:
    """Fold `duplicate` into `survivor`: identities, facts, consents, lists and history move.

    Where both hold a current value for a fact or consent, the most recently recorded one
    stays current and the other becomes history, so no evidence is dropped.
    """
    if survivor.pk == duplicate.pk:
        raise DomainError("cannot merge a person with themself", field="duplicate")
    survivor = Person.objects.select_for_update().get(pk=survivor.pk)
    duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
    moved: dict[str, int] = {}

    Identity.objects.filter(person=duplicate).update(person=survivor, is_primary=False)
    for key in Fact.objects.filter(person=duplicate, is_current=True).values_list("key", flat=True):
        both = Fact.objects.filter(person__in=[survivor, duplicate], key=key, is_current=True)
        newest = both.order_by("-recorded_at", "-id").first()
        both.exclude(pk=newest.pk).update(is_current=False, superseded_at=timezone.now())
    moved["facts"] = Fact.objects.filter(person=duplicate).update(person=survivor)
    for purpose_id in Consent.objects.filter(person=duplicate, is_current=True).values_list(
        "purpose_id", flat=True
    ):
        both = Consent.objects.filter(
            person__in=[survivor, duplicate], purpose_id=purpose_id, is_current=True
        )
        newest = both.order_by("-at", "-id").first()
        both.exclude(pk=newest.pk).update(is_current=False)
    moved["consents"] = Consent.objects.filter(person=duplicate).update(person=survivor)
    moved["memberships"] = _move(Membership, survivor, duplicate, unique_with="audience_list")
    if survivor.owner_id is None and duplicate.owner_id:
        survivor.owner_id = duplicate.owner_id
        survivor.save(update_fields=["owner"])
    # Apps owning rows that point at a person (timeline, messages, conversations, offers)
    # register a merge hook (sincerely/registry.py); each returns {what: count moved}.
    for hook in registry.merges():
        moved.update(hook(survivor, duplicate))
    duplicate_label = f"#{duplicate.pk} {duplicate.email}"
    duplicate.delete()
    refresh_person_cache(survivor)
    audit(
        actor,
        "person.merge",
        survivor.pk,
        f"merged {duplicate_label} into #{survivor.pk} {survivor.email}",
        moved=moved,
        duplicate_id=int(duplicate_label.split()[0][1:]),
    )
    return survivor


@transaction.atomic
def erase_person(person: Person, actor: User | None, *, requested_via: str) -> None:
    """Remove everything we hold about a person; keep only hashes that stop re-import.

    Touchpoints, purchases and every other row that points at the person go with it
    (on delete cascade). The audit entry names no personal data.
    """
    emails = list(
        Identity.objects.filter(person=person, kind=Identity.Kind.EMAIL).values_list(
            "value", flat=True
        )
    )
    for email in emails:
        suppress(email, Suppression.Reason.ERASED)
    visitor_ids = list(
        Identity.objects.filter(person=person, kind=Identity.Kind.VISITOR).values_list(
            "value", flat=True
        )
    )
    # Rows that do not go with the person by cascade (anonymous visits before they were
    # identified, mail to their address before they were a person) go through the apps'
    # erasure hooks.
    for hook in registry.erasures():
        hook(person, emails, visitor_ids)
    person_id = person.pk
    person.delete()
    audit(actor, "person.erase", person_id, f"erased person #{person_id} ({requested_via})")


def people_for_emails(emails: Iterable[str]) -> dict[str, int]:
    return dict(
        Identity.objects.filter(kind=Identity.Kind.EMAIL, value__in=list(emails)).values_list(
            "value", "person_id"
        )
    )
