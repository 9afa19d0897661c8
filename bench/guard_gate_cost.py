"""The render-time gate's cost per message: rendering a campaign with the gate beside the
same rendering without it, in the same run, on the same people (`python -m bench guard`).

The send benchmark (`python -m bench send`) measures the whole pipeline with the gate on;
this isolates the gate so its share is visible.
"""

from __future__ import annotations

import time

from bench.common import Result

TEXT = """Hi {{ person.first_name | fallback("there") }},
{% if evidence.attended("Web Summit") %}
It was great meeting you at Web Summit.
{% endif %}
Our analytics module now explains every number it shows: where it came from, who recorded
it and when. Reply to this email if you want to know more; it reaches me, not a robot.
{% if person.company %}How is everyone at {{ person.company }}?{% endif %}

{{ sender.name }}
"""
HTML = """<p>Hi {{ person.first_name | fallback("there") }},</p>
{% if evidence.attended("Web Summit") %}<p>It was great meeting you at <b>Web Summit</b>.</p>
{% endif %}<p>Our analytics module now explains every number it shows.</p>
<p><img src="https://example.com/chart.png" alt="A chart of where each number came from"></p>
"""


def _seed(n: int):
    from django.utils import timezone

    from sincerely.people.models import Fact, Person

    now = timezone.now()
    people = Person.objects.bulk_create(
        [Person(email=f"g{i}@gate.example", display_name=f"Guest {i}") for i in range(n)]
    )
    evidence = {"source_kind": "imported", "source_ref": "gate.csv", "recorded_at": now}
    facts = [Fact(person=p, key="first_name", value=f"Name{p.pk}", **evidence) for p in people]
    facts += [
        Fact(person=p, key="attended_event", value="Web Summit 2025", **evidence)
        for p in people
        if p.pk % 3 == 0
    ]
    facts += [
        Fact(person=p, key="company", value=f"Company {p.pk % 50}", **evidence)
        for p in people
        if p.pk % 2 == 0
    ]
    Fact.objects.bulk_create(facts)
    return people


def _render_all(people, sender) -> float:
    from sincerely.messaging.guard.evidence import EvidenceIndex
    from sincerely.messaging.guard.renderer import (
        HeldBack,
        compile_message,
        current_facts,
        render_message,
    )

    compiled = compile_message("News for {{ person.first_name | fallback('you') }}", TEXT, HTML)
    ids = [p.pk for p in people]
    start = time.perf_counter()
    facts = current_facts(ids)
    index = EvidenceIndex(ids)
    for person in people:
        try:
            render_message(
                compiled,
                person,
                sender=sender,
                facts=facts[person.pk],
                index=index,
                footer="Bench list.",
            )
        except HeldBack as held:
            raise AssertionError(f"unexpected hold-back: {held.reason}") from None
    return time.perf_counter() - start


def measure(n: int = 2000) -> list[str]:
    """Lines for the report: µs per message with and without the gate, and their ratio."""
    from django.contrib.auth import get_user_model

    from sincerely.messaging.guard import gate, renderer

    User = get_user_model()
    sender = User.objects.create_user(
        "gatebench", email="ana@gate.example", first_name="Ana", last_name="Lima"
    )
    people = _seed(n)
    _render_all(people[:200], sender)  # warm the template and the detector's caches
    gate._claims.cache_clear()
    with_gate = min(_render_all(people, sender) for _ in range(2))
    real = renderer.unbacked_claims
    renderer.unbacked_claims = lambda parts, ledger, names=(): []
    try:
        without = min(_render_all(people, sender) for _ in range(2))
    finally:
        renderer.unbacked_claims = real
    per_with = with_gate / n * 1e6
    per_without = without / n * 1e6
    result = Result(
        f"render-time gate, {n} personalised messages (text + HTML)",
        ours=n / with_gate,
        ceiling=n / without,
        unit="msg/s",
        note=f"{per_with:.0f} µs per message with the gate, {per_without:.0f} µs without: "
        f"the gate adds {per_with - per_without:.0f} µs",
    )
    return [result.line()]
