"""gui/pyside_imports.py answers PySide6's question about each imported module (does its source mention PySide6?)
by reading the file: the same answers as PySide's own way, and in place once the window's package is imported."""

from __future__ import annotations

import importlib
import sys

import pytest


def _feature_module():
    import PySide6.QtCore  # noqa: F401

    return sys.modules.get("shibokensupport.feature")


def test_the_answers_are_pysides_own():
    import raadsdossier.gui  # noqa: F401  (installs it)

    feature = _feature_module()
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 version asks no such question")
    ours = feature._mod_uses_pyside
    assert getattr(ours, "reads_the_file", False), "not installed when raadsdossier.gui was imported"
    names = ["raadsdossier.gui.mainwindow", "raadsdossier.gui.glance_view", "raadsdossier.storage.glance",
             "raadsdossier.domain.kinds", "json", "sqlite3", "typing", "collections", "sys", "PySide6", "shiboken6"]
    modules = [importlib.import_module(name) for name in names]
    answers = {name: (ours(module), ours.upstream(module)) for name, module in zip(names, modules)}
    assert all(mine == theirs for mine, theirs in answers.values()), answers
    assert answers["raadsdossier.gui.mainwindow"] == (True, True)
    assert answers["raadsdossier.storage.glance"] == (False, False)  # the core never imports Qt
    assert answers["json"] == (False, False)  # (Python's own library: answered without reading the file)


def test_installing_twice_wraps_once():
    from raadsdossier.gui.pyside_imports import answer_by_reading_the_file

    feature = _feature_module()
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 version asks no such question")
    before = feature._mod_uses_pyside
    answer_by_reading_the_file()
    assert feature._mod_uses_pyside is before
    assert not getattr(before.upstream, "reads_the_file", False)

