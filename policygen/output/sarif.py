"""The ``sarif`` format: SARIF 2.1.0, for GitHub code scanning and other CI dashboards.

One run, one tool (``policygen``), one rule object per code (from ``Report.rules``) and one result
per finding, located by a relative URI under ``%SRCROOT%`` with a region in Unicode code points.
A result's ``properties`` are the finding's JSON fields that SARIF has no place for. The output is
deterministic: rules sorted by id, results in report order, no timestamps.
"""

from __future__ import annotations

import json
from typing import Any

from policygen import __version__
from policygen.output.common import full_message, relative_uri, span_of
from policygen.output.json_format import LOCATION_FIELDS, finding_fields, metrics_fields
from policygen.output.levels import severity_rank
from policygen.output.report import FileReport, Finding, Report, RuleInfo

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif_level(severity: str) -> str:
    return _LEVELS.get(severity, "error")


def _rule_ids(report: Report) -> list[str]:
    codes = set(report.rules)
    codes.update(finding.code for _, finding in report.findings())
    return sorted(codes)


def _default_severity(code: str, report: Report) -> str:
    """The rule's declared ``severity``, else the highest it was reported with, else warning."""
    declared = report.rules[code].severity if code in report.rules else ""
    if declared:
        return declared
    seen = [f.severity for _, f in report.findings() if f.code == code]
    return max(seen, key=severity_rank) if seen else "warning"


def _rule(code: str, report: Report) -> dict[str, Any]:
    info = report.rules.get(code) or RuleInfo(code, "")
    summary = info.summary or info.name or code
    rule: dict[str, Any] = {"id": code}
    if info.name:
        rule["name"] = info.name
    rule["shortDescription"] = {"text": summary}
    rule["fullDescription"] = {"text": info.help or summary}
    if info.help:
        rule["help"] = {"text": info.help}
    rule["defaultConfiguration"] = {"level": sarif_level(_default_severity(code, report))}
    tags = [tag for tag in (info.category, report.command) if tag]
    if tags:
        rule["properties"] = {"tags": tags}
    return rule


def _properties(finding: Finding) -> dict[str, Any]:
    fields = finding_fields(finding).items()
    return {name: value for name, value in fields if name not in LOCATION_FIELDS and value not in (None, "")}


def _artifact_location(file: FileReport, index: int) -> dict[str, Any]:
    uri, relative = relative_uri(file.path)
    artifact_location: dict[str, Any] = {"uri": uri}
    if relative:
        artifact_location["uriBaseId"] = "%SRCROOT%"
    artifact_location["index"] = index
    return artifact_location


def _result(finding: Finding, rule_index: dict[str, int], artifact_location: dict[str, Any]) -> dict[str, Any]:
    """One result; ``artifact_location`` is its file's, made once per file (copied here)."""
    code = finding.code
    physical: dict[str, Any] = {"artifactLocation": dict(artifact_location)}
    span = span_of(finding)
    if span is not None:
        region: dict[str, Any] = {"startLine": span.line, "startColumn": span.column}
        if span.end_line is not None:
            region["endLine"] = span.end_line
            region["endColumn"] = span.end_column
        physical["region"] = region
    return {
        "ruleId": code,
        "ruleIndex": rule_index[code],
        "level": sarif_level(finding.severity),
        "message": {"text": full_message(finding)},
        "locations": [{"physicalLocation": physical}],
        "properties": _properties(finding),
    }


def _artifact(file: FileReport) -> dict[str, Any]:
    uri, relative = relative_uri(file.path)
    location: dict[str, Any] = {"uri": uri}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    artifact: dict[str, Any] = {"location": location}
    if file.lang:
        artifact["properties"] = {"lang": file.lang}
        if file.metrics is not None:
            artifact["properties"]["metrics"] = metrics_fields(file.metrics)
    return artifact


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict (``format_sarif`` serialises it)."""
    rule_ids = _rule_ids(report)
    rule_index = {code: index for index, code in enumerate(rule_ids)}
    artifact_index: dict[str, int] = {}
    artifacts = []
    for file in report.files:
        if file.path not in artifact_index:
            artifact_index[file.path] = len(artifacts)
            artifacts.append(_artifact(file))
    locations = {file.path: _artifact_location(file, artifact_index[file.path]) for file in report.files}
    results = [_result(finding, rule_index, locations[file.path]) for file, finding in report.findings()]
    driver = {
        "name": "policygen",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(code, report) for code in rule_ids],
    }
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": f"policygen/{report.command}/"},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
