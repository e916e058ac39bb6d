"""PL208 purpose.vague in context: a vague purpose that is denied is not a purpose.

The entries live in ``glossary/<lang>/vague-purpose.yaml``; this module drops a match when a
negation comes before it in its clause: "Uppgifterna lämnas inte ut … för marknadsföringsändamål
eller andra syften", "will not be used for other purposes" say what does *not* happen, which is
as specific as a notice can be. A list item counts as negated when the sentence that
introduces its list is ("We will not:" + "- share your data with third parties for marketing
purposes").

A purpose followed by its examples is not vague either: "for analytics and statistical purposes
such as conversion rate testing", "för statistikändamål, till exempel att räkna besök" say which
analysis is meant.
"""

from __future__ import annotations

from policygen.check.glossary_rules import Match, refiner
from policygen.check.rules.pl2_context import context_of
from policygen.check.rules.pl2_patterns import word_set

NEGATIONS = word_set("inte ej aldrig icke ingen inget inga not never no nor neither")
CLAUSE_BREAKS = word_set("men utan but however although medan whereas")
EXAMPLES = {
    "sv": [("till", "exempel"), ("t.ex.",), ("såsom",), ("exempelvis",), ("som", "till", "exempel")],
    "en": [("such", "as"), ("for", "example"), ("e.g.",), ("for", "instance"), ("including",), ("like",)],
}


VAGUE_EXAMPLES = (
    "analy", "statisti", "improv", "förbättr", "business", "verksamhet", "marketing", "marknadsför", "audit",
    "other", "andra", "general", "allmän", "internal", "intern",
)


def examples_follow(lowers: list[str], last: int, lang: str) -> bool:
    """Do concrete examples follow within five words of the purpose ("… purposes such as
    conversion rate testing")? Examples as vague as the purpose ("such as auditing and
    analytics") do not count."""
    window = lowers[last + 1 : last + 6]
    for marker in EXAMPLES.get(lang, ()):
        for index in range(len(window) - len(marker) + 1):
            if tuple(window[index : index + len(marker)]) == marker:
                examples = lowers[last + 1 + index + len(marker) : last + 1 + index + len(marker) + 6]
                return not any(word.startswith(VAGUE_EXAMPLES) for word in examples)
    return False


def negated(lowers: list[str], first: int) -> bool:
    """Does a negation come before word ``first`` in its clause ("… inte … för andra syften")?"""
    for word in reversed(lowers[:first]):
        if word in CLAUSE_BREAKS:
            return False
        if word in NEGATIONS:
            return True
    return False


@refiner("PL208")
def purpose_in_context(match: Match) -> str | None:
    if negated(match.sentence.lowers, match.first):
        return None
    if examples_follow(match.sentence.lowers, match.last, match.document.lang):
        return None  # "for analytics and statistical purposes such as conversion rate testing"
    intro = context_of(match.document).list_intro(match.sentence.block)
    if intro is not None and negated(intro.lowers, len(intro.lowers)):
        return None  # "We will not:" + "- share your data … for marketing purposes"
    return match.entry.suggestion()
