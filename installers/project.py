"""Name and version of the app, read from pyproject.toml: the one place they are written.

Used by the PyInstaller spec and by installers/windows/make_iss_version.py (and the tests).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

APP_NAME = "Raadsdossier"  # shown to users (Start menu, window title); the package is `raadsdossier`
APP_ID = "nl.raadsdossier.Raadsdossier"  # reverse-DNS id of the desktop entry and AppStream metadata


def project() -> dict:
    with PYPROJECT.open("rb") as handle:
        return tomllib.load(handle)["project"]


def name() -> str:
    return project()["name"]


def version() -> str:
    return project()["version"]


def dependency_names() -> set[str]:
    """The distribution names in [project].dependencies, normalised (PEP 503)."""
    names = set()
    for requirement in project().get("dependencies", []):
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        if match:
            names.add(re.sub(r"[-_.]+", "-", match.group(1)).lower())
    return names


def windows_version(text: str | None = None) -> str:
    """A four-part numeric version for Windows (VersionInfoVersion): 0.1.0 -> 0.1.0.0, 1.2.0rc1 -> 1.2.0.0."""
    parts = re.findall(r"\d+", (text or version()).split("+")[0])[:3]
    parts += ["0"] * (4 - len(parts))
    return ".".join(parts[:4])
