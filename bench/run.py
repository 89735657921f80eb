"""Speed at scale: every figure of issue 7, each against a baseline measured in the same run.

Usage: .venv/bin/python bench/run.py [--sizes 1000,10000,100000] [--runs N] [--quick] [--only open,search,...]

For each size N a deterministic dossier is built once by bench/generate.py and cached in bench/.cache.
Each figure is the median of --runs runs (search: median and p95 of 100 queries). The table is printed
with PASS/MISS per target and everything is written to bench/results.json. --quick: sizes 1000,10000
and fewer runs, to check the script itself.

What is measured, and against what:
- open: Dossier.open + the dossier's tab in the real MainWindow (offscreen) until the first screen is
  painted; then each section of the navigator shown and painted in turn (the slowest is reported).
- search: raadsdossier.services.dossiers.search for 100 queries of 1–3 words drawn from the text's own
  word frequencies (last word a prefix, as typed), each the median of --runs passes, against the
  bare sqlite3 FTS5 query on the same table (MATCH, ORDER BY rank, LIMIT 50, one snippet).
- motions: the Moties section's Qt model (gui.models.ItemTableModel): reload, sort by every sortable
  column both ways, filter by a word.
- pack: bench/pack.py on the 1,000-item dossier (PDF, DOCX, bare reportlab), in a fresh process.
- meeting_pack: bench/meeting_pack.py, one meeting pack over 4 dossiers of 1,000 items against the sum of
  their 4 single meeting packs (PDF), in a fresh process.
- import: bench/odata_import.py, 10,000 OData Stemming rows, in a fresh process.
- tracker: bench/tracker.py, the motion tracker over a library of 20 dossiers of 10,000 items: the library read
  and every motion listed, then filtered by party and by overdue follow-up, against each dossier opened
  read-only with its motions counted in one query; in a fresh process.
- long_text: bench/long_text.py, `raadsdossier pack` (PDF, DOCX) of a demo dossier with three fields of
  a million characters (a title without a space, a paragraph, a note with paragraph breaks).
- memory: peak RSS (VmHWM) of a fresh process with the largest dossier open in the window and every
  section shown once, against a bare PySide6 window.
- start: a fresh process until the main window is shown with a tab per demo dossier and the current
  one's first screen (its Overzicht) filled in, with RAADSDOSSIER_HOME in a new temporary folder (the
  demo dossiers are written on first start; "restart" is the second start, which reopens them),
  against a bare PySide6 window; also until "ready": every dossier opened for editing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import generate  # noqa: E402
from pack import timed as median_time  # noqa: E402  (the median of `runs` timings of fn())

RESULTS = HERE / "results.json"


# -- helpers ---------------------------------------------------------------------

def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def dossier_path(items: int) -> Path:
    """The cached dossier of `items` items, built in a child process so its memory is not ours."""
    out = subprocess.run([sys.executable, str(HERE / "generate.py"), "--cached", str(items)], check=True,
                         capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def at_head(path: Path) -> None:
    """Bring a copied dossier to the newest schema, as opening it in the app does (the cached dossiers
    keep the schema of the code that built them; the figures are for the current schema's indexes)."""
    from raadsdossier.storage.dossier import Dossier

    Dossier.open(path).close()


def queries(count: int = 100, seed: int = 7) -> list[str]:
    """1–3 words as a user types them: drawn from the generated text's own vocabulary by frequency."""
    rng = random.Random(seed)
    return [" ".join(generate.content_word(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))) for _ in range(count)]


def rss_kb() -> dict:
    status = Path("/proc/self/status").read_text()
    values = {}
    for line in status.splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            values[line.split(":")[0]] = int(line.split()[1])
    return values


# -- in-process GUI measurements ---------------------------------------------------

def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _as_started_app() -> None:
    """Leave the cyclic collector as the app leaves it once its window is up (gui/app.py calls
    gc.freeze()): what start-up made is out of the collector's full passes. Collected first, so no
    garbage of an earlier measurement is frozen. The dossier measured is opened after this, so its
    objects and everything the measurement makes are still collected as in the app."""
    import gc

    gc.collect()
    gc.freeze()


