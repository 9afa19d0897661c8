"""Reply extraction: exact and acceptable rates on the client corpus, and its throughput.

The corpus is `tests/messaging/data/replies/<family>/<case>.eml` with the expected new
text beside it (`<case>.txt`); `split.json` names the families held out from tuning.
Exact: the same text once trailing spaces and runs of blank lines are evened out.
Acceptable: every expected line is there, in order, with at most 2 extra lines of at most
80 characters in all (a leftover sign-off, a stray marker): a reader loses nothing.
Throughput: replies per second through parse + extraction, beside the ceiling of only
parsing the MIME and decoding the body (what any extraction must do first).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sincerely.settings")
os.environ.setdefault("SINCERELY_DATABASE_URL", "sqlite:///:memory:")

import django  # noqa: E402

django.setup()

from bench.common import Result  # noqa: E402
from sincerely.messaging.replies import new_text_of  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "tests/messaging/data/replies"


def load() -> list[dict]:
    held_out = set(json.loads((CORPUS / "split.json").read_text())["held_out"])
    cases = []
    for eml in sorted(CORPUS.glob("*/*.eml")):
        family = eml.parent.name
        cases.append(
            {
                "family": family,
                "case": eml.stem,
                "raw": eml.read_bytes(),
                "expected": eml.with_suffix(".txt").read_text(encoding="utf-8"),
                "held_out": family in held_out,
            }
        )
    return cases


def normalise(text: str) -> list[str]:
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n")))
    return text.strip().split("\n")


def grade(got: str, expected: str) -> str:
    """ "exact", "acceptable" or "wrong" (see the module docstring)."""
    got_lines, want = normalise(got), normalise(expected)
    if got_lines == want:
        return "exact"
    want_text = [line for line in want if line.strip()]
    got_text = [line for line in got_lines if line.strip()]
    position, extra = 0, []
    for line in got_text:
        if position < len(want_text) and line.strip() == want_text[position].strip():
            position += 1
        else:
            extra.append(line)
    if position == len(want_text) and len(extra) <= 2 and sum(map(len, extra)) <= 80:
        return "acceptable"
    return "wrong"


def _previous(parsed) -> str:
    """The extractor before this change (main at 051fc33), for the "today" figure."""
    import nh3

    part = parsed.get_body(("plain", "html"))
    if part is None:
        return ""
    content = str(part.get_content())
    if part.get_content_type() == "text/html":
        content = re.sub(r"<\s*(?:br|/p|/div)\b[^>]*>", "\n", content, flags=re.I)
        content = nh3.clean(content, tags=set())
    headers = [
        re.compile(r"^\s*On\b.{0,300}\bwrote:\s*$", re.I | re.S),
        re.compile(r"^\s*Le\b.{0,300}\ba [ée]crit\s*:\s*$", re.I | re.S),
        re.compile(
            r"^\s*-{2,}\s*(?:Original Message|Message d'origine|Message original)\s*-{2,}", re.I
        ),
        re.compile(r"^\s*(?:From|De)\s*:\s.+", re.I),
        re.compile(r"^_{20,}\s*$"),
    ]
    signatures = [
        re.compile(r"^-- ?$"),
        re.compile(r"^(?:Sent from my|Envoy[ée] de mon|Get Outlook for)\b", re.I),
    ]
    lines = content.replace("\r\n", "\n").split("\n")
    kept = []
    for i, line in enumerate(lines):
        if any(p.match(line) for p in signatures):
            break
        two = line + " " + (lines[i + 1] if i + 1 < len(lines) else "")
        if headers[0].match(line) or headers[1].match(line):
            break
        if line.strip().lower().startswith(("on ", "le ")) and (
            headers[0].match(two) or headers[1].match(two)
        ):
            break
        if any(p.match(line) for p in headers[2:]):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def _body(parsed) -> str:
    part = parsed.get_body(("plain", "html"))
    return str(part.get_content()) if part is not None else ""


def _libraries() -> dict:
    """Maintained extractors on PyPI, measured when installed (none is a dependency)."""
    out = {}
    try:
        from email_reply_parser import EmailReplyParser

        out["email-reply-parser"] = lambda parsed: EmailReplyParser.parse_reply(_body(parsed))
    except ImportError:
        pass
    try:
        from mailparser_reply import EmailReplyParser as MPR

        languages = ["en", "de", "fr", "es", "nl", "it", "pt"]
        out["mail-parser-reply"] = lambda parsed: MPR(languages=languages).parse_reply(
            text=_body(parsed)
        )
    except ImportError:
        pass
    try:
        import quotequail

        def quotequail_reply(parsed) -> str:
            found = quotequail.unwrap(_body(parsed)) or {}
            return found.get("text_top") or found.get("text") or _body(parsed)

        out["quotequail"] = quotequail_reply
    except ImportError:
        pass
    return out


def score(cases: list[dict], extract) -> dict:
    out = {}
    for held in (True, False):
        chosen = [c for c in cases if c["held_out"] is held]
        grades = []
        for case in chosen:
            parsed = message_from_bytes(case["raw"], policy=policy.default)
            try:
                got = extract(parsed)
            except Exception:  # noqa: BLE001 - a library failing on a case scores "wrong"
                got = ""
            grades.append(grade(got, case["expected"]))
            case.setdefault("grades", {})[extract] = grades[-1]
        n = len(grades) or 1
        families = len({c["family"] for c in chosen})
        out["held-out" if held else "tune"] = (
            grades.count("exact") / n,
            (grades.count("exact") + grades.count("acceptable")) / n,
            len(grades),
            families,
        )
    return out


def throughput(cases: list[dict], seconds: float = 3.0) -> tuple[float, float]:
    raws = [c["raw"] for c in cases]

    def rate(work) -> float:
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for raw in raws:
                work(message_from_bytes(raw, policy=policy.default))
            done += len(raws)
        return done / (time.perf_counter() - start)

    ceiling = rate(_body)
    ours = rate(new_text_of)
    return ours, ceiling


def main() -> int:
    cases = load()
    rows = {"ours": new_text_of, "previous (main 051fc33)": _previous} | _libraries()
    for name, extract in rows.items():
        for split, (exact, ok, n, families) in score(cases, extract).items():
            verdict = ""
            if name == "ours" and split == "held-out":
                verdict = f"  (target ≥ 90%: {'meets' if ok >= 0.9 else 'BELOW'})"
            print(
                f"replies {name}, {split} ({n} replies, {families} families): "
                f"exact {exact:.0%}, exact or acceptable {ok:.0%}{verdict}"
            )
    wrong = [c for c in cases if c["grades"][new_text_of] == "wrong"]
    for case in wrong:
        split = "held-out" if case["held_out"] else "tune"
        print(f"  ours wrong ({split}): {case['family']}/{case['case']}")
    ours, ceiling = throughput(cases)
    print(
        Result(
            "reply extraction (parse + extract) vs parsing the MIME only",
            ours,
            ceiling,
            "replies/s",
            note=f"{len(cases)} corpus replies, looped 3 s each",
        ).line()
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
