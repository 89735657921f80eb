"""`raadsdossier --selftest`: does this installation work? Every step uses the real code paths.

The steps run in order in a fresh temporary folder (the user's own data folder is never
touched). Each prints one line: what it did, OK or FOUT, and how long it took. A failing
step prints its reason, not a traceback, and the remaining steps still run; the exit
status is 0 only when every step passed.

A step is a function decorated with `@step("omschrijving")` that takes the `Context` and
returns a short description of what it did; it fails by raising (use `check`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from raadsdossier.base.paths import resource

FIXTURE = ("selftest", "kst-26643-1344.xml")  # a real KOOP motion; provenance in resources/selftest/README.md


class StepFailed(Exception):
    """A check in a step did not hold; the message is the reason shown after FOUT."""


def check(condition: object, reason: str) -> None:
    if not condition:
        raise StepFailed(reason)


@dataclass
class Context:
    """What steps share: the temporary folder and the dossier the first step makes."""

    folder: Path
    dossier_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.dossier_path = self.folder / "zelftest.raadsdossier"


@dataclass(frozen=True)
class Step:
    description: str
    run: Callable[[Context], str]


STEPS: list[Step] = []


def step(description: str):
    """Register a step; steps run in the order they are defined."""
    def register(function: Callable[[Context], str]) -> Callable[[Context], str]:
        STEPS.append(Step(description, function))
        return function
    return register


def _open(ctx: Context, read_only: bool = False):
    from raadsdossier.services.dossiers import opened

    check(ctx.dossier_path.exists(), "er is geen dossier (de eerste stap is mislukt)")
    return opened(ctx.dossier_path, read_only=read_only)


@step("dossier maken")
def create_dossier(ctx: Context) -> str:
    from raadsdossier.storage import migrations
    from raadsdossier.services import dossiers
    from raadsdossier.domain.enums import Level, PartnershipStatus

    dossiers.create_dossier(ctx.dossier_path, dossiers.PartnershipFields(
        dutch_side="Zelftest", level=Level.MUNICIPALITY, partner_name="Dalian", partner_native_name="大连",
        since="1998", status=PartnershipStatus.ACTIVE,
    ))
    with _open(ctx, read_only=True) as dossier:
        info = dossiers.dossier_info(dossier)
    check(info.partnership and info.partnership["partner_native_name"] == "大连", "de stedenband is niet goed opgeslagen")
    return f"{ctx.dossier_path.name}, schema {migrations.head_revision()}"


NOTE_ID = "5e1f7e57-0000-4000-8000-000000000001"


@step("notitie opslaan en teruglezen")
def write_note(ctx: Context) -> str:
    from raadsdossier.services import edits, lists

    body = "Voorzitter, de stedenband met Dalian (大连) …"
    with _open(ctx) as dossier:
        edits.save_item(dossier, "notes", {"id": NOTE_ID, "title": "Zelftest-notitie", "kind": "speaking_notes",
                                           "body": body})
    with _open(ctx, read_only=True) as dossier:
        _kind, data = lists.get(dossier, NOTE_ID)
    check(data.get("body") == body, "de notitie kwam anders terug dan ze was opgeslagen")
    return "1 notitie"


@step("bestand importeren")
def import_fixture(ctx: Context) -> str:
    from raadsdossier.importers import formats
    from raadsdossier.services.importing import import_files

    source = resource(*FIXTURE)
    check(source.is_file(), f"het voorbeeldbestand {source} ontbreekt")
    known = [f.name for f in formats()]
    with _open(ctx) as dossier:
        result = import_files(dossier, [source])
    fmt, report = result.files[0].format, result.report
    check(fmt == "koop-xml", f"{source.name} werd herkend als {fmt}, niet als koop-xml")
    check(report.added.get("motions"), f"er is geen motie toegevoegd ({report.summary_nl()})")
    return f"{source.name} ({fmt}; {len(known)} importformaten geladen): {report.summary_nl()}"


@step("zoeken")
def search(ctx: Context) -> str:
    from raadsdossier.services.dossiers import search as search_dossier

    with _open(ctx, read_only=True) as dossier:
        motions = [hit for hit in search_dossier(dossier, "export-logo") if hit.kind == "motion"]
        notes = [hit for hit in search_dossier(dossier, "voorzitter") if hit.kind == "note"]
    check(motions, "de geïmporteerde motie wordt niet gevonden op 'export-logo'")
    check(notes, "de notitie wordt niet gevonden op 'voorzitter'")
    return "'export-logo' vindt de motie, 'voorzitter' de notitie"


def _pack(ctx: Context, suffix: str) -> Path:
    from raadsdossier.export.build import PackOptions
    from raadsdossier.services.packs import make_pack

    target = ctx.folder / f"zelftest.{suffix}"
    with _open(ctx, read_only=True) as dossier:
        make_pack(dossier, target, PackOptions(author="Zelftest"))
    check(target.is_file() and target.stat().st_size > 0, f"{target.name} is niet geschreven")
    return target


@step("PDF-stuk maken")
def pdf_pack(ctx: Context) -> str:
    target = _pack(ctx, "pdf")
    data = target.read_bytes()
    check(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], f"{target.name} is geen volledige PDF")
    from pypdf import PdfReader

    reader = PdfReader(target)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    check("Dalian" in text, f"{target.name} noemt de stedenband niet")
    root = reader.trailer["/Root"]  # tagged for screen readers (export/pdf_tags.py, pikepdf in the bundle)
    check("/StructTreeRoot" in root and root.get("/Lang") == "nl-NL", f"{target.name} is niet toegankelijk (geen tags)")
    return f"{target.name}, {len(data) // 1024} KB"


@step("DOCX-stuk maken")
def docx_pack(ctx: Context) -> str:
    target = _pack(ctx, "docx")
    with zipfile.ZipFile(target) as archive:
        check(archive.testzip() is None, f"{target.name} is beschadigd")
        text = archive.read("word/document.xml").decode("utf-8")
    check("Dalian" in text, f"{target.name} noemt de stedenband niet")
    return f"{target.name}, {target.stat().st_size // 1024} KB"


@step("reservekopie maken en controleren")
def backup(ctx: Context) -> str:
    from raadsdossier.storage import backups

    with _open(ctx) as dossier:
        made = dossier.backup("manual")
    backups.verify(made)
    counts = backups.item_counts(made)
    check(counts.get("note") == 1, f"de reservekopie mist de notitie ({counts})")
    check(backups.list_backups(ctx.dossier_path)[0].path == made, "de reservekopie staat niet in de lijst")
    return f"{made.name}: {sum(counts.values())} items, integriteit in orde"


@step("versleuteld dossier maken en openen")
def encrypted_dossier(ctx: Context) -> str:
    from raadsdossier.storage import backups
    from raadsdossier.services import dossiers
    from raadsdossier.domain.enums import Level
    from raadsdossier.domain.errors import WrongPassword
    from raadsdossier.storage.dossier import Dossier

    path, password, name = ctx.folder / "versleuteld.raadsdossier", "zelftest-wachtwoord", "Zelftest-Geheim"
    dossiers.create_dossier(path, dossiers.PartnershipFields(dutch_side=name, level=Level.PROVINCE,
                                                             partner_name="Liaoning"), password=password)
    with Dossier.open(path, password=password) as dossier:
        made = dossier.backup("manual")
        check(dossiers.dossier_info(dossier).partnership["dutch_side"] == name, "de stedenband is niet teruggelezen")
    for written in (path, made):
        data = written.read_bytes()
        check(not data.startswith(b"SQLite format 3") and name.encode() not in data,
              f"{written.name} is niet versleuteld")
    try:
        Dossier.open(path, password="fout-wachtwoord").close()
        check(False, "een verkeerd wachtwoord opende het dossier")
    except WrongPassword:
        pass
    check(backups.item_counts(made, password) == {}, "de versleutelde reservekopie kan niet worden gelezen")
    return f"{path.name} en zijn reservekopie versleuteld (SQLCipher), verkeerd wachtwoord geweigerd"


@step("programmavenster openen")
def main_window(ctx: Context) -> str:
    from raadsdossier.cli.launch import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from raadsdossier.gui import workspace
    from raadsdossier.gui.app import build_window, install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    english = QTranslator()
    check(english.load(str(resource("translations", "raadsdossier_en.qm"))) and not english.isEmpty(),
          "de Engelse vertaling (raadsdossier_en.qm) ontbreekt of is leeg")
    installed = install_translations(app, "nl")
    check(installed, "Qt's eigen Nederlandse vertaling (qtbase_nl.qm) ontbreekt")
    settings = workspace.Settings(ctx.folder / "instellingen.json")
    window = build_window([ctx.dossier_path], settings)
    try:
        window.show()
        app.processEvents()
        check(len(window.views()) == 1, "het dossier is niet als tabblad geopend")
        check("Droid Sans Fallback" in QFontDatabase.families(), "het lettertype voor Chinese tekens is niet geladen")
        from raadsdossier.gui import icons

        icons._qtawesome()  # what the window loads on a worker thread after its first screen, now
        check(not icons.kind_icon("motion").isNull(), "de pictogrammen (qtawesome en zijn lettertypen) ontbreken")
        check(window.findChild(type(window.toolbar), "main-toolbar") is not None, "de werkbalk ontbreekt")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        for translator in installed:
            app.removeTranslator(translator)
    return f"1 tabblad, platform {app.platformName()}, vertalingen, lettertypen en pictogrammen geladen"


def _reason(exc: BaseException) -> str:
    from raadsdossier.domain.errors import DossierError

    if isinstance(exc, (StepFailed, DossierError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def run(steps: list[Step] | None = None, out=None) -> int:
    """Run the steps in a temporary folder; 0 when all passed, 1 otherwise."""
    steps = STEPS if steps is None else steps
    out = out or sys.stdout
    from raadsdossier import __version__

    print(f"Zelftest van Raadsdossier {__version__} ({'gebundeld' if getattr(sys, 'frozen', False) else 'Python'}"
          f" {sys.version.split()[0]}, {sys.platform})", file=out, flush=True)
    folder = Path(tempfile.mkdtemp(prefix="raadsdossier-zelftest-"))
    saved_home = os.environ.get("RAADSDOSSIER_HOME")
    os.environ["RAADSDOSSIER_HOME"] = str(folder / "gegevens")  # never the user's own settings and dossiers
    failed = 0
    started = time.perf_counter()
    try:
        ctx = Context(folder)
        width = max(len(s.description) for s in steps) if steps else 0
        for number, each in enumerate(steps, 1):
            begin = time.perf_counter()
            try:
                detail, status = each.run(ctx), "OK"
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next step runs
                detail, status = _reason(exc), "FOUT"
                failed += 1
            seconds = time.perf_counter() - begin
            print(f"{number:2}. {each.description:<{width}}  {status:<4} {seconds:6.2f} s  {detail}", file=out, flush=True)
    finally:
        if saved_home is None:
            os.environ.pop("RAADSDOSSIER_HOME", None)
        else:
            os.environ["RAADSDOSSIER_HOME"] = saved_home
        shutil.rmtree(folder, ignore_errors=True)
    total = time.perf_counter() - started
    if failed:
        print(f"Zelftest MISLUKT: {failed} van {len(steps)} stappen fout ({total:.1f} s).", file=out, flush=True)
        return 1
    print(f"Zelftest geslaagd: {len(steps)} stappen in {total:.1f} s.", file=out, flush=True)
    return 0
