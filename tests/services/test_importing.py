"""The one import: a dry run names every file it cannot import and writes nothing; the import is all or nothing."""

from __future__ import annotations

import pytest

from raadsdossier.domain.errors import DossierError
from raadsdossier.services import importing, lists
from raadsdossier.storage.dossier import Dossier
from tests.conftest import REPO, sha256

KAMERVRAGEN = REPO / "tests" / "fixtures" / "kamervragen-2022Z11774.txt"


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "vragen.txt"
    good.write_text(KAMERVRAGEN.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "kapot.json"
    bad.write_text('{"format": "raadsdossier/1", "motions": [', encoding="utf-8")
    return good, bad


def test_a_dry_run_reports_each_file_and_writes_nothing(new_dossier, files):
    good, bad = files
    before = sha256(new_dossier)
    with Dossier.open(new_dossier) as dossier:
        result = importing.import_files(dossier, [good, bad], dry_run=True)
        assert [f.name for f in result.files] == [str(good), str(bad)]
        assert result.files[0].report.added["question_sets"] == 1 and result.files[0].format == "questions-text"
        assert result.files[1].error is not None and str(result.files[1].error).startswith(str(bad))
        assert not result.change and lists.count(dossier, "question_sets") == 0
        with pytest.raises(DossierError, match="kapot.json"):  # what a dry run could not read is never imported
            importing.import_files(dossier, result)
        with pytest.raises(DossierError, match="kapot.json"):
            importing.import_files(dossier, [good, bad])
        assert lists.count(dossier, "question_sets") == 0
    assert sha256(new_dossier) == before


def test_a_dry_run_can_be_imported_without_reading_the_files_again(new_dossier, files):
    good, _bad = files
    with Dossier.open(new_dossier) as dossier:
        result = importing.import_files(dossier, [good], dry_run=True)
        good.unlink()  # gone: the import uses what the dry run read
        done = importing.import_files(dossier, result)
        assert done.change.added["question_set"] and lists.count(dossier, "question_sets") == 1


def test_a_large_file_read_in_a_child_process_gives_the_same_document(new_dossier, files, monkeypatch):
    good, bad = files
    with Dossier.open(new_dossier) as dossier:
        here = importing.import_files(dossier, [good], dry_run=True)
        monkeypatch.setattr(importing, "READ_APART", 0)  # every file counts as large
        apart = importing.import_files(dossier, [good, bad], dry_run=True, isolated=True)
    assert apart.documents == here.documents
    assert str(apart.files[1].error).startswith(str(bad))  # the child's sentence, naming the file
