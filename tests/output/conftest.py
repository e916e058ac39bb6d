"""Fixtures for the output-format tests (see ``output_helpers`` for the inputs and snapshots)."""

from __future__ import annotations

from pathlib import Path

import pytest

from output_helpers import FIXTURES, load_report
from policygen.output import Report


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


@pytest.fixture
def check_report(in_fixtures: Path) -> Report:
    return load_report("check_report.json")


@pytest.fixture
def validate_report(in_fixtures: Path) -> Report:
    return load_report("validate_report.json")
