"""Helpers for the output-format tests: the two shared reports and the snapshot comparison.

The reports are written as JSON in ``fixtures/`` and read into the typed report model. The check
report's findings point at exact ranges of the files under ``fixtures/site/``, whose text goes
into the report as the checker would put it; its paths are relative, so tests run from
``fixtures/``. Snapshots live in ``snapshots/``; set ``POLICYGEN_UPDATE_SNAPSHOTS=1`` to rewrite
them after a deliberate change, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from policygen.output import FileReport, Finding, Metrics, Report, RuleInfo, Section

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
UPDATE = os.environ.get("POLICYGEN_UPDATE_SNAPSHOTS") == "1"


def file_report(data: dict) -> FileReport:
    """A report entry from its JSON form; a checked file's text is read from the fixtures."""
    metrics = data.get("metrics")
    source = FIXTURES / data["path"]
    return FileReport(
        path=data["path"],
        findings=[Finding(**finding) for finding in data["findings"]],
        lang=data.get("lang", ""),
        metrics=Metrics(**metrics) if metrics is not None else None,
        sections=[Section(s["heading"], s["line"], Metrics(**s["metrics"])) for s in data.get("sections", [])],
        source=source.read_text(encoding="utf-8") if metrics is not None and source.is_file() else None,
    )


def load_report(name: str) -> Report:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return Report(command=data["command"], files=[file_report(file) for file in data["payload"]["files"]],
                  rules={code: RuleInfo(code, **info) for code, info in data["rules"].items()})


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
