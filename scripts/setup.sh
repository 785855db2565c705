#!/usr/bin/env bash
# Installs whatever the build (and, with --test, the test run) needs and is
# missing, from the package registries only: the wasm32 target, Trunk, the
# wasm-bindgen CLI at the version in Cargo.lock, wasm-opt and Playwright from
# package-lock.json, and for tests Debian's Chromium and chromedriver.
# Idempotent: a second run checks versions and installs nothing.
# Source it (`. scripts/setup.sh [--test]`) so PATH changes reach the caller.
set -euo pipefail

dossier_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] error:\033[0m %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$dossier_root/node_modules/.bin:$PATH"

# The version of a package in Cargo.lock.
locked_version() {
  awk -v name="$1" '$1 == "name" && $3 == "\"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' "$dossier_root/Cargo.lock"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

setup_build() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  command -v npm >/dev/null || die "npm not found: install Node.js (20 or newer) first"

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing Trunk $TRUNK_VERSION (takes about 7 minutes once)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi

  local wbg
  wbg="$(locked_version wasm-bindgen)"
  [ -n "$wbg" ] || die "wasm-bindgen not found in Cargo.lock"
  grep -q "^wasm_bindgen = \"$wbg\"" "$dossier_root/Trunk.toml" \
    || die "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $wbg"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    log "installing wasm-bindgen-cli $wbg (takes about 2 minutes once)"
    # Its own lock pins a crate version the registry here no longer serves, so
    # try --locked first and resolve afresh if that fails.
    cargo install wasm-bindgen-cli --locked --version "$wbg" \
      || cargo install wasm-bindgen-cli --version "$wbg" --force
  fi

  if [ ! -f "$dossier_root/node_modules/.package-lock.json" ] \
    || [ "$dossier_root/package-lock.json" -nt "$dossier_root/node_modules/.package-lock.json" ]; then
    log "installing npm packages from package-lock.json"
    (cd "$dossier_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  wasm-opt --version | grep -q "version_132" || die "wasm-opt 132 expected from node_modules (npm binaryen)"

  # Trunk runs cargo offline; fetch the locked crates first.
  (cd "$dossier_root" && cargo fetch --locked --quiet)
}

setup_test() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then rustup component add rustfmt; fi
}

setup_build
if [ "${1:-}" = "--test" ]; then setup_test; fi
