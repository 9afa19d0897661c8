"""The durable outbox: claiming rows, recording sends, retries and hard bounces (the SMTP
and provider connections are in transport.py).

Claim protocol. A worker claims up to `batch` ready rows in one transaction (status
`sending`, its id, the time; `FOR UPDATE SKIP LOCKED` on PostgreSQL so workers on many
machines never take the same row). The moment the SMTP server accepts a message, it
writes a `SentMark` (one narrow autocommitted insert, durable before the next message's
final dot); once per batch the marks are folded into their rows (`sent`, `sent_at`) with
the timeline touchpoints, in one transaction (apply_marks). If the worker dies, its
claimed rows stay `sending`; a claim is taken over once its lease runs out, or at once
when the claiming process on this host is gone, and its marks are applied first, so a
marked message is never sent again. So a crash loses nothing, and only the one message
that was accepted by the server but not yet marked may go out twice, with the same
Message-ID.
"""

from __future__ import annotations

import json
import logging
import smtplib
import time
from collections.abc import Callable
from datetime import UTC, timedelta

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.db.models import Min, Q
from django.utils import timezone

from sincerely.messaging import conf, mime, services
from sincerely.messaging.models import Campaign, Message, SentMark
from sincerely.messaging.queries import suppressed_hashes
from sincerely.messaging.transport import EspTransport, SmtpTransport
from sincerely.people.models import Consent, Membership, Person, Suppression
from sincerely.workers import in_flight, worker_id
from sincerely.workers import process_is_gone as _process_is_gone

log = logging.getLogger(__name__)

# Backoff for temporary failures (4xx, refused connections), by attempt number.
BACKOFF_SECONDS = (30, 120, 600, 1800, 3600, 7200, 14400)
# Delivery started while a campaign is still being prepared waits for its next chunk;
# a preparation that wrote nothing for this long is taken for stalled (it is retried).
PREPARE_POLL_SECONDS = 0.05
PREPARE_STALL_SECONDS = 5


def release_dead_claims() -> int:
    """Give back rows claimed by a worker that is gone (same host) or whose lease ran out,
    after recording what such a worker sent (its marks and their timeline touchpoints)."""
    lease_end = timezone.now() - timedelta(seconds=conf.lease_seconds())
    me = worker_id()
    marked = SentMark.objects.values("message_id")
    owners = (
        Message.objects.filter(pk__in=marked)
        .order_by()
        .values("claimed_by")
        .annotate(since=Min("claimed_at"))
    )
    for row in owners:
        owner = row["claimed_by"]
        if not owner or (
            owner != me and (_process_is_gone(owner) or (row["since"] and row["since"] < lease_end))
        ):
            apply_marks(owner)
    # A marked row is sent, whatever its status says: it is never given back.
    stale = Message.objects.filter(status=Message.Status.SENDING).exclude(pk__in=marked)
    released = stale.filter(claimed_at__lt=lease_end).update(
        status=Message.Status.QUEUED, claimed_by=""
    )
    for owner in set(stale.values_list("claimed_by", flat=True)):
        if owner and _process_is_gone(owner):
            released += stale.filter(claimed_by=owner).update(
                status=Message.Status.QUEUED, claimed_by=""
            )
    # Rows a worker of an earlier version marked `sent` directly, touchpoint not written.
    unrecorded = (
        Message.objects.filter(sent_at__isnull=False)
        .exclude(claimed_by="")
        .order_by()
        .values("claimed_by")
        .annotate(since=Min("claimed_at"))
    )
    for row in unrecorded:
        owner = row["claimed_by"]
        if owner != me and (_process_is_gone(owner) or row["since"] < lease_end):
            services.record_sent_touchpoints(owner)
    return released


