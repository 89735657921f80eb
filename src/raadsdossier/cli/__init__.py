"""The command line: a thin face over raadsdossier.services for clerks and scripts.

Exit status: 0 success; 1 bad input or a bad dossier (one line on stderr, no traceback); 2 usage
errors (argparse); 3 `import` only: every file was recognised but none held anything to import
(docs/imports.md). Each command imports what it needs when it runs (cli/commands.py, cli/safety.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from raadsdossier.domain.errors import DossierError, NotFound

_commands: dict | None = None


def commands_table() -> dict:
    """Command name -> the function that runs it (cli/commands.py, cli/safety.py), imported when first asked
    for: starting the window without a command needs neither module."""
    global _commands
    if _commands is None:
        from raadsdossier.cli import commands, safety, server

        _commands = {
            "demo": commands.demo, "new": commands.new, "info": commands.info, "export-json": commands.export_json,
            "import": commands.import_, "search": commands.search, "pack": commands.pack,
            "assign-vote": commands.assign_vote, "history": commands.history, "meetings": commands.meetings, "directory": commands.directory,
            "seats": commands.seats, "motions": commands.motions, "parties": commands.parties, "party": commands.party,
            "backup": safety.backup, "backups": safety.backups, "restore": safety.restore, "check": safety.check,
            "encrypt": safety.encrypt, "decrypt": safety.decrypt, "passwd": safety.passwd,
            "server": server.run,
        }
    return _commands


def __getattr__(name: str):
    if name == "COMMANDS":  # the table, under the name it has always had
        return commands_table()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _window_only(argv: list[str]) -> list[str] | None:
    """The files to open when the command line only asks for the window, else None.

    Starting the window this way skips building the parser, whose `import` command imports every
    import format: a good part of the app's start-up that the window does not need.
    """
    if any(arg.startswith("-") for arg in argv):
        return None  # --help, --version, --selftest and the like need the parser
    if not argv:
        return []
    if argv[0] == "gui":
        return argv[1:]
    if all(arg.endswith(".raadsdossier") or os.sep in arg for arg in argv):
        return argv
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    files = _window_only(argv)
    if files is not None:
        from raadsdossier.cli.launch import launch_gui

        return launch_gui([Path(name) for name in files])
    from raadsdossier.cli.terminal import safe_output

    first = argv[0] if argv else ""
    if first and first not in commands_table() and first != "gui" and \
            (first.endswith(".raadsdossier") or os.sep in first or os.path.exists(first)):
        argv = ["gui", *argv]  # `raadsdossier FILE…` opens the files in the window (desktop entries, file managers)
    from raadsdossier.cli.terminal import NoOutput

    with safe_output():
        try:
            return _run(argv)
        except NoOutput:  # while the arguments were read (--version, --help); a command's own is said in _run
            _fail(NO_OUTPUT)
            return 1


NO_OUTPUT = ("er is geen uitvoer om naar te schrijven: de standaarduitvoer is gesloten. Stuur die naar een bestand "
             "(of naar /dev/null); wat al was opgeslagen, blijft opgeslagen.")


def _run(argv: list[str]) -> int:
    from raadsdossier.cli import safety
    from raadsdossier.cli.parser import build_parser
    from raadsdossier.cli.safety import UsageError
    from raadsdossier.cli.terminal import NoOutput

    parser = build_parser(next((arg for arg in argv if not arg.startswith("-")), None))
    args = parser.parse_args(argv)
    if args.selftest:
        from raadsdossier.cli.selftest import run

        return run()
    command = args.command or "gui"
    try:
        if command == "gui":
            from raadsdossier.cli.launch import launch_gui

            return launch_gui(getattr(args, "files", []))
        try:
            safety.settle(args)
            return commands_table()[command](args) or 0
        except UsageError as exc:
            parser.error(str(exc))
    except DossierError as exc:
        # an item, motion or meeting that is not there: which dossier was looked in (a file's own errors name it)
        files = getattr(args, "file", None)
        files = files if isinstance(files, list) else [files]  # `pack` takes several: then its message names them
        where = f"{files[0]}: " if isinstance(exc, NotFound) and len(files) == 1 and files[0] else ""
        _fail(where + str(exc) + safety.backup_hint(exc))
    except NoOutput:
        _fail(NO_OUTPUT)
    except BrokenPipeError:  # the reader of the output stopped reading (`… | head`): nothing more to say
        _quiet_stdout()
        return 1
    except OSError as exc:
        from raadsdossier.storage.files import os_reason

        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{os_reason(exc)}; er is niets veranderd.")
    except KeyboardInterrupt:
        _fail("afgebroken.")
    except Exception as exc:  # a fault of ours: one sentence, not a traceback (RAADSDOSSIER_DEBUG=1 shows it)
        if os.environ.get("RAADSDOSSIER_DEBUG"):
            raise
        _fail(f"onverwachte fout bij '{command}' ({type(exc).__name__}: {exc}). Wat al was opgeslagen, blijft "
              "opgeslagen; meld dit met het commando dat u gaf (RAADSDOSSIER_DEBUG=1 toont de details).")
    return 1


def _quiet_stdout() -> None:
    """Standard output to nothing from now on: its reader has gone, and Python's own flush at exit would
    otherwise complain about it with a traceback (Python's documentation, signal module, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.__stdout__.fileno())


def _fail(message: str) -> None:
    from raadsdossier.cli.safety import PROG

    print(f"{PROG}: {message}", file=sys.stderr)
