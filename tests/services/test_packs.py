"""Making packs through the service both faces use: in-process or in a child process, the same files."""

from __future__ import annotations

import pytest

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.errors import DossierError
from raadsdossier.export.build import PackOptions
from raadsdossier.services import packs
from raadsdossier.services.isolation import ChildFailed
from raadsdossier.storage.dossier import Dossier
from tests.conftest import INTERNAL_NOTE, SECRET_EVENT
from tests.export.conftest import pack_of, pdf_pages, squash


def test_the_child_writes_the_pack_and_reports_progress(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    seen = []
    with Dossier.open(path) as dossier:  # open for writing, as the window has it
        result = packs.make_pack(dossier, [tmp_path / "stuk.pdf", tmp_path / "stuk.docx"],
                                 PackOptions(author="Griffie Arnhem"), lambda done, total: seen.append((done, total)),
                                 isolated=True)
    assert result.written == (tmp_path / "stuk.pdf", tmp_path / "stuk.docx")
    assert all(path.stat().st_size > 0 for path in result.written)
    text = squash(" ".join(pdf_pages(result.written[0])))
    assert "Griffie Arnhem" in text and "Motie stedenband met Wuhan verbreken" in text
    assert seen and seen[-1][0] == seen[-1][1]
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)  # over both files, forwards


def test_a_bad_target_is_refused_before_anything_is_written(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier, pytest.raises(DossierError, match="de map voor het stuk bestaat niet"):
        packs.make_pack(dossier, [tmp_path / "stuk.pdf", tmp_path / "nergens" / "stuk.pdf"], PackOptions(),
                        isolated=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_problem_in_the_child_is_reported_as_its_sentence(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier, pytest.raises(ChildFailed, match="vergadering 'geen-vergadering'"):
        packs.make_pack(dossier, tmp_path / "stuk.pdf", PackOptions(meeting="geen-vergadering"), isolated=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("include", [(), (Confidentiality.INTERNAL,), ("internal", "confidential")])
def test_the_counts_are_the_items_the_pack_prints(arnhem_with_secrets, include):
    """The export dialog's figures come from the builder: every item printed is counted once, and an item
    kept out for its level alone counts as left out."""
    options = PackOptions(include=frozenset(include))
    with Dossier.open(arnhem_with_secrets, read_only=True) as dossier:
        counts = packs.pack_counts(dossier, options)
        everything = pack_of(dossier, PackOptions(include=frozenset(Confidentiality)))
        text = " ".join(getattr(block, "text", "") + " ".join(map(str, getattr(block, "rows", ())))
                        for block in pack_of(dossier, options).blocks)
    levels = {Confidentiality(level) for level in include}
    withheld = {Confidentiality.INTERNAL, Confidentiality.CONFIDENTIAL} - levels
    assert (SECRET_EVENT in text) == (Confidentiality.CONFIDENTIAL in levels)
    assert (INTERNAL_NOTE in text) == (Confidentiality.INTERNAL in levels)
    assert counts.withheld_items == len(withheld)  # the fixture adds one internal and one confidential event
    assert counts.included_items + counts.withheld_items == everything.included_items
    assert (counts.marking is not None) == bool(levels)
