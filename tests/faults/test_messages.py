"""Messages are Dutch all through, name the file, and give a size in one unit; nothing ends in a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from raadsdossier import cli as cli_module
from raadsdossier.base.sizes import megabytes, size_text
from raadsdossier.storage.files import os_reason

ENGLISH = ("No such file", "No space left", "Read-only file system", "Too many levels", "Permission denied",
           "Not a directory", "database is locked", "disk I/O error", "Traceback")


def _dutch_only(text: str) -> bool:
    return not any(words in text for words in ENGLISH)


def test_a_symbolic_link_loop_is_named_as_one_not_as_missing(tmp_path, cli):
    first, second = tmp_path / "a.raadsdossier", tmp_path / "b.raadsdossier"
    first.symlink_to(second)
    second.symlink_to(first)
    result = cli("info", first)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "te veel koppelingen" in line and "naar zichzelf" in line and "bestaat niet" not in line
    assert str(first) in line and _dutch_only(line)


def test_a_pack_written_where_a_folder_is_a_file_says_so_in_dutch(demo_copy, tmp_path, cli):
    path = demo_copy("arnhem-wuhan")
    (tmp_path / "stukken").write_text("geen map")
    result = cli("pack", path, "-o", tmp_path / "stukken" / "stuk.pdf")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "'stukken' is een bestand, geen map" in line and _dutch_only(line)


def test_a_full_and_a_read_only_disk_are_named_in_dutch(demo_copy, small_disk, cli):
    path = demo_copy("arnhem-wuhan")
    full = small_disk(64 * 1024)
    result = cli("pack", path, "-o", full / "stuk.pdf")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "het stuk kon niet worden geschreven (de schijf is vol)" in line and _dutch_only(line)
    assert not list(full.iterdir())  # no half-written pack left behind
    read_only = small_disk(1024 * 1024)
    shutil.copyfile(path, read_only / path.name)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only)], check=True)
    result = cli("backup", read_only / path.name)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "alleen-lezen" in line and _dutch_only(line), line


def test_the_common_system_reasons_are_dutch():
    import errno

    for number in (errno.ENOSPC, errno.EACCES, errno.EROFS, errno.ELOOP, errno.EMLINK, errno.ENOENT):
        reason = os_reason(OSError(number, os.strerror(number)))
        assert reason != os.strerror(number) and _dutch_only(reason)


def test_sizes_and_limits_have_one_unit(tmp_path, demo_copy, cli):
    assert megabytes(50 * 1024 * 1024) == "50 MB" and megabytes(1_300_000) == "1,2 MB"
    assert size_text(12_000) == "12 kB" and size_text(250 * 1024 * 1024) == "250 MB"
    path = demo_copy("arnhem-wuhan")
    big = tmp_path / "groot.json"
    big.write_text('{"format": "raadsdossier/1", "notes": [')
    os.truncate(big, 600 * 1024 * 1024)  # sparse: no disk used, and refused before it is read
    result = cli("import", path, big)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "het bestand is 600 MB; bestanden met interchange-JSON groter dan 512 MB worden niet ingelezen" in line
    attachment = tmp_path / "groot.pdf"
    attachment.write_bytes(b"%PDF-1.4\n")
    os.truncate(attachment, 201 * 1024 * 1024)
    result = cli("import", path, attachment)
    assert "het bestand is 201 MB; bijlagen groter dan 200 MB worden niet ingelezen" in result.stderr


def test_an_unexpected_fault_is_one_sentence_not_a_traceback(run, monkeypatch):
    def broken(args):
        raise RuntimeError("iets onverwachts")

    monkeypatch.setitem(cli_module.COMMANDS, "info", broken)
    code, out, err = run("info", "x.raadsdossier")
    assert code == 1 and out == ""
    [line] = err.strip().splitlines()
    assert "onverwachte fout bij 'info' (RuntimeError: iets onverwachts)" in line
    assert "blijft opgeslagen" in line and "Traceback" not in err


@pytest.mark.parametrize("command", ["info", "check", "search"])
def test_reading_commands_name_the_file_when_it_is_missing(tmp_path, run, command):
    missing = tmp_path / "weg.raadsdossier"
    code, _out, err = run(command, missing, *(["motie"] if command == "search" else []))
    assert code == 1 and str(missing) in err and "bestaat niet" in err and _dutch_only(err)


def test_a_docx_pack_on_a_nearly_full_disk_is_one_sentence_and_no_traceback(demo_copy, small_disk, cli):
    path = demo_copy("arnhem-wuhan")
    for size in (8, 16, 28):  # full at the zip's first part, at its middle, at its central directory
        disk = small_disk(size * 1024)
        result = cli("pack", path, "-o", disk / "stuk.docx")
        assert result.returncode == 1
        [line] = result.stderr.strip().splitlines()  # no "Exception ignored in: <function ZipFile.__del__ …>"
        assert "het stuk kon niet worden geschreven (de schijf is vol)" in line and _dutch_only(line)
        assert not list(disk.iterdir())


def test_a_write_to_a_read_only_folder_names_the_users_file(demo_copy, small_disk, cli):
    path = demo_copy("arnhem-wuhan")
    read_only = small_disk(1024 * 1024)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only)], check=True)
    for command, name, what in (("pack", "stuk.pdf", "het stuk"), ("pack", "stuk.docx", "het stuk"),
                                ("export-json", "export.json", "de export")):
        result = cli(command, path, "-o", read_only / name)
        assert result.returncode == 1
        [line] = result.stderr.strip().splitlines()
        assert line == f"raadsdossier: {read_only / name}: {what} kon niet worden geschreven (de schijf of map is " \
                       "alleen-lezen)."
