"""The checker as the CLI uses it: settings from configuration, a run over paths, the JSON payload.

The library never prints: problems come back as :class:`~policygen.errors.Problem` objects and the
CLI decides how to show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policygen.check.findings import FileReport, Metrics
from policygen.check.rule import Rule
from policygen.check.settings import Settings
from policygen.errors import Problem

if TYPE_CHECKING:
    from policygen.check.jobs import Workers


@dataclass
class CheckResult:
    reports: list[FileReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_settings(config: Path | None = None, start: Path | None = None) -> tuple[Settings, list[Rule]]:
    """Settings from ``config`` (or the nearest config file) and every rule, the configured
    glossaries' included. Raises :class:`UserError` for every mistake in the configuration."""
    from policygen.check.config import check_rule_keys, find_config, load_config, settings_from
    from policygen.check.registry import all_rules, options

    found = load_config(config) if config is not None else find_config(start)
    base_rules = all_rules()
    settings = settings_from(found, options(base_rules))
    rules = all_rules(settings.glossaries) if settings.glossaries else base_rules
    check_rule_keys(found, rules)
    return settings, rules


def run(paths: list[str], settings: Settings, rules: list[Rule], lang: str | None = None,
        inline_config: bool = True, jobs: int | None = None, workers: Workers | None = None) -> CheckResult:
    """Check every file under ``paths``; a bad file becomes a problem and the run goes on.

    ``inline_config=False`` (``--no-inline-config``) ignores ``<!-- policygen: … -->`` comments.
    ``jobs`` processes check the files (default: one per usable processor when there are several
    files); the result is the same, in the same order, whatever their number. ``workers`` started
    earlier (:func:`~policygen.check.jobs.start_workers`) are used instead, and closed.
    """
    from policygen.check.jobs import Job, Workers, default_jobs
    from policygen.check.sources import discover
    from policygen.check.suppress import UNUSED_SUPPRESSION

    files, problems = discover(paths)
    result = CheckResult(problems=list(problems))
    pl001 = UNUSED_SUPPRESSION
    unused = settings.severity(pl001) if settings.enabled(pl001) else None  # type: ignore[arg-type]
    job = Job(settings, tuple(rule for rule in rules if settings.enabled(rule)), lang, inline_config, unused)
    workers = workers or Workers(max(1, min(jobs or default_jobs(len(files)), len(files))))
    try:
        for outcome in workers.check(files, job):
            if isinstance(outcome, Problem):
                result.problems.append(outcome)
            else:
                result.reports.append(outcome)
    finally:
        workers.close()
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
