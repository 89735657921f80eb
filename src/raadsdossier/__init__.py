"""Raadsdossier: one local dossier per partnership, and briefing packs made from it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("raadsdossier")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
