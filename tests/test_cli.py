"""Every command of `raadsdossier`, as a clerk's script would use it."""

import json
import sqlite3
import subprocess
import sys

import pytest

from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256


def test_new_info_and_search(run, tmp_path):
    path = tmp_path / "dalian.raadsdossier"
    code, out, err = run("new", path, "--dutch-side", "Enschede", "--level", "municipality", "--partner", "Dalian",
                         "--partner-native", "大连", "--since", "1998", "--status", "active")
    assert code == 0, err
    code, out, err = run("info", path)
    assert code == 0
    assert "Enschede (gemeente) – Dalian (大连), China" in out
    assert "sinds: 1998; status: actief" in out
    assert "checklist amnesty-2021: 0 van 32 afgerond" in out
    code, out, err = run("info", path, "--json")
    info = json.loads(out)
    assert info["partnership"]["partner_native_name"] == "大连"
    assert info["counts"] == {}
    code, out, err = run("search", path, "dalian", "--json")
    assert [hit["kind"] for hit in json.loads(out)] == ["partnership"]


def test_new_from_directory_row(run, tmp_path):
    code, out, err = run("directory")
    assert code == 0
    rows = [line for line in out.splitlines() if line[:2].strip().isdigit()]
    assert len(rows) == 16
    assert "Overijssel – Liaoning" in out and "Voor 2007" in out
    path = tmp_path / "overijssel.raadsdossier"
    assert run("new", path, "--from-directory", "Overijssel-Liaoning")[0] == 0
    info = json.loads(run("info", path, "--json")[1])
    assert info["partnership"]["level"] == "province"
    assert info["partnership"]["since"] == "Voor 2007"
    assert info["partnership"]["status"] == "dormant"
    assert info["partnership"]["status_history"][0]["period"] == "Na 2020"


def test_new_usage_errors_exit_2(run, tmp_path):
    assert run("new", tmp_path / "x.raadsdossier")[0] == 2
    assert run("new", tmp_path / "x.raadsdossier", "--dutch-side", "Breda")[0] == 2
    assert run("new", tmp_path / "x.raadsdossier", "--dutch-side", "Breda", "--level", "stad", "--partner", "Y")[0] == 2
    assert run("frobnicate")[0] == 2
    assert not (tmp_path / "x.raadsdossier").exists()


def test_new_refuses_to_overwrite(run, new_dossier):
    before = sha256(new_dossier)
    code, out, err = run("new", new_dossier, "--dutch-side", "Arnhem", "--level", "municipality", "--partner", "Wuhan")
    assert code == 1 and "bestaat al" in err
    assert sha256(new_dossier) == before


def test_export_json_to_file_and_stdout_agree(run, new_dossier, tmp_path):
    out_file = tmp_path / "export.json"
    code, out, err = run("export-json", new_dossier, "-o", out_file)
    assert code == 0
    code, stdout, err = run("export-json", new_dossier)
    assert json.loads(out_file.read_text(encoding="utf-8")) == json.loads(stdout)
    assert json.loads(stdout)["format"] == "raadsdossier/1"


