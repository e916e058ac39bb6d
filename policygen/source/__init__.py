"""Findings at the source: the plain-language check of a description's own texts.

The checker (:mod:`policygen.check`) reads any text and knows nothing of descriptions; the model
(:mod:`policygen.model`) knows descriptions and nothing of plain language. This part joins the two,
so that a finding about wording lands where the writer wrote the words: at a line and column of the
YAML, with its key path. It may import ``model``, ``check`` and ``output``; it never imports
``render``, ``validate`` or ``cli``, and only the CLI imports it (tests/test_architecture.py).

Public API:
- :func:`check_description` (a description file → its language findings as a report entry)
- :func:`check_loaded` (the same for a description loaded already, with its text)
- :func:`description_rules` (which rules read a description's texts)
"""

from __future__ import annotations

from policygen.check.rule import Rule
from policygen.check.settings import Settings
from policygen.output import FileReport
from policygen.source.language import MAX_SEVERITY, NOT_FOR_DESCRIPTIONS, check_loaded, description_rules

DESCRIPTION_SUFFIXES = (".yaml", ".yml")
"""File names ``policygen check`` reads as descriptions instead of prose."""


def check_description(path: str, rules: list[Rule], settings: Settings, inline_config: bool = True) -> FileReport:
    """The language findings of the description at ``path``; raises ``UserError`` when the file is
    not a well-formed description (the problems ``policygen validate`` reports)."""
    from policygen.model import load_description_text, read_description_text

    source = read_description_text(path)
    return check_loaded(load_description_text(source, path), source, rules, settings, inline_config)


__all__ = ["DESCRIPTION_SUFFIXES", "MAX_SEVERITY", "NOT_FOR_DESCRIPTIONS", "check_description",
           "check_loaded", "description_rules"]
