"""The checker as the CLI uses it: settings from configuration, a run over paths, the JSON payload.

The library never prints: problems come back as :class:`~policygen.errors.Problem` objects and the
CLI decides how to show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygen.check.findings import FileReport, Metrics
from policygen.check.rule import Rule
from policygen.check.settings import Settings
from policygen.errors import Problem


@dataclass
class CheckResult:
    reports: list[FileReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Any] = field(default_factory=list)  # sources.Skipped: links, special files


def load_settings(config: Path | None = None, start: Path | None = None) -> tuple[Settings, list[Rule]]:
    """Settings from ``config`` (or the nearest config file) and every rule they enable."""
    from policygen.check.config import find_config, load_config, settings_from
    from policygen.check.registry import all_rules, option_defaults

    found = load_config(config) if config is not None else find_config(start)
    path, table = found if found is not None else (None, {})
    base_rules = all_rules()
    keys = {key for rule in base_rules for key in (rule.code, rule.name, rule.category)}
    settings = settings_from(table, path, option_defaults(base_rules), keys)
    rules = all_rules(settings.glossaries) if settings.glossaries else base_rules
    if settings.glossaries:
        settings.defaults = {**option_defaults(rules), **settings.defaults}
    return settings, rules


def run(paths: list[str], settings: Settings, rules: list[Rule], lang: str | None = None,
        inline_config: bool = True) -> CheckResult:
    """Check every file under ``paths``; a bad file becomes a problem and the run goes on.

    ``inline_config=False`` (``--no-inline-config``) ignores ``<!-- policygen: … -->`` comments.
    """
    from policygen.check.runner import check_source
    from policygen.check.sources import BadInput, detect_language, discover, read_source
    from policygen.check.suppress import UNUSED_SUPPRESSION, apply_suppressions, rule_keys

    skipped: list[Any] = []
    files, problems = discover(paths, skipped)
    result = CheckResult(problems=list(problems), skipped=skipped)
    enabled = [rule for rule in rules if settings.enabled(rule)]
    pl001 = UNUSED_SUPPRESSION
    unused = settings.severity(pl001) if settings.enabled(pl001) else None  # type: ignore[arg-type]
    for file in files:
        try:
            source = read_source(file)
        except BadInput as error:
            result.problems.append(error.problem)
            continue
        file_lang = detect_language(file, source, lang)
        report = check_source(source, file.path, file_lang, file.fmt, enabled, settings)
        if inline_config:
            ran = rule_keys(rule for rule in enabled if rule.applies_to(file_lang))
            report.findings = apply_suppressions(source, report.findings, file.fmt, unused_severity=unused, ran=ran)
        result.reports.append(report)
    return result


def metrics_dict(metrics: Metrics, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "words": metrics.words,
        "sentences": metrics.sentences,
        "long_words": metrics.long_words,
        "lix": metrics.lix,
        "ovix": metrics.ovix,
    }
    if lang == "en":
        data["flesch_reading_ease"] = metrics.flesch_reading_ease
        data["fk_grade"] = metrics.fk_grade
    return data


def payload(reports: list[FileReport]) -> dict[str, Any]:
    """The DESIGN.md JSON contract: ``{"files": [...]}``."""
    files = []
    for report in reports:
        files.append(
            {
                "path": report.path,
                "lang": report.lang,
                "metrics": metrics_dict(report.metrics, report.lang),
                "sections": [
                    {"heading": s.heading, "line": s.line, "metrics": metrics_dict(s.metrics, report.lang)}
                    for s in report.sections
                ],
                "findings": [
                    {
                        "code": f.code,
                        "category": f.category,
                        "severity": f.severity,
                        "line": f.line,
                        "column": f.column,
                        "end_line": f.end_line,
                        "end_column": f.end_column,
                        "message": f.message,
                        "suggestion": f.suggestion,
                    }
                    for f in report.findings
                ],
            }
        )
        if report.omitted:
            files[-1]["omitted_findings"] = report.omitted
    return {"files": files}


def rule_metadata(rules: list[Rule]) -> dict[str, dict[str, str]]:
    """code → name, category, severity, summary and help (the full documentation)."""
    return {
        rule.code: {
            "name": rule.name,
            "category": rule.category,
            "severity": rule.severity,
            "summary": rule.summary,
            "help": rule.doc,
        }
        for rule in rules
    }


def exit_code(result: CheckResult, settings: Settings) -> int:
    """2 when any input was bad, else 1 when a finding is at the fail level, else 0."""
    if result.problems:
        return 2
    failing = any(settings.fails(f.severity) for report in result.reports for f in report.findings)
    failing = failing or any(settings.fails(s) for report in result.reports for s in report.omitted_severities)
    return 1 if failing else 0