def _settle(app, widget, view=None) -> None:
    """Process what showing queued until the shown section has its data (the overview reads it on a
    worker thread), and paint now: the screen is then really on screen, with its content."""
    app.processEvents()
    section = view.current_section() if view is not None else None
    deadline = time.perf_counter() + 60
    while section is not None and getattr(section, "data", True) is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    widget.repaint()
    app.processEvents()


def _window(home: Path):
    os.environ["RAADSDOSSIER_HOME"] = str(home)
    from raadsdossier.gui.app import install_fonts
    from raadsdossier.gui import workspace
    from raadsdossier.gui.mainwindow import MainWindow

    app = _app()
    install_fonts()
    window = MainWindow(workspace.Settings())
    window.resize(1280, 800)
    window.show()
    _settle(app, window)
    return app, window


def measure_open(path: Path, runs: int, home: Path) -> dict:
    """Open the dossier as a tab until its first screen is painted; then show every section once."""
    app, window = _window(home)
    opens, slowest, per_section = [], [], {}
    for _ in range(runs):
        start = time.perf_counter()
        view = window.open_path(path, remember=False)
        _settle(app, window, view)
        opens.append(time.perf_counter() - start)
        times = {}
        for key in view.section_keys():
            start = time.perf_counter()
            view.show_section(key)
            _settle(app, window, view)
            times[key] = time.perf_counter() - start
        slowest.append(max(times.values()))
        for key, value in times.items():
            per_section.setdefault(key, []).append(value)
        window.close_tab(window.tabs.indexOf(view))
        app.processEvents()
    window.close()
    sections = {key: statistics.median(values) for key, values in per_section.items()}
    return {"open_s": statistics.median(opens), "slowest_section_s": statistics.median(slowest),
            "slowest_section": max(sections, key=sections.get), "all_sections_s": sum(sections.values()),
            "sections_s": sections}


def measure_motions(path: Path, runs: int) -> dict:
    """The Moties list through the model the GUI uses: load, sort by each sortable column, filter."""
    from raadsdossier.storage.dossier import Dossier
    from raadsdossier.gui.models import ItemTableModel
    from PySide6.QtCore import Qt

    _app()
    columns = _motion_columns()
    words = [q.split()[0] for q in queries(20, seed=11)]
    _as_started_app()
    with Dossier.open(path, read_only=True) as dossier:
        model = ItemTableModel(dossier, "motions", columns)
        list_s = median_time(model.reload, runs)
        # Every call below changes the order (the model ignores a request for the order it shows), so each
        # one really reads from the dossier: sortable columns in turn, each ascending then descending.
        steps = [(column, order) for column, spec in enumerate(columns) if spec.sort_key is not None
                 for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)]
        per_step: dict = {}
        for _ in range(runs):
            for step in steps:
                start = time.perf_counter()
                model.sort(*step)
                per_step.setdefault(step, []).append(time.perf_counter() - start)
        sorts = [statistics.median(values) for values in per_step.values()]
        model.sort(1, Qt.SortOrder.AscendingOrder)
        per_word: list[list[float]] = [[] for _ in words]
        for _ in range(runs):  # passes over the 20 words, so that every call changes the filter
            for index, word in enumerate(words):
                start = time.perf_counter()
                model.set_filter(word)
                per_word[index].append(time.perf_counter() - start)
        filters = [statistics.median(times) for times in per_word]
        model.set_filter("")
        fetch = median_time(model.fetchMore, runs)
        return {"motions": model.total, "list_s": list_s, "sort_s": statistics.median(sorts), "sort_max_s": max(sorts),
                "filter_s": statistics.median(filters), "filter_max_s": max(filters), "fetch_more_s": fetch}


def _motion_columns():
    from raadsdossier.gui.sections.registry import motion_columns

    return motion_columns()


# -- search ----------------------------------------------------------------------

