"""Making packs: one for a dossier (in one or more formats), one per dossier of a folder, a meeting's over several
dossiers, a party's (the fraction pack) over a library.

Both faces call `make_pack`: the command line in its own process, the window with `isolated=True` from a
worker thread, so that rendering runs in a child process of its own (services/isolation.py): rendering a
large pack makes hundreds of thousands of short-lived objects in reference cycles (reportlab's
flowables), whose collection paused the window for up to half a second even from a worker thread.

Reading only: no pack changes a dossier. Files appear whole or not at all (export/write.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.domain.errors import DossierError, InvalidInput
from raadsdossier.export.build import PackOptions, build_pack, preview
from raadsdossier.export.write import FORMATS, check_target, write_pack
from raadsdossier.services.isolation import run_in_child
from raadsdossier.services.library import Library
from raadsdossier.storage.dossier import Dossier
from raadsdossier.storage.sqlitefile import SUFFIX

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PackResult:
    written: tuple[Path, ...]  # the files, in the order asked for
    included_items: int  # as Pack.included_items
    withheld_items: int  # as Pack.withheld_items


@dataclass(frozen=True)
class PackCounts:
    """What a choice of options means before the pack is made (the builder's own count)."""

    included_items: int
    withheld_items: int
    marking: str | None  # the marking on every page ("VERTROUWELIJK"), None for a public pack


def make_pack(dossier: Dossier, targets: Path | Sequence[Path], options: PackOptions,
              progress: Progress | None = None, isolated: bool = False) -> PackResult:
    """Build the pack of `dossier` once and write it to each target (format by suffix: .pdf, .docx).

    `progress(done, total)` runs as the files are written, over all targets together (from a worker
    thread when called from one). With `isolated` the work runs in a child process (see above) and
    this call blocks until it is done; any thread may call it. Raises InvalidInput for a bad target,
    NotFound for an unknown meeting or agenda item; in the child, isolation.ChildFailed with its sentence.
    """
    targets = _targets(targets)
    if isolated:
        return _in_child(dossier, targets, options, progress)
    with dossier.session() as session:
        pack = build_pack(session, options)
    return PackResult(_write_all(pack, targets, progress), pack.included_items, pack.withheld_items)


@dataclass(frozen=True)
class MeetingPackResult(PackResult):
    dossiers: tuple[str, ...] = ()  # the dossiers that have the meeting, as the pack names them
    missing: tuple[str, ...] = ()  # the dossiers given that do not (named in the pack too)
    withheld: tuple[str, ...] = ()  # the dossiers whose meeting is at a level left out (not named in the pack)


def make(dossiers: Sequence[Dossier], targets: Path | Sequence[Path], options: PackOptions,
         progress: Progress | None = None, isolated: bool = False) -> PackResult:
    """The user's action "make a pack" for the dossiers chosen: one dossier's pack (make_pack), or with several,
    the meeting's pack over them (make_meeting_pack). Both faces call this."""
    if len(dossiers) > 1:
        return make_meeting_pack(dossiers, targets, options, progress, isolated)
    if not dossiers:
        raise InvalidInput(None, "kies ten minste één dossier voor het stuk.")
    return make_pack(dossiers[0], targets, options, progress, isolated)


def counts(dossiers: Sequence[Dossier], options: PackOptions) -> PackCounts:
    """What `make` would put in for these dossiers and options, before it is made (any thread, reads only)."""
    return meeting_pack_counts(dossiers, options) if len(dossiers) > 1 else pack_counts(dossiers[0], options)


def make_meeting_pack(dossiers: Sequence[Dossier], targets: Path | Sequence[Path], options: PackOptions,
                      progress: Progress | None = None, isolated: bool = False) -> MeetingPackResult:
    """One pack for the meeting `options.meeting` over several dossiers (export/meeting.py), written to each
    target. A dossier without the meeting is named in the result, not an error; NotFound when none has it.
    Reads only. `progress` and `isolated` as for make_pack."""
    targets = _targets(targets)
    if not dossiers:
        raise InvalidInput(None, "kies ten minste één dossier voor het stuk.")
    _once_each(dossiers)
    if isolated:
        return run_in_child(_meeting_pack_in_child, [(str(d.path), d.password) for d in dossiers],
                            [str(t) for t in targets], options, progress=progress)
    from contextlib import ExitStack

    from raadsdossier.export.meeting import build_meeting_pack

    with ExitStack() as stack:
        sessions = [(d.path.stem, stack.enter_context(d.session())) for d in dossiers]
        content = build_meeting_pack(sessions, options)
    written = _write_all(content.pack, targets, progress)
    return MeetingPackResult(written, content.pack.included_items, content.pack.withheld_items,
                             content.dossiers, content.missing, content.withheld)


@dataclass(frozen=True)
class PartyPackResult(PackResult):
    party: str = ""  # the party as the pack names it
    dossiers: tuple[str, ...] = ()  # the dossiers with motions of the party in the pack
    without: tuple[str, ...] = ()  # the dossiers read without any at the levels chosen (named in the pack too)


def make_party_pack(library: Library, party: str, targets: Path | Sequence[Path], options: PackOptions,
                    progress: Progress | None = None, isolated: bool = False) -> PartyPackResult:
    """The fraction pack of `party` over the dossiers of `library` that could be read (export/party.py): its
    motions in full per dossier after a table of all of them, matched by the party's spellings as the tracker
    matches them, at the levels `options` includes. The library's skipped dossiers are not in it (the caller
    names them, from library.skipped). NotFound when no dossier has a motion of the party at those levels.
    Reads only. `progress` and `isolated` as for make_pack."""
    targets = _targets(targets)
    if not library.dossiers:
        raise InvalidInput(None, "geen enkel dossier van de bibliotheek kon worden gelezen; er valt geen stuk te maken.")
    opened = [(str(d.path), library.password_of(d.path)) for d in library.dossiers]
    names = library.party_names()
    if isolated:
        return run_in_child(_party_pack, opened, party, names, [str(t) for t in targets], options,
                            progress=progress)
    return _party_pack(opened, party, names, [str(t) for t in targets], options, progress)


def _party_pack(dossiers: list[tuple[str, str | None]], party: str, names, targets: list[str],
                         options: PackOptions, report) -> PartyPackResult:
    """Open the dossiers read-only (verify=False: the library has just read them) and make the fraction pack; here,
    or in a child process (make_party_pack with `isolated`)."""
    from contextlib import ExitStack

    from raadsdossier.export.party import build_party_pack

    with cyclic_gc_paused(), ExitStack() as stack:
        sessions = [(Path(path).stem, stack.enter_context(
            stack.enter_context(Dossier.open(Path(path), read_only=True, password=password, verify=False)).session()))
            for path, password in dossiers]
        content = build_party_pack(sessions, party, names, options)
    written = _write_all(content.pack, [Path(t) for t in targets], report)
    return PartyPackResult(written, content.pack.included_items, content.pack.withheld_items, content.party,
                           content.dossiers, content.without)


def _once_each(dossiers: Sequence[Dossier]) -> None:
    """InvalidInput naming the dossier given twice (by any path to the same file): its items would be printed twice."""
    seen: set[Path] = set()
    for dossier in dossiers:
        real = Path(dossier.path).resolve()
        if real in seen:
            raise InvalidInput(dossier.path, "dit dossier is twee keer gegeven; geef elk dossier één keer.")
        seen.add(real)


def _targets(targets: Path | Sequence[Path]) -> list[Path]:
    targets = [Path(targets)] if isinstance(targets, (str, Path)) else [Path(t) for t in targets]
    if not targets:
        raise InvalidInput(None, "kies ten minste één bestand (.pdf, .docx of .html) voor het stuk.")
    for target in targets:
        check_target(target)
    return targets


def _write_all(pack, targets: list[Path], progress: Progress | None) -> tuple[Path, ...]:
    """`pack` written to each target; `progress(done, total)` over all of them together."""
    written = []
    for index, target in enumerate(targets):
        step = (lambda done, total, i=index: progress(i * total + done, total * len(targets))) if progress else None
        written.append(write_pack(pack, target, step))
    return tuple(written)


def pack_counts(dossier: Dossier, options: PackOptions) -> PackCounts:
    """How many items a pack with `options` holds, and how many it leaves out for their level alone.

    Builds the pack's content (not its files) with the builder's own rules, so the figures are the pack's.
    Reads only; any thread.
    """
    # The window asks from a worker thread: with the collector running, a full collection over the loaded
    # items would pause the GUI thread too (it holds the GIL); the build makes few cycles to collect.
    with cyclic_gc_paused(), dossier.session() as session:
        pack = build_pack(session, options)
    return PackCounts(pack.included_items, pack.withheld_items, pack.marking)


def meeting_pack_counts(dossiers: Sequence[Dossier], options: PackOptions) -> PackCounts:
    """As pack_counts, for the meeting pack of `dossiers` (make_meeting_pack). Reads only; any thread."""
    from contextlib import ExitStack

    from raadsdossier.export.meeting import build_meeting_pack

    _once_each(dossiers)
    with cyclic_gc_paused(), ExitStack() as stack:
        content = build_meeting_pack([(d.path.stem, stack.enter_context(d.session())) for d in dossiers], options)
    return PackCounts(content.pack.included_items, content.pack.withheld_items, content.pack.marking)


def has_meeting(dossier: Dossier, reference: str) -> bool:
    """Whether `dossier` holds the meeting `reference` (its reference or id), as a meeting pack matches it."""
    from raadsdossier.export.meeting import find_meeting

    with dossier.session() as session:
        return find_meeting(session, reference) is not None


def pack_choices(dossier: Dossier) -> dict:
    """What the export dialog offers: export.build.preview of this dossier."""
    with dossier.session() as session:
        return preview(session)


def make_packs(directory: Path, out_dir: Path, options: PackOptions, formats: Sequence[str] = FORMATS,
               report: Callable[[str], None] | None = None,
               password: str | None = None) -> tuple[list[Path], list[str]]:
    """A pack per dossier in `directory`, in each format, into `out_dir`; (files written, problems per dossier).

    One bad dossier does not stop the batch; it is reported in the problems. Encrypted dossiers are
    opened with `password`; without one they are problems too.
    """
    directory, out_dir = Path(directory), Path(out_dir)
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise InvalidInput(None, f"onbekend formaat: {', '.join(unknown) or '(leeg)'}; kies pdf, docx en/of html.")
    if not directory.is_dir():
        raise InvalidInput(directory, "dit is geen map.")
    files = sorted(directory.glob(f"*{SUFFIX}"))
    if not files:
        raise InvalidInput(directory, f"in deze map staan geen dossiers (*{SUFFIX}).")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    problems: list[str] = []
    for path in files:
        try:
            with Dossier.open(path, read_only=True, password=password) as dossier:
                result = make_pack(dossier, [out_dir / f"{path.stem}.{fmt}" for fmt in formats], options)
        except DossierError as exc:
            problems.append(str(exc))
            continue
        written.extend(result.written)
        if report:
            for file in result.written:
                report(str(file))
    return written, problems


# -- in a child process ----------------------------------------------------------------------------

def _pack_in_child(path: str, password: str | None, targets: list[str], options: PackOptions, report) -> PackResult:
    """Runs in the child: open the dossier read-only and make the pack."""
    # verify=False: the window checked the file when it opened it; read_only takes no write lock.
    with Dossier.open(Path(path), read_only=True, password=password, verify=False) as dossier:
        return make_pack(dossier, [Path(t) for t in targets], options, report)


def _meeting_pack_in_child(dossiers: list[tuple[str, str | None]], targets: list[str], options: PackOptions,
                           report) -> MeetingPackResult:
    from contextlib import ExitStack

    with ExitStack() as stack:
        opened = [stack.enter_context(Dossier.open(Path(path), read_only=True, password=password, verify=False))
                  for path, password in dossiers]
        return make_meeting_pack(opened, [Path(t) for t in targets], options, report)


def _in_child(dossier: Dossier, targets: list[Path], options: PackOptions, progress: Progress | None) -> PackResult:
    # The password stays in memory: it travels to the child through the pipe that spawn uses.
    return run_in_child(_pack_in_child, str(dossier.path), dossier.password, [str(t) for t in targets], options,
                        progress=progress)
