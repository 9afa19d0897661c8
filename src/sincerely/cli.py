"""The `sincerely` command: serve, worker, demo, imports, lists, keys, links, and `manage`."""

from __future__ import annotations

import argparse
import os
import sys

USAGE = """usage: sincerely COMMAND [ARGS]

  serve [--bind HOST:PORT] [--workers N]   run the web app under gunicorn
  worker [--processes N] [--health-port P] run the durable background worker
  aggregates rebuild|check                 per-person aggregates (segment rules read them)
  demo [--no-serve]                        load demo data and start everything
  createstaff USERNAME --role ROLE --email EMAIL
  import people FILE --list SLUG --source TEXT [--dry-run]
  import purchases FILE --source TEXT [--dry-run]
  lists                                    every list with its member count
  lists create SLUG --name NAME --purpose PURPOSE
  apikey create USERNAME [--name NAME]     print a new API key for a staff user
  privacy-link EMAIL                       print a signed privacy-centre link
  lint TEMPLATE_FILE…                      unguarded claims of shared history (exit 1)
  inbound [--port 2526]                    receive replies, bounces and complaints by SMTP
  catcher [--port 2525]                    demo SMTP server that keeps every message
  blog | blog publish FILE --author USER   list or publish blog posts
  inbox [--overdue|--unassigned|--mine U]  conversations waiting for a reply
  segments [list|refresh|schedule]         audience segments
  tiers [compute]                          RFM value tiers
  recommend train|schedule|evaluate        offers from purchase history
  timeline-partitions [--months-ahead N]   PostgreSQL: prepare monthly partitions
  print list|create|preview|run|suppress   printed mail (letters, postcards, catalogues)
  manage ARGS…                             any Django management command
"""

# Subcommands whose management command has another name (Python keywords, dashes).
ALIASES = {"import": "import_data", "worker": "run_worker"}


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sincerely.settings")


def serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="sincerely serve")
    parser.add_argument("--bind", default=os.environ.get("SINCERELY_BIND", "127.0.0.1:8000"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--migrate", action="store_true", help="apply migrations first")
    args = parser.parse_args(argv)
    _django_setup()
    from django.core.management import execute_from_command_line

    if args.migrate:
        execute_from_command_line(["sincerely", "migrate", "--noinput", "-v", "0"])
    execute_from_command_line(["sincerely", "collectstatic", "--noinput", "-v", "0"])
    os.execv(  # noqa: S606 - replaces this process with gunicorn, no shell involved
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sincerely.wsgi:application",
            "--bind",
            args.bind,
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--access-logfile",
            "-",
            "--logger-class",
            "sincerely.accesslog.RedactingLogger",
            "--graceful-timeout",
            "10",
        ],
    )


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return
    command, rest = argv[0], argv[1:]
    if command == "serve":
        serve(rest)
        return
    _django_setup()
    from django.core.management import execute_from_command_line

    if command == "manage":
        execute_from_command_line(["sincerely", *rest])
        return
    from sincerely.terminal import CleanStream

    name = ALIASES.get(command, command.replace("-", "_"))
    # Our commands print data people typed: no control characters reach the terminal.
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = CleanStream(stdout), CleanStream(stderr, keep_cr=True)
    try:
        execute_from_command_line(["sincerely", name, *rest])
    finally:
        sys.stdout, sys.stderr = stdout, stderr


if __name__ == "__main__":
    main()