def mark_sent(message_id: int) -> None:
    """Record that the server took the message: one narrow autocommitted insert.

    This runs once per message between two SMTP transactions, while the server answers
    the next message's MAIL FROM, and always before that message's final dot. A new
    narrow row rather than an update of the outbox row: that row is wide (the signed
    bytes) and has a dozen indexes, each of which an update of `status` rewrites; on
    PostgreSQL that update, once per message, was the send path's largest cost. One plain
    statement rather than an ORM call, which costs several times the statement itself.
    """
    stamp = connection.ops.adapt_datetimefield_value(timezone.now())
    insert = (
        f"INSERT INTO {SentMark._meta.db_table} (message_id, sent_at) VALUES (%s, %s)"  # noqa: S608
        " ON CONFLICT DO NOTHING"
    )
    # Autocommit: one statement is its own transaction, one round trip on PostgreSQL.
    with connection.cursor() as cursor:
        cursor.execute(insert, [message_id, stamp])


_MARK_PG = (
    f"INSERT INTO {SentMark._meta.db_table} (message_id, sent_at) VALUES ($1, $2)"  # noqa: S608
    " ON CONFLICT DO NOTHING"
).encode()


class Mark:
    """A sent-mark on its way to the database: `done()` says whether it is in, without
    waiting; calling it waits until it is (and raises if it could not be written)."""

    def done(self) -> bool:
        return True

    def __call__(self) -> None:
        return None


class _PendingMark(Mark):
    def __init__(self, conn, message_id: int) -> None:
        self.conn, self.pgconn, self.message_id = conn, conn.pgconn, message_id

    def done(self) -> bool:
        self.pgconn.consume_input()
        return not self.pgconn.is_busy()

    def __call__(self) -> None:
        from psycopg import generators, pq

        if self.done():  # the usual case: the commit came back while the server answered
            results = list(iter(self.pgconn.get_result, None))
        else:
            results = self.conn.wait(generators.fetch_many(self.pgconn))
        failed = [r for r in results if r.status != pq.ExecStatus.COMMAND_OK]
        if failed:
            raise DatabaseError(
                (failed[0].error_message or b"").decode(errors="replace")
                or f"message #{self.message_id} could not be recorded as sent"
            )


def start_mark(message_id: int) -> Mark:
    """Send the mark for `message_id` without waiting; returns what waits until it is in.

    On PostgreSQL the statement goes out at once and its commit (a WAL flush) completes
    while the SMTP server answers MAIL, RCPT and DATA; the caller waits for it at the
    latest before the next final dot. Nothing else may use the connection in between.
    Elsewhere the mark is written before this returns.
    """
    if connection.vendor != "postgresql":
        mark_sent(message_id)
        return Mark()
    from psycopg import generators

    connection.ensure_connection()
    conn = connection.connection
    pgconn = conn.pgconn
    stamp = timezone.now().isoformat().encode()
    pgconn.send_query_params(_MARK_PG, [str(message_id).encode(), stamp])
    if pgconn.flush():  # a few dozen bytes are almost always out at once: no wait loop
        conn.wait(generators.send(pgconn))
    return _PendingMark(conn, message_id)


MARK_CHUNK = 1000


def apply_marks(owner: str) -> int:
    """Fold the marks of `owner`'s messages into their rows: status `sent` (unless a bounce
    already came back), `sent_at`, no claim; and add their `email_sent` touchpoints.

    One transaction per batch instead of one wide-row update per message. Marks of rows
    nobody claims any more (a bounce came back first) are applied by whoever comes by.
    """
    folded = 0
    while True:
        count, more = _fold_marks(owner)
        folded += count
        if not more:
            return folded


