"""Temporary files beside the file they will become, named so that a later run can tell a leftover from work
under way.

A file is written under a hidden temporary name in its own folder and renamed into place when whole, so a
crash never leaves half a file under the real name. What a crash does leave is the temporary file. Its name
says which computer and which process wrote it (`.arnhem.pdf.3f2a-41234-9c0d1e.tmp`), so the next run
removes the ones whose process has ended at once, and any other after an hour; a file another program is
writing right now is never touched.
"""

from __future__ import annotations

import os
import re
import socket
import time
import uuid
import zlib
from pathlib import Path

STALE_AFTER = 3600  # seconds: a temporary file this old is a leftover, whoever wrote it
_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<host>[0-9a-f]{4})-(?P<pid>\d+)-[0-9a-f]{6}\.tmp(?:-journal)?$")
_ANY = re.compile(r"^\..+\.tmp(?:-journal)?$")  # older names without the writer in them: only the age rule


def _host() -> str:
    return f"{zlib.crc32(socket.gethostname().encode('utf-8', 'replace')) & 0xFFFF:04x}"


# A name longer than this (in bytes) is shortened in its temporary's name: a valid name of 255 bytes, the most
# file systems allow, would otherwise give a temporary name that is too long, and a write that fails for it.
_LONGEST = 150


def short_name(name: str) -> str:
    """`name` as it stands in its temporaries' names: itself, or when long its first 100 bytes and a checksum of
    the whole ("yyyy…yyy~3f2a41c0"), so that the temporaries of one file still share a prefix. A temporary's own
    name keeps its end and has its target shortened: a temporary of a temporary (export/pdf_tags.py) then still
    starts with "..{short name}." and stays under 255 bytes."""
    found = _NAME.match(name)
    if found:
        return f".{short_name(found['target'])}{name[1 + len(found['target']):]}"
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) <= _LONGEST:
        return name
    head = encoded[:100].decode("utf-8", "ignore")  # never half a character
    return f"{head}~{zlib.crc32(encoded) & 0xFFFFFFFF:08x}"


def beside(target: Path) -> Path:
    """A new hidden temporary name in `target`'s folder, naming this computer and this process."""
    target = Path(target)
    return target.with_name(f".{short_name(target.name)}.{_host()}-{os.getpid()}-{uuid.uuid4().hex[:6]}.tmp")


def _ended(pid: int) -> bool:
    """Whether the process `pid` of this computer no longer runs (never guessed where it cannot be asked)."""
    if os.name != "posix":
        return False  # os.kill(pid, 0) would signal the process on Windows: only the age rule there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


def is_leftover(path: Path, now: float | None = None) -> bool:
    """Whether the temporary file at `path` was left by a program that ended (or is older than an hour)."""
    if not _ANY.match(path.name):
        return False
    found = _NAME.match(path.name)
    if found and found["host"] == _host() and int(found["pid"]) != os.getpid() and _ended(int(found["pid"])):
        return True
    try:
        return (now or time.time()) - path.stat().st_mtime > STALE_AFTER
    except OSError:
        return False


def remove_leftovers(folder: Path, target_name: str | None = None) -> list[Path]:
    """Remove the leftover temporary files in `folder` (only those of `target_name`, when given, and those of its
    temporary files, which a step that rewrites one makes: export/pdf_tags.py); returns them. A folder that
    cannot be read or written is left as it is: this is tidying, never a reason to fail."""
    removed = []
    short = short_name(target_name) if target_name else None
    prefixes = (f".{short}.", f"..{short}.") if short else (".",)
    try:
        candidates = [entry for entry in Path(folder).iterdir() if entry.name.startswith(prefixes)]
    except OSError:
        return removed
    now = time.time()
    for candidate in candidates:
        if is_leftover(candidate, now):
            try:
                candidate.unlink()
                removed.append(candidate)
            except OSError:
                pass
    return removed
