"""The templates' filters: dates, durations, lists, numbers and small text helpers, per language.

The words come from the language pack and CLDR (:mod:`policygen.lang.cldr`), never from the
machine's locale settings, so a document reads the same on every machine. :func:`filters` gives
the filters of one language; the engine registers them in that language's environment, so a
template writes ``{{ effective|date }}`` and gets the page's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from policygen.lang import capfirst, cldr
from policygen.lang.pack import Pack
from policygen.render.sanitize import MarkdownSafe
from policygen.render.terms import explain_terms
from policygen.render.words import counted, pack_for


def format_duration(pack: Pack, value: Any) -> str:
    """A retention period (``Duration``: ``amount``, ``unit``) → "24 månader" / "sju år" / "one
    month": up to twelve in words, as running text writes numbers."""
    return counted(pack, f"durations.{value.unit.value}", value.amount)


def join_list(pack: Pack, items: Iterable[Any], conjunction: str = "and") -> str:
    """Join items as a sentence does: "namn, e-post och telefonnummer" (CLDR's list patterns).

    When every item is :class:`MarkdownSafe` (links built with ``md_link``) or ``Markup`` (made by
    the template itself, such as a macro's link), so is the result: the words CLDR adds are plain
    text, so the list stays safe Markdown.
    """
    items = list(items)
    joined = cldr.format_list(pack, [str(item) for item in items], conjunction) if items else ""
    if items and all(isinstance(item, (MarkdownSafe, Markup)) for item in items):
        return MarkdownSafe(joined)
    return joined


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends a sentence ("Sendwise Inc." stays as it is)."""
    text = str(text).rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def paragraphs(value: str) -> list[str]:
    """A text from the description split at its blank lines, so each paragraph stays one.

    Printing collapses every newline to a space (a text is never Markdown), so a writer's
    paragraph breaks would otherwise be lost. Single newlines stay ordinary white space: YAML
    folds them, and hard-wrapped lines are not paragraphs.
    """
    return [part.strip() for part in re.split(r"\n[ \t]*\n", value) if part.strip()]


def filters(lang: str) -> dict[str, Callable[..., Any]]:
    """Every filter a template of ``lang`` can use (docs/templates.md, "Filters")."""
    pack = pack_for(lang)
    return {
        "date": lambda value: cldr.format_date(pack, value),
        "duration": lambda value: format_duration(pack, value),
        "join_list": lambda items, conjunction="and": join_list(pack, items, conjunction),
        "number_word": lambda count: cldr.number_word(pack, count),
        "end_sentence": end_sentence,
        "capfirst": capfirst,
        "explain_terms": explain_terms,
        "paragraphs": paragraphs,
    }


def format_date(value: dt.date, lang: str) -> str:
    """``2027-02-01`` → "1 februari 2027" / "1 February 2027"."""
    return cldr.format_date(pack_for(lang), value)
