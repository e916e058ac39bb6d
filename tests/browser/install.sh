#!/usr/bin/env bash
# Installs what the browser tests need, and nothing if it is already there:
#   - Debian's Chromium (/usr/bin/chromium), with apt-get, when run as root;
#   - axe-core from npm, at the version pinned in package-lock.json, into tests/browser/node_modules.
# Playwright (the Python package) comes with the `test` extra of pyproject.toml; its own browser
# download (`playwright install`) is never used: the tests drive Debian's Chromium.
#
# With CI set, anything missing that cannot be installed is an error: CI must never skip the
# browser tests. Without CI, a machine where neither root nor npm is at hand only gets a note,
# and the browser tests are then skipped with the same advice.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium=/usr/bin/chromium
axe="$here/node_modules/axe-core/axe.min.js"
missing=0

note() { echo "browser tests: $*" >&2; }

if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        note "installing Debian's chromium with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        # Wait for another apt-get rather than fail: several jobs may share one machine.
        apt-get -o DPkg::Lock::Timeout=600 update -qq
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium >/dev/null
    else
        note "$chromium is missing; install it as root: apt-get install chromium (or: sudo make browser)"
        missing=1
    fi
fi

# npm ci is run only when the lock file is newer than the installed copy (or it is absent).
if [ ! -f "$axe" ] || [ "$here/package-lock.json" -nt "$axe" ]; then
    if command -v npm >/dev/null; then
        note "installing axe-core from package-lock.json with npm ci"
        # npm's cache and logs stay in the checkout (git-ignored): `make test` writes nothing
        # into $HOME, which may be read-only.
        (cd "$here" && npm ci --no-audit --no-fund --no-update-notifier --loglevel=error --cache "$here/.npm-cache" \
            --logs-dir "$here/.npm-cache/_logs")
        touch "$axe"
    else
        note "npm is missing, so axe-core cannot be installed: install Node.js and npm, then run make browser"
        missing=1
    fi
fi

if [ "$missing" = 1 ] && [ -n "${CI:-}" ]; then
    note "CI is set and a browser-test dependency is missing: failing rather than skipping"
    exit 1
fi
exit 0
