"""``policygen validate DESC…``: format errors (exit 2) and GDPR findings (exit 1 at the fail level).

Thin on purpose: load each description, run the GDPR checks, build the DESIGN.md payload
(``{"files": [...]}``), render it, and choose the exit code. Format errors keep their own
located ``file:line:col: key: message`` lines in human output (on stderr, as for any bad input)
and appear in machine formats as findings with ``"kind": "format"`` and ``"code": "format"``.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from policygen.cli.common import use_color, user_errors_exit_2
from policygen.cli.exit_codes import ExitCode
from policygen.errors import Problem, UserError
from policygen.output import (DEFAULT_FAIL_LEVEL, FAIL_LEVELS, FORMATS, MACHINE_FORMATS, Report, format_statistics,
                              render, should_fail)

FORMAT_RULE = {"name": "format.error", "summary": "The description is not well formed.",
               "help": "Fix the located problem; see docs/description-format.md.", "severity": "error"}


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
    files: list[dict[str, Any]] = []
    exit_code = ExitCode.OK
    for path in descriptions:
        entry, bad_input = _validate_one(path)
        files.append(entry)
        if bad_input:
            exit_code = ExitCode.BAD_INPUT
        elif should_fail({"files": [entry]}, fail_level, exit_zero):
            exit_code = max(exit_code, ExitCode.FINDINGS)
    payload = {"files": files}
    if output_format == "human":
        _echo_human(payload)
    else:
        report = Report(command="validate", payload=payload, rules=_rules(payload))
        click.echo(render(output_format, report), nl=False)
    if statistics:
        click.echo(format_statistics(payload, _rules(payload)), nl=False, err=output_format in MACHINE_FORMATS)
    sys.exit(int(exit_code))


def _validate_one(path: str) -> tuple[dict[str, Any], bool]:
    """One file's payload entry, and whether the file itself is bad input."""
    from policygen.model import load_description

    try:
        loaded = load_description(path)
    except UserError as error:
        return {"path": path, "findings": [_format_finding(p) for p in error.problems]}, True
    return {"path": path, "findings": [_gdpr_finding(f) for f in _gdpr_findings(loaded)]}, False


def _gdpr_findings(loaded: Any) -> list[Any]:
    """GDPR completeness findings from :mod:`policygen.validate`, when that part is installed."""
    try:
        from policygen.validate import run
    except ImportError:
        return []
    return sorted(run(loaded), key=lambda f: (f.line, f.column, f.code, f.key))


def _format_finding(problem: Problem) -> dict[str, Any]:
    return {"code": "format", "severity": "error", "article": None, "key": problem.key,
            "line": problem.line, "column": problem.column, "message": problem.message,
            "hint": problem.hint, "kind": "format"}


def _gdpr_finding(finding: Any) -> dict[str, Any]:
    if hasattr(finding, "to_dict"):
        return finding.to_dict()
    fields = ("code", "severity", "article", "key", "line", "column", "message", "hint", "kind")
    return {name: getattr(finding, name, None) for name in fields}


def _rules(payload: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Metadata of the codes used, for formats that describe rules (SARIF, HTML)."""
    used = {finding["code"] for file in payload["files"] for finding in file["findings"]}
    rules: dict[str, dict[str, str]] = {"format": FORMAT_RULE} if "format" in used else {}
    try:
        from policygen.validate import all_rules
    except ImportError:
        return rules
    for rule in all_rules():
        if rule.code in used:
            rules[rule.code] = {"name": rule.name, "summary": rule.summary, "help": rule.doc,
                                "severity": rule.severity, "category": "gdpr"}
    return rules


def _echo_human(payload: dict[str, Any]) -> None:
    """Format errors as located lines on stderr; the report of the loadable files on stdout."""
    loaded = []
    for file in payload["files"]:
        problems = [f for f in file["findings"] if f.get("kind") == "format"]
        if not problems:
            loaded.append(file)
            continue
        for finding in problems:
            problem = Problem(file=file["path"], message=finding["message"], line=finding["line"],
                              column=finding["column"], key=finding["key"], hint=finding["hint"])
            click.echo(problem.render(), err=True)
    if loaded:
        report = Report(command="validate", payload={"files": loaded}, color=use_color())
        click.echo(render("human", report), nl=False)
