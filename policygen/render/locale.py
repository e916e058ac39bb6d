"""Locale formatting for the documents: dates, durations, plurals and lists, in Swedish and English.

A legal text must read naturally in each language ("1 februari 2027", "24 månader",
"namn, e-post och telefonnummer"), and it must not depend on the machine's locale settings, so the
words are spelled out here instead of asking ``strftime`` or ``locale``.

The templates use these through :data:`FILTERS` (which also carries ``explain_terms`` from
:mod:`policygen.render.terms`, so the engine registers every content-side filter from one dict). Each filter takes the language as an optional
last argument; when it is left out, the ``lang`` variable of the template context is used, so a
template writes ``{{ effective|date }}`` and gets the page's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from policygen.render.sanitize import MarkdownSafe
from policygen.render.terms import explain_terms

MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

# unit → (singular, plural); Swedish "år" is the same in both numbers.
UNITS = {
    "sv": {"days": ("dag", "dagar"), "weeks": ("vecka", "veckor"),
           "months": ("månad", "månader"), "years": ("år", "år")},
    "en": {"days": ("day", "days"), "weeks": ("week", "weeks"),
           "months": ("month", "months"), "years": ("year", "years")},
}

# The word before the last item of a list: "a, b och c" / "a, b and c"; "or" for alternatives.
CONJUNCTIONS = {
    "sv": {"and": "och", "or": "eller"},
    "en": {"and": "and", "or": "or"},
}


def _check_lang(lang: str) -> str:
    if lang not in MONTHS:
        raise ValueError(f"no locale data for language {lang!r} (known: {', '.join(sorted(MONTHS))})")
    return lang


# Numbers up to twelve are written as words in running text (Myndigheternas skrivregler; the
# same habit in English style guides). Swedish uses the neuter form ("ett ändamål", "två ändamål").
NUMBER_WORDS = {
    "sv": ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
           "elva", "tolv"),
    "en": ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"),
}


def number_word(count: int, lang: str) -> str:
    """3 → "tre" / "three"; numbers above twelve stay digits."""
    words = NUMBER_WORDS[_check_lang(lang)]
    return words[count] if 0 <= count < len(words) else str(count)


def format_date(value: dt.date, lang: str) -> str:
    """``2027-02-01`` → "1 februari 2027" / "1 February 2027" (day without a leading zero)."""
    month = MONTHS[_check_lang(lang)][value.month - 1]
    return f"{value.day} {month} {value.year}"


def plural(count: int, singular: str, plural_form: str) -> str:
    """Pick the form for ``count``: 1 takes the singular in both languages, everything else the plural."""
    return singular if count == 1 else plural_form


def format_duration(value: Any, lang: str) -> str:
    """A retention period → "1 månad", "24 månader", "1 month", "24 months".

    Accepts a ``Duration`` model (``amount``, ``unit``) or an ``(amount, unit)`` pair; the unit is
    ``days``, ``weeks``, ``months`` or ``years`` (an enum or its value).
    """
    if isinstance(value, tuple):
        amount, unit = value
    else:
        amount, unit = value.amount, value.unit
    unit_name = getattr(unit, "value", unit)
    singular, plural_form = UNITS[_check_lang(lang)][unit_name]
    return f"{amount} {plural(amount, singular, plural_form)}"


def join_list(items: Iterable[Any], lang: str, conjunction: str = "and") -> str:
    """Join items as a sentence does: "namn, e-post och telefonnummer" / "name, e-mail and phone number".

    No serial comma in either language, as in the Swedish and British styles the documents follow.
    When every item is :class:`MarkdownSafe` (links built with ``md_link``), so is the result: the
    words added here are plain text, so the list stays safe Markdown.
    """
    items = list(items)
    words = [str(item) for item in items]
    last_word = CONJUNCTIONS[_check_lang(lang)][conjunction]
    if len(words) <= 1:
        joined = words[0] if words else ""
    else:
        joined = f"{', '.join(words[:-1])} {last_word} {words[-1]}"
    if items and all(isinstance(item, MarkdownSafe) for item in items):
        return MarkdownSafe(joined)
    return joined


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends a sentence ("Sendwise Inc." stays as it is)."""
    text = str(text).rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def capfirst(text: str) -> str:
    """Upper-case the first letter only ("ditt namn" → "Ditt namn"; "IP-adress" stays as it is)."""
    text = str(text)
    return text[:1].upper() + text[1:]


def _lang(context: Context, lang: str | None) -> str:
    return lang if lang is not None else context["lang"]


@pass_context
def _date_filter(context: Context, value: dt.date, lang: str | None = None) -> str:
    return format_date(value, _lang(context, lang))


@pass_context
def _duration_filter(context: Context, value: Any, lang: str | None = None) -> str:
    return format_duration(value, _lang(context, lang))


@pass_context
def _number_word_filter(context: Context, count: int, lang: str | None = None) -> str:
    return number_word(count, _lang(context, lang))


@pass_context
def _join_filter(context: Context, items: Iterable[Any], conjunction: str = "and",
                 lang: str | None = None) -> str:
    return join_list(items, _lang(context, lang), conjunction)


def _plural_filter(count: int, singular: str, plural_form: str) -> str:
    return plural(count, singular, plural_form)


def paragraphs(value: str) -> list[str]:
    """A text from the description split at its blank lines, so each paragraph stays one.

    Printing collapses every newline to a space (a text is never Markdown), so a writer's
    paragraph breaks would otherwise be lost. Single newlines stay ordinary white space: YAML
    folds them, and hard-wrapped lines are not paragraphs.
    """
    return [part.strip() for part in re.split(r"\n[ \t]*\n", value) if part.strip()]


FILTERS = {
    "date": _date_filter,
    "long_date": _date_filter,
    "duration": _duration_filter,
    "join_list": _join_filter,
    "plural": _plural_filter,
    "number_word": _number_word_filter,
    "end_sentence": end_sentence,
    "capfirst": capfirst,
    "explain_terms": explain_terms,
    "paragraphs": paragraphs,
}
