"""Format errors as findings: a description that is not well formed is reported in the same
report as the GDPR findings (``"kind": "format"``, code ``format``), and is bad input (exit 2)."""

from __future__ import annotations

from policygen.errors import Problem
from policygen.output import Finding, rule_info

FORMAT_RULE = rule_info(
    "format", "format.error", "format", "error", "The description is not well formed.",
    help="Fix the located problem; see docs/description-format.md.",
)


def format_finding(problem: Problem) -> Finding:
    """One located problem of the loader as a finding of the report."""
    return Finding(code=FORMAT_RULE.code, severity="error", message=problem.message, line=problem.line,
                   column=problem.column, kind="format", key=problem.key, hint=problem.hint)