def measure_search(path: Path, runs: int = 3) -> dict:
    import sqlite3

    from raadsdossier.storage import search as search_index
    from raadsdossier.services import dossiers as services
    from raadsdossier.storage.dossier import Dossier

    qs = queries()
    ours_runs: list[list[float]] = [[] for _ in qs]
    bare_runs: list[list[float]] = [[] for _ in qs]
    hits = []
    _as_started_app()
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    bare_sql = (f"SELECT rowid, snippet({search_index.FTS_TABLE}, 1, '[', ']', '…', 12) FROM {search_index.FTS_TABLE} "
                f"WHERE {search_index.FTS_TABLE} MATCH ? ORDER BY rank LIMIT 50")
    with Dossier.open(path, read_only=True) as dossier:
        services.search(dossier, "warm")  # the first query pays for the connection
        raw.execute(bare_sql, ("warm",)).fetchall()
        # Each query `runs` times, in passes over all 100 (so a query's repeat is never straight after
        # it), interleaved with the bare query so both see the same machine at the same moment; a
        # query's time is its median. A small dossier's pages stay in SQLite's cache between passes
        # more than a big one's do: if anything that makes the growth figure harder, not easier.
        for run in range(runs):
            for index, q in enumerate(qs):
                start = time.perf_counter()
                found = services.search(dossier, q)
                ours_runs[index].append(time.perf_counter() - start)
                if run == 0:
                    hits.append(len(found))
                fts = search_index.to_fts_query(q)
                start = time.perf_counter()
                raw.execute(bare_sql, (fts,)).fetchall()
                bare_runs[index].append(time.perf_counter() - start)
    raw.close()
    ours = [statistics.median(times) for times in ours_runs]
    bare = [statistics.median(times) for times in bare_runs]
    return {"queries": len(qs), "median_s": statistics.median(ours), "p95_s": p95(ours),
            "bare_median_s": statistics.median(bare), "bare_p95_s": p95(bare),
            "ratio": statistics.median(ours) / statistics.median(bare), "median_hits": statistics.median(hits)}


# -- child processes ---------------------------------------------------------------

CHILD_SHOWN = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
_exec = QApplication.exec
def _filled(tab):
    section = tab.current_section() if tab is not None else None
    return section is not None and getattr(section, "data", None) is not None
def _state(app):
    # "shown": a window is visible, and for the app: with a tab per dossier and the current tab's first
    # screen (its Overzicht) filled in. "ready": every dossier also opened for editing.
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            if not hasattr(widget, "views"):
                return "ready"
            if not _filled(widget.tabs.currentWidget()):
                return None
            done = not widget.glances() and widget.views() and widget.current_view() is not None
            return "ready" if done and not getattr(widget.current_view().current_section(), "glanced", False) else "shown"
    return None
def exec_(*args):
    # Looked at once as the event loop is entered, before anything queued runs, then every
    # millisecond. The app paints its first screen before it enters the loop; the bare window
    # paints in the loop, so it counts as shown a little before it is painted (which makes our
    # ratio worse, never better).
    app = QApplication.instance()
    seen = set()
    def poll():
        state = _state(app)
        for name in ("shown", "ready"):
            if state in ("shown", "ready") and name not in seen and (name == "shown" or state == "ready"):
                seen.add(name)
                print(name.upper(), time.time(), flush=True)
        if "ready" in seen:
            app.quit()
        else:
            QTimer.singleShot(1, poll)
    poll()
    return _exec() if "ready" not in seen else 0
QApplication.exec = exec_
"""

CHILD_APP = CHILD_SHOWN + """
from raadsdossier.cli import main
sys.exit(main([]))
"""

CHILD_BARE = CHILD_SHOWN + """
from PySide6.QtWidgets import QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Raadsdossier"))
window.show()
app.exec()
"""

CHILD_MEMORY = """
import json, os, sys
sys.path.insert(0, {here!r})
import run
from pathlib import Path
if {path!r}:
    result = run.measure_open(Path({path!r}), 1, Path({home!r}))
else:
    app = run._app()
    from PySide6.QtWidgets import QLabel, QMainWindow
    window = QMainWindow(); window.setCentralWidget(QLabel("Raadsdossier")); window.resize(1280, 800); window.show()
    run._settle(app, window)
    app.processEvents()
