"""The English translation: complete, faithful to placeholders and markup, in sync with the code, and used."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "raadsdossier_en.ts"
QM = REPO / "resources" / "translations" / "raadsdossier_en.qm"

PLACEHOLDER = re.compile(r"%\d+")
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")


def _load_script():
    spec = importlib.util.spec_from_file_location("update_translations", REPO / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path = TS) -> list[tuple[str, str, ET.Element | None]]:
    """(context, source, translation element) for every message in `ts`."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message.find("translation")))
    return found


def _text(translation: ET.Element | None) -> str:
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    return "\n".join(form.text or "" for form in forms) if forms else translation.text or ""


def _tags(text: str) -> Counter:
    return Counter((closing, name.lower(), empty) for closing, name, empty in TAG.findall(text))


def test_every_message_has_a_finished_translation():
    messages = _messages()
    assert len(messages) > 100
    bad = [f"{context}: {source!r}" for context, source, translation in messages
           if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
           or not _text(translation).strip()]
    assert not bad, f"{len(bad)} untranslated message(s) in {TS.name}:\n" + "\n".join(bad)


def test_translations_keep_placeholders_and_markup():
    problems = []
    for context, source, translation in _messages():
        text = _text(translation)
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: placeholders differ: {source!r} -> {text!r}")
        if _tags(source) != _tags(text):
            problems.append(f"{context}: HTML tags differ: {source!r} -> {text!r}")
        if source.count("\n") != text.count("\n"):
            problems.append(f"{context}: line breaks differ: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_ts_is_in_sync_with_the_code(tmp_path):
    """lupdate over today's sources adds nothing untranslated: new strings need an English translation."""
    script = _load_script()
    if script.find_tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate not found (neither next to Python nor on PATH)")
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    script.run_lupdate(copy)
    missing = script.unfinished_sources(copy)
    assert not missing, (
        f"{len(missing)} string(s) in the GUI have no English translation yet; run "
        f"`.venv/bin/python scripts/update_translations.py`, translate them in {TS.relative_to(REPO)} "
        "and run the script again:\n" + "\n".join(missing))
    # and nothing in the .ts is gone from the code (lupdate -no-obsolete would drop it)
    assert {(c, s) for c, s, _t in _messages(copy)} == {(c, s) for c, s, _t in _messages()}


def test_qm_is_built_from_the_ts(tmp_path):
    script = _load_script()
    if script.find_tool("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease not found (neither next to Python nor on PATH)")
    rebuilt = tmp_path / QM.name
    script.run_lrelease(TS, rebuilt)
    assert rebuilt.read_bytes() == QM.read_bytes(), \
        "raadsdossier_en.qm is older than raadsdossier_en.ts; run scripts/update_translations.py"


def test_qm_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("Sections", "Moties") == "Motions"
    assert translator.translate("Labels", "staken der stemmen") == "tie"
    assert translator.translate("MainWindow", "&Bestand") == "&File"


def test_main_window_in_english(qapp, qtbot, app_home, messages):
    from raadsdossier.gui.app import build_window, install_translations

    translators = install_translations(qapp, "en")
    try:
        assert QCoreApplication.translate("Sections", "Moties") == "Motions"
        window = build_window([])
        qtbot.addWidget(window)
        view = window.current_view()
        assert view is not None
        assert view.navigator.item(0).text() == "Overview"
        assert [view.navigator.item(i).text() for i in range(view.navigator.count())][:3] == \
            ["Overview", "Timeline", "Motions"]
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == "&File"
        assert "&Edit" in menus
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    assert QCoreApplication.translate("Sections", "Moties") == "Moties"


def test_no_translated_string_hides_inside_an_f_string():
    """lupdate cannot read tr() calls inside f-string braces: such strings would never be translated."""
    import re

    from tests.conftest import REPO

    hidden = []
    for path in sorted((REPO / "src/raadsdossier/gui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\{[^{}]*\b(?:tr|_tr|t|translate)\(", line) and re.search(r"\bf[\"']", line):
                hidden.append(f"{path.name}:{number}: {line.strip()}")
    assert hidden == []


def test_the_registry_of_kinds_is_english_in_english(qapp):
    """Every label of raadsdossier.domain.kinds reaches the English window as the registry's own English."""
    from raadsdossier.domain import kinds
    from raadsdossier.gui.i18n import counts_text
    from raadsdossier.gui.i18n import kind_label, section_title

    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    try:
        for kind in kinds.KINDS:
            assert (kind_label(kind.name), kind_label(kind.name, 2)) == (kind.singular_en, kind.plural_en)
        assert [section_title(s.title) for s in kinds.SECTIONS] == [s.title_en for s in kinds.SECTIONS]
        assert [section_title(s.title, "PackSections") for s in kinds.PACK_SECTIONS] == \
            [s.title_en for s in kinds.PACK_SECTIONS]
        assert counts_text({"question_set": 1, "motion": 12, "person": 3}) == "3 people, 12 motions, 1 question set"
    finally:
        qapp.removeTranslator(translator)
    assert counts_text({"question_set": 1, "motion": 12}) == "12 moties, 1 vragenset"


def test_amnestys_dutch_text_is_marked_as_such_in_the_english_checklist(qapp, qtbot, app_home, messages):
    """The checklist's recommendations and guidance are Amnesty's published Dutch: the English window says so
    where it shows them, and its breadcrumb is grey that can be read (not the palette's light 'mid')."""
    from raadsdossier.gui.app import build_window, install_translations
    from raadsdossier.gui.reading_page import MUTED

    translators = install_translations(qapp, "en")
    try:
        window = build_window([])
        qtbot.addWidget(window)
        checklist = window.current_view().show_section("checklist")
        assert checklist.tree.headerItem().text(0) == "Recommendation (Dutch, as published)"
        html = checklist._item_html(checklist.state["items"][0])
        assert "Amnesty&#x27;s guidance (Dutch, as published)" in html or "Amnesty's guidance (Dutch, as published)" in html
        assert f"color: {MUTED}" in html and "palette(mid)" not in html
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
