"""Importing files into a dossier: read each in its format, check it all, then add it in one transaction.

`import_files` is the one import both faces use: `raadsdossier import` and the window's import dialog
(a dry run first, to show what would happen, then the import itself from what the dry run read). Its
result says per file what was added and updated, why a file could not be read, or that a file was
recognised but held nothing to import (`nothing_to_import`): the three outcomes `import` gives its
exit statuses 0, 1 and 3 by (docs/imports.md).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.domain import kinds
from raadsdossier.domain.errors import DossierError, StorageFull
from raadsdossier.importers import read_source
from raadsdossier.interchange.load import ImportReport, apply_document
from raadsdossier.services.changes import Change
from raadsdossier.services.isolation import run_in_child
from raadsdossier.storage import glance
from raadsdossier.storage.dossier import Dossier
from raadsdossier.base.sizes import MB, megabytes

# An import of at least this many items is "large": a backup is made before it, so that it can be
# undone by restoring even after the program closed.
LARGE_IMPORT = 100
# With `isolated`, a file at least this big is read in a child process (services/isolation.py): parsing
# it is one long C call that holds the GIL (0.4 s for a 60 MB OData page) and would freeze the window.
# A smaller one is read at once: starting a child costs more than it saves.
READ_APART = 2 * 1024 * 1024

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, the file at hand)
Source = Path | tuple[str, dict]  # a file, or a document already read (a pasted text) with its name


@dataclass(frozen=True)
class FileResult:
    name: str  # the file (or what stands for it, such as "geplakte tekst")
    report: ImportReport | None  # what it adds and updates; None when it could not be read or applied
    error: DossierError | None = None  # why not, naming the file
    format: str | None = None  # the import format it was read in ("koop-xml"); None for a document given

    @property
    def nothing_to_import(self) -> bool:
        """Read and recognised, but holding nothing to import: it adds, updates and links nothing, and holds
        no item the dossier already has as it gives it. What it holds instead is in its report's `skipped`,
        where the formats count what they do not import ("250 Vergaderingen — vergaderingen van de Tweede
        Kamer worden niet geïmporteerd")."""
        report = self.report
        return self.error is None and report is not None and not any(
            sum(counter.values()) for counter in (report.added, report.updated, report.unchanged, report.linked))

    @property
    def nothing_text(self) -> str | None:
        """The sentence that says so, naming the file, what it holds and why that is not imported (both
        faces show it); None when the file has something to import or could not be read."""
        if not self.nothing_to_import:
            return None
        held = counted(self.report.skipped) or "geen items"
        recognised = f"herkend als {self.format}, maar het bestand bevat" if self.format else "het bevat"
        return f"{self.name}: niets te importeren: {recognised} {held}."


@dataclass(frozen=True)
class ImportResult:
    files: tuple[FileResult, ...]
    report: ImportReport  # all files together
    change: Change  # what the import changed (empty for a dry run)
    dry_run: bool
    documents: tuple[tuple[str, dict], ...] = field(default=(), repr=False)  # as read, for `import_files` again

    @property
    def errors(self) -> list[DossierError]:
        return [file.error for file in self.files if file.error is not None]

    @property
    def nothing_to_import(self) -> bool:
        """Every file was read and recognised, and none held anything to import (`raadsdossier import`
        exits with 3, docs/imports.md); each file's `nothing_text` says what it holds."""
        return bool(self.files) and all(file.nothing_to_import for file in self.files)

    @property
    def nothing_texts(self) -> list[str]:
        """For each file that held nothing to import, the sentence that says what it holds and why."""
        return [file.nothing_text for file in self.files if file.nothing_to_import]


def counted(counter) -> str:
    """"3 moties, 250 Activiteiten — …": a report's counts, a collection key as its kind's plural, any other
    key in the words the format gave it; "" for none."""
    order = {kind.key: index for index, kind in enumerate(kinds.KINDS)}
    return ", ".join(kinds.by_key(key).count_text(n) if key in kinds.BY_KEY else f"{n} {key}"
                     for key, n in sorted(counter.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
                     if n)


def import_size(documents: Sequence[tuple[str, dict]]) -> int:
    """How many items the documents hold (the top-level lists of each interchange document)."""
    return sum(len(value) for _name, document in documents for value in document.values() if isinstance(value, list))


def _partnership(dossier: Dossier) -> dict | None:
    """The dossier's partnership as the formats that read into it want it ({"id", "dutch_side", …}): the
    same facts `info` gives."""
    with dossier.connection() as connection:
        return glance.partnership_summary(connection)


def import_files(dossier: Dossier, sources: Sequence[Source] | ImportResult, format_name: str = "auto",
                 dry_run: bool = False, progress: Progress | None = None, isolated: bool = False) -> ImportResult:
    """Read `sources` (files in `format_name`, "auto" to recognise each) and add their items to `dossier`.

    With `dry_run` nothing is kept: the result says per file what would be added and updated, or why the
    file cannot be imported, and keeps the documents read, so that passing that result back as `sources`
    imports them without reading the files again. A real import is all or nothing: the first file that
    cannot be read or applied raises its DossierError and nothing is written. A large import is preceded
    by a backup. Any thread may call this; `progress` is called from that thread. With `isolated` (the
    window) a large file is read in a child process, so that reading it never holds up the caller's
    other threads.
    """
    if isinstance(sources, ImportResult):
        if sources.errors and not dry_run:  # all or nothing: not the files of a dry run that could be read
            raise sources.errors[0]
        documents, read_errors = list(sources.documents), []
        formats = {file.name: file.format for file in sources.files}
        steps = len(documents)
    else:
        steps = 2 * len(sources)
        documents, formats, read_errors = _read(dossier, sources, format_name, dry_run, progress, steps, isolated)
    if read_errors and not dry_run:
        raise read_errors[0].error
    done = steps - len(documents)
    backup_first = not dry_run and import_size(documents) >= LARGE_IMPORT
    if not dry_run:
        _check_room(dossier, documents, backup_first)
    if backup_first:
        dossier.backup("import")
    files: list[FileResult] = []
    total = ImportReport()
    session_cm = dossier.session() if dry_run else dossier.transaction()
    with cyclic_gc_paused(), session_cm as session:  # the ORM's objects for thousands of items
        for name, document in documents:
            if progress:
                progress(done, steps, name)
            try:
                report = apply_document(session, document, name)
            except DossierError as exc:
                if not dry_run:
                    raise
                files.append(FileResult(name, None, exc, formats.get(name)))  # nothing written yet: go on
            else:
                files.append(FileResult(name, report, None, formats.get(name)))
                total.merge(report)
            done += 1
        if dry_run:
            session.rollback()
    if progress:
        progress(steps, steps, "")
    order = {name: index for index, name in enumerate(_names(sources))}
    files = sorted([*read_errors, *files], key=lambda f: order.get(f.name, len(order)))
    change = Change() if dry_run else Change.from_report(total)
    return ImportResult(tuple(files), total, change, dry_run, tuple(documents))


def _check_room(dossier: Dossier, documents: Sequence[tuple[str, dict]], backup_first: bool) -> None:
    """StorageFull, before anything is written, when the disk has clearly too little room for the import:
    the backup made first (as big as the dossier), the new data with its indexes and the rollback journal
    (taken as three times the documents' text) and a megabyte to spare. A disk that fills anyway is still
    rolled back (storage/dossier.py); this only spares the user a long wait for that."""
    size = sum(_text_size(document) for _name, document in documents)
    needed = 3 * size + MB + (dossier.path.stat().st_size if backup_first else 0)
    free = shutil.disk_usage(dossier.path.parent).free
    if free < needed:
        raise StorageFull(dossier.path, f"er is te weinig ruimte op de schijf om dit te importeren: nog "
                                        f"{megabytes(free)} vrij, nodig is ongeveer {megabytes(needed)} "
                                        f"({'een reservekopie vooraf, ' if backup_first else ''}de nieuwe gegevens en "
                                        "hun indexen); er is niets veranderd.", reason="de schijf is (bijna) vol")


def _text_size(value) -> int:
    """About the size of `value` as JSON, without writing it out (an attachment's base64 can be 267 MB)."""
    if isinstance(value, str):
        return len(value) + 2
    if isinstance(value, dict):
        return sum(len(key) + 4 + _text_size(item) for key, item in value.items())
    if isinstance(value, list):
        return sum(_text_size(item) + 1 for item in value)
    return 8


def _names(sources) -> list[str]:
    if isinstance(sources, ImportResult):
        return [file.name for file in sources.files]
    return [str(source) if isinstance(source, Path) else source[0] for source in sources]


def _read_file(path: Path, format_name: str, partnership: dict | None, _report=None) -> tuple[str, dict]:
    """(the format's name, the document) of one file; module-level, so that a child process can run it."""
    fmt, document = read_source(path, format_name, partnership)
    return fmt.name, document


def _read(dossier: Dossier, sources: Sequence[Source], format_name: str, dry_run: bool, progress: Progress | None,
          steps: int, isolated: bool) -> tuple[list[tuple[str, dict]], dict[str, str], list[FileResult]]:
    """(documents read, the format each file was read in, a result for each file that could not be read)."""
    documents, formats, errors = [], {}, []
    partnership = None
    for index, source in enumerate(sources):
        if not isinstance(source, Path):
            documents.append((source[0], source[1]))
            continue
        if progress:
            progress(index, steps, str(source))
        if partnership is None:
            partnership = _partnership(dossier) or {}
        try:
            if isolated and _size(source) >= READ_APART:
                fmt, document = run_in_child(_read_file, source, format_name, partnership or None)
            else:
                fmt, document = _read_file(source, format_name, partnership or None)
        except DossierError as exc:
            errors.append(FileResult(str(source), None, exc))
            if not dry_run:
                break  # the import stops at the first bad file: no need to read the others
        else:
            documents.append((str(source), document))
            formats[str(source)] = fmt
    return documents, formats, errors


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read at once: reading says what is wrong with it
