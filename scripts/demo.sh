#!/usr/bin/env bash
# The main job on a fresh machine: install, then ingest the bundled example corpus and print a tour.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/sitroom demo "$@"
