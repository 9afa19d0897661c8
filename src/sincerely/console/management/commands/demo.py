"""`sincerely demo`: migrate, load the demo company once, then run web, worker and mail catcher."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

from sincerely.demo.load import PASSWORD, is_loaded, load_demo


class Command(BaseCommand):
    help = "Load demo data (once) and start the app, the worker and a local SMTP catcher."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="only load the data")
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--smtp-port", type=int, default=2525)

    def handle(self, *args, no_serve: bool, bind: str, smtp_port: int, **options):
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
            self.stderr.write("a demo process stopped; shutting down the others")
        except KeyboardInterrupt:
            pass
        stop()
