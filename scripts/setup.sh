#!/usr/bin/env bash
# Create .venv and install sitroom with its pinned dependencies (idempotent: skips when up to date).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PY --version)" >&2
  "$PY" -m venv .venv
fi
stamp=.venv/.sitroom-installed
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing sitroom and its pinned dependencies into .venv" >&2
  # pip's notes about local index folders this machine may not have are noise: keep real errors
  # (pipefail: a failing pip still fails this script)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,ray]' 2>&1 \
    | { grep -v "^WARNING: Location '" || true; }
  echo "$want" > "$stamp"
fi
