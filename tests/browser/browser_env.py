"""What the browser tests need from the machine, and what happens when it is not there.

The tests drive Debian's Chromium through Playwright's Python API with ``executable_path``;
Playwright's own browser download is never used (it cannot work offline, and a second browser
would be a second thing to keep up to date). axe-core is injected into each page from the copy
npm installed next to this file, never fetched. ``tests/browser/install.sh`` (run by ``make
test`` and so by ``.ci/run``) installs both.

In CI (``CI`` set) a missing dependency is a failure, never a skip: a gate that silently stops
running its browser tests would pass pages nobody looked at.
"""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

# Headless, as root, offline: no sandbox (root), no GPU, no QUIC, and none of the browser's own
# traffic (first-run pages, component and safe-browsing updates, sync) — a request that leaves
# 127.0.0.1 is what the tests look for, and the browser must not make one of its own.
LAUNCH_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

HOW_TO_INSTALL = ("install them with `make browser` (as root: apt-get install chromium; "
                  "npm ci in tests/browser), or run tests/browser/install.sh")


def in_ci() -> bool:
    """The same test as the hypothesis profile in tests/conftest.py: CI sets ``CI``."""
    return bool(os.environ.get("CI"))


def missing_dependencies() -> list[str]:
    """What the browser tests need and cannot find, as short phrases for one message."""
    missing = []
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"Debian's Chromium ({CHROMIUM})")
    if not AXE.is_file():
        missing.append(f"axe-core ({AXE.relative_to(HERE.parent.parent)})")
    return missing


def unavailable_reason() -> str | None:
    """None when the browser tests can run, else the sentence a skip or a failure shows."""
    missing = missing_dependencies()
    if not missing:
        return None
    return f"browser tests need {' and '.join(missing)}: {HOW_TO_INSTALL}"
