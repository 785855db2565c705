#!/usr/bin/env bash
# Every check, in the order that fails fastest: formatting, lints (native and
# wasm), native tests, wasm tests in headless Chromium, the release build and
# its size budget, the end-to-end tests in headless Chromium, and the
# untrusted-text test, which builds its own app from hostile seeds. Stops at
# the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --test
# A one-off run gains nothing from incremental caches, which cost disk.
export CARGO_INCREMENTAL=0

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy (wasm app)"
cargo clippy -p dossier-app --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "wasm tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test -p dossier-app --target wasm32-unknown-unknown --locked

step "release build"
scripts/build.sh

step "size budget: the hosted app at most 150 kB brotli"
node scripts/sizes.mjs dist --budget-brotli=150000 | tail -n 3

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 --test-timeout=60000 tests/e2e/

# Its own step: the build it makes takes longer than the per-file timeout above.
step "untrusted article text and a span of months, built into their own app"
node --test --test-timeout=900000 tests/e2e/untrusted-text.mjs