print("MEMORY", json.dumps(run.rss_kb()), flush=True)
"""


SCREEN = "screen.json"


def _env(home: Path) -> dict:
    """A child's environment: offscreen, its own home, and Python's bytecode cache on, as an installed app
    has it (the bundle ships compiled modules, pip compiles them on install). A shell that sets
    PYTHONDONTWRITEBYTECODE would otherwise make every start compile the app's sources again; the
    cache is kept in bench/.cache/pycache, out of the source tree, and warmed by a start not counted.

    The offscreen screen is 1920×1080 (bench/screen.json; Qt's default is 800×800), so that the app opens at
    its default size (gui/mainwindow.py DEFAULT_SIZE), as on a desktop, not at the smaller size it fits on a
    small screen; the bare window starts on the same screen. Qt splits its platform argument at colons, so
    the file is named without a folder (a Windows path has a colon): the child runs in `home`'s parent
    folder, with a copy of the file there (`cwd=home.parent`)."""
    if not (home.parent / SCREEN).exists():
        home.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(HERE / SCREEN, home.parent / SCREEN)
    env = {**os.environ, "RAADSDOSSIER_HOME": str(home), "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN}",
           "PYTHONPYCACHEPREFIX": str(HERE / ".cache" / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_to_shown(code: str, home: Path) -> tuple[float, float]:
    """Seconds from starting a fresh process to its window shown with the first screen, and to ready."""
    env = _env(home)  # made before the clock starts
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=home.parent,
                         timeout=300)
    times = {line.split()[0]: float(line.split()[1]) - start for line in out.stdout.splitlines()
             if line.startswith(("SHOWN", "READY"))}
    if "SHOWN" not in times or "READY" not in times:
        raise RuntimeError(f"the window was not shown: {out.stderr[-2000:]}")
    return times["SHOWN"], times["READY"]


CHILD_UNTIL_LOOP = """
import os, sys
from PySide6.QtWidgets import QApplication
def _reached(*args):  # the moment `time_to_shown` takes as shown; nothing after it is counted
    print("REACHED", flush=True)
    os._exit(0)
QApplication.exec = _reached
"""


def instructions_until_shown(code: str, home: Path) -> int | None:
    """CPU instructions (valgrind's callgrind) from starting a fresh process until its event loop would start:
    the moment `time_to_shown` calls shown, counted without the wall clock's noise. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    body = code.replace(CHILD_SHOWN, "")  # the polling of CHILD_SHOWN would count too
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                          CHILD_UNTIL_LOOP + body], capture_output=True, text=True, env=_env(home), cwd=home.parent,
                         timeout=600)
    counted = [line for line in out.stderr.splitlines() if "refs:" in line]
    if not counted or "REACHED" not in out.stdout:
        raise RuntimeError(f"valgrind counted nothing: {out.stderr[-2000:]}")
    return int(counted[-1].split()[-1].replace(",", ""))


def measure_start(runs: int, workdir: Path) -> dict:
    first, again, bare, first_ready, again_ready = [], [], [], [], []
    time_to_shown(CHILD_BARE, workdir / "bare-home")  # fill the bytecode cache (see _env)
    time_to_shown(CHILD_APP, workdir / "warm-home")
    for run in range(runs):
        home = workdir / f"home-{run}"
        bare.append(time_to_shown(CHILD_BARE, workdir / "bare-home")[0])
        for shown, ready in ((first, first_ready), (again, again_ready)):
            shown_s, ready_s = time_to_shown(CHILD_APP, home)
            shown.append(shown_s)
            ready.append(ready_s)
        if not list((home / "voorbeelden").glob("*.raadsdossier")):
            raise RuntimeError("the app started without writing the demo dossiers")
    median = statistics.median
    result = {"first_start_s": median(first), "restart_s": median(again), "bare_s": median(bare),
              "first_ready_s": median(first_ready), "restart_ready_s": median(again_ready),
              "first_ratio": median(first) / median(bare), "restart_ratio": median(again) / median(bare)}
    ours = instructions_until_shown(CHILD_APP, workdir / "home-0")  # a restart: its demo dossiers are there
    if ours is not None:
        bare_count = instructions_until_shown(CHILD_BARE, workdir / "bare-home")
        result.update(restart_instructions=ours, bare_instructions=bare_count,
                      instructions_ratio=ours / bare_count)
    return result


