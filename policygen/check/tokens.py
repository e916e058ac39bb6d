"""Sentences and words, exactly as DESIGN.md defines them for LIX.

- Every block ends a sentence; a sentence without words does not count.
- Inside a block a sentence ends at ``.``, ``!`` or ``?`` followed by white space or the block's end,
  unless the spaCy token ending there is an abbreviation listed in ``glossary/<lang>/abbreviations.yaml``
  (:func:`policygen.lang.glossary.load_abbreviations`).
- A word is a white-space-delimited token, stripped of surrounding punctuation, holding at least one
  letter. Hyphenated compounds, contractions, possessives and abbreviations are one word each. URLs
  and e-mail addresses are not words. A long word has more than 6 letters, counting letters only.

The tokenizer of spaCy's blank pipeline for the language, with the listed abbreviations added as
special cases (:func:`nlp`, built once per language), decides where a sentence ends. A word is a run
of spaCy tokens with no white space between them, so ``e-post``, ``don't`` and ``t.ex.`` stay one
word however spaCy cuts them. spaCy cuts a text at white space before anything else and tokenises
each white-space token on its own, so it is asked about single white-space tokens, and only about
those whose ending could be an abbreviation (:func:`_decide`), all of a block's in one call.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache

from policygen.check.document import Block, Sentence, Word
from policygen.lang import capfirst

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
    elif token[-1] in ".,;:!?" and token[:-1].isalpha():  # "data." or "oss,": what strip_token gives
        start, end = 0, len(token) - 1
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


_LONG_RUN = 64
"""A white-space token of 64 characters or more is no word of prose (a URL, a path, a pasted blob).
It is not handed to spaCy, whose prefix and suffix loop takes quadratic time on a long run of
punctuation (a million ``(`` would take hours); it stays one white-space token, as DESIGN.md says,
and its final character counts as its final spaCy token."""


_RUN = re.compile(r"\S+")
"""A white-space token (``str.split()`` gives the same tokens, faster: :func:`split_block`).
spaCy cuts a text at the same white space (``str.isspace``, which ``\\s`` and ``str.split``
follow) before it cuts anything else, so a run of its tokens with no white space between them is
exactly one such match (``tests/check/test_tokens.py`` checks this on random text)."""


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


_BATCH_CHARS = 100_000
"""Longest text handed to spaCy's tokenizer at once: so no call sees a giant string (nor comes
near ``nlp.max_length``), however many tokens a giant block asks about."""


def _last_starts(tokens: list[str], lang: str) -> list[int]:
    """Where the final spaCy token of each white-space token in ``tokens`` (each shorter than
    ``_LONG_RUN``) starts, as an offset into it.

    spaCy tokenises each white-space token of a text on its own (its cache is keyed by that token),
    so a token is cut as it is in its block. One call per batch of tokens, not per token (a call
    costs about as much as tokenising three words); a line break between them is a token of its own,
    so no special case of spaCy's can join two of them."""
    lasts: list[int] = []
    first = 0
    while first < len(tokens):
        stop, size = first + 1, len(tokens[first])
        while stop < len(tokens) and size + len(tokens[stop]) < _BATCH_CHARS:
            size += len(tokens[stop]) + 1
            stop += 1
        batch = tokens[first:stop]
        starts = _tokenizer(lang)("\n".join(batch)).to_array("IDX").tolist()
        offset = 0
        for token in batch:
            end = offset + len(token)
            lasts.append(starts[bisect_left(starts, end) - 1] - offset)
            offset = end + 1
        first = stop
    return lasts


_decided: dict[str, dict[str, bool]] = {}
"""Language → white-space token → does its final spaCy token end with a listed abbreviation?
Asked once per token: the same words end sentences again and again (``oss.``, ``data.``)."""
_DECIDED_LIMIT = 1 << 16
"""Decisions kept per language; a file of countless distinct tokens starts afresh past this."""


