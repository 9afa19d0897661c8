"""Recording touchpoints: one touchpoint, a batch of events, identity stitching, sales notes."""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from sincerely import links
from sincerely.db import placeholders
from sincerely.errors import DomainError
from sincerely.people.models import Identity, Person
from sincerely.people.services import audit, find_person_by_email
from sincerely.timeline import aggregates
from sincerely.timeline.events import EventError, ParsedEvent
from sincerely.timeline.models import ClientEvent, Touchpoint, TouchpointTrust
from sincerely.timeline.tracking import Beacon

log = logging.getLogger(__name__)
T = TypeVar("T")

# Kinds staff log by hand from the person page (capability timeline.log).
LOGGED_KINDS = {"call": "Call", "note": "Note", "meeting": "Meeting"}
SID_SALT = "sincerely.timeline.sid"
SID_MAX_AGE = 90 * 24 * 3600
WRITE_ATTEMPTS = 6


def with_write_retry(action: Callable[[], T]) -> T:
    """Run a write, retrying when the database is briefly locked or a deadlock is detected.

    SQLite answers "database is locked" once its busy timeout runs out under a burst of
    writers; PostgreSQL may pick a deadlock victim. Both are safe to retry because each
    attempt is one whole transaction.
    """
    delay = 0.05
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return action()
        except OperationalError as exc:
            message = str(exc).lower()
            retryable = "locked" in message or "deadlock" in message or "busy" in message
            if not retryable or attempt == WRITE_ATTEMPTS:
                raise
            log.warning("write retry %d after: %s", attempt, exc)
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