def _fold_marks(owner: str) -> tuple[int, bool]:
    """One round of apply_marks: how many it folded, and whether marks may be left."""
    from sincerely.db import insert_rows, placeholders
    from sincerely.timeline.models import Touchpoint

    message_table = Message._meta.db_table
    mark_table = SentMark._meta.db_table
    lock = " FOR UPDATE" if connection.vendor == "postgresql" else ""
    with transaction.atomic(), connection.cursor() as cursor:
        # The marks first (a small table: only what is sent and not yet folded), then
        # their rows by primary key. One join left the plan to the statistics, and with
        # `claimed_by = ''` matching every message ever sent, a planner that believed them
        # scanned the whole outbox once per batch.
        cursor.execute(f"SELECT message_id FROM {mark_table} ORDER BY message_id")  # noqa: S608
        marked = [pk for (pk,) in cursor.fetchall()]
        locked: dict[int, tuple] = {}
        for start in range(0, len(marked), MARK_CHUNK):  # bounded statement parameters
            if len(locked) >= MARK_CHUNK:
                break  # the rest in the next round (apply_marks)
            chunk = marked[start : start + MARK_CHUNK]
            cursor.execute(
                f"SELECT id, person_id, campaign_id FROM {message_table}"  # noqa: S608
                f" WHERE id IN ({placeholders(chunk)}) AND claimed_by IN (%s, '')"
                f" ORDER BY id{lock}",
                [*chunk, owner],
            )
            locked.update((pk, (person, campaign)) for pk, person, campaign in cursor.fetchall())
        more = len(locked) >= MARK_CHUNK
        if not locked:
            return 0, False
        # Read again now that the rows are ours: a worker that folded them while this one
        # waited for the locks has deleted their marks, and they must not be folded twice.
        cursor.execute(
            f"SELECT message_id, sent_at FROM {mark_table}"  # noqa: S608
            f" WHERE message_id IN ({placeholders(locked)}) ORDER BY message_id",
            list(locked),
        )
        rows = [(pk, *locked[pk], sent_at) for pk, sent_at in cursor.fetchall()]
        if not rows:
            return 0, more
        ids = [row[0] for row in rows]
        places = placeholders(ids)
        cursor.execute(
            f"UPDATE {message_table} SET sent_at = (SELECT s.sent_at FROM {mark_table} s"  # noqa: S608
            f" WHERE s.message_id = {message_table}.id), last_error = '', claimed_by = '',"
            " status = CASE WHEN status IN (%s, %s) THEN %s ELSE status END"
            f" WHERE id IN ({places})",
            [Message.Status.SENDING, Message.Status.QUEUED, Message.Status.SENT, *ids],
        )
        adapt = connection.ops.adapt_datetimefield_value
        insert_rows(
            Touchpoint,
            ["person_id", "visitor_id", "kind", "at", "url", "properties"],
            [
                (
                    person_id,
                    "",
                    "email_sent",
                    adapt(_aware(sent_at)),
                    "",
                    json.dumps({"message": pk, "campaign": campaign}),
                )
                for pk, person_id, campaign, sent_at in rows
            ],
            json_fields=("properties",),
        )
        cursor.execute(f"DELETE FROM {mark_table} WHERE message_id IN ({places})", ids)  # noqa: S608
    return len(rows), more


def _aware(value):
    """A timestamp read back by a raw query: SQLite gives text, PostgreSQL a datetime."""
    if isinstance(value, str):
        from django.utils.dateparse import parse_datetime

        value = parse_datetime(value)
        if timezone.is_naive(value):
            value = timezone.make_aware(value, UTC)
    return value


def claim_batch(owner: str, size: int) -> list[int]:
    """Claim up to `size` ready rows for this worker; returns their ids in send order."""
    now = timezone.now()
    ready = Message.objects.queued().filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            ids = list(
                ready.select_for_update(skip_locked=True)
                .order_by("id")
                .values_list("id", flat=True)[:size]
            )
        else:
            # SQLite has one writer: the IMMEDIATE transaction already serialises claims.
            ids = list(ready.order_by("id").values_list("id", flat=True)[:size])
        if ids:
            # By primary key alone: the rows are queued and held by this transaction. A
            # status condition let the planner walk the outbox index's entries for every
            # row that was ever queued (dead until vacuum) instead of 200 key lookups.
            Message.objects.filter(pk__in=ids).update(
                status=Message.Status.SENDING, claimed_by=owner, claimed_at=now
            )
    return ids


