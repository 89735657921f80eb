"""What the window shows first, worked out as early as start-up can: which dossiers open (the files given, else
those open last, else on a first start the demo dossiers), and their glances read (storage/glance.py) on a thread
of their own. cli/launch.py starts it before Python imports the window's modules, and gui/app.py's start_window
takes it: SQLite lets go of Python's lock while it opens a file and reads its schema, so that part of the glances
is read beside the imports instead of after them (bench/run.py "start").

It makes no Qt object. `take` works it out at once when nothing was started (tests, scripts, another window).
"""

from __future__ import annotations

from pathlib import Path

from raadsdossier.gui import workspace
from raadsdossier.storage import glance
from raadsdossier.storage.sqlitefile import SUFFIX


class FirstScreen:
    """`paths`: the dossiers to show, in tab order. `read_from`: the files their glances are read from where not
    `paths` themselves (a first start's demo dossiers, read from the built ones the app ships until they are
    copied: `uncopied`). `reading`: the glances being read (glance.ReadAhead), or None with no dossier."""

    def __init__(self, files: list[Path], settings: workspace.Settings) -> None:
        self.files, self.settings = list(files), settings
        self.paths = ([Path(path) for path in files] if files
                      else [path for path in settings.open_files if Path(path).exists()])
        self.read_from: list[Path] | None = None
        self.uncopied: list[Path] | None = None
        if not self.paths and first_run(settings):
            self.paths, self.read_from = shipped_demo_dossiers() or ([], None)  # else finish_start builds them
            self.uncopied = self.paths or None
        self.reading = glance.ReadAhead(self.read_from or self.paths) if self.paths else None

    def glances(self) -> list | None:
        """The glances read (see glance.ReadAhead.result), waiting for them if need be."""
        return self.reading.result() if self.reading is not None else None


_started: FirstScreen | None = None


def start(files: list[Path]) -> None:
    """Work out the first screen of a start with `files` and start reading it (cli/launch.py)."""
    global _started
    try:
        _started = FirstScreen(files, workspace.Settings())
    except Exception:  # whatever it is, gui/app.py meets it again where it says what is wrong
        _started = None


def take(files: list[Path], settings: workspace.Settings | None = None) -> FirstScreen:
    """The first screen `start` began for these `files` (and these settings, when given), once; else one worked
    out now."""
    global _started
    started, _started = _started, None
    if started is not None and started.files == list(files) and settings in (None, started.settings):
        return started
    return FirstScreen(files, settings or workspace.Settings())


def first_run(settings: workspace.Settings) -> bool:
    return settings.first_run and not settings.recent_files


def shipped_demo_dossiers() -> tuple[list[Path], list[Path]] | None:
    """A first start's demo dossiers, to be copied from the built ones the app ships (no data layer needed):
    where they go, and the files their glances are read from (the built one where the copy is not there yet).
    gui/app.py copies them: after the first paint, of which copying them (each file written through to the disk)
    took a twentieth.

    Whether those are current is checked after the first screen (gui/app.py, `_check_demo_copies`): the check
    reads and hashes them all, and took a third of what the copying adds to a first start.
    """
    from raadsdossier.services import demo

    built = demo.prebuilt(check=False)
    if not built:
        return None
    directory = workspace.demo_dir()
    paths = [directory / f"{slug}{SUFFIX}" for slug in sorted(built)]  # where demo.copy_prebuilt puts them
    return paths, [path if path.exists() else built[path.stem] for path in paths]