def test_new_in_a_folder_that_takes_no_files_says_so_in_one_sentence(run):
    import os
    from pathlib import Path

    import pytest

    folder = Path("/sys")  # no new files there, not even for root
    try:
        os.close(os.open(folder / "probe", os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    except OSError:
        pass
    else:
        pytest.skip("this system lets a file be made in /sys")
    code, out, err = run("new", folder / "n.raadsdossier", "--dutch-side", "X", "--partner", "Y",
                         "--level", "municipality")
    assert code == 1
    assert err.strip() == "raadsdossier: /sys/n.raadsdossier: in deze map kan geen dossier worden gemaakt " \
                          "(geen toestemming)."  # not "onverwachte fout ... OperationalError"


def test_export_json_never_writes_over_a_dossier_or_another_file_that_is_not_text(run, new_dossier, tmp_path):
    """`export-json A -o A.raadsdossier` replaced the dossier with its JSON (exit 0, no backup)."""
    other = tmp_path / "ander.raadsdossier"
    other.write_bytes(new_dossier.read_bytes())
    pdf = tmp_path / "stuk.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    kept = {path: sha256(path) for path in (new_dossier, other, pdf)}
    for target, says in ((new_dossier, "dit is het dossier zelf"), (other, "geen tekstbestand"),
                         (pdf, "geen tekstbestand"), (tmp_path, "dit is een map"),
                         (tmp_path / "nergens" / "x.json", "de map voor de export bestaat niet")):
        code, out, err = run("export-json", new_dossier, "-o", target)
        assert code == 1, target
        assert err.count("\n") == 1 and says in err and str(target) in err, err
        assert ".tmp" not in err  # the user's name, not the temporary file's
    assert {path: sha256(path) for path in kept} == kept
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left behind
    text = tmp_path / "oud.json"
    text.write_text("{}", encoding="utf-8")  # an earlier export is replaced
    assert run("export-json", new_dossier, "-o", text)[0] == 0
    assert json.loads(text.read_text(encoding="utf-8"))["format"] == "raadsdossier/1"


def test_a_pipe_in_place_of_a_file_is_refused_at_once(cli, new_dossier, tmp_path):
    import os

    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    dossier_fifo = tmp_path / "pijp.raadsdossier"
    os.mkfifo(dossier_fifo)
    before = sha256(new_dossier)
    for command, says in ((["import", new_dossier, fifo], "geen gewoon bestand"),
                          (["info", dossier_fifo], "geen gewoon bestand")):
        result = cli(*command)  # before, reading waited for a writer forever
        assert result.returncode == 1 and says in result.stderr and "Traceback" not in result.stderr
    assert sha256(new_dossier) == before


def test_a_reader_that_stops_reading_ends_the_command_quietly(new_dossier):
    import os
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "raadsdossier", "export-json", str(new_dossier)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy())
    process.stdout.close()  # as `| head -c 0` would
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert err == ""  # not "Broken pipe; er is niets veranderd.", nor Python's complaint at exit


def test_reading_commands_leave_the_dossier_unchanged(run, new_dossier):
    before = sha256(new_dossier)
    run("info", new_dossier)
    run("search", new_dossier, "Dalian")
    run("export-json", new_dossier)
    assert sha256(new_dossier) == before


def test_text_file_as_dossier_exits_1_with_one_line_and_is_unchanged(cli, tmp_path):
    text = tmp_path / "spreektekst.raadsdossier"
    text.write_text("Voorzitter, …\n", encoding="utf-8")
    before = sha256(text)
    for command in (["info", text], ["search", text, "Dalian"], ["export-json", text], ["import", text, text]):
        result = cli(*command)
        assert result.returncode == 1, command
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "spreektekst.raadsdossier: dit is een tekstbestand, geen Raadsdossier-dossier" in result.stderr
    assert sha256(text) == before


def test_missing_dossier_is_not_created(cli, tmp_path):
    result = cli("info", tmp_path / "enschde.raadsdossier")
    assert result.returncode == 1 and "bestaat niet" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_newer_dossier_is_refused_by_every_command(run, new_dossier):
    with sqlite3.connect(new_dossier) as conn:
        conn.execute("update alembic_version set version_num = '0099_future'")
    before = sha256(new_dossier)
    for command in (["info", new_dossier], ["import", new_dossier, new_dossier]):
        code, out, err = run(*command)
        assert code == 1 and "Werk Raadsdossier bij" in err and "schema 0099_future" in err
    assert sha256(new_dossier) == before


def test_without_display_the_app_names_the_headless_commands(cli):
    result = cli(env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert result.returncode == 1
    assert "geen beeldscherm" in result.stderr and "raadsdossier demo" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "qt.qpa" not in result.stderr and "Aborted" not in result.stderr


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("raadsdossier ")


def test_a_bare_file_name_opens_the_window_and_a_typo_is_a_usage_error(cli, new_dossier):
    opened = cli(new_dossier, env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert opened.returncode == 1 and "Er is geen beeldscherm beschikbaar" in opened.stderr  # the window was asked for
    typo = cli("infoo", "x")
    assert typo.returncode == 2 and "infoo" in typo.stderr


def test_search_prints_confidential_text_only_when_asked(run, new_dossier):
    from raadsdossier.domain.models import Note

    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        session.add(Note(title="Gesprek met familie Tursun", body="Broer vastgehouden in Urumqi",
                         confidentiality="confidential"))
        session.add(Note(title="Openbare spreektekst Urumqi", body="Over de stedenband"))
    code, out, err = run("search", new_dossier, "urumqi")
    assert code == 0 and "Openbare spreektekst" in out
    assert "Tursun" not in out and "vastgehouden" not in out and "[vertrouwelijk item]" in out
    assert "--include confidential" in err
    code, out, _err = run("search", new_dossier, "urumqi", "--json")
    assert "Tursun" not in out
    code, out, _err = run("search", new_dossier, "urumqi", "--include", "confidential")
    assert "Gesprek met familie Tursun" in out and "vastgehouden" in out


def test_starting_the_window_does_not_load_the_import_formats():
    import subprocess
    import sys

    code = ("import sys; from raadsdossier import cli; from raadsdossier.cli import launch; opened = []; "
            "launch.launch_gui = lambda files: opened.append([str(f) for f in files]) or 0; "
            "codes = [cli.main(['gui', 'a.raadsdossier']), cli.main(['map/b.raadsdossier']), cli.main([])]; "
            "print(codes, opened, sorted(m for m in sys.modules if m.startswith('raadsdossier.importers.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[0, 0, 0] [['a.raadsdossier'], ['map/b.raadsdossier'], []] []"


def test_info_and_search_load_only_what_they_need(demo_dir):
    """`info` and `search` read with plain SQL: no ORM models, no import formats, no schema checker, no pack
    builder (bench/cli_start.py measures what that saves)."""
    import subprocess
    import sys

    heavy = ("raadsdossier.domain.models", "raadsdossier.importers", "raadsdossier.interchange", "jsonschema",
             "raadsdossier.export.build", "sqlalchemy.orm", "PySide6")
    dossier = str(demo_dir / "arnhem-wuhan.raadsdossier")
    for command in (["info", dossier], ["search", dossier, "wuhan"]):
        code = (f"import sys; from raadsdossier.cli import main; status = main({command!r}); "
                f"print(sorted({{m.split('.')[0] + '.' + m.split('.')[1] if m.count('.') else m for m in sys.modules "
                f"if m.startswith({heavy!r})}})); sys.exit(status)")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().splitlines()[-1] == "[]", (command, result.stdout)


def test_import_exits_0_when_imported_3_when_there_was_nothing_to_import_and_1_when_not_recognised(run, new_dossier,
                                                                                                   tmp_path):
    """One rule for every format (docs/imports.md, "Exit codes and nothing to import"), in `import --help` too."""
    from tests.conftest import REPO

    fractions = REPO / "tests/fixtures/tk-odata/fractie_value_array.json"
    empty = tmp_path / "leeg.json"
    empty.write_text('{"format": "raadsdossier/1"}', encoding="utf-8")
    unknown = tmp_path / "onbekend.xml"
    unknown.write_text("<lijst><punt>1</punt></lijst>", encoding="utf-8")

    code, out, err = run("import", new_dossier, empty)
    assert (code, out) == (3, "")
    assert err == (f"raadsdossier: {empty}: niets te importeren: herkend als dossier-json, maar het bestand bevat "
                   "geen items.\n")
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, fractions, unknown)
    assert code == 1 and out == "" and f"{unknown}: het formaat van dit bestand is niet herkend" in err
    assert sha256(new_dossier) == before
    code, out, err = run("import", new_dossier, fractions, empty)
    assert code == 0 and "toegevoegd: 11 fracties" in out
    assert f"let op: {empty}: niets te importeren" in err
    code, out, err = run("import", new_dossier, fractions)  # already there as the file gives it: imported
    assert code == 0 and "al zo in het dossier: 11 fracties" in out, err

    code, out, err = run("import", "--help")
    assert code == 0
    assert "3 als elk bestand is herkend maar niets bevat om te importeren" in " ".join(out.split())


def test_a_broken_json_file_is_described_in_dutch(run, new_dossier, tmp_path):
    before = sha256(new_dossier)
    for text, says in (('{"format": "raadsdossier/1", "motions": [', "hier wordt een waarde verwacht"),
                       ('{"format": "raadsdossier/1", "motions": [{"title": "x}]}', "wordt niet afgesloten"),
                       ('{"format": "raadsdossier/1"} {}', "na het einde van de JSON staat nog meer")):
        bad = tmp_path / "kapot.json"
        bad.write_text(text, encoding="utf-8")
        code, out, err = run("import", new_dossier, bad)
        assert code == 1 and f"{bad}: geen geldige JSON op regel 1, kolom" in err and says in err, err
        assert "Expecting" not in err and "Unterminated" not in err and "Extra data" not in err
    assert sha256(new_dossier) == before


def test_a_damaged_dossier_is_described_once_and_by_its_first_problem(run, demo_copy):
    for offset, says in ((4096, "het dossier is beschadigd en kan niet worden gelezen."),
                         (102400, "het dossier is beschadigd (de integriteitscontrole meldt: pagina ")):
        path = demo_copy("arnhem-wuhan")
        with open(path, "r+b") as handle:
            handle.seek(offset)
            handle.write(b"\xff" * 3000)
        for command in ("info", "check"):
            code, out, err = run(command, path)
            assert code == 1 and says in err, err
            assert "(het bestand is beschadigd)" not in err  # not said twice
            assert "*** in database main ***" not in err  # SQLite's heading, not the problem
            assert "btreeInitPage" not in err and "Page " not in err  # SQLite's English, said in Dutch


def test_usage_errors_and_help_are_dutch_down_to_the_servers_commands(cli, new_dossier):
    for args, says in ((["frobnicate"], "raadsdossier: fout: argument OPDRACHT: ongeldige keuze: 'frobnicate'"),
                       (["info"], "raadsdossier info: fout: deze argumenten ontbreken: BESTAND"),
                       (["info", new_dossier, "--bogus"], "fout: onbekende argumenten: --bogus")):
        result = cli(*args)
        assert result.returncode == 2 and says in result.stderr and result.stderr.startswith("gebruik: "), \
            result.stderr
    shown = cli("server", "publish", "--help").stdout  # a command of a command: it was all English
    assert "argumenten:" in shown and "opties:" in shown and "toon deze hulp en stop" in shown
    assert "positional arguments" not in shown and "show this help" not in shown


def test_an_id_that_is_not_there_is_quoted_and_named_with_the_dossier_looked_in(run, new_dossier):
    """"De motie  bestaat niet" (an empty id, no dossier named) left the reader guessing."""
    for args, says in ((["history", new_dossier, ""], "Het item '' bestaat niet (meer) in dit dossier."),
                       (["assign-vote", new_dossier, "x", "y"], "De niet-toegewezen stemming 'x' bestaat niet"),
                       (["seats", new_dossier, "M99"], "Geen motie 'M99': dit dossier heeft geen moties.")):
        code, out, err = run(*args)
        assert code == 1 and err.startswith(f"raadsdossier: {new_dossier}: {says}"), err


def test_search_limit_out_of_range_is_one_sentence(run, new_dossier):
    for limit, says in (("0", "--limit moet minstens 1 zijn."), ("99999999999999999999", "--limit mag hoogstens "
                                                                                          "1.000.000 zijn.")):
        code, out, err = run("search", "--limit", limit, new_dossier, "breda")
        assert code == 1 and err == f"raadsdossier: {says}\n" and out == ""
    assert run("search", "--limit", "1000000", new_dossier, "breda")[0] == 0


@pytest.mark.parametrize("command", ["export-json", "meetings", "--version"])
def test_a_closed_standard_output_is_one_sentence(new_dossier, command):
    args = [command] if command.startswith("-") else [command, str(new_dossier)]
    result = subprocess.run(["sh", "-c", '"$0" -m raadsdossier "$@" >&-', sys.executable, *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "raadsdossier: er is geen uitvoer om naar te schrijven: de standaarduitvoer is gesloten. " \
                            "Stuur die naar een bestand (of naar /dev/null); wat al was opgeslagen, blijft opgeslagen.\n"


def test_a_missing_dossier_and_a_folder_in_the_way_are_worded_for_what_they_are(run, tmp_path):
    for args in (["info"], ["restore", tmp_path / "weg.raadsdossier.bak"]):
        code, _out, err = run(args[0], tmp_path / "weg.raadsdossier", *args[1:])
        assert code == 1 and err.startswith(f"raadsdossier: {tmp_path / 'weg.raadsdossier'}")
        assert err.endswith(": dit bestand bestaat niet.\n") and "aangemaakt" not in err
    (tmp_path / "map.raadsdossier").mkdir()
    code, _out, err = run("new", "--dutch-side", "Utrecht", "--level", "municipality", "--partner", "Xi",
                          tmp_path / "map.raadsdossier")
    assert code == 1 and "er bestaat al een map met deze naam" in err


def test_an_empty_import_file_is_called_empty(run, new_dossier, tmp_path):
    for name, data in (("leeg.txt", b""), ("wit.json", b" \n\n")):
        (tmp_path / name).write_bytes(data)
        code, _out, err = run("import", new_dossier, tmp_path / name)
        assert code == 1 and f"{tmp_path / name}: het bestand is leeg; er is niets te importeren." in err, err
