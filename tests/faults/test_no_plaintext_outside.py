"""Nothing confidential outside the file (issue 18): an encrypted dossier's text is readable nowhere on disk.

A distinctive word (new every run) goes into an encrypted dossier's partner name (the window's title), notes, a confidential note and an
attachment's text, and is used through the command line (encrypt, import, search, a backup, the backup list,
the check, an import killed half-way with SIGKILL, info after it) and the window (open with the password,
Ctrl+F, every hit in its read view, close: settings, recent files, backup).
Then every file the app could have written is read: the dossier, its -journal, its backups, the temporary
folder and the user's home with its data, config, cache and state folders (where the settings and recent
files live), all of which point into tmp_path. The word is in none of them, in UTF-8 or UTF-16, in any case.

The one plain file the test writes itself (the import's source: the user's own file) and the password
file are kept in a folder the scan leaves out. The control: a shorter run of the same steps on a dossier that
is not encrypted finds the word in the dossier file, its backup and the killed import's journal (and nowhere
else), so the scan does read what it says it reads.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from raadsdossier.storage import backups
from raadsdossier.storage.sqlitefile import journal_path

pytestmark = pytest.mark.faults

# Distinctive, and new every run: a hit can only come from this run.
WORD = f"Zwaluwstaartvlinder{uuid.uuid4().hex[:6]}"
PASSWORD = "vlinder-wachtwoord-18"
SECRET_TITLE = f"Vertrouwelijk gesprek over {WORD}"
SECRET_ID = str(uuid.uuid4())
PARTNER = f"Wuhan-{WORD}"  # in the dossier's name too, which the window shows in its title and tab


def _forms(word: str) -> dict[str, bytes]:
    """The word as the app, SQLite's full-text index or Qt could store it: as typed, lowercased (the index's
    tokens), uppercased; in UTF-8 and in UTF-16 (Qt's QString, SQLite's UTF-16 text)."""
    forms = {}
    for case, text in (("zoals getypt", word), ("kleine letters", word.lower()), ("hoofdletters", word.upper())):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            forms[f"{case}, {encoding}"] = text.encode(encoding)
    return forms


NEEDLES = _forms(WORD)


@dataclass
class Place:
    """Every folder the app may write in, inside tmp_path, and the environment that says so."""

    root: Path
    home: Path
    data: Path
    config: Path
    cache: Path
    state: Path
    runtime: Path
    temp: Path
    app_home: Path
    dossiers: Path  # the user's own folder of dossiers
    own: Path  # what the test writes itself (the password, the plain import sources): not scanned
    env: dict[str, str] = field(default_factory=dict)

    def cli(self, *args) -> subprocess.CompletedProcess:
        """`raadsdossier ARGS` in a subprocess with this environment; it must succeed."""
        result = subprocess.run([sys.executable, "-m", "raadsdossier", *map(str, args)], capture_output=True,
                                text=True, env=self.env, timeout=120)
        assert result.returncode == 0, f"{args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result

    def cli_together(self, *commands: tuple) -> list[subprocess.CompletedProcess]:
        """Commands that leave the dossier as it is, run side by side (each spends a while starting up)."""
        processes = [(args, subprocess.Popen([sys.executable, "-m", "raadsdossier", *map(str, args)],
                                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                             env=self.env)) for args in commands]
        results = []
        for args, process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, f"{args}: {process.returncode}\n{out}\n{err}"
            results.append(subprocess.CompletedProcess(args, process.returncode, out, err))
        return results


@pytest.fixture
def place(tmp_path, monkeypatch) -> Place:
    """HOME, the XDG folders, the runtime folder, TMPDIR (and tempfile's cached folder for this process) and
    RAADSDOSSIER_HOME all point into tmp_path, for the subprocesses and for the window in this process."""
    home = tmp_path / "thuis"
    data, config, cache, state = home / ".local" / "share", home / ".config", home / ".cache", home / ".local" / "state"
    runtime, temp = tmp_path / "runtime", tmp_path / "tmp"
    found = Place(root=tmp_path, home=home, data=data, config=config, cache=cache, state=state, runtime=runtime,
                  temp=temp, app_home=data / "Raadsdossier", dossiers=home / "Documenten",
                  own=tmp_path / "eigen")
    for folder in (home, data, config, cache, state, temp, found.dossiers, found.own):
        folder.mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700)
    # RAADSDOSSIER_HOME is where platformdirs puts the app's folder on Linux with this XDG_DATA_HOME; set
    # outright, it is also inside tmp_path where platformdirs ignores XDG (Windows, macOS).
    variables = {
        "HOME": home, "USERPROFILE": home, "XDG_DATA_HOME": data, "XDG_CONFIG_HOME": config,
        "XDG_CACHE_HOME": cache, "XDG_STATE_HOME": state, "XDG_RUNTIME_DIR": runtime,
        "TMPDIR": temp, "TEMP": temp, "TMP": temp, "SQLITE_TMPDIR": temp, "RAADSDOSSIER_HOME": found.app_home,
        "APPDATA": data, "LOCALAPPDATA": cache,
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    found.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return found


# -- the scan --------------------------------------------------------------------------------------------


@dataclass
class Scan:
    read: list[Path]  # every regular file that was read
    leaks: dict[Path, list[str]]  # file -> the forms of the word found in it

    def report(self) -> str:
        return "\n".join(f"  {path}: {', '.join(forms)}" for path, forms in sorted(self.leaks.items()))


def _found_in(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError:  # gone between the listing and the read (nothing of ours runs any more)
        return []
    return [name for name, needle in NEEDLES.items() if needle in data]


def scan(root: Path, leave_out: tuple[Path, ...] = ()) -> Scan:
    """Read every regular file under `root` (links not followed), except those under `leave_out`."""
    leave_out = tuple(p.resolve() for p in leave_out)
    read, leaks = [], {}
    for folder, subfolders, names in os.walk(root, followlinks=False):
        here = Path(folder).resolve()
        subfolders[:] = [s for s in subfolders if here / s not in leave_out]
        for name in names:
            path = here / name
            if path in leave_out:
                continue
            try:
                if not stat.S_ISREG(os.lstat(path).st_mode):
                    continue  # sockets, fifos and links in the runtime folder
            except OSError:
                continue
            read.append(path)
            if forms := _found_in(path):
                leaks[path] = forms
    return Scan(read, leaks)


def escaped_since(started: float) -> dict[Path, list[str]]:
    """Files directly in the system's shared temporary folders, changed since `started`, that hold the word:
    something that writes to /tmp by name rather than through TMPDIR. (Other programs' files there are read,
    but cannot hold this run's word.)"""
    leaks = {}
    for folder in {Path("/tmp"), Path("/var/tmp")}:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime >= started - 1:
                    if forms := _found_in(Path(entry.path)):
                        leaks[Path(entry.path)] = forms
            except OSError:
                continue
    return leaks


# -- the steps -------------------------------------------------------------------------------------------


# The notes' ids: the same in every import, so that a later import changes the pages that hold the word.
NOTE_IDS = [str(uuid.uuid4()) for _ in range(20)]


def _notes(path: Path, count: int, confidential: bool = False, changed: bool = False, more: int = 0) -> Path:
    """An interchange file of the first `count` notes (told again, with other words, when `changed`), the
    confidential one, and `more` new notes; every one names the word."""
    told = "werd opnieuw gezien bij de haven" if changed else "werd gezien bij het stadhuis"
    notes = [{"id": NOTE_IDS[number], "title": f"Notitie {number} over de {WORD}", "body": f"De {WORD} {told}. " * 3}
             for number in range(count)]
    if confidential:
        notes.append({"id": SECRET_ID, "title": SECRET_TITLE, "confidentiality": "confidential",
                      "body": f"Alleen voor de fractie: de {WORD} en wie erover sprak."})
    notes += [{"id": str(uuid.uuid4()), "title": f"Nog een notitie over de {WORD}", "body": f"De {WORD}. " * 2}
              for _ in range(more)]
    path.write_text(json.dumps({"format": "raadsdossier/1", "notes": notes}), encoding="utf-8")
    return path


def _attachment(path: Path) -> Path:
    """A file to keep as an attachment: its text is stored beside it, for search and the read view."""
    path.write_text(f"<html><body><h1>Verslag</h1><p>Gezien: de {WORD}, bij de haven.</p></body></html>",
                    encoding="utf-8")
    return path


def _kill_an_import_half_way(place: Place, dossier: Path, count: int, *password_args, until=None) -> bool:
    """Start an import that changes the `count` notes there are and adds many, and SIGKILL it while it writes:
    once its rollback journal has grown past its first pages (it then holds the old text of pages that named
    the word), or once `until(journal bytes)` says so. Returns whether it was killed while writing (False: it
    ended first)."""
    source = _notes(place.own / "veel.json", count, confidential=True, changed=True, more=600)
    process = subprocess.Popen([sys.executable, "-m", "raadsdossier", "import", dossier, source, *password_args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=place.env)
    journal = journal_path(dossier)
    deadline = time.monotonic() + 60
    first = None
    try:
        while process.poll() is None and time.monotonic() < deadline:
            try:
                data = journal.read_bytes() if until else None
                size = journal.stat().st_size
            except FileNotFoundError:
                size = None
            if size:  # not before SQLite has written the journal's first pages
                first = size if first is None else first
                if until(data) if until else size > first:
                    process.send_signal(signal.SIGKILL)
                    return True
            time.sleep(0.001)
        return False
    finally:
        process.kill()
        process.communicate(timeout=30)


def _search_in_window(window, qtbot, text: str) -> None:
    """Ctrl+F and type `text`, as a user does; wait for the results."""
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.box, text)
    qtbot.waitUntil(lambda: window.search.is_open() and not window.search.timer.isActive(), timeout=5000)


def _use_in_window(place: Place, dossier: Path, password: str | None, qtbot, monkeypatch) -> None:
    """Open the dossier in the window (answering its password), search for the word, read the hit and the
    confidential note, and close the window so that its settings, recent files and backup are written."""
    from PySide6.QtCore import Qt

    from raadsdossier.gui import prompts, search_panel, tasks
    from raadsdossier.gui.mainwindow import MainWindow
    from raadsdossier.gui.workspace import Settings

    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    asked = []
    monkeypatch.setattr(prompts, "ask_password", lambda parent, title, text, *, wrong=False, can_remember=False:
                        asked.append(title) or (password, False))
    settings = Settings()
    assert settings.path.is_relative_to(place.app_home)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    try:
        view = window.open_path(dossier)
        assert view is not None and view.dossier.encrypted == (password is not None)
        assert PARTNER in window.windowTitle() and PARTNER in view.title
        assert bool(asked) == (password is not None)
        _search_in_window(window, qtbot, WORD)
        panel = window.search
        hits = [panel.results.item(row).data(search_panel.HIT_ROLE) for row in range(panel.results.count())]
        assert SECRET_TITLE in panel.hit_titles() and "attachment" in {hit.kind for hit in hits}, panel.hit_titles()
        qtbot.keyClick(panel.box, Qt.Key.Key_Return)  # Enter opens the first hit, as a user does
        assert not panel.is_open()
        for hit in hits:  # and each in its read view: the notes, the confidential one, the attachment's text
            assert view.open_item(hit.item_id), hit
            section = view.current_section()
            if hit.kind != "partnership":  # the partnership opens on the Overzicht, which has no read view
                assert WORD in section.reading_text(), hit
    finally:
        window.close()


def _temp_store_is_memory(dossier: Path, password: str) -> None:
    """SQLite writes the temporary tables of a large sort or index build to a file in TMPDIR that it unlinks
    at once (no scan after the fact can see it). For an encrypted dossier they must stay in memory."""
    from raadsdossier.storage.dossier import Dossier

    with Dossier.open(dossier, password=password, read_only=True) as opened, opened.connection() as connection:
        setting = connection.execute("PRAGMA temp_store").fetchone()[0]  # 0 default, 1 file, 2 memory
        built = {row[0] for row in connection.execute("PRAGMA compile_options")}
    default_memory = "TEMP_STORE=2" in built or "TEMP_STORE=3" in built
    assert setting == 2 or (setting == 0 and default_memory) or "TEMP_STORE=3" in built, (setting, built)


# -- the tests -------------------------------------------------------------------------------------------


def test_an_encrypted_dossier_leaves_its_text_nowhere_in_plain(place, qtbot, monkeypatch, messages):
    started = time.time()
    dossier = place.dossiers / "stedenband.raadsdossier"
    secret = place.own / "wachtwoord.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    pw = ("--password-file", secret)

    # On the command line: a new dossier, encrypted, filled, searched, counted, backed up, listed, checked.
    place.cli("new", dossier, "--dutch-side", "Arnhem", "--level", "municipality", "--partner", PARTNER)
    assert "versleuteld" in place.cli("encrypt", dossier, "--new-password-file", secret).stdout
    place.cli("import", dossier, _notes(place.own / "notities.json", 20, confidential=True),
              _attachment(place.own / "verslag.html"), *pw)
    found, made = place.cli_together(("search", dossier, WORD, "--include", "confidential", *pw),
                                     ("backup", dossier, *pw))
    assert WORD in found.stdout and SECRET_TITLE in found.stdout
    manual = Path(made.stdout.strip())
    listing, _checked = place.cli_together(("backups", dossier, *pw), ("check", dossier, *pw))
    assert "handmatig" in listing.stdout and "kan niet" not in listing.stdout

    # An import killed while it writes leaves its journal (and its lock, in TMPDIR too): unreadable as well.
    assert _kill_an_import_half_way(place, dossier, 20, *pw), "the import ended before it could be killed"
    at_the_kill = scan(place.root, leave_out=(place.own,))
    assert journal_path(dossier).resolve() in at_the_kill.read
    assert any(path.is_relative_to(place.temp.resolve()) for path in at_the_kill.read)  # the subprocess used TMPDIR
    assert not at_the_kill.leaks, f"{WORD} readable after a killed import:\n{at_the_kill.report()}"
    info = place.cli("info", dossier, *pw).stdout  # opens again: all that was there, nothing of the killed import
    assert "notities: 21" in info, info

    # The window: open, search, read, close.
    _use_in_window(place, dossier, PASSWORD, qtbot, monkeypatch)
    _temp_store_is_memory(dossier, PASSWORD)

    # Everything under tmp_path but the test's own plain files.
    found_all = scan(place.root, leave_out=(place.own,))
    read = set(found_all.read)
    assert dossier.resolve() in read
    kept = [b.path.resolve() for b in backups.list_backups(dossier)]
    assert manual.resolve() in kept and set(kept) <= read
    settings = place.app_home / "instellingen.json"
    assert settings.resolve() in read
    assert str(dossier.resolve()) in json.loads(settings.read_text(encoding="utf-8"))["recent_files"]
    assert not found_all.leaks, f"{WORD} readable outside the encrypted dossier:\n{found_all.report()}"
    assert not escaped_since(started), escaped_since(started)
    assert not [m for m in messages if m[0] in ("warning", "critical")], messages


def test_control_the_scan_finds_the_word_in_a_dossier_that_is_not_encrypted(place, qtbot, monkeypatch, messages):
    dossier = place.dossiers / "open.raadsdossier"
    place.cli("new", dossier, "--dutch-side", "Arnhem", "--level", "municipality", "--partner", PARTNER)
    place.cli("import", dossier, _notes(place.own / "notities.json", 5, confidential=True),
              _attachment(place.own / "verslag.html"))
    manual = Path(place.cli("backup", dossier).stdout.strip()).resolve()
    needles = tuple(NEEDLES.values())
    assert _kill_an_import_half_way(place, dossier, 5, until=lambda data: any(n in data for n in needles)), \
        "the import ended before its journal held the word"
    at_the_kill = scan(place.dossiers)
    assert journal_path(dossier).resolve() in at_the_kill.leaks  # the journal holds the old pages, in plain
    _use_in_window(place, dossier, None, qtbot, monkeypatch)

    found_all = scan(place.root, leave_out=(place.own,))
    assert dossier.resolve() in found_all.leaks and manual in found_all.leaks
    assert "kleine letters, utf-8" in found_all.leaks[dossier.resolve()]  # the search index's tokens
    kept = {b.path.resolve() for b in backups.list_backups(dossier)}
    assert not found_all.leaks.keys() - {dossier.resolve(), *kept}, found_all.report()
    assert not [m for m in messages if m[0] in ("warning", "critical")], messages
