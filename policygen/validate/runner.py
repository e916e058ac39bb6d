"""Run every GDPR rule over a description and report located, sorted findings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from policygen.errors import UserError
from policygen.output import FileReport, Finding, RuleInfo
from policygen.validate.context import Context
from policygen.validate.findings import format_finding, format_rule
from policygen.validate.registry import all_rules

if TYPE_CHECKING:
    from policygen.model import LoadedDescription


def run(loaded: LoadedDescription, *, today: dt.date | None = None) -> list[Finding]:
    """GDPR findings for ``loaded`` (from :func:`policygen.model.load_description`).

    Sorted by line, column, code and key, so that output is the same on every run. ``today`` is
    only for the currency check; it defaults to the local date.
    """
    context = Context(loaded.description, today or dt.date.today())
    findings: list[Finding] = []
    for rule in all_rules():
        for hit in rule.check(context):
            line, column = loaded.locations.find(hit.key)
            findings.append(Finding(code=rule.code, name=rule.name, severity=hit.severity or rule.severity,
                                    article=rule.article_for(hit), key=hit.key, line=line, column=column,
                                    message=hit.message, hint=hit.hint, kind="gdpr"))
    return sorted(findings, key=lambda f: (f.line, f.column, f.code, f.key))


def validate_file(path: str, *, today: dt.date | None = None) -> FileReport:
    """One description's entry in a report: its format errors when it is not well formed (it is
    judged under the law only once it is), else its GDPR findings."""
    from policygen.model import load_description

    try:
        loaded = load_description(path)
    except UserError as error:
        return FileReport(path, [format_finding(problem) for problem in error.problems])
    return FileReport(path, run(loaded, today=today))


def catalogue() -> list[RuleInfo]:
    """The metadata of every code ``validate`` reports, in the interface language."""
    return [format_rule(), *(rule.info() for rule in all_rules())]
