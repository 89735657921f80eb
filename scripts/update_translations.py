"""Update the English translation of the GUI: lupdate the .ts from the sources, then lrelease the .qm.

Run with the project's Python:  .venv/bin/python scripts/update_translations.py

Dutch is the source language: every string in src/raadsdossier/gui is written in Dutch in tr() or
QCoreApplication.translate() calls. lupdate adds new strings to resources/translations/raadsdossier_en.ts
as unfinished (existing translations are kept, strings gone from the code are dropped); translate those,
then run this script again so the .qm the app loads is rebuilt.

Module-level helpers such as

    def t(text: str) -> str:
        return QCoreApplication.translate("Sections", text)

are invisible to lupdate (it only knows tr() and translate() by name, and takes a bare tr()'s context from
nowhere). So lupdate runs over a scratch copy of the sources in which every call of such a helper (or of a
name bound to it, `t = tr`, or imported from the module that defines it) with a literal text is spelled out
as `QCoreApplication.translate("Sections", …)`. The copy keeps the repository's layout and line numbers, so
the locations in the .ts point at the real files.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUI_SOURCES = REPO / "src" / "raadsdossier" / "gui"
TRANSLATIONS = REPO / "resources" / "translations"
TS_FILE = TRANSLATIONS / "raadsdossier_en.ts"
QM_FILE = TRANSLATIONS / "raadsdossier_en.qm"
SOURCE_LANGUAGE = "nl_NL"
TARGET_LANGUAGE = "en_GB"


def find_tool(name: str) -> str | None:
    """The Qt tool `name` (e.g. "pyside6-lupdate") next to this Python, else on PATH; None if neither."""
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / name, bin_dir / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def source_files(root: Path = GUI_SOURCES) -> list[Path]:
    return sorted(path for path in root.rglob("*.py") if "__pycache__" not in path.parts)


# --- module-level translate helpers ----------------------------------------------------------------------

def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO / "src").with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _helper_context(node: ast.AST) -> str | None:
    """The context of `def f(text): return QCoreApplication.translate("Context", text)`, else None."""
    if not isinstance(node, ast.FunctionDef) or not node.args.args:
        return None
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # docstring
    if len(body) != 1 or not isinstance(body[0], ast.Return) or not isinstance(body[0].value, ast.Call):
        return None
    call = body[0].value
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name != "translate" or len(call.args) < 2:
        return None
    context, text = call.args[0], call.args[1]
    if (isinstance(context, ast.Constant) and isinstance(context.value, str)
            and isinstance(text, ast.Name) and text.id == node.args.args[0].arg):
        return context.value
    return None


def find_helpers(files: list[Path]) -> dict[str, dict[str, str]]:
    """{module: {helper name: context}} for every module-level translate helper in `files`."""
    helpers: dict[str, dict[str, str]] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found = {node.name: context for node in tree.body if (context := _helper_context(node))}
        if found:
            helpers[_module_name(path)] = found
    return helpers


def _resolve(module: str | None, level: int, importer: str, is_package: bool) -> str:
    if not level:
        return module or ""
    base = importer.split(".")
    base = base[:len(base) - level + (1 if is_package else 0)]
    return ".".join(base + ([module] if module else []))


def spell_out_helpers(path: Path, helpers: dict[str, dict[str, str]]) -> str:
    """The source of `path` with helper calls on a literal written as QCoreApplication.translate(…)."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    module = _module_name(path)
    names = dict(helpers.get(module, {}))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            origin = _resolve(node.module, node.level, module, path.name == "__init__.py")
            for alias in node.names:
                if alias.name in helpers.get(origin, {}):
                    names[alias.asname or alias.name] = helpers[origin][alias.name]
    if not names:
        return source
    changed = True
    while changed:  # t = tr, and aliases of aliases
        changed = False
        for node in ast.walk(tree):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id in names
                    and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id not in names):
                names[node.targets[0].id] = names[node.value.id]
                changed = True
    edits: list[tuple[int, int, int, bytes]] = []  # (line, start byte, end byte, replacement)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            context = names[node.func.id].replace("\\", "\\\\").replace('"', '\\"')
            first = node.args[0]
            edits.append((first.lineno, first.col_offset, first.col_offset, f'"{context}", '.encode()))
            edits.append((node.func.lineno, node.func.col_offset, node.func.end_col_offset,
                          b"QCoreApplication.translate"))
    lines = source.encode("utf-8").splitlines(keepends=True)
    for line, start, end, replacement in sorted(edits, reverse=True):  # ast offsets are UTF-8 bytes
        text = lines[line - 1]
        lines[line - 1] = text[:start] + replacement + text[end:]
    return b"".join(lines).decode("utf-8")


