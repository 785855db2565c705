#!/usr/bin/env bash
# The release build: Trunk (offline, pinned tools) into dist/, then the shipped sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release "$@"
node scripts/sizes.mjs dist
