"""English syllable counts that work offline: the larger of a vowel-group estimate and pyphen's
``en_US`` hyphenation points.

textstat's current releases download NLTK's CMU dictionary at run time; that must never happen
here. Hyphenation dictionaries leave short words unsplit (``every`` → 1 piece) and vowel groups
miss some splits (``cre-ate``), so taking the larger of the two errs less than either alone.
"""

from __future__ import annotations

import re
from functools import cache

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_cache: dict[str, int] = {}


@cache
def _hyphenator():  # noqa: ANN202 - pyphen is imported lazily
    """pyphen's ``en_US`` hyphenator, built once per process (pyphen parses its patterns then)."""
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def vowel_group_syllables(word: str) -> int:
    """Vowel groups, less a silent final ``e`` (``make``) or ``-ed`` (``saved``); at least 1."""
    letters = "".join(char for char in word.lower() if char.isalpha())
    if not letters:
        return 0
    count = len(_VOWEL_GROUPS.findall(letters))
    if count > 1 and letters.endswith("e") and not letters.endswith(("le", "ee", "ye")):
        count -= 1
    elif count > 1 and letters.endswith("ed") and letters[-3:-2] not in ("t", "d"):
        count -= 1
    return max(count, 1)


def syllables(word: str) -> int:
    """Syllables of one English word (cached per lower-cased word)."""
    lower = word.lower()
    cached = _cache.get(lower)
    if cached is None:
        estimate = vowel_group_syllables(lower)
        if estimate:
            pieces = 0
            for part in lower.split("-"):
                if part:
                    pieces += len(_hyphenator().positions(part)) + 1
            estimate = max(estimate, pieces)
        cached = _cache[lower] = estimate
    return cached