def in_child(module: str, function: str, first: str, runs: int, workdir: Path) -> dict:
    """`module.function(first, runs, workdir)` of bench/ in a fresh process, as bench/pack.py and
    bench/odata_import.py run on their own: what this process made before (the 100,000-item dossier's
    objects, the collector's state) would otherwise slow the one and not its baseline."""
    code = (f"import json, sys; from pathlib import Path; sys.path.insert(0, {str(HERE)!r}); import {module}; "
            f"print('RESULT', json.dumps({module}.{function}({first}, {runs}, Path({str(workdir)!r}))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.split(" ", 1)[1])
    raise RuntimeError(out.stderr[-2000:])


def measure_memory(path: Path, workdir: Path) -> dict:
    def child(dossier: str) -> dict:
        home = workdir / f"mem-home-{len(dossier)}"
        code = CHILD_MEMORY.format(here=str(HERE), path=dossier, home=str(home))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(home),
                             cwd=home.parent, timeout=900)
        for line in out.stdout.splitlines():
            if line.startswith("MEMORY"):
                return json.loads(line.split(" ", 1)[1])
        raise RuntimeError(out.stderr[-2000:])

    ours, bare = child(str(path)), child("")
    return {"peak_rss_mb": ours["VmHWM"] / 1024, "rss_mb": ours["VmRSS"] / 1024, "bare_peak_rss_mb": bare["VmHWM"] / 1024}


# -- the table -------------------------------------------------------------------

def growth(values: dict, key: str) -> float | None:
    """How much `key` grew from 10k to 100k items, relative to log growth (1.0 = exactly log(100k)/log(10k))."""
    if 10000 not in values or 100000 not in values:
        return None
    small, big = values[10000][key], values[100000][key]
    return (big / small) / (math.log(100000) / math.log(10000))


