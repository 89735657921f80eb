"""The desktop app (PySide6). The only package that imports Qt."""

from raadsdossier.gui.pyside_imports import answer_by_reading_the_file

answer_by_reading_the_file()  # before any other module of the app's window is imported
