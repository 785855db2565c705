#!/usr/bin/env bash
# Builds the release app on the embedded seeds (or DOSSIER_SEEDS=/path) and
# serves dist/ on http://127.0.0.1:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
scripts/build.sh
exec node scripts/static-server.mjs dist "${PORT:-8080}"
