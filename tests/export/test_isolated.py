"""A pack made in a child process: the same file as in-process, progress relayed, the child's errors as sentences."""

from __future__ import annotations

import pytest

from raadsdossier.storage.dossier import Dossier
from raadsdossier.export.build import PackOptions
from raadsdossier.export.isolated import PackFailed, write_pack_isolated
from tests.export.conftest import pdf_pages, squash


def test_the_child_writes_the_pack_and_reports_progress(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    seen = []
    with Dossier.open(path) as dossier:  # open for writing, as the window has it
        written = write_pack_isolated(dossier, tmp_path / "stuk.pdf", PackOptions(author="Griffie Arnhem"),
                                      lambda done, total: seen.append((done, total)))
    assert written == tmp_path / "stuk.pdf"
    text = squash(" ".join(pdf_pages(written)))
    assert "Griffie Arnhem" in text and "Motie stedenband met Wuhan verbreken" in text
    assert seen and seen[-1][0] == seen[-1][1]


def test_a_problem_in_the_child_is_reported_as_its_sentence(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier, pytest.raises(PackFailed, match="de map voor het stuk bestaat niet"):
        write_pack_isolated(dossier, tmp_path / "nergens" / "stuk.pdf", PackOptions())
    assert not (tmp_path / "nergens").exists()
