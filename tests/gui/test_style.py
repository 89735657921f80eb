"""The window's style: Fusion on every system, its light palette made without asking the style object for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleFactory

from raadsdossier.gui.app import light_palette


def test_the_light_palette_is_fusions_own(qapp):
    fusion = QStyleFactory.create("Fusion").standardPalette()
    ours = light_palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role in QPalette.ColorRole:
            if role != QPalette.ColorRole.NColorRoles:
                assert ours.color(group, role).rgba() == fusion.color(group, role).rgba(), (group, role)


def test_the_app_starts_in_fusion_with_that_palette(tmp_path):
    code = textwrap.dedent("""
        import json, sys
        from PySide6.QtGui import QGuiApplication, QPalette
        from raadsdossier.gui.app import apply_style, fusion_application
        app = fusion_application()
        apply_style(app)
        dark = QGuiApplication.styleHints().colorScheme().name == "Dark"
        print(json.dumps({"style": app.style().name(), "arguments": app.arguments()[1:], "dark": dark,
                          "window": app.palette().color(QPalette.ColorRole.Window).name(),
                          "fusion": app.style().standardPalette().color(QPalette.ColorRole.Window).name()}))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RAADSDOSSIER_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["style"] == "fusion" and seen["arguments"] == []
    if not seen["dark"]:
        assert seen["window"] == seen["fusion"]
