"""`qa-text`: the name the issue tracker uses for `questions-text`, kept as an alias for `--format`.

The same parser (raadsdossier.importers.question_text) under a second name. Detection never
reports it, so automatic detection keeps naming the format `questions-text`; `--format qa-text`
reads the file exactly as `--format questions-text` does, with the same ids.
"""

from __future__ import annotations

from pathlib import Path

from raadsdossier.importers import ImportFormat, register
from raadsdossier.importers.question_text import FORMAT_SPEC as QUESTIONS_TEXT


def _never(path: Path, head: bytes) -> bool:
    return False  # only when named: two formats recognising the same files would make detection arbitrary


FORMAT_SPEC = register(ImportFormat(
    name="qa-text",
    description=f"{QUESTIONS_TEXT.description} (andere naam voor {QUESTIONS_TEXT.name})",
    suffixes=QUESTIONS_TEXT.suffixes,
    detect=_never,
    read=QUESTIONS_TEXT.read,
    priority=60,
))
