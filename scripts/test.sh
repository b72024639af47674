#!/usr/bin/env bash
# The test command: install, lint, type-check, run the test suite, and check eval scores against floors.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== ruff" >&2
.venv/bin/ruff check src tests bench
echo "== mypy" >&2
.venv/bin/mypy
echo "== eval (gold set, CI floors in gold/floors.json)" >&2
.venv/bin/sitroom eval gold
echo "== pytest" >&2
.venv/bin/python -m pytest "$@"
