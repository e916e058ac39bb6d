"""Findings at the source: the plain-language check of a description's own texts.

The checker (:mod:`policygen.check`) reads any text and knows nothing of descriptions; the model
(:mod:`policygen.model`) knows descriptions and nothing of plain language. This part joins the two,
so that a finding about wording lands where the writer wrote the words: at a line and column of the
YAML, with its key path. It may import ``model``, ``check`` and ``output``; it never imports
``render``, ``validate`` or ``cli``, and only the CLI imports it (tests/test_architecture.py).

Public API:
- :func:`check_description` (a description file → its language findings as a report entry)
- :data:`DESCRIPTION_SUFFIXES` (the files ``policygen check`` reads as descriptions)
- :mod:`policygen.source.language` (the rules that read a description, their severities) and
  :mod:`policygen.source.texts` (a description's texts, placed in its YAML)

Importing this package is cheap (``policygen check`` asks it which files are descriptions before it
starts its workers); the checker and the model are imported when a description is checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policygen.check.rule import Rule
    from policygen.check.settings import Settings
    from policygen.output import FileReport

DESCRIPTION_SUFFIXES = (".yaml", ".yml")
"""File names ``policygen check`` reads as descriptions instead of prose."""


def check_description(path: str, rules: list[Rule], settings: Settings, inline_config: bool = True) -> FileReport:
    """The language findings of the description at ``path``; raises ``UserError`` when the file is
    not a well-formed description (the problems ``policygen validate`` reports)."""
    from policygen.model import load_description_text, read_description_text
    from policygen.source.language import check_loaded

    source = read_description_text(path)
    return check_loaded(load_description_text(source, path), source, rules, settings, inline_config)


__all__ = ["DESCRIPTION_SUFFIXES", "check_description"]
