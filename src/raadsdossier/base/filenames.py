"""A file name the user typed, and its extension: the dots in "raad 12.03.2025" are part of the name.

pathlib's `with_suffix` takes whatever follows a name's last dot for its extension and replaces it, so a pack
named "raad 12.03.2025" was written as "raad 12.03.pdf". Here only the extensions the caller names count.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def with_extension(path: Path | str, extension: str) -> Path:
    """`path` with `extension` (".pdf") at the end of its name: added, unless the name ends in it already in any
    case (then written as given: "raad.PDF" becomes "raad.pdf", never "raad.PDF.pdf")."""
    path = Path(path)
    name = path.name
    if name.lower().endswith(extension.lower()):
        name = name[:-len(extension)]
    return path.with_name(name + extension)


def without_extension(path: Path | str, extensions: Iterable[str]) -> Path:
    """`path` without the one of `extensions` its name ends in (any case); a name with none of them, or that is
    nothing but one ("…/.pdf"), is kept whole."""
    path = Path(path)
    for extension in extensions:
        if path.name.lower().endswith(extension.lower()) and len(path.name) > len(extension):
            return path.with_name(path.name[:-len(extension)])
    return path
