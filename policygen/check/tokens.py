"""Sentences and words, exactly as DESIGN.md defines them for LIX.

- Every block ends a sentence; a sentence without words does not count.
- Inside a block a sentence ends at ``.``, ``!`` or ``?`` followed by white space or the block's end,
  unless the spaCy token ending there is an abbreviation listed in ``glossary/<lang>/abbreviations.yaml``
  (:func:`policygen.lang.glossary.load_abbreviations`).
- A word is a white-space-delimited token, stripped of surrounding punctuation, holding at least one
  letter. Hyphenated compounds, contractions, possessives and abbreviations are one word each. URLs
  and e-mail addresses are not words. A long word has more than 6 letters, counting letters only.

The tokenizer of spaCy's blank pipeline for the language, with the listed abbreviations added as
special cases (:func:`nlp`, built once per language), cuts every block. Sentence ends are decided on its
tokens, and a word is a run of spaCy tokens with no white space between them, so ``e-post``,
``don't`` and ``t.ex.`` stay one word however spaCy cuts them. Blocks are tokenised one by one (a
very long block in pieces cut at white space), never as one giant string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from policygen.check.document import Block, Sentence, Word

_SPACE = re.compile(r"\s+")
_ATTRIBUTES = ("IDX", "LENGTH", "SPACY", "IS_SPACE")
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
    from policygen.lang.glossary import load_abbreviations
    from policygen.resources import glossary_dir

    return load_abbreviations(glossary_dir(), lang)


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


_PIECE_CHARS = 100_000
"""Longest text handed to spaCy's tokenizer at once. A longer block is cut at white space, which
never changes a word or a sentence end, so no tokenizer call sees a giant string (nor comes near
``nlp.max_length``)."""


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text`` as ``(offset, piece)`` parts of about ``_PIECE_CHARS`` at most, cut after white space."""
    if len(text) <= _PIECE_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + _PIECE_CHARS, len(text))
        if end < len(text):
            space = text.rfind(" ", start, end)
            if space > start:
                end = space + 1
            else:  # no plain space in the window: cut after the next white space, if any
                following = _SPACE.search(text, end)
                end = following.end() if following else len(text)
        yield start, text[start:end]
        start = end


_LONG_RUN = re.compile(r"(?<!\S)\S{64,}")
"""A run of 64 characters or more without white space is no word of prose (a URL, a path, a pasted
blob). It is not handed to spaCy, whose prefix and suffix loop takes quadratic time on a long run
of punctuation (a million ``(`` would take hours); it stays one white-space token, as DESIGN.md
says, and it ends a sentence when it ends with ``.``, ``!`` or ``?``."""


def _spans(text: str, lang: str) -> list[tuple[int, int, int]]:
    """The white-space tokens of ``text`` as ``(start, end, last)``: ``last`` is where the final spaCy
    token of the run starts (for a run of 64 characters or more: its final character)."""
    spans: list[tuple[int, int, int]] = []
    start = 0
    if len(text) >= 64:
        for match in _LONG_RUN.finditer(text):
            _spacy_spans(text, start, match.start(), lang, spans)
            spans.append((match.start(), match.end(), match.end() - 1))
            start = match.end()
    _spacy_spans(text, start, len(text), lang, spans)
    return spans


def _spacy_spans(text: str, begin: int, stop: int, lang: str, spans: list[tuple[int, int, int]]) -> None:
    """Append the white-space tokens of ``text[begin:stop]``, cut by spaCy's tokenizer, to ``spans``.

    spaCy's tokenizer (with our abbreviations as special cases) cuts the text; a run of spaCy tokens
    with no white space between them is one white-space token (``e-post``, ``don't``, ``(t.ex.)``).
    Token attributes are read as one array, so no Python object is made per spaCy token.
    """
    if begin >= stop:
        return
    tokenizer = _tokenizer(lang)
    add = spans.append
    for offset, piece in _pieces(text[begin:stop] if begin or stop < len(text) else text):
        offset += begin
        start = -1
        last = end = 0
        for index, length, space_after, is_space in tokenizer(piece).to_array(_ATTRIBUTES).tolist():
            if is_space:
                if start >= 0:
                    add((offset + start, offset + end, offset + last))
                    start = -1
                continue
            if start < 0:
                start = index
            last = index
            end = index + length
            if space_after:
                add((offset + start, offset + end, offset + last))
                start = -1
        if start >= 0:
            add((offset + start, offset + end, offset + last))


_VOCAB_LIMIT = 200_000
"""spaCy keeps every new token string in the tokenizer's vocabulary, about 350 bytes each, for as
long as the tokenizer lives. A file with millions of distinct tokens would grow without bound, so
the tokenizer is built afresh (about 0.07 s) once its vocabulary holds this many entries."""


def _tokenizer(lang: str):  # noqa: ANN202 - spacy is imported lazily, so no annotation
    """The tokenizer of :func:`nlp`, rebuilt when its vocabulary has grown past ``_VOCAB_LIMIT``."""
    tokenizer = nlp(lang)
    if len(tokenizer.vocab) > _VOCAB_LIMIT:
        nlp.cache_clear()
        tokenizer = nlp(lang)
    return tokenizer


def split_block(block: Block, lang: str) -> list[Sentence]:
    """Split ``block.text`` into sentences holding their words; fills ``block.sentences``.

    A sentence ends after a white-space token whose last spaCy token ends with ``.``, ``!`` or ``?``
    (so the full stop is followed by white space or the block's end), unless that spaCy token is a
    listed abbreviation, which the special cases keep whole (``t.ex.``, ``(e.g.``).
    """
    known = abbreviations(lang)
    text = block.text
    sentences: list[Sentence] = []
    current: Sentence | None = None
    for start, end, last in _spans(text, lang):
        if current is None:
            current = Sentence(block, start, end)
        current.end = end
        token = text[start:end]
        if token.isalpha():  # the common case, without a call
            current.words.append(Word(token, token.lower(), start, end, end - start))
        else:
            word = make_word(token, start, known)
            if word is not None:
                current.words.append(word)
        if text[end - 1] in _SENTENCE_END and not is_abbreviation(text[last:end], known):
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
    for start, end, _last in _spans(text, lang):
        word = make_word(text[start:end], 0, known)
        if word is not None:
            words.append(word.lower)
    return words


@cache
def nlp(lang: str):  # noqa: ANN201 - spacy is imported lazily, so no annotation
    """spaCy's tokenizer for ``lang``, with our abbreviations as special cases.

    It is built exactly as ``spacy.blank(lang)`` builds its vocabulary and tokenizer (the
    language's exceptions, prefixes, suffixes, infixes, token and URL matches), without the rest
    of a ``Language`` object (its config and registry resolution): 0.073 s instead of 0.091 s for
    English. Like a pipeline, it is called on a text and gives a ``Doc``.
    """
    from spacy import util
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import create_vocab

    defaults = util.get_lang_class(lang).Defaults
    tokenizer = Tokenizer(
        create_vocab(lang, defaults),
        rules=defaults.tokenizer_exceptions,
        prefix_search=util.compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=util.compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=util.compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    for abbreviation in sorted(abbreviations(lang)):
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    return tokenizer
