; Inno Setup script for GluteMed on Windows (Inno Setup 6, preinstalled on GitHub's
; windows runners). Built by .github/workflows/release.yml after PyInstaller:
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\dist\glutemed packaging\windows\glutemed.iss
; It cannot be built or tried on the Linux machine where GluteMed is developed.
;
; Per-user install without admin rights (PrivilegesRequired=lowest): the app goes to
; %LOCALAPPDATA%\Programs\GluteMed, the Start menu entry to the user's own Start menu.
; The user's data lives elsewhere, in %LOCALAPPDATA%\GluteMed (platformdirs), and the
; uninstaller removes only the files listed under [Files]; it never touches the data.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\glutemed"
#endif

[Setup]
; Keep AppId for ever: it is how upgrades find the installed copy.
AppId={{6B0E2F53-4A1C-4C2E-9C57-2D3B6E1F7A10}
AppName=GluteMed
AppVersion={#AppVersion}
AppVerName=GluteMed {#AppVersion}
AppPublisher=The GluteMed developers
AppPublisherURL=https://github.com/glutemed/glutemed
AppSupportURL=https://github.com/glutemed/glutemed/issues
DefaultDirName={autopf}\GluteMed
DefaultGroupName=GluteMed
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=GluteMed-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\glutemed.ico
UninstallDisplayIcon={app}\glutemed.exe
UninstallDisplayName=GluteMed
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: glutemed.exe (windowed), glutemed-cli.exe (console twin
; for `glutemed-cli self-test` and the other commands) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\GluteMed"; Filename: "{app}\glutemed.exe"; Comment: "Coach for side-hip rehab exercises"
Name: "{autodesktop}\GluteMed"; Filename: "{app}\glutemed.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\glutemed.exe"; Description: "{cm:LaunchProgram,GluteMed}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: %LOCALAPPDATA%\GluteMed (the database and its
; backups) stays after uninstalling, so reinstalling picks up where the user left off.
