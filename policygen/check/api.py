"""The checker as the CLI uses it: settings from configuration, then a run over paths that gives
the report (:class:`policygen.output.Report`).

The library never prints: an input that cannot be checked becomes a located
:class:`~policygen.errors.Problem` in the report, and the CLI decides how to show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from policygen.check.rule import Rule
from policygen.check.settings import Settings
from policygen.output import FileReport, Report, used_rules

if TYPE_CHECKING:
    from policygen.check.jobs import Workers
    from policygen.check.sources import SourceFile


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
        inline_config: bool = True, jobs: int | None = None, workers: Workers | None = None) -> Report:
    """Check every file under ``paths``; a bad file becomes a problem and the run goes on.

    ``inline_config=False`` (``--no-inline-config``) ignores ``<!-- policygen: … -->`` comments.
    ``jobs`` processes check the files (default: one per usable processor when there are several
    files); the report is the same, in the same order, whatever their number. ``workers`` started
    earlier (:func:`~policygen.check.jobs.start_workers`) are used instead, and closed.
    """
    from policygen.check.jobs import Job, Workers, default_jobs
    from policygen.check.sources import Skipped, discover
    from policygen.errors import Problem

    skipped: list[Skipped] = []
    files, problems = discover(paths, skipped)
    report = Report(command="check", problems=list(problems),
                    skipped=[entry.render() for entry in skipped])
    job = Job(settings, tuple(rule for rule in rules if settings.enabled(rule)), lang, inline_config)
    workers = workers or Workers(max(1, min(jobs or default_jobs(len(files)), len(files))))
    try:
        for outcome in workers.check(files, job):
            if isinstance(outcome, Problem):
                report.problems.append(outcome)
            else:
                report.files.append(outcome)
    finally:
        workers.close()
    report.rules = used_rules(report.files, (rule.info() for rule in rules))
    return report


def check_file(file: SourceFile, rules: list[Rule], settings: Settings, lang: str | None = None,
               inline_config: bool = True) -> FileReport:
    """One file's report (see :func:`check_text`); raises ``BadInput`` for a file that cannot be
    checked (missing, binary, not UTF-8, empty)."""
    from policygen.check.sources import detect_language, read_source

    source = read_source(file)
    return check_text(source, file.path, detect_language(file, source, lang), file.fmt, rules, settings,
                      inline_config)


def check_text(source: str, path: str, lang: str, fmt: str, rules: list[Rule], settings: Settings,
               inline_config: bool = True) -> FileReport:
    """The report of one text, as ``policygen check`` gives it: checked by ``rules`` (already
    enabled by ``settings``), filtered by its inline suppressions, and holding the text itself."""
    from policygen.check.runner import check_source
    from policygen.check.suppress import CODE, apply_suppressions, rule_keys

    report = check_source(source, path, lang, fmt, rules, settings)
    if inline_config:
        ran = [rule for rule in rules if rule.applies_to(lang)]
        unused = next((settings.severity(rule) for rule in ran if rule.code == CODE), None)
        report.findings = apply_suppressions(source, report.findings, fmt, unused_severity=unused,
                                             ran=rule_keys(ran))
    report.source = source
    return report
