"""What the first screen of start-up leaves until it is painted (bench/run.py "start" measures it against a bare
window): Qt's namespace of enums (gui/lazy_qt.py), the glances' selectable texts, a first start's copies of the
demo dossiers. Each is done right after the first paint, and the window is then as it always was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
TITLES = ["Arnhem – Wuhan", "Breda – Yangzhou", "Enschede – Dalian", "Maastricht – Chengdu"]


def _real_start(code: str, tmp_path, platform: str = "offscreen") -> tuple[subprocess.CompletedProcess, dict]:
    """The app started as `raadsdossier` starts it, in a child process with its own home, after `code` (which
    replaces QApplication.exec by an `exec_` that fills the dict `seen`): the child's output and `seen`.
    `platform` is the child's QT_QPA_PLATFORM; it runs in `tmp_path`, where a config file the platform names
    without a folder is found (Qt splits that argument at colons, so a path with one could not be given)."""
    code += textwrap.dedent("""
        QApplication.exec = exec_
        from raadsdossier.cli import main
        code = main([])
        print(json.dumps(seen))
        sys.exit(code)
    """)
    env = {**os.environ, "RAADSDOSSIER_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": platform}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out, json.loads(out.stdout.strip().splitlines()[-1])


def test_the_first_screen_makes_no_qt_enum_and_the_first_turn_finishes_it(tmp_path):
    """The real start (a first start), looked at as the event loop is entered and after its first turn."""
    code = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        from PySide6 import QtCore
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        real_exec = QApplication.exec
        seen = {}
        def state(window):
            overview = window.tabs.currentWidget().current_section()
            demos = Path(window.settings.path).parent / "voorbeelden"
            return {"qt_namespace": "Qt" in QtCore.__dict__,
                    "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
                    "filled": overview.data is not None,
                    "selectable": [int(label.textInteractionFlags().value) for label in
                                   (overview.title, overview.facts, overview.history)],
                    "copied": sorted(path.name for path in demos.glob("*.raadsdossier")),
                    "menus": [len(action.menu().actions()) for action in window.menuBar().actions()],
                    "clear_button": window.search.box.isClearButtonEnabled(),
                    "toolbar": [action.text() for action in window.toolbar.actions() if action.text()]}
        def exec_(*args):
            app = QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if hasattr(w, "views"))
            seen["at_exec"] = state(window)
            # the first screen is painted: by the GUI thread alone, without Qt's pool of painting threads
            def name(task):
                try:
                    return (task / "comm").read_text()
                except OSError:  # (a thread that ended meanwhile, such as the read-ahead's)
                    return ""
            tasks = Path("/proc/self/task")
            pooled = [task for task in tasks.iterdir() if name(task).startswith("Thread (pooled)")] if tasks.is_dir() else []
            seen["pooled"] = len(pooled)
            def after_first_turn():
                seen["after"] = state(window)
                seen["shortcuts"] = [window.export_action.shortcut().toString(), window.find_action.shortcut().toString()]
                seen["palette"] = app.palette().color(app.palette().ColorRole.Window).name()
                app.quit()
            QTimer.singleShot(0, after_first_turn)  # queued after the app's own first-turn work
            return real_exec()
    """)
    out, seen = _real_start(code, tmp_path)
    first, after = seen["at_exec"], seen["after"]
    assert first["qt_namespace"] is False
    assert seen["pooled"] == 0  # (fills handed to Qt's threads had cost more than the fills: gui/app.py)
    assert first["tabs"] == TITLES and first["filled"]
    links_only = int(Qt.TextInteractionFlag.LinksAccessibleByMouse.value)  # a QLabel's own: not selectable yet
    assert first["selectable"] == [links_only] * 3 and first["copied"] == []
    # the menus are closed on the first screen: their titles are there, their actions (and shortcuts) come after it;
    # the toolbar's actions are there from the start
    assert len(first["menus"]) == 6 and first["menus"] == [0] * 6
    # the search box's clear button (shown only once there is text) also comes after the first screen
    assert first["clear_button"] is False and after["clear_button"] is True
    assert first["toolbar"] == after["toolbar"] and "&Importeren…" in first["toolbar"]
    assert after["menus"][0] >= 10 and after["menus"][4] == 0  # the Server menu is filled when it opens
    assert seen["shortcuts"] == ["Ctrl+E", "Ctrl+F"]
    selectable = int(Qt.TextInteractionFlag.TextSelectableByMouse.value)
    assert after["qt_namespace"] is True
    assert after["tabs"] == TITLES and after["filled"]
    assert after["selectable"] == [selectable] * 3
    assert after["copied"] == [f"{slug}.raadsdossier" for slug in DEMOS]
    assert seen["palette"] == "#efefef"  # offscreen: no dark scheme, Fusion's light window colour


