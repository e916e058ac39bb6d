"""Format errors as findings: a description that is not well formed is reported in the same
report as the GDPR findings (``"kind": "format"``, code ``format``), and is bad input (exit 2)."""

from __future__ import annotations

from policygen.errors import Problem
from policygen.lang.messages import N_, _
from policygen.output import Finding, RuleInfo, rule_info

FORMAT_CODE = "format"
_FORMAT_SUMMARY = N_("The description is not well formed.")
_FORMAT_HELP = N_("Fix the located problem; see docs/description-format.md.")


def format_rule() -> RuleInfo:
    """The metadata of the ``format`` code, in the interface language of the moment."""
    return rule_info(FORMAT_CODE, "format.error", "format", "error", _(_FORMAT_SUMMARY), help=_(_FORMAT_HELP))


def format_finding(problem: Problem) -> Finding:
    """One located problem of the loader as a finding of the report."""
    return Finding(code=FORMAT_CODE, severity="error", message=problem.message, line=problem.line,
                   column=problem.column, kind="format", key=problem.key, hint=problem.hint)
