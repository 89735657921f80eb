; Written by installers/windows/make_iss_version.py from pyproject.toml; do not edit.
#define AppVersion "0.1.0"
#define AppVersionWindows "0.1.0.0"
