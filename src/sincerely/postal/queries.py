"""Read side of printed mail: campaigns, a job's progress and held-back pieces, the response."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from sincerely.errors import NotFound
from sincerely.postal.links import read_piece_token
from sincerely.postal.models import PrintCampaign, PrintJob, PrintPiece


def campaigns() -> QuerySet[PrintCampaign]:
    return PrintCampaign.objects.select_related("audience_list", "purpose").annotate(
        job_count=Count("jobs", distinct=True)
    )


def get_campaign(campaign_id: int) -> PrintCampaign:
    campaign = (
        PrintCampaign.objects.select_related("audience_list", "purpose", "sender", "segment")
        .filter(pk=campaign_id)
        .first()
    )
    if campaign is None:
        raise NotFound(f"no print campaign #{campaign_id}")
    return campaign


def get_job(job_id: int) -> PrintJob:
    job = PrintJob.objects.select_related("campaign").filter(pk=job_id).first()
    if job is None:
        raise NotFound(f"no print job #{job_id}")
    return job


def held_back(job: PrintJob) -> QuerySet[PrintPiece]:
    return (
        PrintPiece.objects.filter(job=job, status=PrintPiece.Status.HELD_BACK)
        .select_related("person")
        .order_by("id")
    )


def held_reasons(job: PrintJob) -> list[tuple[str, int]]:
    counts = Counter(
        dict(held_back(job).values_list("held_reason").annotate(n=Count("id")).order_by())
    )
    return counts.most_common()


def job_files(job: PrintJob) -> list[dict]:
    """The job's files a staff member may download (no temporary files)."""
    from pathlib import Path

    if not job.folder or not Path(job.folder).is_dir():
        return []
    return [
        {"name": p.name, "bytes": p.stat().st_size}
        for p in sorted(Path(job.folder).iterdir())
        if p.is_file() and not p.name.endswith(".part")
    ]


def piece_for_token(token: str) -> PrintPiece | None:
    piece_id = read_piece_token(token)
    if piece_id is None:
        return None
    return (
        PrintPiece.objects.select_related("person", "campaign")
        .filter(pk=piece_id, status=PrintPiece.Status.PRINTED)
        .first()
    )


@dataclass
class PrintResponse:
    campaign: PrintCampaign
    pieces: int
    cost: Decimal
    visits: int
    answers: int
    purchases: int
    revenue: Decimal

    @property
    def cost_per_response(self) -> Decimal | None:
        responses = self.visits + self.purchases
        return (self.cost / responses).quantize(Decimal("0.01")) if responses else None


def print_attribution() -> list[PrintResponse]:
    """Per print campaign: pieces printed and their cost, URL/QR visits, answers, and purchases
    by recipients that quote the campaign's offer code (after their piece was printed)."""
    from sincerely.timeline.models import Touchpoint

    rows = []
    for campaign in PrintCampaign.objects.order_by("-created_at"):
        pieces = PrintPiece.objects.filter(campaign=campaign, status=PrintPiece.Status.PRINTED)
        counts = pieces.aggregate(
            n=Count("id"),
            visits=Count("id", filter=Q(visited_at__isnull=False)),
            answers=Count("id", filter=Q(answered_at__isnull=False)),
        )
        if not counts["n"]:
            continue
        purchases, revenue = 0, Decimal("0")
        if campaign.offer_code:
            first: dict = {}
            for person_id, at in pieces.values_list("person_id", "created_at"):
                first[person_id] = min(first.get(person_id, at), at)
            for person_id, at, properties in Touchpoint.objects.filter(
                kind="purchase", person_id__in=list(first)
            ).values_list("person_id", "at", "properties"):
                code = str((properties or {}).get("offer_code", "")).strip().upper()
                if code == campaign.offer_code and at >= first[person_id]:
                    purchases += 1
                    try:
                        revenue += Decimal(str((properties or {}).get("total", "0")))
                    except ArithmeticError:
                        continue
        rows.append(
            PrintResponse(
                campaign=campaign,
                pieces=counts["n"],
                cost=(campaign.cost_per_piece * counts["n"]).quantize(Decimal("0.01")),
                visits=counts["visits"],
                answers=counts["answers"],
                purchases=purchases,
                revenue=revenue,
            )
        )
    return rows
