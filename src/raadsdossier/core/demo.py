"""The demo dossiers, built from resources/demo/ (every item names the source document it rests on)."""

from __future__ import annotations

import json
from pathlib import Path

from raadsdossier.core.errors import DossierFileError
from raadsdossier.core.services import create_from_document
from raadsdossier.paths import resource

SHARED = "national.json"


def demo_documents() -> dict[str, dict]:
    """Slug -> interchange document: each dossier file merged with the shared national items."""
    folder = resource("demo")
    shared = json.loads((folder / SHARED).read_text(encoding="utf-8"))
    documents = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == SHARED:
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        for key, value in shared.items():
            if isinstance(value, list):
                document[key] = (document.get(key) or []) + value
        documents[path.stem] = document
    return documents


def write_demo_dossiers(directory: Path) -> list[Path]:
    """Write every demo dossier into `directory` (created if missing); existing files are kept."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DossierFileError(directory, f"de map kan niet worden aangemaakt ({exc.strerror}).") from exc
    written = []
    for slug, document in demo_documents().items():
        target = directory / f"{slug}.raadsdossier"
        if target.exists():
            continue
        create_from_document(target, document, f"demo/{slug}.json")
        written.append(target)
    return written
