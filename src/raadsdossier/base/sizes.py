"""Sizes as people read them here, one unit everywhere: "1,2 MB" (MiB, a decimal comma), "640 kB"."""

from __future__ import annotations

KB = 1024
MB = 1024 * KB


def megabytes(size: int) -> str:
    """ "1,2 MB", "200 MB": one decimal when it has one. Every limit and every size in a message uses this."""
    return f"{size / MB:.1f}".removesuffix(".0").replace(".", ",") + " MB"


def size_text(size: int) -> str:
    """A file's size in a list: "12 kB" below a megabyte, else as `megabytes`."""
    return f"{max(size, 0) / KB:.0f} kB" if size < MB else megabytes(size)
