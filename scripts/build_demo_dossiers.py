"""Build the demo dossiers the app ships (resources/demo/dossiers/) from the demo documents.

Run with the project's Python after changing resources/demo/*.json or adding a migration:

    .venv/bin/python scripts/build_demo_dossiers.py

A first start copies these files instead of building the dossiers, which needs the whole data layer
(see core/demo.py). They are used only while manifest.json matches the documents and the schema;
tests/services/test_demo.py fails when they are out of date or differ from a fresh build.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from raadsdossier.services import demo  # noqa: E402
from raadsdossier.storage import migrations
from raadsdossier.base.paths import resource  # noqa: E402


def main() -> int:
    target = resource("demo", demo.PREBUILT)
    with tempfile.TemporaryDirectory() as scratch:
        built = demo.write_demo_dossiers(Path(scratch), use_prebuilt=False)
        for path in built:
            connection = sqlite3.connect(path, isolation_level=None)
            connection.execute("VACUUM")  # no free pages: the shipped file is as small as it can be
            connection.close()
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        files = {}
        for path in sorted(built):
            shutil.copyfile(path, target / path.name)
            files[path.name.removesuffix(path.suffix)] = demo._sha256(target / path.name)
    manifest = {"revision": migrations.head_revision(), "sources": demo.sources_digest(), "files": files}
    (target / demo.MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"{len(files)} demo dossiers built in {target.relative_to(REPO)} (schema {manifest['revision']}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
