"""``policygen schema``: the JSON Schema of the description format, for editors.

Point the YAML language server at it (``# yaml-language-server: $schema=policygen.schema.json``)
and the editor completes keys, shows allowed values and flags typos as the writer types.
"""

from __future__ import annotations

import json

import click

from policygen.cli.common import Command, messages_option
from policygen.lang.messages import N_


@click.command(name="schema", cls=Command,
               help=N_("Print the JSON Schema of the description format (for editors)."))
@messages_option
def schema() -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.model.schema import description_schema

    click.echo(json.dumps(description_schema(), ensure_ascii=False, indent=2))