@contextmanager
def _writer_turn() -> Iterator[None]:
    """On a SQLite file, wait for our turn to write on an OS file lock.

    SQLite allows one writer; the others poll with sleeps that grow to 100 ms, so with four
    ingest requests at once most time went to sleeping (measured: 7k events/s with four
    clients against 16k with two). A blocking flock wakes the next writer the moment the
    previous one is done. PostgreSQL needs no such thing.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block or connection.is_in_memory_db():
        yield
        return
    with open(f"{connection.settings_dict['NAME']}.writer-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _claim_client_ids(keys: dict[str, tuple[str, datetime]]) -> set[str]:
    """Insert the ids not seen before and return exactly those (the caller's new events).

    One `INSERT … ON CONFLICT DO NOTHING RETURNING` (PostgreSQL, SQLite ≥ 3.35), so two
    concurrent copies of one batch cannot both claim an id.
    """
    if not keys:
        return set()
    table = ClientEvent._meta.db_table
    claimed: set[str] = set()
    items = list(keys.items())
    adapt = _db_time_adapter()
    for start in range(0, len(items), 300):
        chunk = items[start : start + 300]
        placeholders = ", ".join(["(%s, %s, %s)"] * len(chunk))
        params: list = []
        for key, (kind, at) in chunk:
            params += [key, kind, adapt(at)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (key, kind, at) VALUES {placeholders} "  # noqa: S608 - table name is ours
                "ON CONFLICT (key) DO NOTHING RETURNING key",
                params,
            )
            claimed.update(row[0] for row in cursor.fetchall())
    return claimed


def record_touchpoint(
    person: Person | None,
    kind: str,
    *,
    at: datetime | None = None,
    url: str = "",
    properties: dict | None = None,
    visitor_id: str = "",
    recorded_by=None,
    client_event_id: str | None = None,
) -> Touchpoint:
    """Add one touchpoint (a send, a reply, a comment, a call …) to a person's timeline.

    With a `client_event_id` seen before, nothing is added and the earlier touchpoint is
    returned, so a retried call counts once.
    """
    at = at or timezone.now()
    kind = kind[:32]
    with transaction.atomic():
        if client_event_id and not _claim_client_ids({client_event_id: (kind, at)}):
            earlier = ClientEvent.objects.get(key=client_event_id)
            existing = Touchpoint.objects.filter(
                kind=earlier.kind, at=earlier.at, client_event_id=client_event_id
            ).first()
            if existing is not None:
                return existing
        if person is not None and person.pk is None:
            person = None  # mail to an address that is nobody's yet (messaging system mail)
        if person is None and visitor_id:
            person = _people_of_visitors([visitor_id]).get(visitor_id)
        if person is not None and kind == aggregates.VISIT:
            aggregates.note_visits([(person.pk, at)])
        return Touchpoint.objects.create(
            person=person,
            kind=kind,
            at=at,
            url=url[:2000],
            properties=properties or {},
            visitor_id=visitor_id,
            recorded_by=recorded_by,
            client_event_id=client_event_id,
        )


def _people_of_visitors(visitor_ids: Iterable[str]) -> dict[str, Person]:
    identities = Identity.objects.select_related("person").filter(
        kind=Identity.Kind.VISITOR, value__in=list(visitor_ids)
    )
    return {i.value: i.person for i in identities}


@transaction.atomic
def identify_visitor(visitor_id: str, person: Person, *, how: str, verified: bool = False) -> int:
    """Join a web visitor id to a person; their earlier anonymous touchpoints move with it.

    Returns how many anonymous touchpoints joined the person's timeline. If the visitor id
    was already someone else's (a shared computer), the newest identification wins from
    now on and history already on the other person's timeline stays there.

    `verified` is true only for a signed link from our own mail: an address typed into a
    form joins the timeline for staff to see, but its touchpoints never become evidence.
    """
    identity = (
        Identity.objects.select_for_update()
        .filter(kind=Identity.Kind.VISITOR, value=visitor_id)
        .first()
    )
    changed = identity is None or identity.person_id != person.pk
    if identity is None:
        try:
            with transaction.atomic():
                Identity.objects.create(
                    person=person,
                    kind=Identity.Kind.VISITOR,
                    value=visitor_id,
                    is_verified=verified,
                )
        except IntegrityError:
            Identity.objects.filter(kind=Identity.Kind.VISITOR, value=visitor_id).update(
                person=person, is_verified=verified
            )
    elif identity.person_id != person.pk or (verified and not identity.is_verified):
        # A new owner, or proof at last: the newest identification decides.
        identity.person = person
        identity.is_verified = verified
        identity.save(update_fields=["person", "is_verified"])
    trust = TouchpointTrust.VISITOR_VERIFIED if verified else TouchpointTrust.VISITOR
    joined = Touchpoint.objects.filter(visitor_id=visitor_id, person__isnull=True).update(
        person=person, trust=trust
    )
    if joined:
        aggregates.refresh([person.pk])
    if changed or joined:
        audit(None, "visitor.identify", person.pk, f"web visitor identified ({how})", joined=joined)
    return joined


def visitor_token(person: Person) -> str:
    """The `sid` value for links in mail: opening one identifies the browser as this person."""
    return links.sign({"p": person.pk}, salt=SID_SALT, compress=True)


def link_with_sid(url: str, person: Person) -> str:
    """`url` with `sid=<token>` added, for links in mail to a site carrying the snippet."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "sid"]
    query.append(("sid", visitor_token(person)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def read_visitor_token(token: str) -> int:
    """The person id in a `sid` token; DomainError when it is forged or too old."""
    payload = links.read(
        token,
        salt=SID_SALT,
        max_age=SID_MAX_AGE,
        keys=("p",),
        field="sid",
        expired="this link is too old to identify you",
    )
    if not isinstance(payload["p"], int):
        raise links.LinkError("this link is not valid", field="sid")
    return payload["p"]


def _identities(kind: str, values: set[str]) -> dict[str, int]:
    """{value: person id} for identities of one kind, in chunks of plain SQL (the ORM's
    `__in` handling cost more than the query for 500 values)."""
    found: dict[str, int] = {}
    values_list = list(values)
    table = Identity._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(values_list), 500):
            chunk = values_list[start : start + 500]
            cursor.execute(
                f"SELECT value, person_id FROM {table} WHERE kind = %s"  # noqa: S608 - table name is ours
                f" AND value IN ({placeholders(chunk)})",
                [kind, *chunk],
            )
            found.update(cursor.fetchall())
    return found


def _db_time_adapter() -> Callable[[datetime], object]:
    """How the backend wants a datetime parameter. SQLite stores naive UTC text, exactly as
    Django's adapt_datetimefield_value writes it, without its per-value overhead."""
    if connection.vendor != "sqlite":
        return connection.ops.adapt_datetimefield_value
    return lambda at: at.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def _insert_touchpoints(rows: list[tuple]) -> None:
    """Plain parameterised executemany: the ingest path's hot loop skips model instances,
    which cost three times the SQL itself (profiled: 2.7 s of 4.1 s per 20,000 events)."""
    if not rows:
        return
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    table = Touchpoint._meta.db_table
    sql = (
        f"INSERT INTO {table} (person_id, visitor_id, kind, at, url, properties, "  # noqa: S608 - table name is ours
        f"client_event_id, recorded_by_id) VALUES (%s, %s, %s, %s, %s, %s{cast}, %s, %s)"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


@dataclass
class IngestResult:
    received: int = 0
    accepted: int = 0
    duplicates: int = 0
    errors: list[EventError] = field(default_factory=list)
    stitched: int = 0

    def as_dict(self) -> dict:
        return {
            "received": self.received,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": len(self.errors),
            "errors": [e.as_dict() for e in sorted(self.errors, key=lambda e: e.index)],
        }


def ingest_events(
    events: list[ParsedEvent],
    errors: list[EventError],
    *,
    received: int,
    recorded_by: AbstractBaseUser | None = None,
) -> IngestResult:
    """Store a parsed batch with a few bulk statements; events naming no known person fail.

    An event that names a person and a visitor identifies that visitor (identity
    stitching). Events with a client id already seen count as duplicates, not again.
    """
    if not events:
        return IngestResult(received=received, errors=list(errors))
    try:
        return with_write_retry(lambda: _ingest(events, errors, received, recorded_by))
    except IntegrityError:
        # A person named in the batch was erased or merged between lookup and insert:
        # one more pass looks everyone up again.
        return with_write_retry(lambda: _ingest(events, errors, received, recorded_by))


def _ingest(
    events: list[ParsedEvent], errors: list[EventError], received: int, recorded_by
) -> IngestResult:
    """Resolve and build every row first, then hold the write lock only for the inserts:
    SQLite has one writer, so CPU work inside the transaction would serialise the web
    workers (measured: it halved throughput with two workers)."""
    result = IngestResult(received=received, errors=list(errors))
    emails = {e.email for e in events if e.email}
    person_ids = {e.person_id for e in events if e.person_id}
    visitors = {e.visitor_id for e in events if e.visitor_id}
    by_email = _identities(Identity.Kind.EMAIL, emails)
    known_ids = set(Person.objects.filter(pk__in=person_ids).values_list("pk", flat=True))
    by_visitor = _identities(Identity.Kind.VISITOR, visitors)
    adapt = _db_time_adapter()
    actor_id = recorded_by.pk if recorded_by is not None else None
    identify: dict[str, int] = {}
    keyed: dict[str, tuple] = {}
    keys: dict[str, tuple[str, datetime]] = {}
    unkeyed: list[tuple] = []
    for event in events:
        if event.email:
            person_id = by_email.get(event.email)
            if person_id is None:
                result.errors.append(
                    EventError(event.index, "no person has this email", "person.email")
                )
                continue
        elif event.person_id:
            person_id = event.person_id
            if person_id not in known_ids:
                result.errors.append(
                    EventError(event.index, f"no person with id {person_id}", "person.id")
                )
                continue
        else:
            person_id = by_visitor.get(event.visitor_id)
        if event.client_id and event.client_id in keyed:
            result.duplicates += 1
            continue
        if event.visitor_id and person_id and by_visitor.get(event.visitor_id) != person_id:
            identify[event.visitor_id] = person_id
        row = (
            person_id,
            event.visitor_id,
            event.kind,
            adapt(event.at),
            event.url,
            event.properties_json,
            event.client_id,
            actor_id,
        )
        if event.client_id:
            keyed[event.client_id] = row
            keys[event.client_id] = (event.kind, event.at)
        else:
            unkeyed.append(row)
    with _writer_turn(), transaction.atomic():
        claimed = _claim_client_ids(keys)
        result.duplicates += len(keys) - len(claimed)
        rows = unkeyed + [row for key, row in keyed.items() if key in claimed]
        _insert_touchpoints(rows)
        aggregates.note_visits(
            (row[0], row[3]) for row in rows if row[2] == aggregates.VISIT and row[0]
        )
        result.accepted = len(rows)
        if identify:
            people = Person.objects.in_bulk(set(identify.values()))
            for visitor_id, person_id in identify.items():
                if person_id in people:
                    result.stitched += identify_visitor(
                        visitor_id, people[person_id], how="event from the API"
                    )
    return result


@transaction.atomic
def log_interaction(
    person: Person,
    kind: str,
    text: str,
    actor: AbstractBaseUser,
    *,
    at: datetime | None = None,
) -> Touchpoint:
    """A salesperson logs a call, a meeting or a note on the person's timeline."""
    if kind not in LOGGED_KINDS:
        raise DomainError(f"log one of: {', '.join(LOGGED_KINDS)}", field="kind")
    text = (text or "").replace("\x00", "").strip()
    if not text:
        raise DomainError("write what was said or done", field="text")
    if len(text) > 5000:
        raise DomainError("keep it under 5,000 characters", field="text")
    if at is not None and at > timezone.now():
        raise DomainError("that time is in the future", field="at")
    return record_touchpoint(
        person,
        kind,
        at=at,
        properties={"text": text, "by": actor.get_full_name() or actor.get_username()},
        recorded_by=actor,
    )


def record_beacon(beacon: Beacon) -> int:
    """Store what the tracking snippet sent; identification first, so the events that came
    with it already land on the person's timeline. Returns how many touchpoints were added.

    An identify by email only joins a person we already know: the public tracker never
    creates people. A `sid` from a link in our own mail identifies whoever it was sent to.
    """
    person = None
    how = ""
    verified = False
    if beacon.identify_sid:
        try:
            person = Person.objects.filter(pk=read_visitor_token(beacon.identify_sid)).first()
        except DomainError:
            person = None
        how = "signed link from an email"
        verified = person is not None
    elif beacon.identify_email:
        try:
            person = find_person_by_email(beacon.identify_email)
        except DomainError:
            person = None
        how = "form on the website"

    def write() -> int:
        with _writer_turn(), transaction.atomic():
            if person is not None:
                identify_visitor(beacon.visitor_id, person, how=how, verified=verified)
            if not beacon.events:
                return 0
            identity = (
                Identity.objects.filter(kind=Identity.Kind.VISITOR, value=beacon.visitor_id)
                .only("person_id", "is_verified")
                .first()
            )
            owner_id = identity.person_id if identity else None
            trust = (
                TouchpointTrust.VISITOR_VERIFIED
                if identity is not None and identity.is_verified
                else TouchpointTrust.VISITOR
            )
            Touchpoint.objects.bulk_create(
                [
                    Touchpoint(
                        person_id=owner_id,
                        visitor_id=beacon.visitor_id,
                        kind=event.kind,
                        at=event.at,
                        url=event.url,
                        properties=event.properties,
                        trust=trust,
                    )
                    for event in beacon.events
                ]
            )
            if owner_id is not None:
                aggregates.note_visits(
                    (owner_id, e.at) for e in beacon.events if e.kind == aggregates.VISIT
                )
            return len(beacon.events)

    return with_write_retry(write)
