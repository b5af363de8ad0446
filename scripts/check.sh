#!/usr/bin/env bash
# Everything CI checks, in order: formatting, lints, the tests (the README's `cargo test`), and that the
# Windows and macOS builds compile (Windows needs mingw's windres for the icon: Debian
# binutils-mingw-w64-x86-64). Run it before every commit. The Windows test suite under Wine and the
# installer smoke test are in scripts/ci-windows.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy --all-targets -D warnings"
cargo clippy --all-targets -- -D warnings

echo "== cargo test"
cargo test

echo "== cargo check --target x86_64-pc-windows-gnu"
if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  rustup target add x86_64-pc-windows-gnu
fi
cargo check --target x86_64-pc-windows-gnu --all-targets

echo "== cargo check --target aarch64-apple-darwin"
if ! rustup target list --installed | grep -qx aarch64-apple-darwin; then
  rustup target add aarch64-apple-darwin
fi
cargo check --target aarch64-apple-darwin --no-default-features  # ring needs an Apple C toolchain (docs/ci.md)
