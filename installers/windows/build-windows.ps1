# Builds the Windows installer: the PyInstaller bundle, its self-test, then Inno Setup.
# NOT RUN YET: written on Linux, where neither Windows nor Inno Setup is available (installers\README.md).
# Needs: Python 3.11+ (python.org, 64-bit) and Inno Setup 6.3+ (iscc.exe on PATH or in its default folder).
# Run from the repository:  powershell -ExecutionPolicy Bypass -File installers\windows\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv-build\Scripts\python.exe)) { python -m venv .venv-build }
$py = ".venv-build\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
& $py -m pip install -q ".[build]"
if ($LASTEXITCODE) { throw "pip install failed" }

& $py -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installers\raadsdossier.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
& $py installers\check_bundle.py dist\raadsdossier
if ($LASTEXITCODE) { throw "the bundle is incomplete" }

# The console executable reports; Raadsdossier.exe (no console) would print nothing.
& dist\raadsdossier\raadsdossier-cli.exe --selftest
if ($LASTEXITCODE) { throw "the frozen self-test failed" }

& $py installers\windows\make_iss_version.py
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc installers\windows\raadsdossier.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Get-ChildItem dist\Raadsdossier-*-setup.exe
