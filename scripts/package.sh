#!/usr/bin/env bash
# Builds Vigie's distributable artifacts into dist/, with a SHA256SUMS file:
#   windows  vigie-VERSION-setup.exe (NSIS, per-user) and vigie-VERSION-windows-x86_64.zip (portable)
#   linux    vigie_VERSION-1_amd64.deb (cargo deb) and vigie-VERSION-linux-x86_64.tar.gz (portable)
#   all      both
# Signing (optional, Windows): with VIGIE_SIGN_PFX (a PKCS#12 file) and VIGIE_SIGN_PASSWORD, the exe
# and the setup are signed with osslsigncode (Authenticode, SHA-256, no time-stamp: this machine has no
# network). Tools, Debian packages: gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis osslsigncode zip
# for windows; cargo-deb (installed with cargo if missing) and dpkg-dev for linux.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case "$what" in windows|linux|all) ;; *) echo "usage: scripts/package.sh windows|linux|all" >&2; exit 2;; esac

VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
DIST=dist
mkdir -p "$DIST"

sign() { # sign FILE: in place, when a certificate is provided
  local f=$1
  [ -n "${VIGIE_SIGN_PFX:-}" ] || return 0
  osslsigncode sign -pkcs12 "$VIGIE_SIGN_PFX" -pass "${VIGIE_SIGN_PASSWORD:-}" \
    -n "Vigie" -h sha256 -in "$f" -out "$f.signed"
  mv "$f.signed" "$f"
  echo "signed: $f"
}

portable_note() { # the note that goes into the portable archives
  cat <<'NOTE'
Vigie — mode portable / portable mode

FR : pour garder toutes les données de Vigie à côté du programme (clé USB d'un consultant), laissez le
fichier nommé « portable » à côté de l'exécutable : les données vont dans le dossier « vigie-data »
voisin. Supprimez ce fichier pour utiliser le dossier de données habituel de l'ordinateur.

EN: to keep all of Vigie's data next to the program (a consultant's USB stick), keep the file named
"portable" next to the executable: data goes to the "vigie-data" folder beside it. Delete that file to
use the computer's usual data folder.
NOTE
}

windows() {
  # A release build (LTO), unless VIGIE_WINDOWS_EXE names a program already built: CI packages the one
  # its Windows test suite ran (scripts/ci-windows.sh).
  local exe=${VIGIE_WINDOWS_EXE:-}
  if [ -z "$exe" ]; then
    cargo build --release --target x86_64-pc-windows-gnu --bin vigie
    exe=target/x86_64-pc-windows-gnu/release/vigie.exe
  fi
  local stage=target/package/windows
  rm -rf "$stage" && mkdir -p "$stage"
  cp "$exe" "$stage/vigie.exe"
  sign "$stage/vigie.exe"
  # VIGIE_NSIS_COMPRESSOR: the setup's compressor, LZMA unless told (CI's smoke test: zlib).
  makensis -V2 -DVERSION="$VERSION" -DEXE="$PWD/$stage/vigie.exe" \
    ${VIGIE_NSIS_COMPRESSOR:+-DCOMPRESSOR="$VIGIE_NSIS_COMPRESSOR"} \
    -DOUTFILE="$PWD/$DIST/vigie-$VERSION-setup.exe" packaging/windows/vigie.nsi
  sign "$DIST/vigie-$VERSION-setup.exe"
  # The portable zip: the program, the "portable" marker, the note, the licence.
  local p="$stage/Vigie-$VERSION"
  mkdir -p "$p"
  cp "$stage/vigie.exe" "$p/"
  : > "$p/portable"
  portable_note > "$p/LISEZ-MOI-portable.txt"
  cp LICENSE "$p/LICENSE.txt"
  (cd "$stage" && rm -f "../vigie.zip" && zip -qr "../vigie.zip" "Vigie-$VERSION")
  mv "target/package/vigie.zip" "$DIST/vigie-$VERSION-windows-x86_64.zip"
}

linux() {
  cargo build --release --bin vigie
  if ! command -v cargo-deb >/dev/null; then
    cargo install cargo-deb --locked --quiet
  fi
  cargo deb --no-build --output "$DIST/"
  local stage=target/package/linux
  local p="$stage/vigie-$VERSION"
  rm -rf "$stage" && mkdir -p "$p/icons"
  cp target/release/vigie "$p/"
  cp README.md LICENSE packaging/linux/vigie.desktop "$p/"
  cp assets/icon/vigie.svg assets/icon/png/vigie-256.png "$p/icons/"
  portable_note > "$p/PORTABLE.txt"
  tar -C "$stage" -czf "$DIST/vigie-$VERSION-linux-x86_64.tar.gz" "vigie-$VERSION"
}

case "$what" in
  windows) windows ;;
  linux) linux ;;
  all) windows; linux ;;
esac

(cd "$DIST" && rm -f SHA256SUMS && sha256sum -- * > SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo "== $DIST"
cat "$DIST/SHA256SUMS"
