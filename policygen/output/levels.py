"""Severities, their order, and the fail level that turns findings into exit code 1.

Both ``check`` and ``validate`` gate CI the same way: a run fails when any finding is at or above
the fail level (``error`` by default, DESIGN.md). ``--exit-zero`` reports but never fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SEVERITIES = ("info", "warning", "error")  # ascending
FAIL_LEVELS = (*SEVERITIES, "never")  # "never": report, never fail (as --exit-zero)
DEFAULT_FAIL_LEVEL = "error"
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    """Order of a severity; an unknown one ranks as ``error`` so it can never slip through CI."""
    return _RANK.get(severity, _RANK["error"])


def iter_findings(payload: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Every ``(file, finding)`` pair of a ``{"files": [...]}`` payload, in payload order."""
    for file in payload.get("files", []):
        for finding in file.get("findings", []):
            yield file, finding


def findings_at_or_above(payload: dict[str, Any], fail_level: str) -> int:
    """How many findings are at or above ``fail_level``."""
    threshold = severity_rank(fail_level)
    return sum(1 for _, finding in iter_findings(payload) if severity_rank(finding.get("severity", "error")) >= threshold)


def should_fail(payload: dict[str, Any], fail_level: str = DEFAULT_FAIL_LEVEL, exit_zero: bool = False) -> bool:
    """True when the run must exit 1: a finding at or above ``fail_level`` and no ``--exit-zero``."""
    if exit_zero or fail_level == "never":
        return False
    return findings_at_or_above(payload, fail_level) > 0
