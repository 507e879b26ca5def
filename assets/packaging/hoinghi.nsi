; The Windows installer: hoinghi.exe with a Start-menu entry, a desktop shortcut, the
; icon and an uninstaller listed in Windows' "Apps". Per user, in
; %LOCALAPPDATA%\Programs\hoinghi, so it installs on a borrowed or managed laptop without
; an administrator password. Built on Linux by .ci/dist with Debian's makensis:
;   makensis -DVERSION=0.1.0 -DEXE=path\to\hoinghi.exe -DOUT=path\to\setup.exe hoinghi.nsi
; A 64-bit installer for the 64-bit app (it also runs under a 64-bit-only Wine).
Target amd64-unicode
!include "MUI2.nsh"

!define APPNAME "hoinghi"
!define DISPLAYNAME "Hội nghị (hoinghi)"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\hoinghi"

Name "${DISPLAYNAME}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\${APPNAME}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
BrandingText "hoinghi ${VERSION}"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\hoinghi.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${DISPLAYNAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${DISPLAYNAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "MIT"

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=hoinghi.exe" "${EXE}"
  File "..\icon.ico"
  File "/oname=LICENSE-MIT.txt" "..\..\LICENSE-MIT"
  File "..\fonts\NotoSans-LICENSE.txt"
  File "..\fonts\Tinos-LICENSE.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${DISPLAYNAME}"
  CreateShortcut "$SMPROGRAMS\${DISPLAYNAME}\${DISPLAYNAME}.lnk" "$INSTDIR\hoinghi.exe" "" "$INSTDIR\icon.ico"
  CreateShortcut "$SMPROGRAMS\${DISPLAYNAME}\Gỡ cài đặt ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${DISPLAYNAME}.lnk" "$INSTDIR\hoinghi.exe" "" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "Software\${APPNAME}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "hoinghi"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; The conference files and backups live in the user's data folder and stay: uninstalling
; the program never deletes a conference.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${DISPLAYNAME}\${DISPLAYNAME}.lnk"
  Delete "$SMPROGRAMS\${DISPLAYNAME}\Gỡ cài đặt ${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${DISPLAYNAME}"
  Delete "$DESKTOP\${DISPLAYNAME}.lnk"
  Delete "$INSTDIR\hoinghi.exe"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\NotoSans-LICENSE.txt"
  Delete "$INSTDIR\Tinos-LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPNAME}"
SectionEnd
