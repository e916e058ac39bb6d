"""``policygen check PATH…``: plain-language check of .md, .html and .txt files or a built site."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from policygen.cli.common import use_color, user_errors_exit_2
from policygen.output import FAIL_LEVELS, FORMATS


def _load_checker_without_collecting() -> None:
    """Import spaCy and the checker with the cyclic garbage collector paused, then freeze them.

    Importing spaCy creates several hundred thousand objects that live as long as the process.
    With the collector on, they are walked over and over, during the imports and in every full
    collection while the text is checked: about 0.2 s of a 100k-word check. Frozen, the collector
    skips them, and it still runs for the checker's own objects (a 50 MB file stays bounded).
    """
    if "spacy" in sys.modules:
        return  # already loaded in this process (tests run many checks)
    gc.disable()
    try:
        import spacy  # noqa: F401 - every check tokenises with it (policygen.check.tokens)

        import policygen.check.runner  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


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
@user_errors_exit_2
def check(paths: tuple[str, ...], lang: str | None, fmt: str, config: Path | None, fail_level: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], exit_zero: bool, statistics: bool,
          no_inline_config: bool) -> None:
    """Check that text is written in clear and plain language (LIX, long sentences, wordy words …).

    Exit 0 when no finding reaches the fail level, 1 when one does, 2 on bad input (a missing,
    binary, non-UTF-8 or empty file; a bad config file).
    """
    _load_checker_without_collecting()
    from policygen.check.api import load_settings, run
    from policygen.check.config import check_option_selectors
    from policygen.output import MACHINE_FORMATS, exit_code, format_statistics, render

    settings, rules = load_settings(config)
    check_option_selectors("--select", select, rules)
    check_option_selectors("--ignore", ignore, rules)
    if select:
        settings.select = tuple(select)
    if ignore:
        settings.ignore = settings.ignore + tuple(ignore)
    report = run(list(paths), settings, rules, lang, inline_config=not no_inline_config)
    report.color = use_color(sys.stdout)
    for problem in report.problems:
        click.echo(problem.render(), err=True)
    for file in report.files:
        if file.omitted:
            click.echo(f"{file.path}: {file.omitted} more findings not shown "
                       "(the per-file limit is the max-findings setting)", err=True)
    click.echo(render(fmt, report), nl=False)
    if statistics:
        click.echo(format_statistics(report), nl=False, err=fmt in MACHINE_FORMATS)
    sys.exit(exit_code(report, fail_level or settings.fail_level, exit_zero))
