"""Entry point of the desktop app: the application, its translations, and what opens first."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from raadsdossier.gui import first_screen, fontconfig, workspace
from raadsdossier.gui.lazy_qt import Qt, make_namespace
from raadsdossier.gui.mainwindow import MainWindow
from raadsdossier.base.paths import resource


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own strings in the chosen language, and ours in English when chosen (Dutch is the source)."""
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Dutch,
                               QLocale.Country.UnitedKingdom if language == "en" else QLocale.Country.Netherlands))
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if language != "nl":
        ours = QTranslator(app)
        if ours.load(str(resource("translations", f"raadsdossier_{language}.qm"))):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def dark_palette() -> QPalette:
    """Fusion's colours for a system in dark mode (Fusion's own palette is light)."""
    palette = QPalette()
    base, window, text, mid = QColor("#1f2124"), QColor("#2b2d31"), QColor("#e6e6e6"), QColor("#8a8d93")
    for role, colour in ((QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, QColor("#26282c")),
                         (QPalette.ColorRole.ToolTipBase, window), (QPalette.ColorRole.ToolTipText, text),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
                         (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
                         (QPalette.ColorRole.Link, QColor("#7cb7ff")), (QPalette.ColorRole.LinkVisited, QColor("#b39ddb")),
                         (QPalette.ColorRole.Highlight, QColor("#2f6db3")),
                         (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
                         (QPalette.ColorRole.PlaceholderText, mid), (QPalette.ColorRole.Mid, mid),
                         # the shades Fusion's light palette has and a dark one needs too: an empty progress bar's
                         # track and the timeline's year rows (Midlight), frames and bevels (Light, Dark, Shadow)
                         (QPalette.ColorRole.Midlight, QColor("#3a3d42")), (QPalette.ColorRole.Light, QColor("#4a4d52")),
                         (QPalette.ColorRole.Dark, QColor("#16171a")), (QPalette.ColorRole.Shadow, QColor("#0e0f10"))):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#707277"))
    return palette


def light_palette() -> QPalette:
    """Fusion's own (light) palette, as QFusionStyle.standardPalette() gives it (a test holds the two equal).

    Made here rather than asked of the style: the style object's Python wrapper (its enums have hundreds
    of members) took 5 ms of the first screen of start-up.
    """
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    window, text, white = QColor(239, 239, 239), QColor("#000000"), QColor("#ffffff")
    mid, dark = window.darker(130), window.darker(150)
    shadow = dark.darker(135)
    palette = QPalette(text, window, window.lighter(150), dark, mid, text, white)
    for which, colour in ((role.Midlight, mid.lighter(110)), (role.Button, window), (role.Shadow, shadow),
                          (role.HighlightedText, white)):
        palette.setColor(which, colour)
    disabled, highlight, grey = QColor(190, 190, 190), QColor(48, 140, 198), QColor(145, 145, 145)
    for which, colour in ((role.Text, disabled), (role.WindowText, disabled), (role.ButtonText, disabled),
                          (role.Base, window), (role.Dark, QColor(209, 209, 209).darker(110)),
                          (role.Shadow, shadow.lighter(150)), (role.Highlight, grey), (role.Accent, grey)):
        palette.setColor(group.Disabled, which, colour)
    for active in (group.Active, group.Inactive):
        palette.setColor(active, role.Highlight, highlight)
        palette.setColor(active, role.Accent, highlight)
    placeholder = QColor(text.red(), text.green(), text.blue(), 128)  # not QColor(text): see gui/lazy_qt.py
    palette.setColor(role.PlaceholderText, placeholder)
    return palette


def fusion_application() -> QApplication:
    """The application, in Fusion from the start (Qt's own -style argument): setting the style afterwards hands
    Python the style object, whose wrapper took 5 ms of the first screen (see light_palette).

    Qt's painting stays on the GUI thread (PAINT_ON_ONE_THREAD)."""
    fontconfig.wait()  # what cli/launch.py started loading: done before Qt can ask for a font
    os.environ.setdefault(*PAINT_ON_ONE_THREAD)
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app._raadsdossier_fusion = True
    return app


# Qt's raster engine hands every fill of 96 or more scan lines (a card's or a panel's background, the window's) to a
# pool of threads of its own and waits for them: for fills the size of a window's, the hand-off cost more than the
# fill. With this set (Qt reads it once, at the first paint; any value turns the pool off), the first screen was
# painted 2.6 ms sooner (the median of 21 interleaved starts, bench/run.py "start") and a whole window repainted in
# 0.6-0.7 ms instead of 1.3-1.9 ms, on two cores.
PAINT_ON_ONE_THREAD = ("QT_NO_GUI_THREADPOOL", "1")


def apply_style(app: QApplication) -> None:
    """One style on every system (Fusion), in the system's light or dark mode, following it when it changes.
    High-DPI screens scale by their exact factor (Qt 6 scales by default; no rounding to whole numbers).

    The system's colour scheme, as Qt gives it (styleHints().colorScheme()), is a Qt enum, which the first screen
    does not make (gui/lazy_qt.py): the first palette follows the system's palette instead, and `settle_style`
    (after the first paint) asks for the scheme itself, changing the palette where the two disagree.
    """
    if getattr(app, "_raadsdossier_styled", False):
        return
    app._raadsdossier_styled = True
    if not getattr(app, "_raadsdossier_fusion", False):
        app.setStyle("Fusion")
    _set_palette(app, _system_palette_is_dark())
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda scheme: follow_scheme(app, scheme))


def _system_palette_is_dark() -> bool:
    """Whether the system's palette (Qt's platform theme's, before ours is set) is dark: its windows darker
    than their text, which is how Qt's themes tell a dark colour scheme."""
    system = QGuiApplication.palette()
    return (system.color(QPalette.ColorRole.Window).lightness()
            < system.color(QPalette.ColorRole.WindowText).lightness())


def settle_style(app: QApplication) -> None:
    """The palette of the colour scheme Qt reports, if apply_style's first one was the other."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if (scheme == Qt.ColorScheme.Dark) != getattr(app, "_raadsdossier_dark", None):
        follow_scheme(app, scheme)


def follow_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """The palette for the system's colour scheme; icons are made again in the new text colour."""
    _set_palette(app, scheme == Qt.ColorScheme.Dark)


def _set_palette(app: QApplication, dark: bool) -> None:
    app._raadsdossier_dark = dark
    if dark and not getattr(app, "_raadsdossier_dark_indicators", False):
        from raadsdossier.gui.dark_style import DarkIndicators  # (not for the first screen of a light window)

        app._raadsdossier_dark_indicators = style = DarkIndicators()  # (kept: the application uses it from now on)
        app.setStyle(style)  # the check boxes' frames visible on a dark window; before the palette
    app.setPalette(dark_palette() if dark else light_palette())
    icons = sys.modules.get("raadsdossier.gui.icons")  # not imported for the first screen: no icons made yet
    if icons is not None:
        icons.clear_cache()


_fonts_installed = False


def install_fonts() -> None:
    """Make the app's own fonts available (gui/fontconfig.py APP_FONTS: the CJK font, so that 大连 shows as
    characters on any system): on fontconfig the thread that loads it added them already; elsewhere, or where that
    failed, through Qt. The window's text is in the system's own font."""
    global _fonts_installed
    if _fonts_installed:
        return
    for name in fontconfig.APP_FONTS:
        path = resource("fonts", name)
        if not fontconfig.added(path):
            from PySide6.QtGui import QFontDatabase

            QFontDatabase.addApplicationFont(str(path))
    _fonts_installed = True


def build_window(files: list[Path], settings: workspace.Settings | None = None) -> MainWindow:
    """The main window with what should be open, opened at once: the files given, else what was open
    last, else (on a first run) the demo dossiers. `run` starts in two steps instead (`start_window`)."""
    window = start_window(files, settings)
    settle_style(QApplication.instance())
    finish_start(window, files)
    return window


def start_window(files: list[Path], settings: workspace.Settings | None = None, defer: bool = False,
                 screen: first_screen.FirstScreen | None = None) -> MainWindow:
    """The window as start-up first shows it: a glance at each dossier to open (core/glance.py), read
    without the data layer. `finish_start` opens them properly.

    With `defer`, what the first screen does not need waits for `finish_first_screen` (`run` calls it once that
    screen is painted): the menus' actions and the search box's clear button (MainWindow.finish_building), the
    glances' texts made selectable (see GlanceView) and, on a first start, the copies of the demo dossiers, whose
    glances are read from the built ones the app ships until then.
    """
    # `screen`: what is shown, worked out already (with its settings); else what cli/launch.py started, if it did
    screen = screen or first_screen.take(files, settings)
    install_fonts()
    apply_style(QApplication.instance())
    window = MainWindow(screen.settings, whole=not defer)
    window.uncopied_demo_dossiers = screen.uncopied
    window.show_glances(screen.paths, selectable_texts=not defer, read_from=screen.read_from, read=screen.glances())
    if not defer:
        finish_first_screen(window)
    return window


def finish_first_screen(window: MainWindow) -> None:
    """What start_window(defer=True) left until the first screen was painted (see there)."""
    window.finish_building()
    _copy_demo_dossiers(window)
    for view in window.glances():
        view.make_texts_selectable()


def _copy_demo_dossiers(window: MainWindow) -> None:
    """Copy a first start's demo dossiers (first_screen.shipped_demo_dossiers). If that fails, their tabs go and
    finish_start builds them instead (and says what is wrong)."""
    paths, window.uncopied_demo_dossiers = window.uncopied_demo_dossiers, None
    if not paths:
        return
    from raadsdossier.services import demo
    from raadsdossier.domain.errors import DossierError

    directory = workspace.demo_dir()
    there = {path.name for path in directory.glob("*")}
    try:
        copied = demo.copy_prebuilt(directory, check=False)
    except DossierError:
        copied = None
    if not copied:
        made = {path.resolve() for path in paths}
        for view in window.glances():
            if view.path in made:
                window.drop_glance(view)  # not close_tab: it writes the settings, which a full disk refuses too
        return
    window.settings.mark_welcomed()
    window.unchecked_demo_copies = [path for path in copied if path.name not in there]


def _check_demo_copies(window: MainWindow) -> None:
    """If the built demo dossiers that a first start copied were not current after all (another schema, other
    demo documents, a damaged file), the copies it made go and the demo dossiers are built instead."""
    copies, window.unchecked_demo_copies = window.unchecked_demo_copies, None
    if not copies:
        return
    from raadsdossier.services import demo

    if demo.prebuilt() is not None:
        return
    made = {path.resolve() for path in copies}
    for view in window.glances():
        if view.path in made:
            window.drop_glance(view)
    for path in copies:
        path.unlink(missing_ok=True)
    window.open_demo()


def finish_start(window: MainWindow, files: list[Path]) -> None:
    """Open the glanced dossiers in their tabs (the files given become recent files), or on a first run
    write and open the demo dossiers."""
    finish_first_screen(window)  # when run() has not yet
    _check_demo_copies(window)
    window.open_glances(remember=bool(files))
    if not files and not window.views() and first_screen.first_run(window.settings):
        window.open_demo()
        window.tabs.setCurrentIndex(0)
    window.decorate_soon()


def import_data_layer() -> None:
    """Import SQLAlchemy, the models and the services, and map the models: what opening a dossier needs.

    This takes about 0.75 s on a 2-core laptop, four times what Python and Qt need to show a bare
    window, which is why `run` shows the window first and does this on a worker thread.
    """
    for name in ("raadsdossier.services.dossiers", "raadsdossier.services.lists", "raadsdossier.services.edits",
                 "raadsdossier.storage.indexing"):  # storage, the models, the interchange code, the search index
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def run(files: list[Path]) -> int:
    # High-DPI screens scale by their exact factor: Qt 6's default rounding policy (PassThrough), which
    # QT_SCALE_FACTOR_ROUNDING_POLICY overrides as it would one set here. Not set here: its enum is in Qt's
    # namespace, which the first screen does not make (gui/lazy_qt.py).
    app = QApplication.instance() or fusion_application()
    app.setApplicationName("Raadsdossier")
    app.setOrganizationName("Raadsdossier")
    screen = first_screen.take(files)
    app._translators = install_translations(app, screen.settings.language)
    window = start_window(files, defer=True, screen=screen)
    window.show()

    def loaded(_result=None) -> None:
        finish_start(window, files)
        # What start-up made (modules, classes, Qt wrappers) lives as long as the app: keep it out of
        # the cyclic collector's full passes, which otherwise walk it all and stall the window for
        # 70-80 ms at a time (measured on the 100,000-item benchmark dossier).
        gc.freeze()

    def after_first_paint() -> None:
        # Qt's namespace of enums, made here on the GUI thread before the worker's imports need it (made on two
        # threads at once, it could be made twice); then the colour scheme, as Qt reports it.
        try:
            make_namespace()
            settle_style(app)
            from raadsdossier.gui import unexpected

            unexpected.install(window)  # an error nothing handled is said over the window from now on
            finish_first_screen(window)
        finally:  # whatever went wrong above, the menus are filled and the dossiers still open (and say what is wrong)
            from raadsdossier.gui import tasks  # (Qt's thread pool: not for the first screen)

            try:
                window.finish_building()  # done already, unless what is above failed before it
            finally:
                tasks.run_in_background(import_data_layer, loaded, window.data_layer_failed)

    # Paint the first screen before the import starts (from the event loop's first turn): a worker
    # importing holds the interpreter most of the time, and the first paint would wait for its turns.
    app.processEvents()
    # The collector was off until now (cli/launch.py); what the first screen made stays, as in `loaded`.
    gc.freeze()
    gc.enable()
    QTimer.singleShot(0, after_first_paint)
    code = app.exec()
    # What still runs on Qt's thread pool (the icons' font being loaded, the lists being counted, a pack being
    # written) ends before the application and its font database are torn down: quitting while a worker added
    # the icons' font crashed the app (tests/gui/test_startup.py).
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    return code
