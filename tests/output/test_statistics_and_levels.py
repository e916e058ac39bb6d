"""--statistics counts and the fail-level gate, on the shared reports."""

from __future__ import annotations

import pytest

from policygen.output import ExitCode, FileReport, Finding, Report, exit_code, format_statistics, should_fail
from policygen.output.levels import findings_at_or_above
from policygen.output.statistics import rule_counts


def one_finding(severity: str, **fields) -> Report:
    finding = Finding(code="X", severity=severity, message="m", line=1, column=1)
    return Report(command="check", files=[FileReport("a.md", [finding], **fields)])


def test_rule_counts(check_report: Report) -> None:
    assert rule_counts(check_report) == [
        ("PL204", "info", 3), ("PL203", "warning", 2), ("PL206", "info", 2), ("PL211", "warning", 2),
        ("PL101", "error", 1), ("PL102", "error", 1), ("PL205", "warning", 1), ("PL207", "warning", 1),
        ("PL208", "error", 1), ("PL210", "warning", 1),
    ]


def test_statistics_table(check_report: Report) -> None:
    lines = format_statistics(check_report).splitlines()
    assert lines[0] == "3  PL204  info     wordy.word"
    assert lines[1] == "2  PL203  warning  vague.qualifier"
    assert lines[-1] == "15 findings from 10 rules"


def test_statistics_without_findings() -> None:
    assert format_statistics(Report(command="check", files=[FileReport("a.md")])) == "0 findings\n"


@pytest.mark.parametrize(("level", "count"), [("error", 3), ("warning", 10), ("info", 15)])
def test_fail_levels(check_report: Report, level: str, count: int) -> None:
    assert findings_at_or_above(check_report, level) == count
    assert should_fail(check_report, level) is True
    assert should_fail(check_report, level, exit_zero=True) is False
    assert exit_code(check_report, level) == ExitCode.FINDINGS
    assert exit_code(check_report, level, exit_zero=True) == ExitCode.OK


def test_only_infos_pass_the_default_level() -> None:
    assert should_fail(one_finding("info")) is False
    assert should_fail(one_finding("info"), "info") is True


def test_unknown_severity_counts_as_error() -> None:
    assert should_fail(one_finding("fatal"), "error") is True


def test_fail_level_never(check_report: Report) -> None:
    assert should_fail(check_report, "never") is False


def test_omitted_findings_count_for_the_fail_level() -> None:
    """Findings kept out of the report by the per-file limit still fail the run."""
    report = one_finding("info", omitted=5, omitted_severities=frozenset({"info", "error"}))
    assert findings_at_or_above(report, "error") == 0
    assert exit_code(report) == ExitCode.FINDINGS
    assert exit_code(one_finding("info", omitted=5, omitted_severities=frozenset({"warning"}))) == ExitCode.OK


def test_bad_input_exits_2_whatever_the_options(validate_report: Report) -> None:
    """A malformed description (a ``format`` finding) or an unreadable input is bad input."""
    assert exit_code(validate_report, "never", exit_zero=True) == ExitCode.BAD_INPUT
    readable = validate_report.without_malformed()
    assert [file.path for file in readable.files] == ["descriptions/exempel support.yaml"]
    assert exit_code(readable, "never") == ExitCode.OK and exit_code(readable, "warning") == ExitCode.FINDINGS
    from policygen.errors import Problem

    assert exit_code(Report(command="check", problems=[Problem("a.md", "file is empty")])) == ExitCode.BAD_INPUT