def _still_allowed(messages: list[Message]) -> dict[int, str]:
    """{message id: reason} for rows that must not go: suppressed, consent or list gone."""
    refused = {}
    suppressed = suppressed_hashes([m.to_email for m in messages])
    for m in messages:
        if m.to_email in suppressed:
            refused[m.pk] = f"suppressed: {Suppression.Reason(suppressed[m.to_email]).label}"
    listed = [m for m in messages if m.audience_list_id and m.pk not in refused]
    if listed:
        people = [m.person_id for m in listed]
        active = set(
            Membership.objects.filter(
                person_id__in=people,
                audience_list_id__in={m.audience_list_id for m in listed},
                left_at__isnull=True,
            ).values_list("person_id", "audience_list_id")
        )
        consenting = set(
            Consent.objects.filter(
                person_id__in=people, is_current=True, status=Consent.Status.GRANTED
            ).values_list("person_id", "purpose_id")
        )
        for m in listed:
            if (m.person_id, m.audience_list_id) not in active:
                refused[m.pk] = "left the list before sending"
            elif (m.person_id, m.purpose_id) not in consenting:
                refused[m.pk] = "consent withdrawn before sending"
    return refused


def _hold(message: Message, reason: str) -> None:
    Message.objects.filter(
        pk=message.pk, status=Message.Status.SENDING, claimed_by=message.claimed_by
    ).update(status=Message.Status.HELD_BACK, held_reason=reason[:300], claimed_by="")


def _retry_later(message: Message, error: str) -> None:
    attempts = message.attempts + 1
    mine = Message.objects.filter(
        pk=message.pk, status=Message.Status.SENDING, claimed_by=message.claimed_by
    )
    if attempts >= conf.max_attempts():
        mine.update(
            status=Message.Status.FAILED, attempts=attempts, last_error=error[:500], claimed_by=""
        )
        return
    delay = BACKOFF_SECONDS[min(attempts - 1, len(BACKOFF_SECONDS) - 1)]
    mine.update(
        status=Message.Status.QUEUED,
        attempts=attempts,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        last_error=error[:500],
        claimed_by="",
    )


def _smtp_code(exc: Exception) -> int | None:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return codes[0] if codes else None
    return getattr(exc, "smtp_code", None)


