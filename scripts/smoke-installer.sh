#!/usr/bin/env bash
# Installer smoke test under Wine: a fresh prefix, a silent per-user install, the program and its
# Start-menu shortcut and uninstall entry in place, the window shown (screenshot kept in
# target/smoke/), a silent uninstall waited for, everything removed. Then, with a throw-away
# self-signed certificate, signing the setup and verifying the signature.
# Usage: scripts/smoke-installer.sh dist/vigie-X-setup.exe path/to/stub/bcryptprimitives.dll
set -euo pipefail
cd "$(dirname "$0")/.."
SETUP=$(realpath "$1")
STUB=$(realpath "$2")
OUT=target/smoke
rm -rf "$OUT" && mkdir -p "$OUT"
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# A French Windows, like our users': the installer and the program follow the system's language.
export LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8
export WINEPREFIX
SCRATCH=$(mktemp -d)
WINEPREFIX=$SCRATCH/wine-smoke
export DISPLAY=:97
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; wineserver -k 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
sleep 1
wineboot -i >/dev/null 2>&1
# The test-only stand-in for bcryptprimitives.dll (Wine 8 lacks it), in the prefix, not in the installer.
cp "$STUB" "$WINEPREFIX/drive_c/windows/system32/"

echo "== silent install"
wine "$SETUP" /S
wineserver -w
USERDIR=$(ls -d "$WINEPREFIX"/drive_c/users/*/ | grep -v Public | head -1)
APPDIR="$USERDIR/AppData/Local/Programs/Vigie"
[ -f "$APPDIR/vigie.exe" ] || fail "vigie.exe not installed in $APPDIR"
[ -f "$APPDIR/Uninstall.exe" ] || fail "no uninstaller"
LNK=$(find "$USERDIR" -name 'Vigie.lnk' | head -1)
[ -n "$LNK" ] || fail "no Start-menu shortcut"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Vigie' /v DisplayVersion \
  >"$OUT/uninstall-key.txt" 2>&1 || true
grep -q DisplayVersion "$OUT/uninstall-key.txt" || fail "no uninstall entry in HKCU"
echo "installed: $APPDIR, shortcut: $LNK"

echo "== the window appears"
VIGIE_DATA_DIR='C:\vigie-smoke-data' wine "$APPDIR/vigie.exe" >/dev/null 2>&1 &
APP=$!
for _ in $(seq 1 60); do
  if xdotool search --name '^Vigie$' >/dev/null 2>&1; then break; fi
  sleep 1
done
xdotool search --name '^Vigie$' >/dev/null 2>&1 || fail "the window did not appear within 60 s"
sleep 3
import -window root "$OUT/installed-app.png"
echo "screenshot: $OUT/installed-app.png"
kill $APP 2>/dev/null || true
wineserver -k 2>/dev/null || true
sleep 1

echo "== silent uninstall"
wine "$APPDIR/Uninstall.exe" /S
# NSIS copies the uninstaller to a temporary folder and returns at once: wait for the removal.
for _ in $(seq 1 60); do
  [ -e "$APPDIR/vigie.exe" ] || break
  sleep 1
done
wineserver -w
[ ! -e "$APPDIR" ] || fail "the install folder is still there: $(ls "$APPDIR")"
[ -z "$(find "$USERDIR" -name 'Vigie.lnk')" ] || fail "the shortcut is still there"
if wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Vigie' >/dev/null 2>&1; then
  fail "the uninstall entry is still there"
fi
echo "uninstalled: folder, shortcut and registry entry removed"

echo "== Authenticode signing with a throw-away certificate"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Vigie test signing" \
  -keyout "$OUT/test.key" -out "$OUT/test.crt" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$OUT/test.key" -in "$OUT/test.crt" -passout pass:test \
  -out "$OUT/test.pfx"
cp "$SETUP" "$OUT/setup-signed.exe"
osslsigncode sign -pkcs12 "$OUT/test.pfx" -pass test -n Vigie -h sha256 \
  -in "$OUT/setup-signed.exe" -out "$OUT/setup-signed.exe.tmp" >/dev/null
mv "$OUT/setup-signed.exe.tmp" "$OUT/setup-signed.exe"
# A self-signed certificate does not chain to a trusted root: verification against it as the CA must
# pass, which proves the signature is there and the file's digest matches it.
osslsigncode verify -CAfile "$OUT/test.crt" -in "$OUT/setup-signed.exe" >"$OUT/verify.txt" 2>&1 || true
grep -q "Signature verification: ok" "$OUT/verify.txt" || fail "the signature does not verify: $(cat "$OUT/verify.txt")"
echo "signature present and valid against the test certificate"
echo "smoke test passed"
