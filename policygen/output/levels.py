"""The one fail gate: which exit code a report gives under ``--fail-level`` and ``--exit-zero``.

``check``, ``validate`` and ``build`` gate CI the same way: bad input (an unreadable file, a
description with format errors) exits 2 whatever the options; otherwise the run fails (1) when
any finding, reported or omitted for the per-file limit, is at or above the fail level
(``error`` by default, DESIGN.md). ``--exit-zero`` and the level ``never`` report but never fail.
"""

from __future__ import annotations

from enum import IntEnum

from policygen.lang.messages import N_, _
from policygen.output.report import SEVERITIES, Report

FAIL_LEVELS = (*SEVERITIES, "never")
DEFAULT_FAIL_LEVEL = "error"
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def severity_label(severity: str) -> str:
    """How a severity is shown to a person, in the interface language (machine formats keep the
    English value: it is part of their contract)."""
    return _(_LABELS[severity]) if severity in _LABELS else severity


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # findings at or above the fail level
    BAD_INPUT = 2  # the user's input cannot be used; nothing was written


def severity_rank(severity: str) -> int:
    """Order of a severity; an unknown one ranks as ``error`` so it can never slip through CI."""
    return _RANK.get(severity, _RANK["error"])


def findings_at_or_above(report: Report, fail_level: str) -> int:
    """How many reported findings are at or above ``fail_level``."""
    threshold = severity_rank(fail_level)
    return sum(1 for _, finding in report.findings() if severity_rank(finding.severity) >= threshold)


def should_fail(report: Report, fail_level: str = DEFAULT_FAIL_LEVEL, exit_zero: bool = False) -> bool:
    """True when findings must fail the run: one at or above ``fail_level`` and no ``--exit-zero``."""
    if exit_zero or fail_level == "never":
        return False
    threshold = severity_rank(fail_level)
    omitted = (severity for file in report.files for severity in file.omitted_severities)
    return findings_at_or_above(report, fail_level) > 0 or any(severity_rank(s) >= threshold for s in omitted)


def exit_code(report: Report, fail_level: str = DEFAULT_FAIL_LEVEL, exit_zero: bool = False) -> ExitCode:
    """Bad input, else findings that fail the run (:func:`should_fail`), else OK."""
    if report.bad_input:
        return ExitCode.BAD_INPUT
    return ExitCode.FINDINGS if should_fail(report, fail_level, exit_zero) else ExitCode.OK
