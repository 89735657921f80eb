; Inno Setup 6 script: a per-user installer for the one-folder build in dist\raadsdossier\.
;
; Build on Windows (see installers\README.md; installers\windows\build-windows.ps1 does all of it):
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installers\raadsdossier.spec
;   python installers\windows\make_iss_version.py
;   iscc installers\windows\raadsdossier.iss          (or iscc /DAppVersion=0.1.0 ... to override)
;
; The version comes from pyproject.toml through version.iss, written by make_iss_version.py
; (tests/installers check that the committed version.iss matches pyproject.toml).
;
; User data: the app keeps dossiers, backups and settings in %LOCALAPPDATA%\Raadsdossier
; (platformdirs user_data_dir("Raadsdossier")), and dossiers wherever the user saves them.
; The program goes to %LOCALAPPDATA%\Programs\Raadsdossier, a different folder: the uninstaller
; removes only what this installer put there and never touches the user's data.

#ifndef AppVersion
  #include "version.iss"
#endif
#ifndef AppVersionWindows
  #define AppVersionWindows AppVersion + ".0"
#endif

#define AppName "Raadsdossier"
#define AppExe "Raadsdossier.exe"
#define ProgId "Raadsdossier.Dossier"

[Setup]
; Never change AppId: Windows recognises later versions (upgrades, uninstall) by it.
AppId={{385857E0-2786-4DE2-9638-FD4887C558AC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
VersionInfoVersion={#AppVersionWindows}
AppPublisher=Raadsdossier
AppComments=Dossiers over stedenbanden met China, en vergaderstukken daaruit
; Per user, without administrator rights: {autopf} is then %LOCALAPPDATA%\Programs.
; ICT can still install for all users with /ALLUSERS (run elevated).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\icons\raadsdossier.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=Raadsdossier-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Everything PyInstaller built: Raadsdossier.exe (the window), raadsdossier-cli.exe (the command
; line, also `raadsdossier-cli --selftest`), and _internal\ (Python, Qt, resources, migrations).
Source: "..\..\dist\raadsdossier\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries whole (stale modules from an older version could
; otherwise be loaded). Only inside the program folder.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Dossiers over stedenbanden"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Double-clicking a .raadsdossier file opens it in Raadsdossier. HKA is HKCU for a per-user
; install (HKLM with /ALLUSERS); the uninstaller removes these keys and values only.
Root: HKA; Subkey: "Software\Classes\.raadsdossier\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Raadsdossier"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".raadsdossier"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; There is deliberately no [UninstallDelete] section: the uninstaller removes the files listed
; above and nothing else. %LOCALAPPDATA%\Raadsdossier (dossiers, backups, settings) stays.
