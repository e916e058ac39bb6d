"""--statistics counts and the fail-level gate, on the shared reports."""

from __future__ import annotations

import pytest

from policygen.output import Report, format_statistics, should_fail
from policygen.output.levels import findings_at_or_above
from policygen.output.statistics import rule_counts


def test_rule_counts(check_report: Report) -> None:
    assert rule_counts(check_report.payload) == [
        ("PL204", "info", 3), ("PL203", "warning", 2), ("PL206", "info", 2), ("PL211", "warning", 2),
        ("PL101", "error", 1), ("PL102", "error", 1), ("PL205", "warning", 1), ("PL207", "warning", 1),
        ("PL208", "error", 1), ("PL210", "warning", 1),
    ]


def test_statistics_table(check_report: Report) -> None:
    lines = format_statistics(check_report.payload, check_report.rules).splitlines()
    assert lines[0] == "3  PL204  info     wordy.word"
    assert lines[1] == "2  PL203  warning  vague.qualifier"
    assert lines[-1] == "15 findings from 10 rules"


def test_statistics_without_findings() -> None:
    assert format_statistics({"files": [{"path": "a.md", "findings": []}]}) == "0 findings\n"


@pytest.mark.parametrize(("level", "count"), [("error", 3), ("warning", 10), ("info", 15)])
def test_fail_levels(check_report: Report, level: str, count: int) -> None:
    assert findings_at_or_above(check_report.payload, level) == count
    assert should_fail(check_report.payload, level) is True
    assert should_fail(check_report.payload, level, exit_zero=True) is False


def test_only_infos_pass_the_default_level() -> None:
    payload = {"files": [{"path": "a.md", "findings": [{"code": "X", "severity": "info"}]}]}
    assert should_fail(payload) is False
    assert should_fail(payload, "info") is True


def test_unknown_severity_counts_as_error() -> None:
    payload = {"files": [{"path": "a.md", "findings": [{"code": "X", "severity": "fatal"}]}]}
    assert should_fail(payload, "error") is True


def test_fail_level_never(check_report: Report) -> None:
    assert should_fail(check_report.payload, "never") is False
