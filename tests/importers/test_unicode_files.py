"""Files saved as UTF-16 or UTF-32 with a byte order mark (Notepad's and Excel's "Unicode"): recognised and read
like the same file in UTF-8. The files are the real fixtures, encoded again in the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from raadsdossier.importers import detect_format, read_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KAMERVRAGEN = FIXTURES / "kamervragen-2022Z11774.txt"
UYGHUR = FIXTURES / "koop" / "kst-32735-395.xml"
ALTENA = FIXTURES / "council" / "notubiz_altena_motions.json"


def encoded(tmp_path: Path, fixture: Path, encoding: str) -> Path:
    text = fixture.read_text(encoding="utf-8")
    if fixture.suffix == ".xml":  # XML names its encoding, and a parser holds the file to it
        text = text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"', 1)
    path = tmp_path / fixture.name
    path.write_bytes(text.encode(encoding))  # Python's "utf-16" and "utf-32" write the byte order mark
    return path


@pytest.mark.parametrize("fixture, name", [(KAMERVRAGEN, "questions-text"), (UYGHUR, "koop-xml"),
                                           (ALTENA, "notubiz")])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_file_in_utf16_or_utf32_reads_as_in_utf8(tmp_path, fixture, name, encoding):
    path = encoded(tmp_path, fixture, encoding)
    assert detect_format(path).name == name
    _fmt, document = read_source(path)
    _fmt, expected = read_source(fixture)
    assert json.dumps(document, sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_a_text_attachment_in_utf16_is_kept_with_its_text(run, new_dossier, tmp_path):
    path = tmp_path / "aantekening.txt"
    path.write_bytes("Losse notitie over Wuhan 武汉: de stedenband ligt stil.\n".encode("utf-16"))
    assert detect_format(path).name == "attachment"
    code, out, err = run("import", new_dossier, path)
    assert code == 0, err
    code, out, err = run("export-json", new_dossier)
    (attachment,) = json.loads(out)["attachments"]
    assert attachment["extracted_text"] == "Losse notitie over Wuhan 武汉: de stedenband ligt stil."
