"""What the command line prints can never drive the terminal.

A dossier holds text from imports: a title can carry ESC sequences that colour the terminal or rename its
window, a CR or BS that overwrites what was printed before it, or a bidirectional override that shows
the line in another order than it is stored. Every command's output goes through `SafeStream`, which
writes such characters as the escape `\\uXXXX`: readable in a terminal, and the same escape JSON itself
uses, so a JSON answer stays valid JSON and reads back to the stored text. Line breaks and tabs are
kept: they lay out what the commands print.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional marks and overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """`text` with every character that a terminal would act on written as `\\uXXXX`."""
    return UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) if UNSAFE.search(text) else text


class NoOutput(Exception):
    """Standard output is closed (`… >&-`: Python then has None for it): there is nowhere to write the answer."""


class SafeStream:
    """A text stream that writes through `safe`; everything else is the wrapped stream's. With no stream (a
    closed standard output or error), writing to standard output raises NoOutput, and to standard error is
    dropped: there is nowhere to say it."""

    def __init__(self, stream, is_output: bool = True) -> None:
        self._stream = stream
        self._is_output = is_output

    def write(self, text: str) -> int:
        if self._stream is None:
            if self._is_output:
                raise NoOutput()
            return len(text)
        self._stream.write(safe(text))
        return len(text)

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """Standard output and standard error through `SafeStream` for the duration."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(saved[0]), SafeStream(saved[1], is_output=False)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
