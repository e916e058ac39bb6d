"""Every format on the same two inputs, compared with reviewed snapshots (deterministic output)."""

from __future__ import annotations

import pytest

from output_helpers import assert_snapshot
from policygen.output import FORMATS, Report, render

EXTENSIONS = {"human": "txt", "json": "json", "sarif": "sarif.json", "github": "txt", "html": "html"}


def test_every_format_has_a_snapshot_extension() -> None:
    assert set(EXTENSIONS) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_check_report_snapshot(fmt: str, check_report: Report) -> None:
    assert_snapshot(f"check.{fmt}.{EXTENSIONS[fmt]}", render(fmt, check_report))


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_validate_report_snapshot(fmt: str, validate_report: Report) -> None:
    assert_snapshot(f"validate.{fmt}.{EXTENSIONS[fmt]}", render(fmt, validate_report))
