"""Import formats: a registry that `raadsdossier import` and the GUI share.

Every format reads a file into an interchange document (see raadsdossier.interchange),
so one loader checks and writes them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from raadsdossier.domain.errors import InvalidInput


@dataclass(frozen=True)
class ImportFormat:
    name: str
    description: str  # Dutch, shown in `--help` and the GUI's file dialog
    suffixes: tuple[str, ...]
    detect: Callable[[Path, bytes], bool]  # (path, first 4 KiB, as UTF-8 when UTF-16/32) -> is this format?
    read: Callable[[Path], dict]  # -> interchange document; InvalidInput on bad input
    # Detection asks formats in this order: specific formats low, catch-alls (any text or PDF
    # as an attachment) high, so that a catch-all never takes a file a specific format knows.
    priority: int = 50
    # A format whose reading depends on the dossier it reads into (a directory CSV takes the row of
    # the dossier's partnership) is called as read(path, partnership={"id", "dutch_side", …} or None).
    wants_partnership: bool = False


_REGISTRY: dict[str, ImportFormat] = {}


def register(fmt: ImportFormat) -> ImportFormat:
    _REGISTRY[fmt.name] = fmt
    return fmt


def formats() -> list[ImportFormat]:
    _load_builtin()
    return list(_REGISTRY.values())


def get_format(name: str) -> ImportFormat:
    _load_builtin()
    if name not in _REGISTRY:
        known = ", ".join(sorted(_REGISTRY))
        raise InvalidInput(None, f"onbekend importformaat '{name}'; bekend zijn: auto, {known}.")
    return _REGISTRY[name]


def detect_format(path: Path) -> ImportFormat:
    """The registered format that recognises `path`; InvalidInput naming the file when none does."""
    from raadsdossier.storage.files import head_as_utf8, read_head

    _load_builtin()
    # A text format in UTF-16 or UTF-32 with its byte order mark (as Notepad and Excel save "Unicode") is told
    # by its text like one in UTF-8; the formats' readers decode it as well.
    head = head_as_utf8(read_head(path))
    if not head.strip():  # a download or a save that did not happen: not an unknown format, nor an attachment
        raise InvalidInput(path, "het bestand is leeg; er is niets te importeren.")
    for fmt in sorted(_REGISTRY.values(), key=lambda f: (f.priority, f.name)):
        if fmt.detect(path, head):
            return fmt
    if (broken := _broken_json_or_xml(path, head)) is not None:
        raise broken
    known = ", ".join(f.name for f in _REGISTRY.values())
    raise InvalidInput(path, f"het formaat van dit bestand is niet herkend (bekende formaten: {known}).")


# A file no format recognised is parsed whole to say where it breaks only up to this size: a download cut off
# before a format's signs (in its first few kilobytes) is small; a larger one is JSON or XML of another kind.
_PARSED_TO_EXPLAIN = 16 * 1024 * 1024


def _broken_json_or_xml(path: Path, head: bytes) -> InvalidInput | None:
    """For a file no format recognised that starts as JSON or XML but does not parse (a download cut off before
    the signs the formats look for): the sentence a format's reader gives, "geen geldige JSON op regel 16, kolom
    19: …", instead of "niet herkend"; None for anything else, which is then of no format we know."""
    import json

    from raadsdossier.importers._xml import read_xml
    from raadsdossier.storage.files import json_problem, read_text

    start = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")[:1]
    if start not in ("{", "[", "<") or path.stat().st_size > _PARSED_TO_EXPLAIN:
        return None
    try:
        if start == "<":
            read_xml(path)
        else:
            json.loads(read_text(path, _PARSED_TO_EXPLAIN, "JSON"))
    except json.JSONDecodeError as exc:
        return json_problem(path, exc)
    except InvalidInput as exc:  # the XML reader's "geen geldige XML (regel 2, kolom 1): …", or not UTF-8
        return exc
    except RecursionError:  # nested too deep to parse here: of no format we know either way
        return None
    return None


def read_source(path: Path, format_name: str = "auto", partnership: dict | None = None) -> tuple[ImportFormat, dict]:
    """Read `path` in the named (or detected) format; `partnership` is the dossier's, as dossier_info gives it."""
    fmt = detect_format(path) if format_name == "auto" else get_format(format_name)
    try:
        document = fmt.read(path, partnership=partnership) if fmt.wants_partnership else fmt.read(path)
        mend_lone_surrogates(document)
    except RecursionError:  # a hostile file nested thousands of levels deep
        raise InvalidInput(path, "het bestand is te diep genest om veilig te lezen; er is niets geïmporteerd.") from None
    except MemoryError:
        raise InvalidInput(path, "het bestand is te groot om te lezen; er is niets geïmporteerd.") from None
    return fmt, document


# Half of a UTF-16 pair with no other half: JSON can write one ("\ud83d", an emoji cut in two by a server
# that shortened a title), but it is no character, and the dossier (UTF-8) cannot store it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def mend_lone_surrogates(document: dict) -> None:
    """Replace every lone surrogate in the strings (and keys) of `document` by U+FFFD, as a browser shows it,
    and add a warning to its report that says how many and where; a document without any is left as it is.
    Changes `document` in place."""
    count, samples = 0, []

    def mend(text: str) -> str:
        nonlocal count
        first = None if text.isascii() else _SURROGATE.search(text)
        if first is None:
            return text
        mended, found = _SURROGATE.subn("\ufffd", text)
        count += found
        if not samples:
            samples.append(mended[max(0, first.start() - 30):first.start() + 30])
        return mended

    def walk(value):
        if isinstance(value, str):
            return mend(value)
        if isinstance(value, list):
            for index, item in enumerate(value):
                value[index] = walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                value[key] = walk(item)  # the same keys: allowed while iterating
            if not all(key.isascii() for key in value):
                pairs = [(mend(key), item) for key, item in value.items()]
                value.clear()
                value.update(pairs)
        return value

    walk(document)
    if count:
        what = ("een losse helft van een tekenpaar (\\ud800-\\udfff, bijvoorbeeld van een afgebroken emoji) is geen "
                "teken en is vervangen door '\ufffd'" if count == 1 else
                f"{count} losse helften van tekenparen (\\ud800-\\udfff, bijvoorbeeld van afgebroken emoji) zijn "
                "geen tekens en zijn vervangen door '\ufffd'")
        document.setdefault("report", {}).setdefault("warnings", []).append(f"{what}, in '…{samples[0]}…'.")


def _load_builtin() -> None:
    """Import every module of this package: each format module registers itself when imported
    (importing twice is a no-op, so this works whichever module a caller imported first)."""
    import importlib
    import pkgutil

    import raadsdossier.importers as package

    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{module.name}")
