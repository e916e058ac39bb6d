"""PL202 wordy.bureaucratic in context: the replacement in the form of the word it replaces.

The entries live in ``glossary/<lang>/wordy.yaml`` with the replacement in its dictionary form
("retain" → "keep", "tillämpa" → "använda, följa"). When the text has another form of the verb,
the replacement is given in that form, so it can be pasted: "is retained" → 'kept', "ensures" →
'makes sure', "deemed" → 'considered', "tillämpas" → 'används, följs', "inhämtade" → 'hämtade
in', "säkerställer" → 'ser till'. The form is read from the matched word against the entry's
phrase (:func:`~policygen.check.rules.pl2_verbs.en_form_of`, ``sv_form_of``); a form no rule
explains (an irregular past such as "erhöll", a noun such as "modification") keeps the
dictionary form. Words in parentheses ("behandla (vi behandlar …)") are left as written; an entry's
advice follows in the interface language ("uppfylla (eller säg vad ni gör)").
"""

from __future__ import annotations

from policygen.check.glossary_rules import Match, refiner
from policygen.check.rules import pl2_verbs as verbs


@refiner("PL202")
def wordy_in_context(match: Match) -> str | None:
    replacement = match.entry.replacement
    lowers = match.sentence.lowers
    matched = lowers[match.first]
    phrase = match.entry.phrase.lower().split()[0]
    return match.entry.suggestion(inflected(replacement, matched, phrase, match.document.lang))


def inflected(replacement: str, matched: str, phrase: str, lang: str) -> str:
    """``replacement`` in the form ``matched`` has of ``phrase`` (see the module's docstring)."""
    if matched == phrase or not replacement:
        return replacement
    if lang == "en":
        form = verbs.en_form_of(matched, phrase)
        if form in (None, "base"):
            return replacement
        inflect = lambda word: verbs.en_inflect(word, form)  # noqa: E731
    else:
        form = verbs.sv_form_of(matched, phrase)
        if form in (None, "infinitive"):
            return replacement
        inflect = lambda word: verbs.sv_inflect(word, form)  # noqa: E731
    head, bracket, tail = replacement.partition(" (")
    alternatives = [inflect(part.strip()) for part in head.split(",")]
    return ", ".join(alternatives) + (bracket + tail if bracket else "")
