"""The measures' formulas, checked against values computed by hand."""

from __future__ import annotations

import math

import pytest

from policygen.check.measures import flesch_kincaid_grade, flesch_reading_ease, lix, ovix
from policygen.check.syllables import syllables, vowel_group_syllables


def test_lix() -> None:
    assert lix(33, 5, 5) == pytest.approx(33 / 5 + 100 * 5 / 33)
    assert lix(0, 0, 0) is None


def test_ovix() -> None:
    # 10 words, 8 unique: log(10) / log(2 - log(8)/log(10))
    assert ovix(10, 8) == pytest.approx(math.log(10) / math.log(2 - math.log(8) / math.log(10)))
    assert ovix(5, 5) is None  # every word different: log(1) = 0
    assert ovix(1, 1) is None


def test_flesch_formulas() -> None:
    # 100 words, 5 sentences, 150 syllables
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert flesch_kincaid_grade(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert flesch_reading_ease(0, 0, 0) is None


@pytest.mark.parametrize(
    ("word", "count"),
    [("we", 1), ("keep", 1), ("name", 1), ("saved", 1), ("wanted", 2), ("table", 2), ("privacy", 3),
     ("information", 4), ("e-mail", 2), ("controller", 3), ("organisation", 5), ("data", 2)],
)  # fmt: skip
def test_syllables_offline(word: str, count: int) -> None:
    assert syllables(word) == count


def test_vowel_groups_without_letters() -> None:
    assert vowel_group_syllables("123") == 0
