"""The templates' only source of words: ``say("key", value=…)`` over the page's language pack.

A pack phrase is plain text (:mod:`policygen.lang.pack`). Saying it fills in the values the
template gives, prints each glossary term through the document's term explainer, and escapes the
result for the page: for Markdown, text and values are escaped so that nothing can become
Markdown (a value that is already Markdown — a link from ``md_link``, another phrase — is kept);
for HTML, everything is HTML-escaped unless it is already ``Markup``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from policygen.lang import cldr
from policygen.lang.pack import Pack, Phrase, Plural, Slot, load_pack
from policygen.render.sanitize import MarkdownSafe, escape_markdown, escape_markdown_text
from policygen.resources import templates_dir


@cache
def pack_for(lang: str) -> Pack:
    """The built-in language pack of ``lang`` (``templates/<lang>/pack.yaml``)."""
    return load_pack(lang, templates_dir())


def choose(pack: Pack, key: str, count: int | None) -> Phrase:
    """The phrase at ``key``; for plural forms, the one CLDR's rules pick for ``count``."""
    entry = pack.entry(key)
    if isinstance(entry, Plural):
        if count is None:
            raise KeyError(f"{key!r} in the {pack.lang} pack has plural forms: say it with count=…")
        category = cldr.plural_category(pack, count)
        return entry.forms.get(category) or entry.forms["other"]
    return entry


def plain(pack: Pack, key: str, count: int | None = None, **values: Any) -> str:
    """A phrase as plain text, for what is not a page (file names, anchors, labels)."""
    phrase = choose(pack, key, count)
    if count is not None:
        values.setdefault("count", cldr.format_number(pack, count))
    return "".join(part if isinstance(part, str) else _value(phrase, part, values)
                   for part in phrase.parts)


def counted(pack: Pack, key: str, count: int) -> str:
    """A plural phrase for ``count`` with the number in words up to twelve ("sju år", "seven
    years", "24 months"), as running text writes numbers in both languages."""
    phrase = choose(pack, key, count)
    values = {"count": cldr.number_word(pack, count)}
    return "".join(part if isinstance(part, str) else _value(phrase, part, values)
                   for part in phrase.parts)


def _value(phrase: Phrase, slot: Slot, values: dict[str, Any]) -> Any:
    if slot.kind != "value":
        raise KeyError(f"{phrase.key!r} uses a glossary term: say it in a template")
    value = values.get(slot.name)
    if value is None:
        raise KeyError(f"{phrase.key!r} needs the value {{{slot.name}}}")
    return value


def make_say(pack: Pack, kind: str):
    """The ``say`` global of a Markdown or HTML environment for ``pack``."""
    markdown = kind == "markdown"

    @pass_context
    def say(context: Context, key: str, count: int | None = None, **values: Any) -> str:
        phrase = choose(pack, key, count)
        if count is not None:
            values.setdefault("count", cldr.format_number(pack, count))
        out = []
        for index, part in enumerate(phrase.parts):
            if isinstance(part, str):
                out.append(escape_markdown_text(part, line_start=index == 0) if markdown
                           else str(escape(part)))
            elif part.kind == "value":
                value = _value(phrase, part, values)
                out.append(_safe_value(value, markdown))
            else:
                term = context["term"]
                shown = (term(part.name, part.form) if part.kind == "term"
                         else term.as_defined(part.name, part.form))
                out.append(escape_markdown(shown) if markdown else str(escape(shown)))
        text = "".join(out)
        return MarkdownSafe(text) if markdown else Markup(text)

    return say


def _safe_value(value: Any, markdown: bool) -> str:
    if markdown:
        if isinstance(value, (MarkdownSafe, Markup)):
            return str(value)
        return escape_markdown(value)
    return str(escape(value))
