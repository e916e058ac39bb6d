"""``policygen check PATH…``: plain-language check of .md, .html and .txt files or a built site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policygen.cli.common import use_color, user_errors_exit_2
from policygen.output import FAIL_LEVELS, FORMATS


@click.command(name="check")
@click.argument("paths", nargs=-1, required=True, metavar="PATH…")
@click.option("--lang", type=click.Choice(["sv", "en"]), help="Language of the text (default: detected per file).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="human", show_default=True, help="Output format.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), help="Config file (default: nearest policygen.toml or pyproject.toml).")
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), help="Lowest severity that fails the run (default: error).")
@click.option("--select", multiple=True, help="Only these rules (code, code prefix, name or category); repeatable.")
@click.option("--ignore", multiple=True, help="Skip these rules (code, code prefix, name or category); repeatable.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach the fail level (bad input still exits 2).")
@click.option("--statistics", is_flag=True, help="After the findings, count them per rule (on stderr for machine formats).")
@click.option("--no-inline-config", is_flag=True, help="Ignore <!-- policygen: disable=... --> comments in the checked text.")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Check files on N processes (default: one per usable CPU when there are several files).")
@user_errors_exit_2
def check(paths: tuple[str, ...], lang: str | None, fmt: str, config: Path | None, fail_level: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], exit_zero: bool, statistics: bool,
          no_inline_config: bool, jobs: int | None) -> None:
    """Check that text is written in clear and plain language (LIX, long sentences, wordy words …).

    Exit 0 when no finding reaches the fail level, 1 when one does, 2 on bad input (a missing,
    binary, non-UTF-8 or empty file; a bad config file).
    """
    from policygen.check.api import load_settings, run
    from policygen.check.config import check_option_selectors
    from policygen.check.jobs import start_workers
    from policygen.output import MACHINE_FORMATS, exit_code, format_statistics, render

    workers = start_workers(paths, jobs)  # first: they load spaCy while the configuration is read

    settings, rules = load_settings(config)
    check_option_selectors("--select", select, rules)
    check_option_selectors("--ignore", ignore, rules)
    if select:
        settings.select = tuple(select)
    if ignore:
        settings.ignore = settings.ignore + tuple(ignore)
    report = run(list(paths), settings, rules, lang, inline_config=not no_inline_config,
                 workers=workers)
    report.color = use_color(sys.stdout)
    for problem in report.problems:
        click.echo(problem.render(), err=True)
    for entry in report.skipped:
        click.echo(entry, err=True)
    if report.skipped:
        count = len(report.skipped)
        click.echo(f"skipped {count} entr{'y' if count == 1 else 'ies'} that are not regular files "
                   "(links are never followed)", err=True)
    for file in report.files:
        if file.omitted:
            click.echo(f"{file.path}: {file.omitted} more findings not shown "
                       "(the per-file limit is the max-findings setting)", err=True)
    click.echo(render(fmt, report), nl=False)
    if statistics:
        click.echo(format_statistics(report), nl=False, err=fmt in MACHINE_FORMATS)
    sys.exit(exit_code(report, fail_level or settings.fail_level, exit_zero))
