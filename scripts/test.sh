#!/usr/bin/env bash
# The test command: install, lint, type-check, check eval scores against their floors, run the test suite
# (with a throwaway PostgreSQL cluster on loopback and headless Chromium when they can be installed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh
echo "== ruff" >&2
.venv/bin/ruff check src tests bench
echo "== mypy" >&2
.venv/bin/mypy
echo "== eval (gold set; floors in gold/floors.json)" >&2
.venv/bin/sitroom eval gold
echo "== pytest" >&2
if source scripts/pg.sh start; then
  trap 'bash scripts/pg.sh stop >/dev/null 2>&1 || true' EXIT
fi
# Ray is installed by setup (the `ray` extra): run the Ray engine tests too (about 45 s)
if .venv/bin/python -c "import ray" 2>/dev/null; then export SITROOM_TEST_RAY=1; fi
.venv/bin/python -m pytest "$@"
