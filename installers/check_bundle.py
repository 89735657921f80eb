"""Check a PyInstaller one-folder build of Raadsdossier for what the app loads at run time.

    .venv/bin/python installers/check_bundle.py dist/raadsdossier

The frozen `--selftest` exercises the main paths; this checks, without running anything,
what a self-test might not reach: every module of the package (importers are found by
name), what the Alembic migrations import, sqlcipher3 (imported only for encrypted
dossiers), every shipped resource and migration file, and that unused Qt modules stayed out.
Exit 1 with one line per problem.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_USED = {"QtCore", "QtGui", "QtWidgets"}


def _executable(bundle: Path) -> Path:
    for name in ("raadsdossier", "raadsdossier-cli.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise SystemExit(f"{bundle}: no raadsdossier executable in this folder")


def bundled_modules(executable: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    pyz = next(name for name in archive.toc if name.endswith(".pyz"))
    return set(archive.open_embedded_archive(pyz).toc)


def package_modules() -> set[str]:
    src = ROOT / "src"
    out = set()
    for path in (src / "raadsdossier").rglob("*.py"):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out.add(".".join(parts))
    return out


def migration_imports() -> set[str]:
    out = set()
    for path in (ROOT / "db").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                out.add(node.module)
    return out


def problems(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    found: list[str] = []
    modules = bundled_modules(_executable(bundle))
    on_disk = {".".join(p.relative_to(internal).with_suffix("").parts).removesuffix(".__init__")
               for p in internal.rglob("*.py")}  # modules collected as files (module_collection_mode)
    have = modules | on_disk
    wanted = package_modules() | migration_imports() | {"alembic.op", "alembic.context", "alembic.ddl.sqlite"}
    if importlib.util.find_spec("sqlcipher3") is not None:
        wanted |= {"sqlcipher3", "sqlcipher3.dbapi2", "sqlalchemy.dialects.sqlite.pysqlcipher"}
        if not list((internal / "sqlcipher3").glob("_sqlite3*")):
            found.append("sqlcipher3's compiled module (_sqlite3) is missing")
    found += [f"module {name} is not in the bundle" for name in sorted(wanted - have)]
    for folder in ("resources", "db"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = path.relative_to(ROOT)
                if not (internal / relative).is_file():
                    found.append(f"file {relative.as_posix()} is not in the bundle")
    if not list(internal.glob("raadsdossier-*.dist-info")):
        found.append("raadsdossier's metadata (dist-info) is missing: --version would say 0.0.0")
    pyside = internal / "PySide6"
    unused = sorted(p.name for p in pyside.glob("Qt*.*") if p.name.split(".")[0] not in QT_USED and p.suffix in (".so", ".pyd"))
    found += [f"unused Qt module {name} is in the bundle (excluded in raadsdossier.spec?)" for name in unused]
    if not list(pyside.rglob("platforms/*qoffscreen*")) or not list(pyside.rglob("platforms/*q*")):
        found.append("Qt's platform plugins are missing")
    return found


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "raadsdossier")
    found = problems(bundle)
    for problem in found:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if found:
        return 1
    print(f"check_bundle: {bundle} has every module, resource and migration the app loads")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
