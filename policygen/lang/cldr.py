"""Names, dates, lists and numbers from CLDR (through Babel), in the locale a language pack names.

Why CLDR: every ISO 3166 country has a Swedish and an English name there, spelt as each language's
authorities spell it, and dates and lists follow each language's conventions without depending on
the machine's locale settings. Babel is pinned, because a new CLDR release can change the bytes of
a published document.

What CLDR does not give is language data in the pack: number words up to twelve (CLDR has no
spell-out in Babel), and names that read badly in running text (English "the Netherlands").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.lists import format_list as _babel_list
from babel.numbers import format_decimal

from policygen.lang import capfirst
from policygen.lang.pack import Pack


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def locale(pack: Pack) -> Locale:
    return _locale(str(pack.data["locale"]))


def country_name(pack: Pack, code: str) -> str:
    """The country's name in running text: the pack's own name if it has one, else CLDR's."""
    own = pack.data.get("country_names") or {}
    if code in own:
        return str(own[code])
    name = locale(pack).territories.get(code)
    if name is None:
        raise KeyError(f"CLDR has no name for the country code {code!r}")
    return name


def language_name(pack: Pack, lang: str) -> str:
    """A language's name in the pack's language, as a label ("Svenska", "English")."""
    return capfirst(locale(pack).languages[lang])


def format_date(pack: Pack, value: dt.date) -> str:
    """``2027-02-01`` → "1 februari 2027" / "1 February 2027" (CLDR's long date)."""
    return _babel_date(value, format="long", locale=locale(pack))


def format_list(pack: Pack, items: Iterable[str], conjunction: str = "and") -> str:
    """"namn, e-post och telefonnummer"; ``conjunction="or"`` for alternatives.

    When an item itself contains the conjunction ("fakturaadress och betalningar"), a comma goes
    before the last conjunction, as Språkrådet and the Oxford style both advise where a list would
    otherwise be ambiguous: "ditt namn, ditt företags namn och organisationsnummer, och
    fakturaadress och betalningar", not four items that read as one run.
    """
    style = {"and": "standard", "or": "or"}[conjunction]
    items = list(items)
    patterns = locale(pack).list_patterns[style]
    word = patterns["2"].format("", "")
    if len(items) < 2 or not any(word in item for item in items):
        return _babel_list(items, style=style, locale=locale(pack))
    if len(items) == 2:
        return _serial(patterns["2"]).format(*items)
    joined = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        joined = patterns["middle"].format(joined, item)
    return _serial(patterns["end"]).format(joined, items[-1])


def _serial(pattern: str) -> str:
    """"{0} och {1}" → "{0}, och {1}"; a pattern that already has the comma stays as it is."""
    return pattern if pattern.startswith("{0},") else pattern.replace("{0}", "{0},", 1)


def format_number(pack: Pack, number: int) -> str:
    return format_decimal(number, locale=locale(pack))


def number_word(pack: Pack, number: int) -> str:
    """3 → "tre" / "three" up to twelve (the pack's words); larger numbers as CLDR digits."""
    words = pack.data["number_words"]
    return str(words[number]) if 0 <= number < len(words) else format_number(pack, number)


def plural_category(pack: Pack, count: int) -> str:
    """The CLDR plural category of ``count`` in the pack's language ("one", "other" …)."""
    return locale(pack).plural_form(count)
