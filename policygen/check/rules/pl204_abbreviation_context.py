"""PL204 abbreviation.decode in context: an abbreviation being defined needs no decoding.

The entries live in ``glossary/<lang>/abbreviations.yaml``; this module drops a match written in
parentheses right after its expansion ("Dataskyddsombud (DSO)", "The Data Protection Officer
(DPO)"): that is where the reader learns it.
"""

from __future__ import annotations

from policygen.check.glossary_rules import Match, refiner


@refiner("PL204")
def abbreviation_in_context(match: Match) -> str | None:
    sentence = match.sentence
    words = sentence.words
    text = sentence.block.text
    start, end = words[match.first].start, words[match.last].end
    if text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")") and match.first > 0:
        return None
    return match.entry.suggestion()
