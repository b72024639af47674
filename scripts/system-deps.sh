#!/usr/bin/env bash
# System packages the full test suite uses, from Debian: Chromium (browser tests of the web app) and
# PostgreSQL (the store suite against a real server). Installs only what is missing; without root it says
# what is missing and the tests that need it are skipped with that reason.
set -uo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]} (install with apt-get as root); their tests will be skipped" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >&2 \
  || echo "system-deps: could not install ${missing[*]}; their tests will be skipped" >&2
exit 0
