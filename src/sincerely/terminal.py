"""What `sincerely` commands print reaches a terminal clean: no control characters from data.

Names, titles and addresses are typed by people outside; printed raw, an escape sequence
in one could rewrite the terminal (clear it, retitle it, fake a line) and a bidirectional
override could reorder what staff read. Every subcommand's stdout and stderr go through
`CleanStream`, which drops C0 and C1 controls (keeping newline and tab, and the carriage
return on stderr that progress lines use), DEL, and the Unicode bidi controls.
"""

from __future__ import annotations

import re
from typing import TextIO

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROLS}\r]")
_UNSAFE_KEEP_CR = re.compile(f"[{_CONTROLS}]")


def clean(text: str, *, keep_cr: bool = False) -> str:
    return (_UNSAFE_KEEP_CR if keep_cr else _UNSAFE).sub("", text)


class CleanStream:
    """A text stream that writes through to another with control characters removed."""

    def __init__(self, stream: TextIO, *, keep_cr: bool = False) -> None:
        self._stream = stream
        self._keep_cr = keep_cr

    def write(self, text: str) -> int:
        self._stream.write(clean(text, keep_cr=self._keep_cr))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)
