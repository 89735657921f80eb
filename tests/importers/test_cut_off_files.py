"""A download cut off before the signs its format is recognised by is named for what it is, JSON or XML that
breaks off at a line and column, also when the format is left to be recognised ("herkennen"), as when it is
chosen; not "het formaat van dit bestand is niet herkend". The files are the real fixtures, cut in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import detect_format, read_source
from tests.conftest import sha256

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALKMAAR = FIXTURES / "council" / "notubiz_alkmaar_motions.json"


def cut(tmp_path: Path, fixture: Path, size: int) -> Path:
    path = tmp_path / fixture.name
    path.write_bytes(fixture.read_bytes()[:size])
    return path


def refusal(path: Path, format_name: str) -> str:
    with pytest.raises(InvalidInput) as refused:
        read_source(path, format_name)
    return str(refused.value)


def test_a_notubiz_download_cut_off_after_16_lines_says_where_its_json_breaks(run, new_dossier, tmp_path):
    path = tmp_path / ALKMAAR.name
    path.write_text("".join(ALKMAAR.read_text(encoding="utf-8").splitlines(keepends=True)[:16]).rstrip("\n"),
                    encoding="utf-8")
    before = sha256(new_dossier)
    code, _out, err = run("import", "--dry-run", new_dossier, path)
    assert code == 1
    assert f"{path}: geen geldige JSON op regel 16, kolom 19: hier wordt een naam tussen dubbele aanhalingstekens " \
           "verwacht." in err
    assert "niet herkend" not in err and sha256(new_dossier) == before
    assert refusal(path, "auto") == refusal(path, "notubiz")


@pytest.mark.parametrize("fixture, format_name, size", [
    (ALKMAAR, "notubiz", 200),
    (FIXTURES / "council" / "notubiz_meeting_amsterdam.json", "notubiz-meeting", 1500),
    (FIXTURES / "tk-odata" / "zaak_motie_2025Z10660_expand_document.json", "tk-odata", 600),
    (FIXTURES / "tk-odata" / "zaak_page502_value_array.json", "tk-odata", 600),
    (FIXTURES / "koop" / "kst-32735-395.xml", "koop-xml", 50),
    (FIXTURES / "koop" / "wetsuite_sru_record_gmb-2023-174296.xml", "koop-sru", 50),
])
def test_a_cut_off_download_is_refused_as_when_its_format_is_chosen(tmp_path, fixture, format_name, size):
    path = cut(tmp_path, fixture, size)
    recognised = refusal(path, "auto")
    assert recognised == refusal(path, format_name)
    kind = "JSON" if fixture.suffix == ".json" else "XML"
    assert recognised.startswith(f"{path}: geen geldige {kind} ") and "regel" in recognised


def test_whole_json_or_xml_of_another_kind_is_still_not_recognised(tmp_path):
    for name, text in (("instellingen.json", '{"thema": "donker", "\u00a0": [1, 2]}'),
                       ("lijst.json", "\ufeff[1, 2, 3]"), ("boek.xml", "<?xml version='1.0'?><boek>Titel</boek>")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InvalidInput, match="het formaat van dit bestand is niet herkend"):
            detect_format(path)
