"""Liveness, readiness and Prometheus metrics for every process: web, worker and supervisor.

Web: `/healthz` (the process answers), `/readyz` (the database answers and every migration
is applied) and `/metrics`. Worker: `sincerely worker --health-port N` serves the same
`/healthz` and `/readyz` on its own small HTTP server, for a supervisor or load balancer
that cannot read a log. Metrics are computed from the database at each scrape, so any web
host reports the same figures for the whole installation, however many hosts send.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import DatabaseError, connection, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

# Windows for the "recent" figures: Prometheus rates need a counter, but a counter kept in
# one process is wrong across hosts; a count over a fixed window from the database is not.
RECENT_SECONDS = 300


def readiness() -> tuple[bool, dict]:
    """(ready, details): the database answers and no migration is waiting."""
    from django.db.migrations.executor import MigrationExecutor

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return False, {"database": f"unavailable: {exc.__class__.__name__}"}
    if pending:
        names = [f"{m.app_label}.{m.name}" for m, _ in pending]
        return False, {"database": "ok", "migrations": f"{len(names)} not applied: {names[0]}…"}
    return True, {"database": "ok", "migrations": "applied"}


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """200 when this web process can serve: the database answers, migrations are applied."""
    ready, details = readiness()
    return JsonResponse({"ready": ready, **details}, status=200 if ready else 503)


# --- metrics -------------------------------------------------------------------------------


def _allowed(request: HttpRequest) -> bool:
    """SINCERELY_METRICS_TOKEN as a bearer token; without one, loopback callers only."""
    token = os.environ.get("SINCERELY_METRICS_TOKEN", "")
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


class DatabaseCollector:
    """Reads the figures from the database at each scrape (prometheus_client collector)."""

    def collect(self) -> Iterator:
        from django.db.models import Count
        from django_tasks_db.models import DBTaskResult
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        from sincerely.messaging.models import Message, SentMark
        from sincerely.people.models import Suppression
        from sincerely.timeline.models import Touchpoint

        since = timezone.now() - timedelta(seconds=RECENT_SECONDS)
        outbox = GaugeMetricFamily(
            "sincerely_outbox_messages",
            "Outbox messages not yet sent, by status (held_back = stopped by the guard or a "
            "consent/suppression check before sending)",
            labels=["status"],
        )
        counts = dict(
            Message.objects.exclude(status=Message.Status.SENT)
            .order_by()
            .values_list("status")
            .annotate(n=Count("id"))
        )
        for status in ("queued", "sending", "held_back", "failed", "bounced"):
            outbox.add_metric([status], counts.get(status, 0))
        yield outbox
        queue = GaugeMetricFamily(
            "sincerely_outbox_queue_depth", "Messages waiting to go out (queued + sending)"
        )
        queue.add_metric([], counts.get("queued", 0) + counts.get("sending", 0))
        yield queue
        marks = GaugeMetricFamily(
            "sincerely_outbox_unapplied_marks", "Sent marks not yet folded into the outbox"
        )
        marks.add_metric([], SentMark.objects.count())
        yield marks
        recent = GaugeMetricFamily(
            "sincerely_email_events_recent",
            f"Email events recorded on the timeline in the last {RECENT_SECONDS} s, by kind",
            labels=["kind"],
        )
        kinds = ("email_sent", "email_bounced", "email_complained")
        by_kind = dict(
            Touchpoint.objects.filter(kind__in=kinds, at__gte=since)
            .order_by()
            .values_list("kind")
            .annotate(n=Count("id"))
        )
        for kind in kinds:
            recent.add_metric([kind], by_kind.get(kind, 0))
        yield recent
        rate = GaugeMetricFamily(
            "sincerely_send_rate", f"Messages sent per second over the last {RECENT_SECONDS} s"
        )
        rate.add_metric([], by_kind.get("email_sent", 0) / RECENT_SECONDS)
        yield rate
        suppressed = GaugeMetricFamily(
            "sincerely_suppressions", "Suppressed addresses, by reason", labels=["reason"]
        )
        for reason, n in (
            Suppression.objects.order_by().values_list("reason").annotate(n=Count("id"))
        ):
            suppressed.add_metric([reason], n)
        yield suppressed
        jobs = GaugeMetricFamily("sincerely_jobs", "Background jobs by status", labels=["status"])
        for status, n in (
            DBTaskResult.objects.order_by().values_list("status").annotate(n=Count("id"))
        ):
            jobs.add_metric([status.lower()], n)
        yield jobs
        failures = CounterMetricFamily(
            "sincerely_job_failures", "Background jobs that ended in failure (all time)"
        )
        failures.add_metric([], DBTaskResult.objects.filter(status="FAILED").count())
        yield failures


_registry = None
_registry_lock = threading.Lock()


def registry():
    """One registry with only our database collector (no per-process figures: they would
    differ from host to host)."""
    global _registry
    from prometheus_client import CollectorRegistry

    with _registry_lock:
        if _registry is None:
            _registry = CollectorRegistry(auto_describe=False)
            _registry.register(DatabaseCollector())
    return _registry


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus text format; SINCERELY_METRICS_TOKEN or loopback only (404 otherwise, so
    the endpoint is not advertised)."""
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    if not _allowed(request):
        return HttpResponse("Not found", status=404, content_type="text/plain")
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)


# --- worker ------------------------------------------------------------------------------


class Heartbeat:
    """What a worker's health server reports: alive (with its children, if a supervisor)
    and able to reach the database."""

    def __init__(self, children: Callable[[], list] | None = None) -> None:
        self.children = children or (list)
        self.started = time.time()

    def live(self) -> tuple[bool, dict]:
        children = self.children()
        dead = [c.pid for c in children if c.poll() is not None]
        body = {"pid": os.getpid(), "uptime_s": round(time.time() - self.started, 1)}
        if children:
            body["processes"] = len(children)
            body["stopped"] = dead
        return not dead, body

    def ready(self) -> tuple[bool, dict]:
        live, body = self.live()
        ok, details = readiness()
        connections.close_all()  # this thread's connection: nothing left open between checks
        return live and ok, {**body, **details}


def serve_worker_health(port: int, heartbeat: Heartbeat, host: str = "") -> ThreadingHTTPServer:
    """Start `/healthz` and `/readyz` for a worker on `host:port`, in a daemon thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/healthz":
                ok, body = heartbeat.live()
            elif self.path == "/readyz":
                ok, body = heartbeat.ready()
            else:
                self.send_error(404)
                return
            data = json.dumps({"ok": ok, **body}).encode()
            self.send_response(200 if ok else 503)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
            log.debug("health: " + format, *args)

    bind = host or os.environ.get("SINCERELY_HEALTH_BIND", "127.0.0.1")
    server = ThreadingHTTPServer((bind, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="health", daemon=True).start()
    return server
