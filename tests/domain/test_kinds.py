"""The registry of item kinds names every kind once, with every name it goes by, and nothing else names them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from raadsdossier.domain import kinds
from raadsdossier.domain.models import ITEM_CLASSES, Item
from tests.conftest import REPO


def test_every_model_has_exactly_one_kind_and_the_three_names_agree():
    from raadsdossier.interchange.spec import KIND_BY_NAME

    identities = set(Item.__mapper__.polymorphic_map) - {Item.__mapper__.polymorphic_identity}  # every subclass
    assert identities == set(ITEM_CLASSES) == {kind.name for kind in kinds.KINDS}
    assert len({kind.key for kind in kinds.KINDS}) == len(kinds.KINDS)
    for name, spec in KIND_BY_NAME.items():  # the interchange format's top-level keys are the collection keys
        assert kinds.kind(name).key == spec.key


def test_every_kind_is_shown_in_a_section_and_sections_are_not_empty_names():
    section_keys = {section.key for section in kinds.SECTIONS}
    assert {kind.section for kind in kinds.KINDS} <= section_keys
    assert {kind.pack_section for kind in kinds.KINDS} - {None} <= {s.key for s in kinds.PACK_SECTIONS}
    for section in (*kinds.SECTIONS, *kinds.PACK_SECTIONS):
        assert section.title and section.title_en and section.title != section.key


def test_labels_are_words_not_identifiers():
    for kind in kinds.KINDS:
        for label in (kind.singular, kind.plural, kind.singular_en, kind.plural_en):
            assert "_" not in label and label == label.strip() and label
        assert kind.singular != kind.plural and kind.singular_en != kind.plural_en
    assert kinds.kind("motion").count_text(1) == "1 motie"
    assert kinds.kind("motion").count_text(12) == "12 moties"
    assert kinds.kind("person").count_text(3, english=True) == "3 people"


def test_the_names_of_0_1_still_choose_their_pack_sections():
    assert kinds.pack_section_key("questions") == "question_sets"
    assert kinds.pack_section_key("money") == "costs_and_outcomes"
    assert kinds.pack_section_key("motions") == "motions"
    assert kinds.pack_section_key("geld") is None


def test_every_icon_exists_in_qtawesome():
    qtawesome = pytest.importorskip("qtawesome")
    fonts = Path(qtawesome.__file__).parent / "fonts"
    charmap = json.loads(next(fonts.glob("materialdesignicons6-webfont-charmap-*.json")).read_text())
    for kind in kinds.KINDS:
        prefix, name = kind.icon.split(".", 1)
        assert prefix == "mdi6" and name in charmap, kind.icon


def test_no_other_table_of_kind_labels():
    """The Dutch labels of kinds are spelled in the registry only: a second table would drift from it."""
    plurals = {kind.plural for kind in kinds.KINDS if " " not in kind.plural} - {"bronnen", "bijlagen", "moties",
                                                                                   "toezeggingen", "notities"}
    pattern = re.compile(r'"(' + "|".join(map(re.escape, sorted(plurals))) + r')"')
    found = []
    for path in sorted((REPO / "src" / "raadsdossier").rglob("*.py")):
        if path.name == "kinds.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []
