#!/usr/bin/env bash
# Everything CI checks, in order: formatting, lints, the tests (the README's `cargo test`), and that the
# Windows build compiles. Run it before every commit.
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
