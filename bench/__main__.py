"""`make bench`: run every bench/bench_*.py (or those named) and print each figure.

Each module runs in its own process (a fresh database and Django setup) and prints its
lines; `python -m bench people timeline` runs only those, and options after the names go
to each of them (`python -m bench print --count 1000 --processes 2`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    split = next((i for i, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    names, options = argv[:split], argv[split:]
    names = names or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    failed = 0
    for name in names:
        print(f"== bench {name}", flush=True)
        command = [sys.executable, "-m", f"bench.bench_{name}", *options]
        rc = subprocess.call(command, cwd=HERE.parent)
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
