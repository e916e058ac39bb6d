"""Run every GDPR rule over a loaded description and return located, sorted findings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from policygen.validate.context import Context
from policygen.validate.findings import GdprFinding
from policygen.validate.registry import all_rules

if TYPE_CHECKING:
    from policygen.model import LoadedDescription


def run(loaded: LoadedDescription, *, today: dt.date | None = None) -> list[GdprFinding]:
    """GDPR findings for ``loaded`` (from :func:`policygen.model.load_description`).

    Sorted by line, column and code, so that output is the same on every run. ``today`` is
    only for the currency check; it defaults to the local date.
    """
    context = Context(loaded.description, today or dt.date.today())
    findings: list[GdprFinding] = []
    for rule in all_rules():
        for hit in rule.check(context):
            line, column = loaded.locations.find(hit.key)
            findings.append(
                GdprFinding(
                    code=rule.code,
                    name=rule.name,
                    severity=hit.severity or rule.severity,
                    article=rule.article_for(hit),
                    key=hit.key,
                    line=line,
                    column=column,
                    message=hit.message,
                    hint=hit.hint,
                )
            )
    return sorted(findings, key=GdprFinding.sort_key)
