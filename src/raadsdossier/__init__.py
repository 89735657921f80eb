"""Raadsdossier: one local dossier per partnership, and briefing packs made from it."""


def __getattr__(name: str):
    # The version is read from the installed package's metadata when first asked for: importing
    # importlib.metadata costs a fifth of the time Python and Qt need to show a bare window, and
    # the window's first screen does not need the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("raadsdossier")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0.0.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'raadsdossier' has no attribute {name!r}")
