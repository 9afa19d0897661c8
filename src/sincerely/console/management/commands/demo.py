"""`sincerely demo`: migrate, load the demo company once, then run web, worker and mail catcher."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from sincerely.demo.load import PASSWORD, is_loaded, load_demo


class Command(BaseCommand):
    help = "Load demo data (once) and start the app, the worker and a local SMTP catcher."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="only load the data")
        parser.add_argument("--bind", default=os.environ.get("SINCERELY_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--smtp-port",
            type=int,
            default=int(os.environ.get("SINCERELY_CATCHER_PORT", "2525")),
        )

    def handle(self, *args, no_serve: bool, bind: str, smtp_port: int, **options):
        if not no_serve:
            # Before the minute of loading: a taken port would only show up as a child's traceback.
            check_free(bind, "the web app", "--bind 127.0.0.1:8001", "SINCERELY_BIND")
            check_free(
                f"127.0.0.1:{smtp_port}",
                "the mail catcher",
                "--smtp-port 2527",
                "SINCERELY_CATCHER_PORT",
            )
        call_command("migrate", "--noinput", verbosity=0)
        if is_loaded():
            self.stdout.write("demo data already loaded")
        else:
            self.stdout.write("loading the demo company (takes a minute)…")
            load_demo(self.stdout)
        if no_serve:
            return
        env = dict(os.environ)
        env.setdefault("SINCERELY_SMTP_URL", f"smtp://127.0.0.1:{smtp_port}")
        env.setdefault("SINCERELY_BASE_URL", f"http://{bind}")
        env["SINCERELY_DATA_DIR"] = str(settings.DATA_DIR)
        exe = [sys.executable, "-m", "sincerely.cli"]
        commands = [[*exe, "serve", "--bind", bind], [*exe, "worker", "--processes", "2"]]
        if "catcher" in get_commands():
            commands.append([*exe, "catcher", "--port", str(smtp_port)])
        children = [
            subprocess.Popen(cmd, env=env, start_new_session=True)  # noqa: S603 - our own commands
            for cmd in commands
        ]
        time.sleep(2)
        self.stdout.write(
            "\n"
            f"  Sincerely is running at http://{bind}/\n"
            f"  Sign in as admin / {PASSWORD}  (also marie = marketer, sam = sales,\n"
            f"  aisha = author, sven = support; same password)\n"
            f"  Mail goes to the local catcher on 127.0.0.1:{smtp_port}; read it in the console.\n"
            "  Press Ctrl-C to stop.\n"
        )

        def stop(*_):
            for child in children:
                if child.poll() is None:
                    os.killpg(child.pid, signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(child.pid, signal.SIGKILL)
            sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(child.poll() is None for child in children):
                time.sleep(1)
        except KeyboardInterrupt:
            stop()
        stopped = next(" ".join(c.args[3:]) for c in children if c.poll() is not None)
        stop_others = [c for c in children if c.poll() is None]
        for child in stop_others:
            os.killpg(child.pid, signal.SIGTERM)
        for child in stop_others:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
        raise CommandError(f"the demo's `{stopped}` stopped; the others were shut down")


def check_free(address: str, what: str, example: str, variable: str) -> None:
    """Refuse to start when HOST:PORT is taken, naming it and how to choose another."""
    host, _, port_text = address.rpartition(":")
    try:
        port = int(port_text)
    except ValueError:
        raise CommandError(f"{address} is not HOST:PORT") from None
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As gunicorn and aiosmtpd do: a port in TIME_WAIT is free, a listening one is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host or "127.0.0.1", port))
        except OSError:
            raise CommandError(
                f"port {port} on {host or '127.0.0.1'} is already in use, so {what} cannot "
                f"start. Stop what uses it, or choose another port: `sincerely demo {example}` "
                f"or {variable}={example.split()[-1]} make demo."
            ) from None