def deliver_outbox(*, limit: int | None = None, owner: str | None = None) -> int:
    """Send ready messages until none are left (or `limit` are done); returns how many went.

    Each message is recorded as sent (its own short transaction) while the server reads
    the next message's MAIL FROM, always before that next message's final dot. So a crash
    can repeat at most the one message in flight, with the same bytes and Message-ID.
    While a campaign is still being prepared, delivery prepares a chunk of it whenever
    nothing is ready to send, and waits for the preparing worker's next chunk when no
    chunk is left to take, instead of stopping.
    """
    owner = owner or worker_id()
    release_dead_claims()
    backend = conf.email_backend()
    transport = EspTransport(backend) if backend else SmtpTransport(conf.smtp_url())
    senders: dict[int, object] = {}
    campaigns: set[int] = set()
    sent = 0
    accepted: Message | None = None  # taken by the server, not yet recorded
    marking: Mark | None = None  # its mark, sent and not yet confirmed

    def record_soon() -> None:
        """Start recording the accepted message as sent, or finish when the mark is in
        (SmtpTransport.send's `meanwhile`, called between the server's replies): the
        in-flight lock is let go as soon as it may, so other workers' dots wait less."""
        nonlocal accepted, marking
        if accepted is not None and marking is None:
            message, accepted = accepted, None
            marking = start_mark(message.pk)
        elif marking is not None and marking.done():
            confirm()

    def confirm() -> None:
        """Wait for the mark under way, if any; then the message is recorded as sent."""
        nonlocal marking, sent
        if marking is not None:
            wait, marking = marking, None
            wait()
            sent += 1
            in_flight.release()  # taken at its final dot (SmtpTransport.send)

    def record() -> None:
        """Record the accepted message as sent, once; before the next message's dot."""
        record_soon()
        confirm()

    finished = False
    try:
        while limit is None or sent + (accepted is not None) < limit:
            size = conf.batch_size()
            if limit is not None:
                size = min(size, limit - sent - (accepted is not None))
            ids = claim_batch(owner, size)
            if not ids:
                record()
                apply_marks(owner)
                if services.prepare_some():
                    continue  # a chunk of a campaign being prepared is ready to send
                if _campaign_being_prepared():
                    time.sleep(PREPARE_POLL_SECONDS)
                    continue
                break
            messages = list(Message.objects.filter(pk__in=ids).only(*OUTBOX_FIELDS).order_by("id"))
            refused = _still_allowed(messages)
            lease = Lease(owner, ids)
            for message in messages:
                if message.campaign_id:
                    campaigns.add(message.campaign_id)
                if not lease.holds(message.pk):
                    continue  # taken over by another worker after our lease ran out
                if message.pk in refused:
                    _hold(message, refused[message.pk])
                    continue
                raw = bytes(message.raw) if message.raw else _build(message, senders)
                if raw is not None and _send(transport, message, raw, record, record_soon):
                    accepted = message
            apply_marks(owner)
        record()
        apply_marks(owner)
        finished = True
    finally:
        transport.close()  # a message cut off before its final dot is dropped by the server
        if not finished:
            _leave_cleanly(owner, record)
        in_flight.release()
    for campaign_id in campaigns:
        services.finish_campaign_if_done(campaign_id)
    return sent


def _leave_cleanly(owner: str, record: Callable[[], None]) -> None:
    """On the way out after an error: record what the server already took, and give back
    this worker's claims at once rather than when the lease runs out."""
    try:
        record()
        apply_marks(owner)
        Message.objects.filter(status=Message.Status.SENDING, claimed_by=owner).update(
            status=Message.Status.QUEUED, claimed_by=""
        )
    except DatabaseError:
        log.warning("could not tidy up after a failed delivery; the lease will", exc_info=True)


class Lease:
    """This worker's hold on a claimed batch, renewed while it sends.

    A batch sent through a slow relay may take longer than the lease; renewing it every
    quarter of the lease keeps other workers off, and a row another worker took over
    anyway (this one stalled) is skipped instead of sent twice.
    """

    def __init__(self, owner: str, ids: list[int]) -> None:
        self.owner = owner
        self.ids = ids
        self.every = conf.lease_seconds() / 4
        # Just claimed (claim_batch stamped them): renewing now would rewrite every row for
        # nothing, but the rows may already have been taken over (a stall): look only.
        self.ours = set(self._mine().values_list("id", flat=True))
        self.renewed = time.monotonic()

    def _mine(self):
        return Message.objects.filter(
            pk__in=self.ids, status=Message.Status.SENDING, claimed_by=self.owner
        )

    def renew(self) -> None:
        ours = self._mine()
        ours.update(claimed_at=timezone.now())
        self.ours = set(ours.values_list("id", flat=True))
        self.renewed = time.monotonic()

    def holds(self, message_id: int) -> bool:
        if time.monotonic() - self.renewed > self.every:
            self.renew()
        return message_id in self.ours


# What sending a prepared message needs; a row without bytes is read whole (_build).
OUTBOX_FIELDS = (
    "id",
    "campaign_id",
    "person_id",
    "sender_id",
    "audience_list_id",
    "purpose_id",
    "to_email",
    "reply_token",
    "raw",
    "attempts",
    "status",
    "claimed_by",
    "message_id",
    "subject",
)


