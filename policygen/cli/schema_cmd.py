"""``policygen schema``: the JSON Schema of the description format, for editors.

Point the YAML language server at it (``# yaml-language-server: $schema=policygen.schema.json``)
and the editor completes keys, shows allowed values and flags typos as the writer types.
"""

from __future__ import annotations

import json

import click


@click.command(name="schema")
def schema() -> None:
    """Print the JSON Schema of the description format (for editors)."""
    from policygen.model.schema import description_schema

    click.echo(json.dumps(description_schema(), ensure_ascii=False, indent=2))