def verdicts(results: dict) -> list[tuple[str, str, bool | None]]:
    sizes = results["sizes"]
    big = max(sizes, key=int) if sizes else None
    out = []

    def add(name, shown, ok):
        out.append((name, shown, ok))

    s = results.get("start")
    if s:
        add("cold start ≤ 1.5× bare PySide6 window (first start, demo written)",
            f"{s['first_start_s']:.3f} s vs {s['bare_s']:.3f} s = {s['first_ratio']:.2f}×", s["first_ratio"] <= 1.5)
        add("cold start ≤ 1.5× bare PySide6 window (restart, demo reopened)",
            f"{s['restart_s']:.3f} s vs {s['bare_s']:.3f} s = {s['restart_ratio']:.2f}×", s["restart_ratio"] <= 1.5)
        if "instructions_ratio" in s:  # no target: the same start counted in instructions, free of the clock's noise
            add("cold start in CPU instructions until the event loop (callgrind, restart)",
                f"{s['restart_instructions'] / 1e6:,.0f} M vs {s['bare_instructions'] / 1e6:,.0f} M = "
                f"{s['instructions_ratio']:.2f}×", None)
        if "restart_ready_s" in s:  # no target: when every dossier is also open for editing
            add("start until every dossier is open for editing (first start / restart)",
                f"{s['first_ready_s']:.2f} s / {s['restart_ready_s']:.2f} s", None)
    if big and "open" in sizes[big]:
        o = sizes[big]["open"]
        add(f"open {int(big):,}-item dossier, first screen shown ≤ 1 s", f"{o['open_s']:.2f} s", o["open_s"] <= 1)
    if big and "search" in sizes[big]:
        q = sizes[big]["search"]
        add(f"search at {int(big):,}: median ≤ 20 ms", f"{q['median_s'] * 1000:.1f} ms", q["median_s"] <= 0.020)
        add(f"search at {int(big):,}: p95 ≤ 50 ms", f"{q['p95_s'] * 1000:.1f} ms", q["p95_s"] <= 0.050)
        add(f"search at {int(big):,}: ≤ 3× bare FTS5", f"{q['ratio']:.2f}× ({q['bare_median_s'] * 1000:.1f} ms bare)",
            q["ratio"] <= 3)
    if big and "motions" in sizes[big]:
        m = sizes[big]["motions"]
        worst = max(m["sort_max_s"], m["filter_max_s"])
        add(f"sort or filter motions at {int(big):,} ≤ 200 ms",
            f"sort {m['sort_s'] * 1000:.0f} ms (max {m['sort_max_s'] * 1000:.0f}), filter {m['filter_s'] * 1000:.0f} ms "
            f"(max {m['filter_max_s'] * 1000:.0f})", worst <= 0.200)
    p = results.get("pack")
    if p:
        add("pack 1,000 items ≤ 5 s per format", f"PDF {p['pdf_s']:.2f} s, DOCX {p['docx_s']:.2f} s",
            p["pdf_s"] <= 5 and p["docx_s"] <= 5)
        add("pack PDF ≤ 1.5× bare reportlab", f"{p['pdf_vs_bare']:.2f}× ({p['bare_reportlab_s']:.2f} s bare)",
            p["pdf_vs_bare"] <= 1.5)
    mp = results.get("meeting_pack")
    if mp:
        add(f"meeting pack of {mp['dossiers']} × {mp['items']:,} items ≤ 1.2× the sum of their single meeting packs (PDF)",
            f"{mp['meeting_pack_s']:.2f} s vs {mp['sum_single_s']:.2f} s = {mp['ratio']:.2f}× "
            f"({mp['meeting_pack_pages']} pages)", mp["ratio"] <= 1.2)
    lt = results.get("long_text")
    if lt:
        add("pack of a dossier with a 1 MB field ≤ 10 s per format", f"PDF {lt['pdf_s']:.2f} s "
            f"({lt['pdf_pages']} pages), DOCX {lt['docx_s']:.2f} s", lt["pdf_s"] <= 10 and lt["docx_s"] <= 10)
    c = results.get("cli")
    if c:
        for name in ("info", "search"):
            add(f"`raadsdossier {name}` on a demo dossier ≤ 1.3× bare Python with sqlalchemy.orm and one query",
                f"{c[name + '_s']:.3f} s vs {c['baseline_s']:.3f} s = {c[name + '_ratio']:.2f}×", c[name + "_ratio"] <= 1.3)
    i = results.get("import")
    if i:
        add("import 10,000 OData vote rows ≤ 3 s", f"{i['import_s']:.2f} s", i["import_s"] <= 3)
    t = results.get("tracker")
    if t:
        add(f"motion tracker over {t['dossiers']} × {t['items']:,} items ({t['motions']:,} motions): read and list ≤ 1 s",
            f"{t['list_s']:.2f} s (baseline, each dossier opened read-only and its motions counted: "
            f"{t['baseline_open_and_count_s']:.2f} s)", t["list_s"] <= 1)
        add("motion tracker: filter by party, by overdue follow-up ≤ 200 ms",
            f"party {t['filter_party_s'] * 1000:.0f} ms ({t['party_motions']:,} motions), overdue "
            f"{t['filter_overdue_s'] * 1000:.0f} ms ({t['overdue_motions']:,})",
            max(t["filter_party_s"], t["filter_overdue_s"]) <= 0.2)
    mem = results.get("memory")
    if mem:
        add(f"memory with {int(mem['items']):,} open ≤ 300 MB RSS",
            f"{mem['peak_rss_mb']:.0f} MB peak ({mem['bare_peak_rss_mb']:.0f} MB bare window)", mem["peak_rss_mb"] <= 300)
    ints = {int(k): v for k, v in sizes.items()}
    for label, section, key in (("motions list", "motions", "list_s"), ("motions sort", "motions", "sort_s"),
                                ("motions filter", "motions", "filter_s"), ("search median", "search", "median_s")):
        if all(section in ints.get(n, {}) for n in (10000, 100000)):
            g = growth({n: v[section] for n, v in ints.items() if section in v}, key)
            add(f"{label} grows ≤ logarithmically 10k→100k", f"{g:.2f}× of log growth", g <= 1.0)
    return out


