"""``policygen rules [CODE]``: every code a user can meet in output, or one code's documentation.

Codes come from three commands: ``policygen check`` (the plain-language rules: ``PL001`` for an
inline suppression that suppresses nothing, ``PL1xx``/``PL2xx``, user glossary rules),
``policygen validate`` (the GDPR findings ``G1xx``…) and ``policygen build`` (``G9xx``, found by
comparing with the published history). ``check/`` may not import ``validate/``, so
this command, which is allowed to call both, brings the two lists together.
"""

from __future__ import annotations

from pathlib import Path

import click

from policygen.cli.common import Command, argument, messages_option, option, user_errors_exit_2
from policygen.lang.articles import article_number
from policygen.lang.messages import N_, _, paragraphs
from policygen.output import RuleInfo


@click.command(name="rules", cls=Command,
               help=N_("List every code that check and validate report, or explain CODE (a code or dotted name)."))
@messages_option
@argument("code", required=False)
@option("--config", type=click.Path(dir_okay=False, path_type=Path), help=N_("Config file whose extra glossaries to include."))
@user_errors_exit_2
def rules(code: str | None, config: Path | None) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.check.api import load_settings
    from policygen.check.registry import find_rule
    from policygen.history.rules import all_rules as change_rules
    from policygen.validate import all_rules

    settings, check_rules = load_settings(config)
    gdpr_rules = [*all_rules(), *change_rules()]
    if code is None:
        tables = (format_table(check_rules, settings),
                  format_gdpr_table(all_rules(), _("policygen validate: GDPR completeness of a description")),
                  format_gdpr_table(change_rules(), _("policygen build: changes since the last published version")))
        click.echo("\n".join(tables), nl=False)
        return
    rule = find_rule(check_rules, code)
    if rule is not None:
        severity = settings.severity(rule)
        configured = "" if severity == rule.severity else " " + _("(configured: {severity})").format(severity=severity)
        head = (f"{rule.code} {rule.name}   (policygen check)\n"
                + _("category: {category}   severity: {severity}{configured}   languages: {languages}").format(
                    category=rule.category, severity=rule.severity, configured=configured,
                    languages=", ".join(rule.languages)))
        click.echo(f"{head}\n\n{_documentation(rule.doc)}\n")
        return
    gdpr = next((r for r in gdpr_rules if code.upper() == r.code or code == r.name), None)
    if gdpr is not None:
        command = "policygen build" if gdpr.code.startswith("G9") else "policygen validate"
        click.echo(_format_gdpr(gdpr.info(), command))
        return
    _no_such_rule(code, [key for r in [*check_rules, *gdpr_rules] for key in (r.code, r.name)])


def _no_such_rule(code: str, keys: list[str]) -> None:
    """A code or name that is no rule: the one it most likely meant (a code it begins, "PL11" →
    PL111, or a typo), with the same "did you mean" as every other hint."""
    from policygen.errors import UserError
    from policygen.lang.suggest import closest

    begun = next((key for key in keys if key.startswith((code.upper(), code.lower()))), None)
    match = begun or closest(code, keys)
    hint = _("did you mean `{match}`?").format(match=match) if match else _("run 'policygen rules' to list them")
    raise UserError.single(code, _("no such rule"), hint=hint)


def _format_gdpr(info: RuleInfo, command: str = "policygen validate") -> str:
    """One GDPR code's documentation from its metadata (``Why:``/``Fix:`` lines in ``help``)."""
    head = (f"{info.code} {info.name}   ({command})\n"
            + _("category: {category}   severity: {severity}   GDPR article: {article}").format(
                category=info.category, severity=info.severity, article=article_number(info.article)))
    return f"{head}\n\n{_documentation(info.summary)}\n\n{_documentation(info.help)}\n"


def _documentation(text: str) -> str:
    """A rule's summary or documentation in the interface language, paragraph by paragraph (the
    parts that own the rules keep their translations); an empty text stays empty."""
    return paragraphs(text) if text.strip() else ""


def _columns(rows: list[tuple[str, ...]]) -> str:
    """Rows as aligned columns; the last column (the summary) is not padded."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1] for row in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def format_table(rules: list, settings) -> str:  # noqa: ANN001
    """The plain-language codes of ``policygen check``, with the severities ``settings`` give them."""
    rows = [(_("CODE"), _("NAME"), _("CATEGORY"), _("SEVERITY"), _("SUMMARY"))]
    for rule in rules:
        enabled = "" if settings.enabled(rule) else " " + _("(off)")
        rows.append((rule.code, rule.name, rule.category, settings.severity(rule) + enabled, _documentation(rule.summary)))
    return _("policygen check: plain language") + "\n\n" + _columns(rows)


def format_gdpr_table(rules: list, title: str) -> str:
    """GDPR codes (of ``policygen validate``, or of ``policygen build`` comparing with the
    published history) under ``title``, with the article each comes from."""
    rows = [(_("CODE"), _("NAME"), _("ARTICLE"), _("SEVERITY"), _("SUMMARY"))]
    for info in (rule.info() for rule in rules):
        rows.append((info.code, info.name, article_number(info.article), info.severity,
                     _documentation(info.summary)))
    return title + "\n\n" + _columns(rows)
