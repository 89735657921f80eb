"""PySide6 asks of every module imported after it whether its source mentions "PySide6" (PYSIDE-2029: a module
that does gets the default of PySide's optional `__feature__` switches). It asks through inspect.getsource,
which goes through linecache and the tokenizer: a fifth of what importing the first screen's own modules took
(bench/run.py "start"), and more again for the data layer imported after it. `answer_by_reading_the_file`
gives the same answer from the file's bytes, and for a module of Python's own library without reading it. PySide's
function is a private one: where it is not there (another PySide6 version), nothing changes.
"""

from __future__ import annotations

import os
import sys

_FEATURE_MODULE = "shibokensupport.feature"
_STDLIB = os.path.dirname(os.__file__) + os.sep  # Python's own library: no module of it mentions PySide6


def answer_by_reading_the_file() -> None:
    import PySide6.QtCore  # noqa: F401  (loads the module that asks)

    feature = sys.modules.get(_FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "reads_the_file", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            if path.startswith(_STDLIB) and "-packages" not in path[len(_STDLIB):]:
                return False  # (typing, datetime, pathlib, …: the largest files it read on the first screen)
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return upstream(module)  # no source file of its own: PySide's answer

    uses_pyside.reads_the_file = True
    uses_pyside.upstream = upstream
    feature._mod_uses_pyside = uses_pyside