def _print_sizes(results: dict, sizes: list) -> None:
    print("figure".ljust(34) + "".join(f"{int(n):>12,}" for n in sizes))
    rows = [("open, first screen (s)", "open", "open_s"), ("slowest section shown (s)", "open", "slowest_section_s"),
            ("all sections shown (s)", "open", "all_sections_s"),
            ("search median (ms)", "search", "median_s"), ("search p95 (ms)", "search", "p95_s"),
            ("bare FTS5 median (ms)", "search", "bare_median_s"), ("bare FTS5 p95 (ms)", "search", "bare_p95_s"),
            ("search / bare", "search", "ratio"),
            ("motions list (ms)", "motions", "list_s"), ("motions sort (ms)", "motions", "sort_s"),
            ("motions sort max (ms)", "motions", "sort_max_s"), ("motions filter (ms)", "motions", "filter_s"),
            ("motions filter max (ms)", "motions", "filter_max_s"), ("motions fetchMore (ms)", "motions", "fetch_more_s")]
    for label, section, key in rows:
        cells = []
        for n in sizes:
            value = results["sizes"][n].get(section, {}).get(key)
            if value is None:
                cells.append(f"{'—':>12}")
            else:
                scale = 1000 if "(ms)" in label else 1
                cells.append(f"{value * scale:>12.2f}" if scale == 1 else f"{value * scale:>12.1f}")
        print(label.ljust(34) + "".join(cells))
    print()


def print_table(results: dict) -> None:
    sizes = sorted(results["sizes"], key=int)
    print()
    if sizes:  # (else no figure per size was measured)
        _print_sizes(results, sizes)
    for name, shown, ok in results["verdicts"]:
        print(f"{'    ' if ok is None else 'PASS' if ok else 'MISS'}  {name}: {shown}")
    for name, error in results.get("errors", {}).items():
        print(f"FAILED  {name}: {error}")


def markdown(results: dict) -> str:
    """The tables of bench/README.md, from a results.json."""
    sizes = sorted(results["sizes"], key=int)
    lines = ["| figure | " + " | ".join(f"{int(n):,}" for n in sizes) + " |",
             "|---|" + "---:|" * len(sizes)]
    rows = [("open, first screen shown (s)", "open", "open_s", 1), ("slowest section, first show (s)", "open", "slowest_section_s", 1),
            ("search median (ms)", "search", "median_s", 1000), ("search p95 (ms)", "search", "p95_s", 1000),
            ("bare FTS5 median (ms)", "search", "bare_median_s", 1000), ("bare FTS5 p95 (ms)", "search", "bare_p95_s", 1000),
            ("search / bare FTS5 (median)", "search", "ratio", 1),
            ("motions list (ms)", "motions", "list_s", 1000), ("motions sort, median / max (ms)", "motions", "sort", 1000),
            ("motions filter, median / max (ms)", "motions", "filter", 1000)]
    for label, section, key, scale in rows:
        cells = []
        for n in sizes:
            data = results["sizes"][n].get(section, {})
            if key in ("sort", "filter"):
                cells.append(f"{data[key + '_s'] * scale:.0f} / {data[key + '_max_s'] * scale:.0f}" if data else "—")
            elif key in data:
                value = data[key] * scale
                cells.append(f"{value:.2f}" if scale == 1 else f"{value:.1f}")
            else:
                cells.append("—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "| target | measured | |", "|---|---|---|"]
    for name, shown, ok in results["verdicts"]:
        lines.append(f"| {name} | {shown} | {'(no target)' if ok is None else 'PASS' if ok else '**MISS**'} |")
    return "\n".join(lines)


def machine() -> dict:
    import sqlite3

    import PySide6
    from PySide6 import QtCore

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem / 1024 / 1024, 1),
            "python": platform.python_version(), "pyside6": PySide6.__version__, "qt": QtCore.qVersion(),
            "sqlite": sqlite3.sqlite_version}


