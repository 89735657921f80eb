"""The demo dossiers, built from resources/demo/ (every item names the source document it rests on).

The app ships them built as well (resources/demo/dossiers/, made by scripts/build_demo_dossiers.py),
so that a first start copies four files instead of importing the data layer and building them; the
copies are used only while their manifest matches the demo documents and the current schema, and
a test holds them equal to a fresh build.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

from raadsdossier.storage import migrations
from raadsdossier.domain.errors import DossierFileError, StorageFull
from raadsdossier.storage.files import os_reason
from raadsdossier.storage.sqlitefile import SUFFIX
from raadsdossier.base.paths import resource

SHARED = "national.json"
PREBUILT = "dossiers"  # resources/demo/dossiers/: the built demo dossiers and their manifest
MANIFEST = "manifest.json"


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


def sources_digest() -> str:
    """sha256 of the demo documents: the built dossiers are current only for exactly these."""
    import hashlib  # here and in _sha256: a first start copies the built dossiers before it checks them

    digest = hashlib.sha256()
    for path in sorted(resource("demo").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def prebuilt(check: bool = True) -> dict[str, Path] | None:
    """Slug -> the shipped, built demo dossier, or None when they are missing or not current (another
    schema revision, other demo documents, or a file that is not the one the manifest names).

    With `check` false only the manifest is read (and the files it names found): whether they are current is
    then for a later `prebuilt()` to say.
    """
    folder = resource("demo", PREBUILT)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = {slug: folder / f"{slug}{SUFFIX}" for slug in manifest["files"]}
        if not check:
            return files if all(path.is_file() for path in files.values()) else None
        if manifest.get("revision") != migrations.head_revision() or manifest.get("sources") != sources_digest():
            return None
        # The documents' names, not their contents: sources_digest above has compared every byte of those.
        if sorted(files) != sorted(path.stem for path in resource("demo").glob("*.json") if path.name != SHARED):
            return None
        if any(_sha256(path) != manifest["files"][slug] for slug, path in files.items()):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files


def _make_dir(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DossierFileError(directory, f"de map kan niet worden aangemaakt ({os_reason(exc)}).") from exc


def _copy_new(source: Path, target: Path) -> None:
    """Copy `source` to the new file `target`: whole or not at all (a hidden temporary, fsynced, renamed)."""
    temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        with source.open("rb") as reading, temporary.open("wb") as writing:
            writing.write(reading.read())
            writing.flush()
            os.fsync(writing.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        error = StorageFull if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) else DossierFileError
        raise error(target, f"het voorbeelddossier kon niet worden geschreven ({os_reason(exc)}); "
                            "er is niets veranderd.") from exc


def copy_prebuilt(directory: Path, check: bool = True) -> list[Path] | None:
    """The demo dossiers in `directory`, the missing ones copied from the built ones; None (and nothing
    written) when the built ones are not current, so that `write_demo_dossiers` has to build them.

    With `check` false they are copied without checking that they are current (see `prebuilt`): the caller
    checks later and removes the copies it made if they were not.
    """
    files = prebuilt(check)
    if files is None:
        return None
    directory = Path(directory)
    _make_dir(directory)
    targets = []
    for slug, source in sorted(files.items()):
        target = directory / f"{slug}{SUFFIX}"
        if not target.exists():
            _copy_new(source, target)
        targets.append(target)
    return targets


def write_demo_dossiers(directory: Path, use_prebuilt: bool = True) -> list[Path]:
    """Write every demo dossier into `directory` (created if missing); existing files are kept.

    Copies the shipped built dossiers when they are current (`use_prebuilt`), else builds each
    from its document. Returns the files written.
    """
    directory = Path(directory)
    _make_dir(directory)
    missing = {slug: document for slug, document in demo_documents().items()
               if not (directory / f"{slug}{SUFFIX}").exists()}
    if use_prebuilt and missing and copy_prebuilt(directory) is not None:
        return [directory / f"{slug}{SUFFIX}" for slug in sorted(missing)]
    from raadsdossier.services.dossiers import create_from_document

    written = []
    for slug, document in missing.items():
        target = directory / f"{slug}{SUFFIX}"
        create_from_document(target, document, f"demo/{slug}.json")
        written.append(target)
    return written
