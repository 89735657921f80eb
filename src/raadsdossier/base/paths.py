"""Where the app finds the files it ships: resources/ and the db/ migrations."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/raadsdossier (this file is in base/)


def _shipped_dir(name: str) -> Path:
    """Return the directory `name` shipped with the app.

    An installed wheel carries it inside the package; a source checkout (and an
    editable install) has it at the top of the repository; a frozen build puts
    it next to the executable's bundle.
    """
    candidates = [_PACKAGE_DIR / name, _PACKAGE_DIR.parents[1] / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"De map '{name}' van Raadsdossier ontbreekt; is de installatie compleet?")


def resources_dir() -> Path:
    return _shipped_dir("resources")


def migrations_dir() -> Path:
    return _shipped_dir("db")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