def test_when_the_work_after_the_first_paint_fails_the_menus_are_filled_and_the_dossiers_still_open(tmp_path):
    """The real start, with what runs right after the first paint failing before it fills the menus."""
    code = textwrap.dedent("""
        import json, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import raadsdossier.gui.app as app_module
        def broken():
            raise RuntimeError("broken on purpose")
        app_module.make_namespace = broken
        real_exec = QApplication.exec
        seen = {}
        def exec_(*args):
            app = QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if hasattr(w, "views"))
            def after_first_turn():  # queued after the app's own first-turn work; the data layer is still loading
                seen["menus"] = [len(action.menu().actions()) for action in window.menuBar().actions()]
                seen["clear_button"] = window.search.box.isClearButtonEnabled()
                seen["open_then"] = len(window.views())
                when_open()
            def when_open():
                if len(window.views()) == 4:
                    seen["open"] = 4
                    app.quit()
                else:
                    QTimer.singleShot(20, when_open)
            QTimer.singleShot(0, after_first_turn)
            QTimer.singleShot(60_000, app.quit)
            return real_exec()
    """)
    out, seen = _real_start(code, tmp_path)
    assert "broken on purpose" in out.stderr
    assert seen["open_then"] == 0  # (the data layer had not loaded yet: the menus were not filled by opening)
    assert seen["menus"][0] >= 10 and seen["menus"][1] >= 4  # Bestand, Bewerken: filled all the same
    assert seen["clear_button"] is True
    assert seen["open"] == 4


def test_the_ints_for_qt_enums_are_qts():
    from raadsdossier.gui import lazy_qt
    from raadsdossier.gui.search_panel import HIT_ROLE

    assert lazy_qt.ALIGN_LEFT == Qt.AlignmentFlag.AlignLeft.value
    assert lazy_qt.ALIGN_RIGHT == Qt.AlignmentFlag.AlignRight.value
    assert lazy_qt.ALIGN_TOP == Qt.AlignmentFlag.AlignTop.value
    assert lazy_qt.ALIGN_VCENTER == Qt.AlignmentFlag.AlignVCenter.value
    assert lazy_qt.TEXT_WORD_WRAP == Qt.TextFlag.TextWordWrap.value
    assert HIT_ROLE == lazy_qt.USER_ROLE == Qt.ItemDataRole.UserRole.value
    assert lazy_qt.Qt.AlignmentFlag is Qt.AlignmentFlag and lazy_qt.Qt.Key.Key_Escape is Qt.Key.Key_Escape


def test_properties_set_by_name_are_the_enums(qapp):
    from PySide6.QtWidgets import QLabel, QToolBar

    from raadsdossier.gui.lazy_qt import set_by_name

    label, bar = QLabel(), QToolBar()
    set_by_name(label, "textFormat", "PlainText")
    set_by_name(label, "textInteractionFlags", "TextSelectableByMouse")
    set_by_name(label, "focusPolicy", "StrongFocus")
    set_by_name(bar, "toolButtonStyle", "ToolButtonTextBesideIcon")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    try:
        set_by_name(label, "focusPolicy", "NoSuchPolicy")
    except ValueError:
        pass
    else:
        raise AssertionError("a name Qt does not take was ignored")


def test_high_dpi_screens_scale_by_their_exact_factor_without_asking(qapp):
    # run() no longer sets the rounding policy (its enum is in Qt's namespace): Qt 6's own default is this one.
    if "QT_SCALE_FACTOR_ROUNDING_POLICY" not in os.environ:
        assert QGuiApplication.highDpiScaleFactorRoundingPolicy() == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough


