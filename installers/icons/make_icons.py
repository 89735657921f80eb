"""Render raadsdossier.svg to the PNG (Linux, AppStream) and ICO (Windows) icons; run after editing the SVG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/icons/make_icons.py
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(HERE / "raadsdossier.svg"))
    if not renderer.isValid():
        print("raadsdossier.svg is not a valid SVG", file=sys.stderr)
        return 1
    if not render(renderer, 256).save(str(HERE / "raadsdossier.png")):
        return 1
    from PIL import Image  # Qt writes one size per .ico; Windows wants several

    Image.open(HERE / "raadsdossier.png").save(HERE / "raadsdossier.ico",
                                               sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (256, 256)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
