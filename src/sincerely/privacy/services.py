"""What a person can do with their own data: see it, take it away, correct it, erase it."""

from __future__ import annotations

from django.utils import timezone

from sincerely import registry
from sincerely.people import queries
from sincerely.people.models import Person


def _evidence(record) -> dict:
    return {
        "source": record.get_source_kind_display(),
        "reference": record.source_ref,
        "recorded_by": record.recorded_by.get_full_name() or record.recorded_by.get_username()
        if record.recorded_by_id
        else None,
        "recorded_at": record.recorded_at.isoformat(),
    }


def export_person_for_staff(person: Person, actor, *, via: str) -> dict:
    """A staff download of a person's JSON: needs `people.export`; kept in their audit trail."""
    from sincerely.accounts.access import ensure_can
    from sincerely.people.services import audit

    ensure_can(actor, "people.export")
    data = export_person(person)
    audit(actor, "person.export", person.pk, f"JSON downloaded by {actor.get_username()} ({via})")
    return data


def export_person(person: Person) -> dict:
    """Everything we hold about a person, with the evidence for each item, as JSON data."""
    data: dict = {
        "exported_at": timezone.now().isoformat(),
        "person": {"id": person.pk, "created_at": person.created_at.isoformat()},
        "identities": [
            {"kind": i.kind, "value": i.value, "primary": i.is_primary}
            for i in queries.identities(person)
        ],
        "facts": [
            {"key": f.key, "value": f.value, "current": True, "evidence": _evidence(f)}
            for f in queries.current_facts(person)
        ]
        + [
            {
                "key": f.key,
                "value": f.value,
                "current": False,
                "superseded_at": f.superseded_at.isoformat() if f.superseded_at else None,
                "evidence": _evidence(f),
            }
            for f in queries.fact_history(person)
        ],
        "consents": [
            {
                "purpose": c.purpose.slug,
                "status": c.status,
                "in_force": c.is_current,
                "at": c.at.isoformat(),
                "where": c.where,
                "wording": c.wording,
                "method": c.method,
            }
            for c in queries.consent_history(person)
        ],
        "lists": [
            {
                "list": m.audience_list.name,
                "purpose": m.audience_list.purpose.slug,
                "reason": m.reason,
                "evidence": _evidence(m),
                "left_at": m.left_at.isoformat() if m.left_at else None,
            }
            for m in queries.memberships(person)
        ],
    }
    # Apps that hold more about a person (touchpoints, messages, conversations, offers)
    # register a section; each returns {section name: JSON-ready data}.
    for section in registry.exports():
        data.update(section(person))
    return data