def test_the_palette_follows_the_scheme_qt_reports_once_the_first_screen_is_painted(qapp):
    from raadsdossier.gui.app import _set_palette, dark_palette, light_palette, settle_style

    before = QPalette(qapp.palette())
    try:
        _set_palette(qapp, True)  # as apply_style would on a system whose palette is dark
        assert qapp.palette().color(QPalette.ColorRole.Window) == dark_palette().color(QPalette.ColorRole.Window)
        settle_style(qapp)  # offscreen, Qt reports no dark scheme: the light palette
        assert qapp.palette().color(QPalette.ColorRole.Window) == light_palette().color(QPalette.ColorRole.Window)
        assert qapp._raadsdossier_dark is False
    finally:
        qapp.setPalette(before)


def test_a_glance_selectable_after_the_first_paint_looks_the_same(qtbot, demo_copy):
    from raadsdossier.gui.glance_view import GlanceView
    from raadsdossier.storage import glance

    path = demo_copy("arnhem-wuhan")
    data = glance.glance(path)
    images, flags = [], []
    for selectable in (True, False):
        view = GlanceView(path, data, selectable_texts=selectable)
        qtbot.addWidget(view)
        view.resize(1100, 760)
        view.show()
        qtbot.waitExposed(view)
        images.append(view.grab().toImage())
        flags.append(view.overview.history.textInteractionFlags())
        if not selectable:
            view.make_texts_selectable()
            flags.append(view.overview.history.textInteractionFlags())
    assert images[0] == images[1]
    assert flags == [Qt.TextInteractionFlag.TextSelectableByMouse, Qt.TextInteractionFlag.LinksAccessibleByMouse,
                     Qt.TextInteractionFlag.TextSelectableByMouse]


def test_a_first_start_reads_its_glances_from_the_built_demo_dossiers_until_they_are_copied(qtbot, app_home, messages):
    from raadsdossier.gui.app import finish_first_screen, finish_start, start_window
    from raadsdossier.gui.workspace import Settings

    window = start_window([], Settings(), defer=True)
    qtbot.addWidget(window)
    window.show()
    demos = app_home / "voorbeelden"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    assert window.tabs.currentWidget().current_section().data is not None
    assert not list(demos.glob("*.raadsdossier"))
    assert window.glances()[1].source.name == "breda-yangzhou.raadsdossier" and window.glances()[1].source.exists()
    finish_first_screen(window)
    assert sorted(path.name for path in demos.glob("*.raadsdossier")) == [f"{slug}.raadsdossier" for slug in DEMOS]
    assert [path.name for path in window.unchecked_demo_copies] == [f"{slug}.raadsdossier" for slug in DEMOS]
    finish_start(window, [])
    assert sorted(view.title for view in window.views()) == TITLES and messages == []


def test_a_first_start_whose_copies_fail_builds_the_demo_dossiers_instead(qtbot, app_home, messages, monkeypatch):
    from raadsdossier.domain.errors import StorageFull
    from raadsdossier.gui.app import finish_first_screen, finish_start, start_window
    from raadsdossier.gui.workspace import Settings
    from raadsdossier.services import demo

    window = start_window([], Settings(), defer=True)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.count() == 4

    def full(directory, check=True):
        raise StorageFull(directory, "de schijf is vol")

    def no_room(self):
        raise OSError(28, "No space left on device")

    copy_prebuilt = demo.copy_prebuilt
    monkeypatch.setattr(demo, "copy_prebuilt", full)
    monkeypatch.setattr(Settings, "save", no_room)  # the disk is full for the settings too
    finish_first_screen(window)
    assert window.tabs.count() == 0 and window.settings.first_run  # the glances go; nothing marked as seen
    monkeypatch.undo()
    assert demo.copy_prebuilt is copy_prebuilt
    finish_start(window, [])  # builds them, as a first start whose copying failed always has
    assert sorted(view.title for view in window.views()) == TITLES


