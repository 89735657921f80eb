"""Write version.iss (the #defines raadsdossier.iss includes) from pyproject.toml.

    python installers/windows/make_iss_version.py          # writes installers/windows/version.iss
    python installers/windows/make_iss_version.py --check  # exit 1 when version.iss is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import project  # noqa: E402  (installers/project.py)

TARGET = Path(__file__).resolve().parent / "version.iss"


def text() -> str:
    return (
        "; Written by installers/windows/make_iss_version.py from pyproject.toml; do not edit.\n"
        f'#define AppVersion "{project.version()}"\n'
        f'#define AppVersionWindows "{project.windows_version()}"\n'
    )


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text():
            print(f"{TARGET} does not match pyproject.toml; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text(), encoding="utf-8")
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
