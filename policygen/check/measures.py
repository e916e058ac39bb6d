"""Readability measures as small pure functions, each with its formula.

Counts follow DESIGN.md (see :mod:`policygen.check.tokens`). Every function takes counts, not text,
so a file can be measured block by block without holding it whole.

- LIX (Björnsson): ``words / sentences + 100 × long_words / words``; a long word has more than 6
  letters. ``None`` when there are no words.
- OVIX (word variation index): ``log(words) / log(2 − log(unique) / log(words))``, ``unique`` being
  the number of distinct lower-cased words. ``None`` when it is undefined (fewer than 2 words, or
  every word distinct, where the denominator is log(1) = 0).
- Flesch Reading Ease: ``206.835 − 1.015 × words / sentences − 84.6 × syllables / words``.
- Flesch–Kincaid grade: ``0.39 × words / sentences + 11.8 × syllables / words − 15.59``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from policygen.output import Metrics


def lix(words: int, sentences: int, long_words: int) -> float | None:
    """LIX = words / sentences + 100 × long words / words."""
    if words <= 0 or sentences <= 0:
        return None
    return words / sentences + 100.0 * long_words / words


def ovix(words: int, unique: int) -> float | None:
    """OVIX = log(words) / log(2 − log(unique) / log(words))."""
    if words < 2 or unique < 1:
        return None
    ratio = math.log(unique) / math.log(words)
    denominator = math.log(2 - ratio)
    if denominator <= 0:
        return None
    return math.log(words) / denominator


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch Reading Ease = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words."""
    if words <= 0 or sentences <= 0:
        return None
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch–Kincaid grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59."""
    if words <= 0 or sentences <= 0:
        return None
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass
class Counter:
    """Running counts for a document or a section, fed sentence by sentence."""

    words: int = 0
    sentences: int = 0
    long_words: int = 0
    syllables: int = 0
    vocabulary: set[str] = field(default_factory=set)

    def add_sentences(self, sentences: int, lowers: list[str], long_words: int, syllables: int) -> None:
        """Add several sentences at once (a block's): ``lowers`` are all their words."""
        self.sentences += sentences
        self.words += len(lowers)
        self.long_words += long_words
        self.syllables += syllables
        self.vocabulary.update(lowers)

    def metrics(self, lang: str) -> Metrics:
        english = lang == "en"
        return Metrics(
            words=self.words,
            sentences=self.sentences,
            long_words=self.long_words,
            lix=_round(lix(self.words, self.sentences, self.long_words)),
            ovix=_round(ovix(self.words, len(self.vocabulary))),
            flesch_reading_ease=_round(flesch_reading_ease(self.words, self.sentences, self.syllables)) if english else None,
            fk_grade=_round(flesch_kincaid_grade(self.words, self.sentences, self.syllables)) if english else None,
            syllables=self.syllables if english else None,
        )


@dataclass(frozen=True)
class MeasuredSection:
    """A section: a heading and the blocks until the next heading of the same or higher level."""

    heading: str
    level: int
    line: int
    column: int
    end_line: int
    end_column: int
    metrics: Metrics


@dataclass(frozen=True)
class Measured:
    """A whole file's measures, given to readability rules after all its text was read.

    ``sections`` holds only the sections of at least ``MIN_SECTION_WORDS`` words.
    """

    path: str
    lang: str
    metrics: Metrics
    sections: tuple[MeasuredSection, ...] = ()
    first_line: int = 1
    first_column: int = 1


MIN_SECTION_WORDS = 50
