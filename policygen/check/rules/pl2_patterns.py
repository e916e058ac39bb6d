"""Helpers shared by the PL2xx rules written in Python: sentence-level regular expressions and
word look-ups. Not a rule itself (it defines no :class:`~policygen.check.rule.Rule`).

Rules that need more than a word list (consent by use, check regularly) match regular
expressions against one sentence's text; the offsets they get back are block-text offsets, so
:meth:`Rule.finding` locates them exactly in the source file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from policygen.check.document import Sentence


class Guarded:
    """A case-insensitive pattern together with words one of which every match of it holds.

    The regular expression engine tries such a pattern at every position of a text (a
    case-insensitive pattern gives it no first character to skip to), so scanning a sentence
    costs as much as the pattern is long, match or no match. Most sentences hold none of the
    words, which one look at the lower-cased text tells (``str`` searches, in C): the pattern then
    cannot match and is not run. The words must be lower case; every match of the pattern must
    hold one of them (tests/check/rules/test_pl2_guarded.py tries each rule's cases).

    Lower-casing agrees with the engine's case-insensitive matching except for three letters:
    "İ" (lower case "i̇", two characters), dotless "ı" and long "ſ", which the engine matches as
    "i" and "s". A text holding one of them is always scanned.
    """

    __slots__ = ("regex", "needles")

    def __init__(self, regex: re.Pattern[str], *needles: str) -> None:
        if not needles or any(needle != needle.lower() or not needle for needle in needles):
            raise ValueError(f"give lower-case words for {regex.pattern!r}")
        self.regex = regex
        self.needles = needles

    def may_match(self, text: str) -> bool:
        """False when no match can be in ``text``."""
        return may_hold(text, self.needles)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text) else iter(())


def may_hold(text: str, needles: tuple[str, ...]) -> bool:
    """May ``text`` hold one of ``needles`` (lower case) as a case-insensitive pattern reads it?
    False only when it surely does not (see :class:`Guarded`)."""
    if "İ" in text or "ı" in text or "ſ" in text:
        return True
    return any(map(text.lower().__contains__, needles))  # without a generator: this runs per sentence


def sentence_matches(sentence: Sentence, pattern: re.Pattern[str] | Guarded) -> Iterator[tuple[int, int]]:
    """``(start, end)`` block offsets of every match of ``pattern`` inside ``sentence``."""
    text = sentence.text
    for match in pattern.finditer(text):
        if match.end() > match.start():
            yield sentence.start + match.start(), sentence.start + match.end()


def first_match(sentence: Sentence, pattern: re.Pattern[str] | Guarded) -> tuple[int, int] | None:
    """The first non-empty match of :func:`sentence_matches`, without making a generator."""
    text = sentence.text
    match = pattern.search(text)  # most often no match at all, or a first one that is not empty
    if match is None:
        return None
    if match.end() > match.start():
        return sentence.start + match.start(), sentence.start + match.end()
    for match in pattern.finditer(text):
        start, end = match.span()
        if end > start:
            return sentence.start + start, sentence.start + end
    return None


def words_pattern(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern for any of ``alternatives`` (regex fragments) as whole words."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def trim_to_words(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to run from the first to the last word it touches (no stray
    spaces or punctuation at either end), so findings start and end on words."""
    inside = [word for word in sentence.words if word.end > start and word.start < end]
    if not inside:
        return start, end
    return max(start, inside[0].start), min(end, inside[-1].end)


@cache
def word_set(text: str) -> frozenset[str]:
    """A frozen set from a white-space separated word list (module constants stay readable)."""
    return frozenset(text.split())
