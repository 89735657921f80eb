"""The layers of docs/architecture.md hold: every module is walked, none imports a layer above its own, and
nothing below the window loads Qt."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import raadsdossier
from tests.conftest import REPO

PACKAGE = Path(raadsdossier.__file__).parent

# Lowest first. A package may import its own modules and those of any package with a lower rank; importers
# and export share a rank and do not import each other. `raadsdossier` itself (__main__) starts the CLI.
RANKS = {"base": 0, "domain": 1, "storage": 2, "interchange": 3, "importers": 4, "export": 4, "services": 5,
         "gui": 6, "cli": 7, "": 8}
QT_FREE = {package for package, rank in RANKS.items() if rank < RANKS["gui"]} | {"cli"}


def modules() -> list[str]:
    """Every module of the package, found by walking it (a new module is checked without listing it here)."""
    found = ["raadsdossier"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="raadsdossier."):
        found.append(info.name)
    return sorted(found)


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in RANKS else ""


def path_of(module: str) -> Path:
    relative = Path(*module.split(".")[1:])
    folder = PACKAGE / relative
    return folder / "__init__.py" if folder.is_dir() else PACKAGE / relative.with_suffix(".py")


def imports_of(module: str) -> set[str]:
    """Every raadsdossier module `module` imports, at the top or inside a function (lazily)."""
    tree = ast.parse(path_of(module).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module's package
                base = module.split(".")[:-node.level + (1 if path_of(module).name == "__init__.py" else 0)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "raadsdossier" or name.startswith("raadsdossier.")}


def test_every_package_has_a_rank_and_the_architecture_document_names_it():
    packages = {package_of(m) for m in modules()} - {""}
    assert packages == set(RANKS) - {""}
    document = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    for package in packages:
        assert f"`{package}/`" in document, f"docs/architecture.md does not describe {package}/"


def test_no_package_imports_a_layer_above_its_own():
    wrong = []
    for module in modules():
        mine = package_of(module)
        for imported in imports_of(module):
            theirs = package_of(imported)
            if theirs in ("", mine):  # the top package itself holds only the version
                continue
            if RANKS[theirs] > RANKS[mine] or (RANKS[theirs] == RANKS[mine]):
                wrong.append(f"{module} imports {imported} ({mine or 'raadsdossier'} → {theirs})")
    assert wrong == []


def test_no_two_packages_import_each_other():
    edges = {(package_of(m), package_of(i)) for m in modules() for i in imports_of(m)
             if package_of(i) not in ("", package_of(m))}
    assert not {(a, b) for a, b in edges if (b, a) in edges}


def test_nothing_below_the_window_loads_qt():
    """Imports each module below the window, and the command line's, in one fresh interpreter, in turn, and
    names the first after which PySide6 was loaded."""
    names = [m for m in modules() if package_of(m) in QT_FREE]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules):\n"
        "        print(name); sys.exit(1)\n"
        "import raadsdossier.importers as i; i.formats()\n"
        "sys.exit(1 if any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules) else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert len(names) > 60
    assert result.returncode == 0, f"loads Qt: {result.stdout}{result.stderr}"


def test_the_walk_finds_every_module_file():
    on_disk = {path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts}
    assert {path_of(m) for m in modules()} == on_disk
