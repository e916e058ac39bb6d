"""``policygen diff OLD NEW`` / ``policygen diff DESC --since DATE|VERSION``: what changed.

Every change by element, classified substantive or editorial with the reason, and the consent
purposes whose earlier consents no longer cover the new text; ``--format md`` writes the notice
to send to customers. Exit 0, or 2 for bad input (a broken description, an unknown version, a
history that does not match).
"""

from __future__ import annotations

from pathlib import Path

import click

from policygen.cli.common import Command, argument, messages_option, option, user_errors_exit_2
from policygen.errors import UserError
from policygen.lang.messages import N_, _


@click.command(name="diff", cls=Command,
               help=N_("Show what changed between two descriptions, or since a published version."))
@argument("descriptions", nargs=-1, required=True, type=click.Path(dir_okay=False),
                metavar=N_("OLD NEW | DESC"))
@option("--since", default=None, metavar=N_("DATE|VERSION"),
              help=N_("Compare DESC with its published version of this date or policy version id."))
@option("--history", "history_file", default=None, type=click.Path(dir_okay=False),
              help=N_("The published history (default: beside DESC, <name>.history.json)."))
@option("--format", "output_format", type=click.Choice(["human", "json", "md"]),
              default="human", show_default=True,
              help=N_("human: the changes with reasons; json: for programs; md: the notice to send."))
@option("--lang", default=None, type=click.Choice(["sv", "en"]),
              help=N_("Language of the sentences (default: the new description's first language)."))
@messages_option
@user_errors_exit_2
def diff(descriptions: tuple[str, ...], since: str | None, history_file: str | None,
         output_format: str, lang: str | None) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.history.compare import Side, compare_sides
    from policygen.model import load_description

    if since is None:
        if history_file is not None:
            raise UserError.single("--history", _("--history goes with --since"),
                                   hint="policygen diff policy.yaml --since 2026-12-01 --history h.json")
        if len(descriptions) != 2:
            raise UserError.single("diff", _("give two descriptions (OLD NEW), or one with --since"),
                                   hint=_("{two}, or {since}").format(
                                       two="policygen diff old.yaml new.yaml",
                                       since="policygen diff policy.yaml --since 2026-12-01"))
        old_loaded, new_loaded = (load_description(path) for path in descriptions)
        old = Side(old_loaded.description, descriptions[0], old_loaded.locations)
        new = Side(new_loaded.description, descriptions[1], new_loaded.locations)
    else:
        if len(descriptions) != 1:
            raise UserError.single("diff", _("--since compares one description with its history"),
                                   hint="policygen diff policy.yaml --since 2026-12-01")
        new_loaded = load_description(descriptions[0])
        old = _published(descriptions[0], history_file, since)
        new = Side(new_loaded.description, descriptions[0], new_loaded.locations)
    chosen = lang or new.description.languages[0]
    if output_format == "md" and chosen not in new.description.languages:
        raise UserError.single(new.source, _("the description has no `{lang}` text for the notice; it "
                                             "is written in {languages}").format(
                                   lang=chosen, languages=", ".join(new.description.languages)),
                               key="languages", hint=_("choose one of them with --lang"))
    comparison = compare_sides(old, new)
    click.echo(_render(output_format, comparison, chosen), nl=False)


def _published(description: str, history_file: str | None, since: str):  # noqa: ANN202
    from policygen.history.compare import Side
    from policygen.history.store import history_path, read_history

    path = Path(history_file) if history_file else history_path(description)
    history = read_history(path, Path(description).name)
    if not history.versions:
        raise UserError.single(str(path), _("there is no published history to compare with"),
                               hint=_("`policygen build` (without --draft) writes it; or compare "
                                      "two files: policygen diff old.yaml new.yaml"))
    version = history.find(since)
    return Side(version.description, f"{path.name} ({version.effective.isoformat()})")


def _render(output_format: str, comparison, lang: str) -> str:  # noqa: ANN001
    from policygen.history.notice import notice
    from policygen.history.report import as_json, human

    if output_format == "json":
        return as_json(comparison, lang)
    if output_format == "md":
        return notice(comparison, lang)
    return human(comparison, lang)
