"""The core, the importers and the interchange code never load Qt."""

import subprocess
import sys

import pytest

MODULES = [
    "raadsdossier.storage.dossier", "raadsdossier.services.dossiers", "raadsdossier.storage.search",
    "raadsdossier.services.demo", "raadsdossier.services.directory", "raadsdossier.importers",
    "raadsdossier.importers.dossier_json", "raadsdossier.interchange.load", "raadsdossier.interchange.export",
    "raadsdossier.cli", "raadsdossier.services.lists", "raadsdossier.interchange.attachments",
    "raadsdossier.importers.question_text", "raadsdossier.export.build", "raadsdossier.export.pdf",
    "raadsdossier.services.packs", "raadsdossier.export.docx",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_does_not_load_pyside6(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "import raadsdossier.importers as i; i.formats(); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} loads Qt: {result.stdout}{result.stderr}"
