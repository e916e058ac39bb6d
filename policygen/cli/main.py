"""The ``policygen`` command group.

Subcommands are imported only when they run, so ``policygen check`` does not pay for pydantic,
Jinja or WeasyPrint, and ``policygen validate`` does not pay for spaCy.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from policygen import __version__
from policygen.cli.common import TranslatedHelp, messages_option, speaking_the_locale
from policygen.lang.messages import N_, _

# command name → "module:function"; each module holds one click command.
COMMANDS = {
    "init": "policygen.cli.init_cmd:init",
    "validate": "policygen.cli.validate_cmd:validate",
    "build": "policygen.cli.build_cmd:build",
    "diff": "policygen.cli.diff_cmd:diff",
    "handbook": "policygen.cli.handbook_cmd:handbook",
    "check": "policygen.cli.check_cmd:check",
    "rules": "policygen.cli.rules_cmd:rules",
    "schema": "policygen.cli.schema_cmd:schema",
}

_HELP = {
    "init": N_("Write a commented starter description."),
    "validate": N_("Check descriptions: located errors and GDPR completeness."),
    "build": N_("Render policies and consent forms from a description."),
    "diff": N_("What changed between two descriptions, or since a published version."),
    "handbook": N_("Write the internal support handbook (routines, letters, register)."),
    "check": N_("Plain-language check of .md, .html and .txt files or a built site."),
    "rules": N_("List the plain-language rules, or explain one."),
    "schema": N_("Print the JSON Schema of the description format."),
}


class LazyGroup(TranslatedHelp, click.Group):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        with speaking_the_locale(sys.argv[1:] if args is None else args):
            return super().main(args, *rest, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, _colon, attribute = target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _(_HELP[name]) if name in _HELP else "") for name in self.list_commands(ctx)]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("policygen — GDPR privacy policies and consent forms in clear Swedish and English."))
@click.version_option(__version__, prog_name="policygen")
@messages_option
def main() -> None:
    pass
