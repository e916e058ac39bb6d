"""How much a text of the description changed: not at all, its form, its spelling, or its wording.

A tool cannot tell a clearer sentence from one that says something new, so only two kinds of
edit count as editorial: a change of form (punctuation, spacing, capital letters, hyphenation)
and the correction of a few misspelt words. Everything else is *wording*, and the change is
substantive until a person has read it. WP260 rev.01 (paras. 29–31) asks for an active notice
of substantive or material changes, and does not count corrections of spelling or style among
them.

A corrected misspelling is a word replaced by one close to it in writing: at most two edits
(letters inserted, deleted, replaced or two swapped), in a word of at least five letters (in a
short word one letter makes another word: *sell*/*tell*, *dag*/*dam*), at most two such words in
a text, and never a number (*24 months* → *36 months* is a new fact, not a typo).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from enum import IntEnum

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_MISSPELT_WORDS = 2
MIN_MISSPELT_LENGTH = 5
MAX_EDITS = 2


class TextChange(IntEnum):
    """How a text changed, in increasing order of what it can mean for a reader."""

    same = 0
    form = 1  # punctuation, spacing, capital letters, hyphens
    spelling = 2  # a few misspelt words corrected
    wording = 3  # anything else: the text may say something new


def words(text: str) -> list[str]:
    """The words of ``text``, NFC-normalised and case-folded, without punctuation."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def compare_text(old: str | None, new: str | None) -> TextChange:
    """How ``old`` became ``new``; a text that appears or disappears is a change of wording."""
    if old == new:
        return TextChange.same
    if old is None or new is None:
        return TextChange.wording
    if unicodedata.normalize("NFC", old) == unicodedata.normalize("NFC", new):
        return TextChange.same
    before, after = words(old), words(new)
    if before == after or "".join(before) == "".join(after):
        return TextChange.form
    if _misspellings_only(before, after):
        return TextChange.spelling
    return TextChange.wording


def compare_texts(old: Mapping[str, str] | None, new: Mapping[str, str] | None) -> TextChange:
    """The largest change over the languages both versions of a text have.

    A translation added with a new language is not a change of the text: the language's
    arrival is reported once, on its own.
    """
    if old is None or new is None:
        return TextChange.same if old is new else TextChange.wording
    common = [lang for lang in new if lang in old]
    return max((compare_text(old[lang], new[lang]) for lang in common), default=TextChange.same)


def _misspellings_only(before: list[str], after: list[str]) -> bool:
    if len(before) != len(after):
        return False
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    if not changed or len(changed) > MAX_MISSPELT_WORDS:
        return False
    return all(_close_spelling(a, b) for a, b in changed)


def _close_spelling(old: str, new: str) -> bool:
    if any(char.isdigit() for char in old + new):
        return False
    if min(len(old), len(new)) < MIN_MISSPELT_LENGTH:
        return False
    return edit_distance(old, new) <= MAX_EDITS


def edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance: insertions, deletions, replacements, adjacent swaps."""
    previous_row: list[int] | None = None
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        before_row, row = row, [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            cost = 0 if a == b else 1
            row[j] = min(before_row[j] + 1, row[j - 1] + 1, before_row[j - 1] + cost)
            if (previous_row is not None and i > 1 and j > 1 and a == second[j - 2]
                    and first[i - 2] == b):
                row[j] = min(row[j], previous_row[j - 2] + 1)
        previous_row = before_row
    return row[-1]
