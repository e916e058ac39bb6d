"""The ``json`` format: the report as the JSON contract of DESIGN.md (``{"files": [...]}``).

A finding of a checked text has the fields of ``policygen check --format json`` (with its
``origin`` when the document was built from a description); a finding about a description
(``gdpr``, ``format``) those of ``policygen validate``; a finding about the wording of a
description's text (``language``) the fields of a checked text's finding plus its ``key`` and
``kind``, without ``article``. The same fields, minus the place and the message, are a SARIF
result's ``properties``.
"""

from __future__ import annotations

import json
from typing import Any

from policygen.output.common import display_path
from policygen.output.report import FileReport, Finding, Metrics, Report

# (field, written even when empty), in the contract's order.
_TEXT_FIELDS = (
    ("code", True), ("category", True), ("severity", True), ("line", True), ("column", True),
    ("end_line", True), ("end_column", True), ("message", True), ("suggestion", True), ("origin", False),
)
_DESCRIPTION_FIELDS = (
    ("code", True), ("name", False), ("category", False), ("severity", True), ("article", True),
    ("key", True), ("line", True), ("column", True), ("end_line", False), ("end_column", False),
    ("message", True), ("suggestion", False), ("origin", False), ("kind", True), ("hint", True),
)
_LANGUAGE_FIELDS = (
    ("code", True), ("name", False), ("category", True), ("severity", True), ("key", True),
    ("line", True), ("column", True), ("end_line", True), ("end_column", True), ("message", True),
    ("suggestion", True), ("kind", True), ("hint", False),
)
_SHAPES = {"check": _TEXT_FIELDS, "language": _LANGUAGE_FIELDS}
LOCATION_FIELDS = frozenset({"code", "name", "line", "column", "end_line", "end_column", "message"})


def finding_fields(finding: Finding) -> dict[str, Any]:
    """The finding as a JSON object of the contract its kind belongs to."""
    shape = _SHAPES.get(finding.kind, _DESCRIPTION_FIELDS)
    fields = {}
    for name, always in shape:
        value = getattr(finding, name)
        if always or value not in (None, ""):
            fields[name] = value
    return fields


def metrics_fields(metrics: Metrics) -> dict[str, Any]:
    """Counts and LIX always (LIX ``null`` without words); the other scores where they apply."""
    fields: dict[str, Any] = {"words": metrics.words, "sentences": metrics.sentences,
                              "long_words": metrics.long_words, "lix": metrics.lix}
    for name in ("ovix", "flesch_reading_ease", "fk_grade"):
        value = getattr(metrics, name)
        if value is not None:
            fields[name] = value
    return fields


def file_fields(file: FileReport) -> dict[str, Any]:
    fields: dict[str, Any] = {"path": display_path(file.path)}
    if file.metrics is not None:
        fields["lang"] = file.lang
        fields["metrics"] = metrics_fields(file.metrics)
        fields["sections"] = [{"heading": section.heading, "line": section.line,
                               "metrics": metrics_fields(section.metrics)} for section in file.sections]
    fields["findings"] = [finding_fields(finding) for finding in file.findings]
    if file.omitted:
        fields["omitted_findings"] = file.omitted
    return fields


def format_json(report: Report) -> str:
    return json.dumps({"files": [file_fields(file) for file in report.files]}, ensure_ascii=False, indent=2) + "\n"
