"""``policygen validate DESC…``: format errors (exit 2) and GDPR findings (exit 1 at the fail level).

Thin on purpose: load each description, run the GDPR checks, build the DESIGN.md payload
(``{"files": [...]}``), render it, and choose the exit code. Format errors keep their own,
located ``file:line:col: key: message`` lines in human output (on stderr, as for any bad input)
and appear in JSON output as findings with ``"kind": "format"``.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from policygen.cli.common import use_color, user_errors_exit_2
from policygen.cli.exit_codes import ExitCode
from policygen.errors import Problem, UserError

SEVERITIES = ("info", "warning", "error")  # ascending


@click.command(name="validate")
@click.argument("descriptions", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["human", "json"]), default="human",
              show_default=True, help="Output format.")
@click.option("--fail-level", type=click.Choice(SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a GDPR finding is at this severity or above.")
@user_errors_exit_2
def validate(descriptions: tuple[str, ...], output_format: str, fail_level: str) -> None:
    """Check descriptions: located format errors and GDPR completeness findings."""
    from policygen.output import Report, render

    files: list[dict[str, Any]] = []
    exit_code = ExitCode.OK
    for path in descriptions:
        entry, code = _validate_one(path, fail_level)
        files.append(entry)
        exit_code = max(exit_code, code)
    payload = {"files": files}
    if output_format == "json":
        click.echo(render("json", Report(command="validate", payload=payload)), nl=False)
    else:
        _echo_human(payload, render, Report)
    sys.exit(int(exit_code))


def _validate_one(path: str, fail_level: str) -> tuple[dict[str, Any], ExitCode]:
    """One file's payload entry and exit code."""
    from policygen.model import load_description

    try:
        loaded = load_description(path)
    except UserError as error:
        return {"path": path, "findings": [_format_finding(p) for p in error.problems]}, ExitCode.BAD_INPUT
    findings = [_gdpr_finding(finding) for finding in _gdpr_findings(loaded)]
    threshold = SEVERITIES.index(fail_level)
    failing = any(_rank(finding["severity"]) >= threshold for finding in findings)
    return {"path": path, "findings": findings}, ExitCode.FINDINGS if failing else ExitCode.OK


def _gdpr_findings(loaded: Any) -> list[Any]:
    """GDPR completeness findings from :mod:`policygen.validate`, when that part is installed."""
    try:
        from policygen.validate import run
    except ImportError:
        return []
    return sorted(run(loaded), key=lambda f: (f.line, f.column, f.code, f.key))


def _rank(severity: str) -> int:
    """An unknown severity counts as an error, so it can never slip through CI."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES) - 1


def _format_finding(problem: Problem) -> dict[str, Any]:
    return {"code": "format", "severity": "error", "article": None, "key": problem.key,
            "line": problem.line, "column": problem.column, "message": problem.message,
            "hint": problem.hint, "kind": "format"}


def _gdpr_finding(finding: Any) -> dict[str, Any]:
    if hasattr(finding, "to_dict"):
        return finding.to_dict()
    fields = ("code", "severity", "article", "key", "line", "column", "message", "hint", "kind")
    return {name: getattr(finding, name, None) for name in fields}


def _echo_human(payload: dict[str, Any], render: Any, report_type: Any) -> None:
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
        report = report_type(command="validate", payload={"files": loaded}, color=use_color())
        click.echo(render("human", report), nl=False)
