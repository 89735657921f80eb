"""`raadsdossier --selftest`: every step reports, a broken step makes it exit 1 without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from raadsdossier.cli import selftest
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.base.paths import resource

REPO = Path(__file__).resolve().parents[2]


def step_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line[:3].strip().rstrip(".").isdigit()]


def test_selftest_passes_from_source_in_a_subprocess(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["RAADSDOSSIER_HOME"] = str(tmp_path / "home")  # the self-test must not touch it
    done = subprocess.run([sys.executable, "-m", "raadsdossier", "--selftest"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = step_lines(done.stdout)
    assert len(lines) == len(selftest.STEPS) >= 7
    assert all(" OK " in line for line in lines), done.stdout
    assert "platform offscreen" in done.stdout  # chose offscreen itself: no display was set
    assert "Zelftest geslaagd" in done.stdout
    assert not (tmp_path / "home").exists() and list(tmp_path.iterdir()) == []


def test_a_broken_step_is_reported_and_the_others_still_run(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise InvalidInput(Path("kst-26643-1344.xml"), "kapot gemaakt door de test")

    monkeypatch.setattr("raadsdossier.services.importing.read_source", broken)
    before = os.environ.get("RAADSDOSSIER_HOME")
    assert selftest.run() == 1
    out = capsys.readouterr().out
    lines = step_lines(out)
    assert len(lines) == len(selftest.STEPS)
    status = {line.split("  ")[0].split(". ", 1)[1]: line for line in lines}
    assert " FOUT " in status["bestand importeren"] and "kapot gemaakt door de test" in status["bestand importeren"]
    assert " FOUT " in status["zoeken"]  # nothing was imported, so nothing is found
    for ok in ("dossier maken", "notitie opslaan en teruglezen", "PDF-stuk maken", "DOCX-stuk maken",
               "programmavenster openen"):
        assert " OK " in status[ok], out
    assert "Traceback" not in out and "Zelftest MISLUKT: 2 van" in out
    assert os.environ.get("RAADSDOSSIER_HOME") == before


def test_an_unexpected_error_names_its_type(capsys):
    def explode(ctx):
        raise ModuleNotFoundError("No module named 'sqlcipher3'")

    steps = [selftest.Step("ontploffen", explode), *selftest.STEPS[:1]]
    assert selftest.run(steps) == 1
    out = capsys.readouterr().out
    assert "FOUT" in out and "ModuleNotFoundError: No module named 'sqlcipher3'" in out
    assert " OK " in step_lines(out)[1]


def test_the_shipped_fixture_is_the_test_fixture():
    shipped = resource(*selftest.FIXTURE)
    assert shipped.read_bytes() == (REPO / "tests" / "fixtures" / "koop" / shipped.name).read_bytes()
    assert shipped.name in (shipped.parent / "README.md").read_text(encoding="utf-8")
