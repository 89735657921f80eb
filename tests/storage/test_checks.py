"""Check and repair: plain-language findings, nothing changed by a check, repair backs up first."""

import sqlite3

from raadsdossier.storage import backups, checks
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256


def _break(path, *statements):
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)


def test_a_sound_demo_dossier_checks_ok(demo_dir, cli):
    result = cli("check", demo_dir / "arnhem-wuhan.raadsdossier")
    assert result.returncode == 0 and "het dossier is in orde" in result.stdout


def test_check_reports_each_problem_in_plain_language_and_changes_nothing(demo_copy, cli):
    from raadsdossier.domain.models import ChecklistAssessment

    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier, dossier.transaction() as session:  # from a later checklist version, say
        session.add(ChecklistAssessment(template="amnesty-2021", checklist_item_id="B99"))
    _break(path,
           "DELETE FROM motions WHERE rowid = (SELECT min(rowid) FROM motions)",  # its votes and a demonstration dangle
           "DELETE FROM search_index WHERE rowid = (SELECT max(rowid) FROM search_index)")
    before = sha256(path)
    result = cli("check", path)
    assert result.returncode == 1
    out = result.stdout
    assert "rijen in 'votes' verwijzen naar iets in 'motions' dat niet bestaat" in out
    assert "1 item van soort 'motion' mist zijn gegevens" in out
    assert "stemmingen horen bij geen enkele motie" in out
    assert "(en)" not in out and "(s)" not in out
    assert "de zoekindex klopt niet met de gegevens (" in out and "1 ontbreekt" in out
    assert "1 beoordeling hoort bij geen punt van de checklist 'amnesty-2021' (B99)" in out and "niet te repareren" in out
    assert sha256(path) == before and not backups.list_backups(path)


def test_repair_backs_up_first_and_mends_as_the_schema_would(demo_copy):
    path = demo_copy("arnhem-wuhan")
    with sqlite3.connect(path) as conn:
        demonstrations = conn.execute("SELECT count(*) FROM demonstrations WHERE motion_id IS NOT NULL").fetchone()[0]
        motions = conn.execute("SELECT count(*) FROM motions").fetchone()[0]
    assert demonstrations == 1
    _break(path, "DELETE FROM motions WHERE id = (SELECT motion_id FROM demonstrations WHERE motion_id IS NOT NULL)",
           "UPDATE search_index SET body = 'verouderd' WHERE rowid = (SELECT min(rowid) FROM search_index)")
    with Dossier.open(path) as dossier:
        report = checks.repair(dossier)
    assert report.ok, report.lines_nl()
    assert report.backup.name.endswith(".repair.raadsdossier")
    with sqlite3.connect(report.backup) as conn:  # the backup holds the state before the repair
        assert conn.execute("SELECT count(motion_id) FROM demonstrations").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM search_index WHERE body = 'verouderd'").fetchone()[0] == 1
    assert any("zoekindex opnieuw opgebouwd" in line for line in report.repaired)
    with sqlite3.connect(path) as conn:
        # The demonstration stays; only its reference to the lost motion is emptied (ON DELETE SET NULL).
        assert conn.execute("SELECT count(*), count(motion_id) FROM demonstrations").fetchone() == (1, 0)
        assert conn.execute("SELECT count(*) FROM motions").fetchone()[0] == motions - 1
        assert conn.execute("SELECT count(*) FROM votes WHERE motion_id NOT IN (SELECT id FROM motions)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM items WHERE kind = 'motion'").fetchone()[0] == motions - 1


def test_cli_repair_says_what_it_did(demo_copy, cli):
    path = demo_copy("enschede-dalian")
    _break(path, "DELETE FROM search_index")
    result = cli("check", path, "--repair")
    assert result.returncode == 0
    assert "reservekopie vóór de reparatie:" in result.stdout and "gerepareerd: zoekindex opnieuw opgebouwd" in result.stdout
    assert "het dossier is in orde" in result.stdout
    assert cli("search", path, "Dalian").stdout.strip()


