"""``policygen validate DESC…``: format errors (exit 2), GDPR findings and the plain language of the
description's own texts (exit 1 at the fail level).

Thin on purpose: each description becomes one entry of a report (:func:`policygen.validate.
validate_file`), its texts are checked where they are written (:func:`policygen.source.
check_description`, kind ``language``), the report is rendered, and the one fail gate chooses the
exit code. In human output, format errors keep the located ``file:line:col: key: message`` lines
of any bad input, on stderr; machine formats carry them as findings with ``"kind": "format"``.

``--select``/``--ignore`` pick codes of both kinds (``G4``, ``PL201``, ``vague``, ``gdpr``);
``--ignore PL`` leaves the language check out altogether, and with it the tokenizer's start-up time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policygen.cli.common import Command, argument, messages_option, option, use_color, user_errors_exit_2
from policygen.errors import Problem, UserError
from policygen.lang.messages import N_, _, number
from policygen.output import (DEFAULT_FAIL_LEVEL, FAIL_LEVELS, FORMATS, MACHINE_FORMATS, FileReport, Report,
                              RuleInfo, exit_code, format_malformed, format_statistics, render, used_rules)


@click.command(name="validate", cls=Command,
               help=N_("Check descriptions: located errors, GDPR completeness and the plain language of their texts."))
@messages_option
@argument("descriptions", nargs=-1, required=True, type=click.Path(dir_okay=False))
@option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="human",
              show_default=True, help=N_("Output format."))
@option("--fail-level", type=click.Choice(FAIL_LEVELS), default=DEFAULT_FAIL_LEVEL, show_default=True,
              help=N_("Exit 1 when a finding is at this severity or above ('never': report only). "
                   "Language findings are at most warnings."))
@option("--exit-zero", is_flag=True, help=N_("Report findings but exit 0 (format errors still exit 2)."))
@option("--statistics", is_flag=True,
              help=N_("After the findings, count them per rule (on stderr for machine formats)."))
@option("--select", multiple=True,
              help=N_("Only these rules (G or PL code, code prefix, name or category); repeatable."))
@option("--ignore", multiple=True,
              help=N_("Skip these rules (G or PL code, code prefix, name or category); repeatable. "
                   "--ignore PL skips the language check."))
@option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Checker config for the language check (default: nearest policygen.toml or pyproject.toml)."))
@option("--no-inline-config", is_flag=True,
              help=N_("Ignore '# policygen: disable=...' comments in the description."))
@user_errors_exit_2
def validate(descriptions: tuple[str, ...], output_format: str, fail_level: str, exit_zero: bool,
             statistics: bool, select: tuple[str, ...], ignore: tuple[str, ...], config: Path | None,
             no_inline_config: bool) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.validate import catalogue, validate_file

    gdpr_rules = catalogue()
    language = _language_check(select, ignore, config, gdpr_rules)
    files = []
    for path in descriptions:
        file = validate_file(path)
        file.findings = [finding for finding in file.findings
                         if finding.kind == "format" or _picked(finding.code, gdpr_rules, select, ignore)]
        if language is not None and not file.malformed:
            _add_language_findings(file, path, *language, inline_config=not no_inline_config)
        files.append(file)
    known = gdpr_rules + ([rule.info() for rule in language[1]] if language else [])
    report = Report(command="validate", files=files, rules=used_rules(files, known), color=use_color())
    for file in files:
        if file.omitted:
            click.echo(_("{path}: {count} more language findings not shown (the per-file limit is the "
                         "max-findings setting)").format(path=file.path, count=number(file.omitted)), err=True)
    if output_format == "human":
        click.echo(format_malformed(report), nl=False, err=True)
        readable = report.without_malformed()
        if readable.files:
            click.echo(render("human", readable), nl=False)
    else:
        click.echo(render(output_format, report), nl=False)
    if statistics:
        click.echo(format_statistics(report), nl=False, err=output_format in MACHINE_FORMATS)
    sys.exit(exit_code(report, fail_level, exit_zero))


def _language_check(select: tuple[str, ...], ignore: tuple[str, ...], config: Path | None,
                    gdpr_rules: list[RuleInfo]):  # noqa: ANN202 - (settings, rules) of policygen.check
    """The checker's settings and rules for the language check, or ``None`` when the options
    leave it out (``--ignore PL``). Refuses a ``--select``/``--ignore`` value that names no rule."""
    if any(value.strip().upper() == "PL" for value in ignore):
        _check_selectors(select + ignore, gdpr_rules, [])
        return None
    from policygen.check.api import load_settings

    settings, rules = load_settings(config)
    _check_selectors(select + ignore, gdpr_rules, rules)
    settings.narrow(select, ignore)
    return settings, rules


def _check_selectors(values: tuple[str, ...], gdpr_rules: list[RuleInfo], rules: list) -> None:  # noqa: ANN001
    from policygen.check.config import check_option_selectors, is_selector
    from policygen.check.settings import matches

    plain_keys = {key for rule in rules for key in (rule.code, rule.name, rule.category)}
    for value in values:
        if any(matches(info, value) for info in gdpr_rules) or (rules and is_selector(value, plain_keys)):
            continue
        check_option_selectors("--select/--ignore", (value,), [*rules, *gdpr_rules])


def _picked(code: str, gdpr_rules: list[RuleInfo], select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Do ``--select``/``--ignore`` keep findings of the GDPR rule ``code``?"""
    from policygen.check.settings import matches

    info = next((info for info in gdpr_rules if info.code == code), RuleInfo(code, code, "gdpr"))
    if select and not any(matches(info, value) for value in select):
        return False
    return not any(matches(info, value) for value in ignore)


def _add_language_findings(file: FileReport, path: str, settings, rules, *, inline_config: bool) -> None:  # noqa: ANN001
    """The language findings of the description at ``path`` into its entry; its text is kept for
    the HTML report. A file that changed since it was validated is reported as bad input."""
    from policygen.source import check_description

    try:
        language = check_description(path, rules, settings, inline_config)
    except UserError as error:
        raise UserError([Problem(path, _("the file changed while it was checked: {problem}").format(problem=problem.message),
                                 problem.line, problem.column, problem.key, problem.hint)
                         for problem in error.problems]) from None
    file.findings = sorted(file.findings + language.findings,
                           key=lambda f: (f.line, f.column, f.kind != "gdpr", f.code, f.key))
    file.omitted, file.omitted_severities = language.omitted, language.omitted_severities
    file.source = language.source