def test_the_glance_navigator_looks_like_the_disabled_list_it_stands_in_for(qtbot):
    """The glance's navigator is drawn (GlanceNavigator) rather than a QListWidget: pixel for pixel the disabled list
    of the section titles with the first one current, at the app's style, and its text margin the style's own."""
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QListWidget, QStyle, QWidget

    from raadsdossier.gui.app import apply_style
    from raadsdossier.gui.glance_view import GlanceNavigator
    from raadsdossier.gui.i18n import section_titles

    apply_style(QApplication.instance())
    titles = [title for _key, title in section_titles()]
    for points in (9, 10, 10.5):  # 10 is KDE's default; the rows' rounding differs between these sizes
        drawn = GlanceNavigator(titles)
        listed = QListWidget()
        listed.setMaximumWidth(GlanceNavigator.WIDTH)
        listed.addItems(titles)
        listed.setCurrentRow(0)
        listed.setEnabled(False)
        images = []
        for widget in (drawn, listed):
            qtbot.addWidget(widget)
            font = widget.font()
            font.setPointSizeF(points)
            widget.setFont(font)
            widget.resize(GlanceNavigator.WIDTH, 520)
            widget.show()
            qtbot.waitExposed(widget)
            images.append(widget.grab().toImage())
        assert images[0] == images[1], f"{points} pt"
    assert drawn.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, drawn) + 1 == drawn.TEXT_MARGIN
    assert drawn.sizeHint().width() == listed.sizeHint().boundedTo(listed.maximumSize()).width()
    assert drawn.accessibleName() == "Onderdelen van het dossier" and not drawn.isEnabled()
    # in a larger font the list cut its widest title off behind a scroll bar; the navigator grows to show it
    font = drawn.font()
    font.setPointSize(16)
    drawn.setFont(font)
    widest = max(drawn.fontMetrics().horizontalAdvance(title) for title in titles)
    assert drawn.sizeHint().width() >= widest + 2 * drawn.TEXT_MARGIN + 2 * drawn.frameWidth() > 220
    # beside the Overzicht, as in a glance, it is as wide as its hint, also after its font changes
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    navigator = GlanceNavigator(titles)
    row.addWidget(navigator)
    row.addWidget(QWidget(), 1)
    holder.resize(1200, 600)
    holder.show()
    qtbot.waitExposed(holder)
    assert navigator.width() == GlanceNavigator.WIDTH
    navigator.setFont(font)
    qtbot.waitUntil(lambda: navigator.width() == navigator.sizeHint().width() > GlanceNavigator.WIDTH)


def test_a_panel_draws_its_links_in_the_link_colour_and_what_follows_quieter(qtbot):
    """The panels colour their texts through the style (overview_widgets._Text): the title and a link in the
    palette's link colour, underlined; the words after a link in the placeholder colour; a label in the text
    colour. Checked on the pixels, line by line, also where a long link wraps."""
    from PySide6.QtGui import QColor, QPalette

    from raadsdossier.gui.sections.overview_panel import Panel

    panel = Panel()
    qtbot.addWidget(panel)
    panel.set_title("Tijdlijn", "section:timeline")
    panel.set_rows([("link", "10 juni 2022", "2022Z11774 De situatie met betrekking tot de Oeigoeren en hun familie",
                     "(vragenset)", "item:x", False)])
    panel.resize(420, panel.heightForWidth(420))
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.grab().toImage()
    palette = panel.palette()

    def colours_in(rect) -> set[str]:
        found = set()
        for y in range(rect.top(), rect.bottom() + 1):
            for x in range(rect.left(), rect.right() + 1):
                found.add(QColor(image.pixel(x, y)).name())
        return found

    link = palette.color(QPalette.ColorRole.Link)
    text = palette.color(QPalette.ColorRole.WindowText)
    # the placeholder colour is half transparent: its fully inked pixels are it over the panel's base
    placeholder, base = palette.color(QPalette.ColorRole.PlaceholderText), palette.color(QPalette.ColorRole.Base)
    alpha = placeholder.alphaF()
    quiet = QColor(*(round(getattr(base, c)() * (1 - alpha) + getattr(placeholder, c)() * alpha)
                     for c in ("red", "green", "blue")))
    _height, title, pieces = panel._laid_out(panel.width())
    assert link.name() in colours_in(title[0])
    row, rect, laid, _bar, _count = pieces[0]
    assert laid.layout.lineCount() >= 2  # the link wraps
    seen = colours_in(rect)
    greys = {name for name in seen if name[1:3] == name[3:5] == name[5:7]}
    assert link.name() in seen and text.name() not in seen
    assert min(greys) in {quiet.name(), QColor(quiet.red() - 1, quiet.green() - 1, quiet.blue() - 1).name()}
    label = rect.adjusted(-rect.left() + Panel.MARGINS[0], 0, -rect.width(), 0)
    label.setRight(rect.left() - 1)
    assert text.name() in colours_in(label) and link.name() not in colours_in(label)
