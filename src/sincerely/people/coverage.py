"""Who may be mailed: the one place that decides list coverage (membership + consent) and
reads suppressions. Campaign audiences (messaging) and incident notices (conversations)
ask here; the outbox checks the same rules again just before sending."""

from __future__ import annotations

from django.db.models import QuerySet

from sincerely.people.addresses import suppression_hashes
from sincerely.people.models import Consent, Person, Suppression
from sincerely.people.services import normalise_email


def mailable(audience_list_id: int, purpose_id: int) -> QuerySet[Person]:
    """People with an active membership of the list and consent in force for the purpose."""
    return Person.objects.filter(
        memberships__audience_list_id=audience_list_id,
        memberships__left_at__isnull=True,
        consents__purpose_id=purpose_id,
        consents__is_current=True,
        consents__status=Consent.Status.GRANTED,
    )


def suppression_reasons(emails: list[str]) -> dict[str, str]:
    """{email: suppression reason} for the given addresses we must never mail (matched by
    the hash of the normalised address; an unparsable address is not suppressed here)."""
    by_hash = {}
    for email in emails:
        try:
            # The canonical hash, and those older code stored (people/addresses.py).
            for digest in suppression_hashes(normalise_email(email)):
                by_hash[digest] = email
        except Exception:  # noqa: BLE001, S112 - an unparsable address is simply not suppressed here
            continue
    found = {}
    for email_hash, reason in Suppression.objects.filter(email_hash__in=list(by_hash)).values_list(
        "email_hash", "reason"
    ):
        found[by_hash[email_hash]] = reason
    return found