def attempt(results: dict, measure, name: str) -> None:
    """Run one measurement; a failure is recorded (and printed) instead of losing the whole run."""
    try:
        measure()
    except Exception as exc:  # noqa: BLE001
        results.setdefault("errors", {})[name] = f"{type(exc).__name__}: {exc}"
        print(f"  {name} FAILED: {exc}", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="sizes 1000,10000 and 2 runs")
    parser.add_argument("--only",
                        default="open,search,motions,pack,meeting_pack,long_text,import,tracker,memory,start,cli")
    parser.add_argument("--report", action="store_true", help="print bench/results.json as Markdown tables")
    args = parser.parse_args(argv)
    if args.report:
        print(markdown(json.loads(RESULTS.read_text())))
        return 0
    sizes = [int(s) for s in ("1000,10000" if args.quick else args.sizes).split(",")]
    runs = 2 if args.quick else args.runs
    only = set(args.only.split(","))
    results: dict = {"machine": machine(), "runs": runs, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # The sized dossiers are copied only for the figures that use them: the copies (300 MB) are written back
        # to the disk half a minute later, by the kernel, beside whatever is being measured then (with `--only
        # tracker` or `--only start`, those figures).
        for n in sizes if only & {"search", "motions", "open", "memory"} else ():
            cached = dossier_path(n)
            print(f"— {n:,} items: {cached.name} ({cached.stat().st_size / 1e6:.0f} MB)", flush=True)
            path = work / f"bench-{n}.raadsdossier"  # the GUI opens read-write: never the shared cache
            shutil.copyfile(cached, path)
            at_head(path)
            entry: dict = {}
            results["sizes"][n] = entry
            if "search" in only:
                attempt(results, lambda: entry.__setitem__("search", measure_search(path, runs)), f"search {n}")
            if "motions" in only:
                attempt(results, lambda: entry.__setitem__("motions", measure_motions(path, runs)), f"motions {n}")
            if "open" in only:
                attempt(results, lambda: entry.__setitem__("open", measure_open(path, runs, work / f"open-home-{n}")),
                        f"open {n}")
            print(f"  {json.dumps({k: {m: v for m, v in d.items() if m.endswith('_s')} for k, d in entry.items()})}",
                  flush=True)
        if "memory" in only:
            n = max(sizes)
            path = work / f"bench-{n}.raadsdossier"
            attempt(results, lambda: results.__setitem__("memory", {"items": n, **measure_memory(path, work)}), "memory")
        if "pack" in only:
            attempt(results, lambda: results.__setitem__("pack", {"items": 1000, **in_child(
                "pack", "measure", f"Path({str(dossier_path(1000))!r})", min(runs, 3), work)}), "pack")
        if "meeting_pack" in only:
            attempt(results, lambda: results.__setitem__("meeting_pack", in_child(
                "meeting_pack", "measure_four", "1000", min(runs, 3), work)), "meeting_pack")
        if "long_text" in only:
            import long_text

            attempt(results, lambda: results.__setitem__("long_text", long_text.measure(1_000_000, 1, work)),
                    "long_text")
        if "import" in only:
            attempt(results, lambda: results.__setitem__("import", in_child(
                "odata_import", "measure", "10_000", min(runs, 3), work)), "import")
        if "tracker" in only:
            attempt(results, lambda: results.__setitem__("tracker", in_child(
                "tracker", "measure_library", "20", runs, work)), "tracker")
        if "start" in only:
            attempt(results, lambda: results.__setitem__("start", measure_start(runs, work)), "start")
        if "cli" in only:
            import cli_start

            attempt(results, lambda: results.__setitem__("cli", cli_start.measure(3 * runs, work)), "cli")
        for key in ("memory", "pack", "meeting_pack", "long_text", "import", "tracker", "start", "cli"):
            if key in results:
                print(f"  {key}: {json.dumps(results[key])}", flush=True)
    results["verdicts"] = verdicts(results)
    print_table(results)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print(f"\nwritten: {RESULTS}")
    return 0 if all(ok is not False for _n, _s, ok in results["verdicts"]) and not results.get("errors") else 1


if __name__ == "__main__":
    sys.exit(main())
