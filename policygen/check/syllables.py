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
    """pyphen's ``en_US`` hyphenator, its patterns read through the JSON cache of glossaries.

    pyphen parses its 11,000 patterns on every start (0.04 s); from the cache they load in a few
    milliseconds into pyphen's own dictionary cache, as the same patterns. Patterns pyphen would
    not store as plain numbers are never cached.
    """
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    if path not in pyphen.hdcache:
        from policygen.check.glossary_files import read_cached

        patterns = read_cached(path, _plain_patterns, kind=f"pyphen {pyphen.__version__}")
        if isinstance(patterns, dict) and patterns:
            hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
            hyph_dict.patterns = {key: (start, tuple(values)) for key, (start, values) in patterns.items()}
            hyph_dict.cache = {}
            hyph_dict.maxlen = max(len(key) for key in hyph_dict.patterns)
            pyphen.hdcache[path] = hyph_dict
    return pyphen.Pyphen(lang="en_US")


def _plain_patterns(path) -> dict[str, list] | None:  # noqa: ANN001 - a pathlib.Path from pyphen
    """pyphen's parsed patterns of ``path`` as JSON data, or ``None`` when one is not a plain number."""
    import pyphen

    patterns = pyphen.HyphDict(path).patterns
    if any(type(value) is not int for _, values in patterns.values() for value in values):
        return None
    return {key: [start, list(values)] for key, (start, values) in patterns.items()}


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