def _campaign_being_prepared() -> bool:
    """A campaign whose preparation is alive: not finished, and a message came recently."""
    recent = timezone.now() - timedelta(seconds=PREPARE_STALL_SECONDS)
    return Campaign.objects.filter(
        status=Campaign.Status.SENDING,
        prepared_at__isnull=True,
        messages__created_at__gte=recent,
    ).exists()


def _build(message: Message, senders: dict) -> bytes | None:
    """Bytes for a row that has none yet (a one-to-one message); kept for any resend."""
    User = get_user_model()
    if message.sender_id not in senders:
        senders[message.sender_id] = User.objects.get(pk=message.sender_id)
    person = Person.objects.filter(pk=message.person_id).first()
    if person is None:
        _hold(message, "the person was erased")
        return None
    whole = Message.objects.get(pk=message.pk)
    try:
        raw = mime.build_bytes(whole, senders[message.sender_id], person=person)
    except Exception as exc:  # noqa: BLE001 - one bad row must not stop the campaign
        log.exception("message #%s could not be built", message.pk)
        Message.objects.filter(pk=message.pk).update(
            status=Message.Status.FAILED, last_error=str(exc)[:500], claimed_by=""
        )
        return None
    Message.objects.filter(pk=message.pk).update(raw=raw)
    return raw


def _send(
    transport,
    message: Message,
    raw: bytes,
    record: Callable[[], None],
    record_soon: Callable[[], None],
) -> bool:
    """Hand one message to the server; True when it took it. Failures are recorded here.

    Whatever happens to this message, the previous one is recorded first (`record`; over
    SMTP it starts with `record_soon` and is waited for before this message's final dot).
    """
    try:
        if isinstance(transport, EspTransport):
            record()
            in_flight.acquire()
            transport.send_message(message, raw)
        else:
            transport.send(mime.bounce_address(message), message.to_email, raw, record_soon, record)
    except DatabaseError:
        raise  # recording the previous message failed: the job is retried
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
        record()
        in_flight.release()  # not taken: no longer the one a kill may repeat
        code = _smtp_code(exc) or 0
        if 500 <= code < 600 and not isinstance(exc, smtplib.SMTPSenderRefused):
            services.record_hard_bounce(message, f"{code} {exc}")
        else:
            _retry_later(message, f"{code} {exc}")
        return False
    except (OSError, smtplib.SMTPException) as exc:
        record()
        in_flight.release()
        log.warning("message #%s not sent yet: %s", message.pk, exc)
        _retry_later(message, str(exc) or exc.__class__.__name__)
        return False
    except Exception as exc:  # noqa: BLE001 - e.g. an ESP's API error: retried like a 4xx
        record()
        in_flight.release()
        log.exception("message #%s not sent", message.pk)
        _retry_later(message, str(exc)[:500] or exc.__class__.__name__)
        return False
    record()
    return True


def resume_outbox() -> bool:
    """On worker start: take back claims of dead workers and queue a delivery if any is due."""
    from sincerely.messaging.tasks import deliver_outbox_task

    released = release_dead_claims()
    pending = Message.objects.queued().exists()
    if released or pending:
        deliver_outbox_task.enqueue()
    # Claims of a worker we cannot see (another host, or still alive) come back when
    # their lease ends; make sure someone looks then.
    oldest = Message.objects.filter(status=Message.Status.SENDING).aggregate(at=Min("claimed_at"))
    if oldest["at"] is not None:
        lease_end = oldest["at"] + timedelta(seconds=conf.lease_seconds() + 1)
        deliver_outbox_task.using(run_after=max(lease_end, timezone.now())).enqueue()
    for campaign_id in Campaign.objects.filter(
        status__in=[Campaign.Status.QUEUED, Campaign.Status.SENDING], prepared_at__isnull=True
    ).values_list("pk", flat=True):
        from sincerely.messaging.tasks import prepare_campaign_task

        prepare_campaign_task.enqueue(campaign_id)
    return bool(released or pending)
