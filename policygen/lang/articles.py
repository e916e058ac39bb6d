"""GDPR article references as each interface language writes them.

The rules store an article in the regulation's English citation form, ``13(2)(e)``; English
readers see "Art. 13(2)(e)", Swedish readers the Swedish legal style, "artikel 13.2 e". One place
for the conversion, so that every report, help text and command writes it the same way.
"""

from __future__ import annotations

import re

from policygen.lang.messages import _, interface_language

_CITATION = re.compile(r"(\d+)((?:\(\d+\))?)((?:\([a-z]\))?)")


def swedish_article(article: str) -> str:
    """``13(2)(e)`` → ``13.2 e``; ``9`` → ``9``; several (``13(1)(f) / 14(1)(f)``) each converted."""
    def convert(match: re.Match[str]) -> str:
        number, paragraph, point = match.group(1), match.group(2)[1:-1], match.group(3)[1:-1]
        return number + (f".{paragraph}" if paragraph else "") + (f" {point}" if point else "")
    return _CITATION.sub(convert, article)


def article_number(article: str) -> str:
    """The article's number(s) as the interface language writes them (no "Art."/"artikel")."""
    return swedish_article(article) if interface_language() == "sv" else article


def cited_article(article: str) -> str:
    """"(Art. 13(2)(e))" / "(artikel 13.2 e)": the suffix a finding's message gets."""
    return _("(Art. {article})").format(article=article_number(article))
