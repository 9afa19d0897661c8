"""`sincerely recommend train|evaluate`: run the training job now, or measure models offline."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError

from sincerely.errors import DomainError

MODELS = ("ours", "popularity", "implicit_als", "implicit_bpr")
METRICS = ("precision@10", "recall@10", "ndcg@10", "coverage", "train_seconds")


class Command(BaseCommand):
    help = "Train recommendations now, or evaluate models on a purchase-history CSV."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        train = sub.add_parser("train", help="train on the database and replace every offer")
        train.add_argument(
            "--as-of", default="", help="ISO date to treat as now (for historical data)"
        )
        sub.add_parser("schedule", help="enqueue the self-renewing daily training job")
        evaluate = sub.add_parser("evaluate", help="time-ordered offline evaluation")
        evaluate.add_argument("--data", required=True, help="CSV: person_id,item_id,timestamp…")
        evaluate.add_argument("--json", action="store_true", help="print one JSON object")
        evaluate.add_argument(
            "--format",
            default="events",
            choices=("events", "online-retail"),
            help="online-retail reads the UCI Online Retail columns directly",
        )

    def handle(self, *args, action: str, **options):
        try:
            if action == "train":
                self._train(options["as_of"])
            elif action == "schedule":
                from sincerely.offers.tasks import train_recommendations
                from sincerely.schedule import schedule

                enqueued = schedule(train_recommendations)
                self.stdout.write(
                    "enqueued train_recommendations" if enqueued else "already scheduled"
                )
            else:
                self._evaluate(options["data"], options["format"], options["json"])
        except DomainError as exc:
            raise CommandError(str(exc), returncode=2) from None

    def _train(self, as_of: str) -> None:
        from sincerely.offers.services import train_recommendations

        now = None
        if as_of:
            try:
                now = datetime.fromisoformat(as_of)
            except ValueError:
                raise DomainError("is not an ISO date", field="as-of") from None
            now = now if now.tzinfo else now.replace(tzinfo=UTC)
        run = train_recommendations(now=now).run
        self.stdout.write(
            f"trained on {run.events} events of {run.people} people and {run.products} products "
            f"in {run.seconds:.1f} s: {run.offers} offers for {run.people_with_offers} people"
        )

    def _evaluate(self, path: str, fmt: str, as_json: bool) -> None:
        from sincerely.offers.evaluation import evaluate, read_events_file

        report = evaluate(read_events_file(path, fmt=fmt))
        if as_json:
            self.stdout.write(json.dumps({m: report[m] for m in MODELS}, indent=2))
            return
        split = report["_split"]
        self.stdout.write(
            f"{split['events']} events, {split['people']} people, {split['items']} items; "
            f"trained before {split['cutoff']}, tested on {split['test_people']} people"
        )
        self.stdout.write(f"{'model':<14}" + "".join(f"{m:>15}" for m in METRICS))
        for model in MODELS:
            row = report[model]
            self.stdout.write(f"{model:<14}" + "".join(f"{row[m]:>15.4f}" for m in METRICS))
        best = max(report[m]["ndcg@10"] for m in MODELS[1:])
        if best > 0:
            gain = report["ours"]["ndcg@10"] / best - 1
            self.stdout.write(f"ours vs best baseline NDCG@10: {gain:+.1%}")
