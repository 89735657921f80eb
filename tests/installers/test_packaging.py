"""The installer files agree with pyproject.toml and with each other, and the Linux ones validate."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from raadsdossier.cli.parser import build_parser as _build_parser
from raadsdossier.storage.dossier import SUFFIX

REPO = Path(__file__).resolve().parents[2]
INSTALLERS = REPO / "installers"
LINUX = INSTALLERS / "linux"
APP_ID = "nl.raadsdossier.Raadsdossier"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
ISS = INSTALLERS / "windows" / "raadsdossier.iss"


def pyproject_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_version_is_read_from_pyproject_not_written_down(tmp_path):
    """A copy of installers/ next to a pyproject.toml with another version reports that version."""
    (tmp_path / "installers" / "windows").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "raadsdossier"\nversion = "9.8.7rc1"\n'
                                             'dependencies = ["sqlcipher3>=0.5", "alembic"]\n', encoding="utf-8")
    shutil.copy(INSTALLERS / "project.py", tmp_path / "installers" / "project.py")
    shutil.copy(INSTALLERS / "windows" / "make_iss_version.py", tmp_path / "installers" / "windows")
    project = load(tmp_path / "installers" / "project.py", "project_copy")
    assert (project.name(), project.version(), project.windows_version()) == ("raadsdossier", "9.8.7rc1", "9.8.7.0")
    assert project.dependency_names() == {"sqlcipher3", "alembic"}
    done = subprocess.run([sys.executable, str(tmp_path / "installers" / "windows" / "make_iss_version.py")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '#define AppVersion "9.8.7rc1"' in (tmp_path / "installers" / "windows" / "version.iss").read_text()


def test_the_spec_takes_name_and_version_from_project_py():
    spec = (INSTALLERS / "raadsdossier.spec").read_text(encoding="utf-8")
    assert "NAME = project.name()" in spec and "VERSION = project.version()" in spec
    assert not re.search(r"""version\s*=\s*["']\d""", spec, re.IGNORECASE)
    assert 'collect_submodules("raadsdossier")' in spec and "sqlcipher3" in spec


def test_the_committed_version_iss_matches_pyproject():
    done = subprocess.run([sys.executable, str(INSTALLERS / "windows" / "make_iss_version.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f'#define AppVersion "{pyproject_version()}"' in (ISS.parent / "version.iss").read_text(encoding="utf-8")


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def test_the_windows_installer_is_per_user_associates_files_and_leaves_user_data():
    text = ISS.read_text(encoding="utf-8")
    assert '#include "version.iss"' in text and "AppVersion={#AppVersion}" in text
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"  # %LOCALAPPDATA%\Programs\Raadsdossier when per user
    assert setup["ChangesAssociations"] == "yes"
    assert any(r"{autoprograms}\{#AppName}" in line for line in sections["Icons"])
    registry = "\n".join(sections["Registry"])
    assert r"Software\Classes\.raadsdossier" in registry and SUFFIX == ".raadsdossier"
    assert '""{app}\\{#AppExe}"" gui ""%1""' in registry
    # The uninstaller removes what was installed, nothing more: the app's data folder
    # (platformdirs: %LOCALAPPDATA%\Raadsdossier) and the user's documents are never named.
    assert "UninstallDelete" not in sections
    code = "\n".join(line for lines in sections.values() for line in lines).lower()
    for folder in ("{localappdata}", "{userappdata}", "{userdocs}", "{commonappdata}", "{%localappdata}"):
        assert folder not in code
    assert all(line.lower().startswith("type: filesandordirs; name: \"{app}\\") for line in sections["InstallDelete"])


def test_the_file_association_command_is_one_the_cli_accepts():
    args = _build_parser().parse_args(["gui", "C:/dossiers/arnhem.raadsdossier"])
    assert args.command == "gui" and [str(p) for p in args.files] == ["C:/dossiers/arnhem.raadsdossier"]
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(DESKTOP, encoding="utf-8")
    exec_line = entry["Desktop Entry"]["Exec"].split()
    assert exec_line[:2] == ["raadsdossier", "gui"] and exec_line[2] in ("%f", "%F")


def test_desktop_entry_mime_type_and_metainfo_agree():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["MimeType"] == "application/x-raadsdossier;"
    assert desktop["Icon"] == APP_ID
    import xml.etree.ElementTree as ET

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-raadsdossier"
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == [f"*{SUFFIX}"]
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.find("provides/mediatype").text == "application/x-raadsdossier"
    assert component.find("releases/release").get("version") == pyproject_version()


def test_the_icon_exists_as_svg_png_and_ico():
    icons = INSTALLERS / "icons"
    assert (icons / "raadsdossier.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (icons / "raadsdossier.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (icons / "raadsdossier.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/test.sh installs it on Debian/Ubuntu)")
    return path


def test_the_desktop_entry_validates():
    done = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_appstream_metadata_validates():
    done = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_mime_type_installs_and_claims_the_suffix(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    done = subprocess.run([tool("update-mime-database"), str(tmp_path / "mime")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "application/x-raadsdossier:*.raadsdossier" in (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
