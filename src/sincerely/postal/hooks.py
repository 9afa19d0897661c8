"""What printed mail adds to other apps' pages: the privacy centre and the attribution report."""

from __future__ import annotations

from sincerely.people.models import Consent


def privacy_panel(request, person, payload) -> dict | None:
    """The privacy centre's "stop postal mail" button (it posts to the centre's own withdraw)."""
    stopped = Consent.objects.filter(
        person=person,
        purpose__slug="postal",
        is_current=True,
        status=Consent.Status.WITHDRAWN,
    ).exists()
    return {"stopped": stopped}


def attribution_section(request) -> dict:
    from sincerely.postal.queries import print_attribution

    return {"print_rows": print_attribution()}


def export_section(person) -> dict:
    """The person's printed pieces in their data export: what was printed, why, and its ledger."""
    from sincerely.postal.models import PrintPiece

    return {
        "printed_mail": [
            {
                "campaign": piece.campaign.name,
                "status": piece.status,
                "held_reason": piece.held_reason,
                "why": piece.why,
                "address": piece.address,
                "ledger": piece.ledger,
                "created_at": piece.created_at.isoformat(),
            }
            for piece in PrintPiece.objects.filter(person=person).select_related("campaign")
        ]
    }


def merge(survivor, duplicate) -> dict:
    """Pieces follow the person; where both got a piece of the same job, the survivor's stays."""
    from sincerely.postal.models import PrintPiece

    taken = set(PrintPiece.objects.filter(person=survivor).values_list("job_id", flat=True))
    pieces = PrintPiece.objects.filter(person=duplicate)
    moved = pieces.exclude(job_id__in=taken).update(person=survivor)
    pieces.delete()
    return {"printed_pieces": moved}
