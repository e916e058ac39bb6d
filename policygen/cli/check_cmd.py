"""``policygen check PATH…``: plain-language check of .md, .html and .txt files or a built site."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from policygen.cli.common import use_color, user_errors_exit_2
from policygen.output.registry import FORMATS


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
@click.option("--fail-level", type=click.Choice(["error", "warning", "info", "never"]), help="Lowest severity that fails the run (default: error).")
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
    from policygen.check.api import exit_code, load_settings, payload, rule_metadata, run
    from policygen.check.suppress import CODE as UNUSED_SUPPRESSION, RULE_METADATA as UNUSED_SUPPRESSION_RULE
    from policygen.output import MACHINE_FORMATS, format_statistics
    from policygen.output.registry import Report, render

    settings, rules = load_settings(config)
    if fail_level:
        settings.fail_level = fail_level
    from policygen.check.config import check_option_selectors

    check_option_selectors("--select", select, rules)
    check_option_selectors("--ignore", ignore, rules)
    if select:
        settings.select = tuple(select)
    if ignore:
        settings.ignore = settings.ignore + tuple(ignore)
    result = run(list(paths), settings, rules, lang, inline_config=not no_inline_config)
    for problem in result.problems:
        click.echo(problem.render(), err=True)
    for entry in result.skipped:
        click.echo(entry.render(), err=True)
    if result.skipped:
        click.echo(f"skipped {len(result.skipped)} entr{'y' if len(result.skipped) == 1 else 'ies'} "
                   "that are not regular files (links are never followed)", err=True)
    for file_report in result.reports:
        if file_report.omitted:
            click.echo(
                f"{file_report.path}: {file_report.omitted} more findings not shown "
                "(the per-file limit is the max-findings setting)",
                err=True,
            )
    used = {f.code for report in result.reports for f in report.findings}
    report = Report(
        command="check",
        payload=payload(result.reports),
        rules={code: meta for code, meta in {**rule_metadata(rules), UNUSED_SUPPRESSION: UNUSED_SUPPRESSION_RULE}.items()
               if code in used},
        color=use_color(sys.stdout),
    )
    click.echo(render(fmt, report), nl=False)
    if statistics:
        click.echo(format_statistics(report.payload, report.rules), nl=False, err=fmt in MACHINE_FORMATS)
    code = exit_code(result, settings)
    sys.exit(0 if exit_zero and code == 1 else code)
