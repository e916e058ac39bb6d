"""Saying the phrases of ``templates/<lang>/changes.yaml``: plain text, or Markdown for the notice.

Every word of a change comes from the pack ``templates/<lang>/changes.yaml`` (read and checked like
the main ``pack.yaml``, :mod:`policygen.lang.pack`); names, dates, countries and lists come from
the description and CLDR. A :class:`Speaker` says a phrase in one language: as plain text (terms
of art printed bare), or as Markdown for the notice, where every value is escaped and each term
is explained the first time (the policy's own machinery, :mod:`policygen.render.words`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from policygen.lang import cldr
from policygen.lang.pack import Pack, Plural, Slot, load_pack
from policygen.model.description import Duration
from policygen.render.locale import format_duration, join_list
from policygen.render.sanitize import MarkdownSafe, escape_markdown
from policygen.render.terms import TermExplainer
from policygen.render.words import make_say, pack_for
from policygen.resources import templates_dir

PACK_FILE = "changes"


@cache
def changes_pack(lang: str) -> Pack:
    """``templates/<lang>/changes.yaml``: the words of this package."""
    return load_pack(lang, templates_dir(), PACK_FILE)


class Speaker:
    """Says phrases of the changes pack in ``lang``: plain text, or Markdown when given a
    :class:`~policygen.render.terms.TermExplainer` (which explains each term on first use)."""

    def __init__(self, lang: str, explainer: TermExplainer | None = None) -> None:
        self.lang = lang
        self.pack = changes_pack(lang)
        self.main = pack_for(lang)
        self.markdown = explainer is not None
        self._context = {"term": explainer}
        self._say = make_say(self.pack, "markdown") if self.markdown else None

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
        if self._say is not None:
            return MarkdownSafe(_one_full_stop(self._say(self._context, key, count=count,
                                                         **values)))
        entry = self.pack.entry(key)
        if isinstance(entry, Plural):  # the main pack names the locale whose plural rules apply
            if count is None:
                raise KeyError(f"{key!r} has plural forms: say it with count=…")
            entry = entry.forms.get(cldr.plural_category(self.main, count)) or entry.forms["other"]
        phrase = entry
        if count is not None:
            values.setdefault("count", cldr.format_number(self.main, count))
        out = []
        for part in phrase.parts:
            if isinstance(part, str):
                out.append(part)
            elif part.kind == "value":
                out.append(str(_required(values, part, key)))
            else:
                out.append(part.form or part.name)
        return _one_full_stop("".join(out))

    def text(self, value: Any) -> str:
        """A value from the description, as this speaker prints it (escaped in Markdown)."""
        return escape_markdown(value) if self.markdown else str(value)

    def join(self, items: list[str]) -> str:
        """Items as a sentence lists them ("a, b och c"), safe Markdown when the items are."""
        if self.markdown:
            items = [item if isinstance(item, MarkdownSafe) else escape_markdown(item)
                     for item in items]
        return join_list(self.main, items)

    def quoted(self, name: str) -> str:
        return self("quoted", name=name)

    def date(self, value: Any) -> str:
        return cldr.format_date(self.main, value)

    def country(self, code: str) -> str:
        return cldr.country_name(self.main, code)

    def duration(self, value: Duration) -> str:
        return format_duration(self.main, value)

    def language(self, code: str) -> str:
        """A language's name in running text ("engelska", "English")."""
        return cldr.locale(self.main).languages[code]


_DOUBLE_STOP = re.compile(r"(?<=[^\W\d_])\.\.(?=\s|$|”|“|\))")


def _one_full_stop(text: str) -> str:
    """"… till Sendwise Inc.." → "… till Sendwise Inc.": a name that ends with a full stop ends
    the sentence too."""
    return _DOUBLE_STOP.sub(".", text)


def _required(values: dict[str, Any], slot: Slot, key: str) -> Any:
    if values.get(slot.name) is None:
        raise KeyError(f"{key!r} needs the value {{{slot.name}}}")
    return values[slot.name]


def in_lang(text: dict[str, str] | None, lang: str) -> str:
    """A text in ``lang``, or in the description's first language when it lacks ``lang`` (a
    version written before the language was added)."""
    if not text:
        return ""
    return text.get(lang) or next(iter(text.values()))