def _decide(text: str, begin: int, lang: str) -> dict[str, bool]:
    """Decide, for every white-space token of ``text`` from ``begin`` on that ends with ``.``,
    ``!`` or ``?`` and has no decision yet, whether its final spaCy token is a listed abbreviation;
    the decisions of ``lang``.

    Only a token that one of the listed abbreviations ends (``t.ex.``, ``(e.g.``, ``Art.``, but
    also ``oss.``, which ends like ``s.``) can end with one, so only such tokens are handed to
    spaCy, all of the block's at once."""
    decided = _decided.setdefault(lang, {})
    if len(decided) > _DECIDED_LIMIT:
        decided.clear()
    known = abbreviations(lang)
    endings, longest = _abbreviation_ends(lang)
    asked: dict[str, None] = {}
    for match in _RUN.finditer(text, begin):
        token = match.group()
        if token[-1] not in _SENTENCE_END or token in decided or token in asked:
            continue
        if token[-1] not in endings or not _may_end_with_abbreviation(token, known, longest):
            decided[token] = False
        elif len(token) < _LONG_RUN:  # a longer one is decided where it is read, and not kept
            asked[token] = None
    for token, last in zip(asked, _last_starts(list(asked), lang)):
        decided[token] = last >= 0 and is_abbreviation(token[last:], known)
    return decided


def split_block(block: Block, lang: str) -> list[Sentence]:
    """Split ``block.text`` into sentences holding their words; fills ``block.sentences``.

    A sentence ends after a white-space token whose last spaCy token ends with ``.``, ``!`` or ``?``
    (so the full stop is followed by white space or the block's end), unless that spaCy token is a
    listed abbreviation, which the special cases keep whole (``t.ex.``, ``(e.g.``): see
    :func:`_decide`, the only place spaCy's answer decides anything.
    """
    known = abbreviations(lang)
    endings = _abbreviation_ends(lang)[0]
    decided = _decided.get(lang, {})
    text = block.text
    find = text.find
    sentences: list[Sentence] = []
    words: list[Word] | None = None  # the words of the sentence being read, from ``first`` on
    first = end = 0
    for token in text.split():  # the white-space tokens (``_RUN``), found in place below
        start = find(token, end)  # only white space lies before it: this is where it is
        length = len(token)
        end = start + length
        if words is None:
            words, first = [], start
        if token.isalpha():  # the common case, without a call
            words.append(Word(token, token.lower(), start, end, length))
        else:
            word = make_word(token, start, known)
            if word is not None:
                words.append(word)
        final = token[-1]
        if final not in _SENTENCE_END:
            continue
        if final in endings:
            if len(token) >= _LONG_RUN:  # not handed to spaCy: its final character is its final token
                abbreviated = is_abbreviation(final, known)
            else:
                abbreviated = decided.get(token)
                if abbreviated is None:
                    decided = _decide(text, start, lang)
                    abbreviated = decided[token]
            if abbreviated:
                continue
        if words:
            sentences.append(Sentence(block, first, end, words))
        words = None
    if words:
        sentences.append(Sentence(block, first, len(text.rstrip()), words))
    block.sentences = sentences
    return sentences


@cache
def _abbreviation_ends(lang: str) -> tuple[frozenset[str], int]:
    """The final characters of the abbreviations of ``lang``, and the length of the longest."""
    known = abbreviations(lang)
    return frozenset(form[-1] for form in known), max(map(len, known), default=0)


def _may_end_with_abbreviation(token: str, known: frozenset[str], longest: int) -> bool:
    """Does ``token`` end with a listed abbreviation (any of its final characters)? Only then can
    the last spaCy token of ``token`` be one."""
    for index in range(max(len(token) - longest, 0), len(token)):
        tail = token[index:]  # is_abbreviation(tail), inline: this runs for every word before a full stop
        if tail in known or (tail[0].isupper() and tail[0].lower() + tail[1:] in known):
            return True
    return False


def words_of(text: str, lang: str) -> list[str]:
    """The lower-cased words of a short text (a glossary phrase), tokenised like prose."""
    known = abbreviations(lang)
    words = []
    for match in _RUN.finditer(text):
        word = make_word(match.group(), 0, known)
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
        for form in {abbreviation, capfirst(abbreviation)}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    return tokenizer
