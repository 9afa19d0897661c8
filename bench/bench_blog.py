"""A post page with 500 comments under `sincerely serve`: requests/s beside /healthz, and p95.

    python -m bench.bench_blog                      # 500 comments, 8 s per endpoint, 8 clients
    BENCH_BLOG_COMMENTS=2000 BENCH_BLOG_SECONDS=30 BENCH_BLOG_CLIENTS=16 python -m bench.bench_blog
    SINCERELY_BENCH_DATABASE_URL=postgres://… python -m bench.bench_blog

The load generator is a small threaded client with keep-alive connections (http.client),
run on the same machine, so both figures share the same client overhead.
"""

from __future__ import annotations

import http.client
import os
import random
import threading
import time
from datetime import timedelta
from urllib.parse import urlsplit

from bench.common import Figure, Result, database_url, percentile, served, setup_django

COMMENTS = int(os.environ.get("BENCH_BLOG_COMMENTS", 500))
SECONDS = float(os.environ.get("BENCH_BLOG_SECONDS", 8))
CLIENTS = int(os.environ.get("BENCH_BLOG_CLIENTS", 8))


def seed(comments: int) -> str:
    """One published post with `comments` approved comments, a fifth of them threaded replies."""
    from django.utils import timezone
    from faker import Faker

    from sincerely.conversations.models import Comment
    from sincerely.conversations.rendering import render_comment
    from sincerely.conversations.services import posts as post_services
    from tests import factories

    fake = Faker()
    Faker.seed(5)
    rng = random.Random(5)
    writer = factories.make_staff("bench-writer", "author", first_name="Wren", last_name="Okafor")
    post = post_services.create_post(
        author=writer,
        title="What we learned from 500 comments",
        body="\n\n".join(fake.paragraphs(8)),
        status="published",
        tags="bench, community",
    )
    start = timezone.now() - timedelta(days=30)
    rows: list[Comment] = []
    for n in range(comments):
        body = fake.paragraph(nb_sentences=rng.randint(1, 5))
        if n % 7 == 0:
            body += f" See [this]({fake.url()}) and *that*."
        rows.append(
            Comment(
                post=post,
                name=fake.name(),
                email=f"reader{n}@example.org",
                body=body,
                body_html=render_comment(body),
                status=Comment.Status.APPROVED,
                created_at=start + timedelta(minutes=n),
                verified_at=start,
            )
        )
    created = Comment.objects.bulk_create(rows, batch_size=500)
    for n, comment in enumerate(created):
        if n and n % 5 == 0:
            comment.parent_id = created[rng.randrange(0, n)].pk
            if n % 10 == 0:
                comment.staff_author = writer
    Comment.objects.bulk_update(created, ["parent", "staff_author"], batch_size=500)
    return post.get_absolute_url()


def load(
    base: str, path: str, seconds: float, clients: int, cookie: str = ""
) -> tuple[float, list[float]]:
    """Requests per second and every latency (ms) from `clients` keep-alive connections."""
    parts = urlsplit(base)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine: list[float] = []
        while time.perf_counter() < stop_at:
            t0 = time.perf_counter()
            headers = {"Accept-Language": "en"}
            if cookie:
                headers["Cookie"] = cookie
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{path}: {response.status}")
                break
            mine.append((time.perf_counter() - t0) * 1000)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise RuntimeError(errors[0])
    return len(latencies) / elapsed, latencies


def main() -> None:
    setup_django(database_url("blog"))
    post_path = seed(COMMENTS)
    with served() as base:
        for path in ("/healthz", post_path):  # warm every worker's caches
            load(base, path, 1.0, CLIENTS)
        health_rps, _ = load(base, "/healthz", SECONDS, CLIENTS)
        post_rps, latencies = load(base, post_path, SECONDS, CLIENTS)
        # A reader with a session cookie skips the whole-page cache: the page is rendered,
        # only the comment list comes from the fragment cache.
        load(base, post_path, 1.0, CLIENTS, cookie="sessionid=bench")
        session_rps, session_latencies = load(
            base, post_path, SECONDS, CLIENTS, cookie="sessionid=bench"
        )
    note = f"{COMMENTS} comments, {CLIENTS} clients, {SECONDS:g} s each, 2 gunicorn workers"
    print(Result("blog post page vs /healthz", post_rps, health_rps, "req/s", 0.3, note).line())
    print(Figure("blog post page p95", percentile(latencies, 95), "ms", 100, note).line())
    print(Figure("blog post page p50", percentile(latencies, 50), "ms", 100, note).line())
    print(
        Result(
            "blog post page, signed-in reader (no page cache) vs /healthz",
            session_rps,
            health_rps,
            "req/s",
            None,
            note,
        ).line()
    )
    print(
        Figure(
            "blog post page p95, signed-in reader",
            percentile(session_latencies, 95),
            "ms",
            100,
            note,
        ).line()
    )


if __name__ == "__main__":
    main()
