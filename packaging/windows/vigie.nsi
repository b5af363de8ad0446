; Vigie's Windows installer (NSIS 3). Built by scripts/package.sh:
;   makensis -DVERSION=x.y.z -DEXE=path\to\vigie.exe -DOUTFILE=dist\vigie-x.y.z-setup.exe vigie.nsi
; Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\Vigie, a Start-menu shortcut, an
; uninstaller registered in HKCU. French and English pages. The practice's vaults live elsewhere
; (%APPDATA%\Vigie, or wherever the doctor saved them) and are never touched by the uninstaller.

Unicode true
; 64-bit installer stub: the default 32-bit one installs nothing under a 64-bit-only Wine, and Vigie is
; a 64-bit program anyway.
Target amd64-unicode
; LZMA for the setup that ships; CI's smoke test, which checks the install and not the compression, builds
; its setup with -DCOMPRESSOR=zlib (a hundred megabytes of unoptimized test build, a minute less).
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined: makensis -DVERSION=x.y.z"
!endif
!ifndef EXE
  !error "EXE is not defined: makensis -DEXE=path/to/vigie.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "vigie-${VERSION}-setup.exe"
!endif

!define APP "Vigie"
!define PUBLISHER "Vigie"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Vigie"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Vigie"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${APP}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de Vigie"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "Apache-2.0"

!include "MUI2.nsh"
!define MUI_ICON "..\..\assets\icon\vigie.ico"
!define MUI_UNICON "..\..\assets\icon\vigie.ico"
!define MUI_ABORTWARNING
; The language chosen at install time is kept with the uninstall entry, for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\vigie.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

; The uninstall confirmation says what stays.
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(DataNote)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; French first: the language of our users; the installer follows Windows' language.
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString DataNote ${LANG_FRENCH} "Vos coffres (les données de votre cabinet) ne sont pas supprimés : ils restent dans vos documents ou dans %APPDATA%\Vigie."
LangString DataNote ${LANG_ENGLISH} "Your vaults (your practice's data) are not removed: they stay in your documents or in %APPDATA%\Vigie."
LangString ShortcutDesc ${LANG_FRENCH} "Sécurité des données de santé du cabinet"
LangString ShortcutDesc ${LANG_ENGLISH} "Security of the practice's health data"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Vigie" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /oname=vigie.exe "${EXE}"
  File /oname=LICENSE.txt "..\..\LICENSE"
  File /oname=vigie.ico "..\..\assets\icon\vigie.ico"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\Vigie.lnk" "$INSTDIR\vigie.exe" "" "$INSTDIR\vigie.exe" 0 SW_SHOWNORMAL "" "$(ShortcutDesc)"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\vigie.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  DetailPrint "$(DataNote)"
  Delete "$SMPROGRAMS\Vigie.lnk"
  Delete "$INSTDIR\vigie.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\vigie.ico"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
