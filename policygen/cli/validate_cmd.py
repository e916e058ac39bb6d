"""``policygen validate DESC…``: format errors (exit 2) and GDPR findings (exit 1 at the fail level).

Thin on purpose: each description becomes one entry of a report (:func:`policygen.validate.
validate_file`), the report is rendered, and the one fail gate chooses the exit code. In human
output, format errors keep the located ``file:line:col: key: message`` lines of any bad input, on
stderr; machine formats carry them as findings with ``"kind": "format"`` and ``"code": "format"``.
"""

from __future__ import annotations

import sys

import click

from policygen.cli.common import use_color, user_errors_exit_2
from policygen.output import (DEFAULT_FAIL_LEVEL, FAIL_LEVELS, FORMATS, MACHINE_FORMATS, Report, exit_code,
                              format_malformed, format_statistics, render, used_rules)


@click.command(name="validate")
@click.argument("descriptions", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="human",
              show_default=True, help="Output format.")
@click.option("--fail-level", type=click.Choice(FAIL_LEVELS), default=DEFAULT_FAIL_LEVEL, show_default=True,
              help="Exit 1 when a GDPR finding is at this severity or above ('never': report only).")
@click.option("--exit-zero", is_flag=True, help="Report GDPR findings but exit 0 (format errors still exit 2).")
@click.option("--statistics", is_flag=True,
              help="After the findings, count them per rule (on stderr for machine formats).")
@user_errors_exit_2
def validate(descriptions: tuple[str, ...], output_format: str, fail_level: str, exit_zero: bool,
             statistics: bool) -> None:
    """Check descriptions: located format errors and GDPR completeness findings."""
    from policygen.validate import catalogue, validate_file

    files = [validate_file(path) for path in descriptions]
    report = Report(command="validate", files=files, rules=used_rules(files, catalogue()),
                    color=use_color())
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