def test_a_large_import_is_preceded_by_a_backup(new_dossier, tmp_path, cli):
    import json

    events = [{"id": f"00000000-0000-4000-8000-{n:012d}", "title": f"Gebeurtenis {n}", "source_ids": []}
              for n in range(120)]
    document = {"format": "raadsdossier/1", "events": events}
    source = tmp_path / "veel.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = cli("import", new_dossier, source)
    assert result.returncode == 0, result.stderr
    made = [b.reason for b in backups.list_backups(new_dossier)]
    assert "import" in made
    [before_import] = [b for b in backups.list_backups(new_dossier) if b.reason == "import"]
    assert backups.item_counts(before_import.path) == {}


def test_values_changed_outside_the_app_are_named_and_dates_mended(demo_copy, cli, tmp_path):
    """A date, a time or a JSON text edited outside Raadsdossier: loading it failed with a bare Python error in
    every command that showed the item. Now the check names each, a repair empties what may be empty, and the
    commands in between say what is wrong."""
    path = demo_copy("arnhem-wuhan")
    _break(path, "UPDATE motions SET date = '2021-13'",
           "UPDATE question_sets SET submitted_on = '2022-02-30'",
           "UPDATE items SET created_at = 'gisteren' WHERE rowid = (SELECT min(rowid) FROM items)")
    pack = cli("pack", path, "-o", tmp_path / "stuk.pdf")
    assert pack.returncode == 1 and "Traceback" not in pack.stderr and not (tmp_path / "stuk.pdf").exists()
    assert "een opgeslagen waarde in het dossier kan niet worden gelezen" in pack.stderr
    assert "raadsdossier check --repair" in pack.stderr

    result = cli("check", path)
    assert result.returncode == 1
    assert "3 opgeslagen waarden kunnen niet worden gelezen, bijvoorbeeld de datum" in result.stdout
    assert "(te repareren)" in result.stdout

    result = cli("check", path, "--repair")
    assert result.returncode == 0, result.stdout
    assert "de datum ‘2021-13’ bij de motie ‘Motie stedenband met Wuhan verbreken’ leeggemaakt" in result.stdout
    assert "de datum ‘2022-02-30’ bij de vragenset" in result.stdout
    assert "de datum ‘gisteren’ bij" in result.stdout and "vervangen door het tijdstip van deze reparatie" in result.stdout
    assert "het dossier is in orde" in result.stdout
    [backup] = [b.path for b in backups.list_backups(path) if b.reason == "repair"]
    with sqlite3.connect(backup) as conn:  # what was there is kept in the backup
        assert conn.execute("SELECT date FROM motions").fetchone()[0] == "2021-13"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*), count(date) FROM motions").fetchone() == (1, 0)
        assert conn.execute("SELECT count(*) FROM items WHERE created_at IS NULL").fetchone()[0] == 0
    assert cli("pack", path, "-o", tmp_path / "stuk.pdf").returncode == 0


def test_a_value_that_must_be_there_is_left_for_a_backup(demo_copy, cli):
    path = demo_copy("arnhem-wuhan")
    _break(path, "UPDATE partnerships SET focus_themes = '[kapot'")
    result = cli("check", path, "--repair")
    assert result.returncode == 1
    assert ("1 opgeslagen waarde kan niet worden gelezen, bijvoorbeeld de waarde ‘[kapot’ bij de stedenband "
            "‘Arnhem – Wuhan’ (niet te repareren; zet een reservekopie terug)") in result.stdout
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT focus_themes FROM partnerships").fetchone()[0] == "[kapot"


def test_sqlites_own_words_are_said_in_dutch():
    from raadsdossier.storage.sqlitefile import first_problem

    assert [first_problem(text) for text in (
        "*** in database main ***\nPage 77: btreeInitPage() returns error code 11",
        "On tree page 12 cell 3: Rowid 5 out of order", "row 5 missing from index ix_items_kind",
        "wrong # of entries in index ix_x", "no such table: vote_casts", "duplicate column name: agenda_item_id",
        "something SQLite says one day")] == [
        "pagina 77 van het bestand is beschadigd", "pagina 12 van het bestand is beschadigd",
        "rij 5 ontbreekt in de index 'ix_items_kind'", "de index 'ix_x' heeft een verkeerd aantal regels",
        "de tabel 'vote_casts' ontbreekt", "de kolom 'agenda_item_id' bestaat twee keer",
        "something SQLite says one day"]