# --- lupdate and lrelease ----------------------------------------------------------------------------------

def lupdate_command(ts_file: Path, sources: list[Path], lupdate: str | None = None) -> list[str]:
    """The lupdate call that merges the strings in `sources` into `ts_file` (obsolete ones dropped)."""
    lupdate = lupdate or find_tool("pyside6-lupdate")
    if lupdate is None:
        raise FileNotFoundError("pyside6-lupdate niet gevonden (niet naast Python en niet op PATH)")
    return [lupdate, "-silent", "-no-obsolete", "-locations", "relative",
            "-source-language", SOURCE_LANGUAGE, "-target-language", TARGET_LANGUAGE,
            *map(str, sources), "-ts", str(ts_file)]


def lrelease_command(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE, lrelease: str | None = None) -> list[str]:
    lrelease = lrelease or find_tool("pyside6-lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease niet gevonden (niet naast Python en niet op PATH)")
    return [lrelease, "-silent", str(ts_file), "-qm", str(qm_file)]


# --- the registry of item kinds ----------------------------------------------------------------------------

REGISTRY = REPO / "src" / "raadsdossier" / "domain" / "kinds.py"


def registry_messages() -> list[tuple[str, str, str]]:
    """(context, Dutch source, English) for every label of raadsdossier.domain.kinds, which the window
    shows through Qt's translation: kinds in "Kinds", navigator titles in "Sections", pack chapters in
    "PackSections". Their English is the registry's own, never translated by hand."""
    sys.path.insert(0, str(REPO / "src"))
    try:
        from raadsdossier.domain import kinds
    finally:
        sys.path.pop(0)
    messages = []
    for kind in kinds.KINDS:
        messages += [("Kinds", kind.singular, kind.singular_en), ("Kinds", kind.plural, kind.plural_en)]
    messages += [("Sections", section.title, section.title_en) for section in kinds.SECTIONS]
    messages += [("PackSections", section.title, section.title_en) for section in kinds.PACK_SECTIONS]
    return messages


def registry_source(messages: list[tuple[str, str, str]]) -> str:
    """A stand-in for domain/kinds.py that lupdate can read: each label as a translate() call on the line
    where the registry spells it, so that the .ts points at the registry."""
    lines = REGISTRY.read_text(encoding="utf-8").splitlines()
    calls: dict[int, list[str]] = {}
    for context, source, _english in messages:
        literal = '"' + source.replace("\\", "\\\\").replace('"', '\\"') + '"'
        rows = [i for i, line in enumerate(lines) if literal in line]
        number = next((i for i in rows if lines[i].lstrip().startswith(("ItemKind(", "Section(", "PackSection("))),
                      rows[0] if rows else 0)
        calls.setdefault(number, []).append(f'QCoreApplication.translate("{context}", {literal})')
    out = ["" for _line in lines]
    for number, found in calls.items():
        out[number] = "; ".join(found)
    return "\n".join(out) + "\n"


