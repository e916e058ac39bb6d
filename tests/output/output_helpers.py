"""Helpers for the output-format tests: the two shared reports and the snapshot comparison.

The check report's findings point at exact ranges of the files under ``fixtures/site/``; its
paths are relative, so tests run from ``fixtures/`` (the HTML report reads the sources there).
Snapshots live in ``snapshots/``; set ``POLICYGEN_UPDATE_SNAPSHOTS=1`` to rewrite them after a
deliberate change, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from policygen.output import Report

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
UPDATE = os.environ.get("POLICYGEN_UPDATE_SNAPSHOTS") == "1"


def load_report(name: str) -> Report:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return Report(command=data["command"], payload=data["payload"], rules=data["rules"])


def assert_snapshot(name: str, text: str) -> None:
    """Compare ``text`` with ``snapshots/name``; rewrite it instead when updating."""
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"snapshot {name} is missing; run with POLICYGEN_UPDATE_SNAPSHOTS=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"
