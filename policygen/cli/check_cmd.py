"""``policygen check PATH…``: plain-language check of .md, .html and .txt files or a built site.

A ``.yaml``/``.yml`` file named on the command line is a description: its texts are checked where
they are written, as ``policygen validate`` checks them (:mod:`policygen.source`), instead of the
YAML being read as prose. Descriptions are reported first, then the other files.
"""

from __future__ import annotations

import atexit
import gc
import sys
from pathlib import Path

import click

from policygen.cli.common import Command, argument, messages_option, option, use_color, user_errors_exit_2
from policygen.lang.messages import N_, _, ngettext, number
from policygen.output import FAIL_LEVELS, FORMATS


@click.command(name="check", cls=Command,
               help=N_("Check that text is written in clear and plain language (LIX, long sentences, wordy "
                       "words …).\n\nExit 0 when no finding reaches the fail level, 1 when one does, 2 on "
                       "bad input (a missing, binary, non-UTF-8 or empty file; a bad config file)."))
@messages_option
@argument("paths", nargs=-1, required=True, metavar=N_("PATH…"))
@option("--lang", type=click.Choice(["sv", "en"]), help=N_("Language of the text (default: detected per file)."))
@option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="human", show_default=True, help=N_("Output format."))
@option("--config", type=click.Path(dir_okay=False, path_type=Path), help=N_("Config file (default: nearest policygen.toml or pyproject.toml)."))
@option("--fail-level", type=click.Choice(FAIL_LEVELS), help=N_("Lowest severity that fails the run (default: error)."))
@option("--select", multiple=True, help=N_("Only these rules (code, code prefix, name or category); repeatable."))
@option("--ignore", multiple=True, help=N_("Skip these rules (code, code prefix, name or category); repeatable."))
@option("--exit-zero", is_flag=True, help=N_("Exit 0 even when findings reach the fail level (bad input still exits 2)."))
@option("--statistics", is_flag=True, help=N_("After the findings, count them per rule (on stderr for machine formats)."))
@option("--no-inline-config", is_flag=True, help=N_("Ignore <!-- policygen: disable=... --> comments in the checked text."))
@option("--jobs", type=click.IntRange(min=1), metavar="N",
              help=N_("Check files on N processes (default: one per usable CPU when there are several files)."))
@user_errors_exit_2
def check(paths: tuple[str, ...], lang: str | None, fmt: str, config: Path | None, fail_level: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], exit_zero: bool, statistics: bool,
          no_inline_config: bool, jobs: int | None) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.check.jobs import start_workers
    from policygen.source import DESCRIPTION_SUFFIXES

    descriptions = [path for path in paths if Path(path).suffix.lower() in DESCRIPTION_SUFFIXES]
    documents = [path for path in paths if path not in descriptions]
    # first, before importing the configuration's modules: the workers load spaCy meanwhile
    workers = start_workers(documents, jobs) if documents else None

    from policygen.check.api import load_settings, run
    from policygen.check.config import check_option_selectors
    from policygen.output import MACHINE_FORMATS, Report, exit_code, format_statistics, render, used_rules

    settings, rules = load_settings(config)
    check_option_selectors("--select", select, rules)
    check_option_selectors("--ignore", ignore, rules)
    settings.narrow(select, ignore)
    report = run(documents, settings, rules, lang, inline_config=not no_inline_config,
                 workers=workers) if documents else Report(command="check")
    if descriptions:
        _check_descriptions(report, descriptions, settings, rules, not no_inline_config)
        report.rules = used_rules(report.files, (rule.info() for rule in rules))
    report.color = use_color(sys.stdout)
    for problem in report.problems:
        click.echo(problem.render(), err=True)
    for entry in report.skipped:
        click.echo(entry, err=True)
    if report.skipped:
        count = len(report.skipped)
        click.echo(ngettext("skipped {count} entry that is not a regular file (links are never followed)",
                            "skipped {count} entries that are not regular files (links are never followed)",
                            count).format(count=number(count)), err=True)
    for file in report.files:
        if file.omitted:
            click.echo(_("{path}: {count} more findings not shown (the per-file limit is the max-findings "
                         "setting)").format(path=file.path, count=number(file.omitted)), err=True)
    click.echo(render(fmt, report), nl=False)
    if statistics:
        click.echo(format_statistics(report), nl=False, err=fmt in MACHINE_FORMATS)
    code = exit_code(report, fail_level or settings.fail_level, exit_zero)
    # When the process ends, its last collection would walk every object of the run (the report,
    # the rules, the imported modules) to find cycles whose memory the exit returns anyway
    # (0.03 s). Freezing them at exit, not now, leaves a program that calls this command and
    # goes on (a test runner, an editor plug-in) its collector.
    atexit.unregister(gc.freeze)  # once, however often a program calls the command
    atexit.register(gc.freeze)
    sys.exit(code)


def _check_descriptions(report, paths: list[str], settings, rules, inline_config: bool) -> None:  # noqa: ANN001
    """Each description's language findings, before the other files; one that is not a
    well-formed description is bad input (its problems, exit 2), and the run goes on."""
    from policygen.errors import UserError
    from policygen.source import check_description

    files = []
    for path in paths:
        try:
            files.append(check_description(path, rules, settings, inline_config))
        except UserError as error:
            report.problems.extend(error.problems)
    report.files[:0] = files
