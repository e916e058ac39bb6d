"""Sentences and words, exactly as DESIGN.md defines them for LIX.

- Every block ends a sentence; a sentence without words does not count.
- Inside a block a sentence ends at ``.``, ``!`` or ``?`` followed by white space or the block's end,
  unless the white-space token is an abbreviation listed in ``glossary/<lang>/abbreviations.yaml``.
- A word is a white-space-delimited token, stripped of surrounding punctuation, holding at least one
  letter. Hyphenated compounds, contractions, possessives and abbreviations are one word each. URLs
  and e-mail addresses are not words. A long word has more than 6 letters, counting letters only.

The definition is about white-space tokens, so this module splits on white space itself (fast, and
independent of how spaCy would cut ``e-post`` or ``don't``). spaCy's blank pipeline, with the same
abbreviations added as tokenizer special cases, is available through :func:`nlp` for rules that need
sub-word tokens; it is created once per language and only when asked for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from policygen.check.document import Block, Sentence, Word

_TOKEN = re.compile(r"\S+")
_URL = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$"  # a URL with a scheme, or www.
    r"|^[^\s@]+@[^\s@]+\.[^\s@]+$"  # an e-mail address
    r"|^[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:se|com|org|net|eu|nu|io|info|gov|edu|fi|dk|de|uk|app|dev)(?:/\S*)?$",
    re.IGNORECASE,
)  # a bare domain with a common top-level domain (exempel.se, example.com/privacy)
_SENTENCE_END = ".!?"


@cache
def abbreviations(lang: str) -> frozenset[str]:
    """The abbreviations of ``lang`` that never end a sentence (``t.ex.``, ``Art.`` …)."""
    from policygen.check.glossary_files import load_abbreviations

    return frozenset(entry["abbreviation"] for entry in load_abbreviations(lang))


def is_abbreviation(token: str, known: frozenset[str]) -> bool:
    """Is ``token`` a listed abbreviation? A sentence-initial capital (``T.ex.``) also counts."""
    if token in known:
        return True
    return token[:1].isupper() and (token[:1].lower() + token[1:]) in known


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def strip_token(token: str) -> tuple[int, int]:
    """Offsets ``(start, end)`` of ``token`` without surrounding punctuation."""
    start, end = 0, len(token)
    while start < end and not _is_word_char(token[start]):
        start += 1
    while end > start and not _is_word_char(token[end - 1]):
        end -= 1
    return start, end


def make_word(token: str, offset: int, known: frozenset[str]) -> Word | None:
    """The word in white-space token ``token`` at block offset ``offset``, or ``None``.

    A listed abbreviation keeps its final full stop (``t.ex.``), so rules and glossaries see it whole.
    """
    if token.isalpha():  # the common case: nothing to strip, all letters
        return Word(token, token.lower(), offset, offset + len(token), len(token))
    if token[0].isalnum() and token[-1].isalnum():
        start, end = 0, len(token)
    else:
        start, end = strip_token(token)
    if end < len(token) and token[end] == "." and known and is_abbreviation(token[start : end + 1], known):
        end += 1
    text = token[start:end]
    letters = len(text) if text.isalpha() else sum(1 for char in text if char.isalpha())
    if not letters:
        return None
    if ("." in text or "@" in text or ":" in token) and (_URL.match(text) or _URL.match(token)):
        return None
    lower = text.lower()
    if "\xad" in lower or "\u200b" in lower:
        lower = lower.replace("\xad", "").replace("\u200b", "")  # soft hyphen, zero-width space
    return Word(text, lower, offset + start, offset + end, letters)


def split_block(block: Block, lang: str) -> list[Sentence]:
    """Split ``block.text`` into sentences holding their words; fills ``block.sentences``."""
    known = abbreviations(lang)
    text = block.text
    sentences: list[Sentence] = []
    current: Sentence | None = None
    for match in _TOKEN.finditer(text):
        token = match.group()
        if current is None:
            current = Sentence(block, match.start(), match.end())
        current.end = match.end()
        word = make_word(token, match.start(), known)
        if word is not None:
            current.words.append(word)
        if token[-1] in _SENTENCE_END and not is_abbreviation(token, known):
            if current.words:
                sentences.append(current)
            current = None
    if current is not None and current.words:
        sentences.append(current)
    block.sentences = sentences
    return sentences


def words_of(text: str, lang: str) -> list[str]:
    """The lower-cased words of a short text (a glossary phrase), tokenised like prose."""
    known = abbreviations(lang)
    words = []
    for match in _TOKEN.finditer(text):
        word = make_word(match.group(), 0, known)
        if word is not None:
            words.append(word.lower)
    return words


@cache
def nlp(lang: str):  # noqa: ANN201 - spacy is imported lazily, so no annotation
    """spaCy's blank pipeline for ``lang`` with our abbreviations as tokenizer special cases."""
    import spacy
    from spacy.symbols import ORTH

    pipeline = spacy.blank(lang)
    for abbreviation in sorted(abbreviations(lang)):
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            pipeline.tokenizer.add_special_case(form, [{ORTH: form}])
    return pipeline