def fill_registry_translations(ts_file: Path, messages: list[tuple[str, str, str]]) -> None:
    """Write the registry's English into `ts_file` as finished translations."""
    english = {(context, source): text for context, source, text in messages}
    tree = ET.parse(ts_file)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            text = english.get((name, message.findtext("source")))
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            translation.text = text
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


# --- the names of fields -----------------------------------------------------------------------------------

FIELD_LABELS = REPO / "src" / "raadsdossier" / "domain" / "field_labels.py"
FIELD_LABELS_CONTEXT = "Labels"  # gui/i18n.py field_label translates them in this context


def field_labels_source(path: Path = FIELD_LABELS) -> str:
    """A stand-in for domain/field_labels.py that lupdate can read: each Dutch name of its LABELS table as a
    translate() call on the line where the table spells it. Their English is kept in the .ts, as any other."""
    source = path.read_text(encoding="utf-8")
    table = next(node.value for node in ast.parse(source, str(path)).body  # LABELS: dict[str, str] = {…}
                 if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "LABELS")
    calls: dict[int, list[str]] = {}
    for value in table.values:
        literal = '"' + value.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        calls.setdefault(value.lineno, []).append(f'QCoreApplication.translate("{FIELD_LABELS_CONTEXT}", {literal})')
    lines = ["" for _line in source.splitlines()]
    for number, found in calls.items():
        lines[number - 1] = "; ".join(found)
    return "\n".join(lines) + "\n"


def run_lupdate(ts_file: Path = TS_FILE, lupdate: str | None = None) -> None:
    """Merge the GUI's current strings into `ts_file` (created if missing); keeps existing translations.

    `ts_file` may live anywhere (a test passes a copy in a scratch folder): lupdate works on a scratch copy of
    the repository's layout, and the result is copied back to `ts_file`. The labels of the registry of item
    kinds go in with the registry's English (registry_messages); the names of fields from their table in the
    core (field_labels_source).
    """
    files = source_files()
    helpers = find_helpers(files)
    messages = registry_messages()
    with tempfile.TemporaryDirectory(prefix="raadsdossier-lupdate-") as scratch:
        root = Path(scratch)
        copies = []
        for path in files:
            copy = root / path.relative_to(REPO)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(spell_out_helpers(path, helpers), encoding="utf-8")
            copies.append(copy)
        registry = root / REGISTRY.relative_to(REPO)
        registry.parent.mkdir(parents=True, exist_ok=True)
        registry.write_text(registry_source(messages), encoding="utf-8")
        copies.append(registry)
        labels = root / FIELD_LABELS.relative_to(REPO)
        labels.write_text(field_labels_source(), encoding="utf-8")
        copies.append(labels)
        work_ts = root / TS_FILE.relative_to(REPO)
        work_ts.parent.mkdir(parents=True, exist_ok=True)
        if ts_file.exists():
            shutil.copyfile(ts_file, work_ts)
        subprocess.run(lupdate_command(work_ts, copies, lupdate), check=True, cwd=root)
        fill_registry_translations(work_ts, messages)
        # Once more, so that the file is in lupdate's own layout again (the translations are kept).
        subprocess.run(lupdate_command(work_ts, copies, lupdate), check=True, cwd=root)
        ts_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work_ts, ts_file)


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    subprocess.run(lrelease_command(ts_file, qm_file), check=True, cwd=REPO)


def unfinished_sources(ts_file: Path = TS_FILE) -> list[str]:
    """"Context: source" for every message in `ts_file` still without a finished translation."""
    unfinished = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
                    or not "".join(translation.itertext()).strip()):
                unfinished.append(f"{name}: {message.findtext('source')}")
    return unfinished


def main() -> int:
    run_lupdate()
    run_lrelease()
    missing = unfinished_sources()
    print(f"{TS_FILE.relative_to(REPO)} bijgewerkt, {QM_FILE.relative_to(REPO)} geschreven.")
    if missing:
        print(f"{len(missing)} tekst(en) nog niet vertaald:")
        for text in missing:
            print(f"  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
