"""``policygen rules [CODE]``: the table of plain-language rules, or one rule's documentation."""

from __future__ import annotations

from pathlib import Path

import click

from policygen.cli.common import user_errors_exit_2


@click.command(name="rules")
@click.argument("code", required=False)
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), help="Config file whose extra glossaries to include.")
@user_errors_exit_2
def rules(code: str | None, config: Path | None) -> None:
    """List every rule (code, name, category, severity, summary), or explain CODE (a code or dotted name)."""
    from policygen.check.api import load_settings
    from policygen.check.registry import find_rule

    settings, all_rules = load_settings(config)
    if code is None:
        click.echo(format_table(all_rules, settings), nl=False)
        return
    rule = find_rule(all_rules, code)
    if rule is None:
        import difflib

        from policygen.errors import UserError

        keys = [key for r in all_rules for key in (r.code, r.name)]
        close = [key for key in keys if key.startswith(code.upper()) or key.startswith(code.lower())]
        close = close or difflib.get_close_matches(code, keys, n=1) or difflib.get_close_matches(code.upper(), keys, n=1)
        hint = f"did you mean {close[0]}?" if close else "run 'policygen rules' to list them"
        raise UserError.single(code, "no such rule", hint=hint)
    severity = settings.severity(rule)
    configured = "" if severity == rule.severity else f" (configured: {severity})"
    head = f"{rule.code} {rule.name}\ncategory: {rule.category}   severity: {rule.severity}{configured}   languages: {', '.join(rule.languages)}"
    click.echo(f"{head}\n\n{rule.doc.strip()}\n")


def format_table(rules: list, settings) -> str:  # noqa: ANN001
    rows = [("CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY")]
    for rule in rules:
        enabled = "" if settings.enabled(rule) else " (off)"
        rows.append((rule.code, rule.name, rule.category, settings.severity(rule) + enabled, rule.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] for row in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"
