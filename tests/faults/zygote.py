"""A process that loads Raadsdossier once and then forks one child per command, for kill -9 trials.

Starting Python and importing the app takes most of a second, longer than most of what a trial interrupts;
a child forked from a loaded process starts the command itself at once, so a kill at a random moment lands
inside the work. The child is an ordinary `raadsdossier …` run (cli.main) with its own stdout and stderr.

Protocol (one JSON object per line): the test writes {"argv", "cwd", "out", "err", "kill_at"}; this process
answers {"pid"} as soon as the child runs and {"status"} (the raw wait status) once it has ended.
`kill_at` (optional) is ["convert", n] or ["replace", n]: the child kills itself (SIGKILL) after the n-th
conversion or the n-th rename of a password change (storage/encryption.py), to stop it at an exact step.
"""

from __future__ import annotations

import json
import os
import signal
import sys


def _load() -> None:
    import raadsdossier.cli  # noqa: F401
    import raadsdossier.cli.commands  # noqa: F401
    import raadsdossier.cli.parser  # noqa: F401
    import raadsdossier.cli.safety  # noqa: F401
    import raadsdossier.export.docx  # noqa: F401
    import raadsdossier.export.pdf  # noqa: F401
    import raadsdossier.importers as importers
    import raadsdossier.services.importing  # noqa: F401
    import raadsdossier.services.packs  # noqa: F401
    import raadsdossier.services.safety  # noqa: F401
    import raadsdossier.storage.checks  # noqa: F401
    from sqlalchemy.orm import configure_mappers

    importers._load_builtin()
    configure_mappers()


def _kill_self_after(step: str, count: int) -> None:
    from raadsdossier.storage import encryption

    calls = [0]

    def counted(real):
        def wrapper(*args, **kwargs):
            result = real(*args, **kwargs)
            calls[0] += 1
            if calls[0] == count:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapper

    if step == "convert":
        encryption._convert = counted(encryption._convert)
    else:  # the renames of the switch (encryption.os is this process's os module: patch only inside _switch)
        real_switch = encryption._switch

        def switch(path, entries):
            real_replace = os.replace
            os.replace = counted(real_replace)
            try:
                real_switch(path, entries)
            finally:
                os.replace = real_replace
        encryption._switch = switch


def _child(request: dict) -> None:
    code = 70
    try:
        os.chdir(request["cwd"])
        for fd, name, flags in ((1, request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (2, request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                (0, os.devnull, os.O_RDONLY)):
            opened = os.open(name, flags, 0o644)
            os.dup2(opened, fd)
            os.close(opened)
        if request.get("kill_at"):
            _kill_self_after(*request["kill_at"])
        from raadsdossier.cli import main

        code = main(request["argv"]) or 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    _load()
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": status}), flush=True)


if __name__ == "__main__":
    serve()
