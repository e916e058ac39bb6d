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

A replacement that takes a clause ("make sure" for "ensure", "se till" for "säkerställa") is
changed when an active verb has a noun phrase as its object: "ensure our website's technical
functionality" → 'make sure of' (not 'make sure our website's …'), "säkerställa tjänstens
funktion" → 'trygga' ("se till tjänstens funktion" means looking after it). Before "that"/"att",
a pronoun or a clause with its own verb ("ensure the service is adequate") it stays as it is.
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
    lang = match.document.lang
    takers = _CLAUSE_TAKERS.get(lang, {})
    if replacement in takers and not matched.endswith(_NOT_ACTIVE[lang]) and _noun_phrase_object(lowers, match.last + 1, lang):
        replacement = takers[replacement]
    replacement = _sense_in_sentence(lowers, match.first, match.last, match.entry.phrase.lower(), lang) or replacement
    return match.entry.suggestion(inflected(replacement, matched, phrase, lang))


def _sense_in_sentence(lowers: list[str], first: int, last: int, phrase: str, lang: str) -> str | None:
    """The replacement an entry takes in this sentence when its usual one does not fit there
    (round 3's judges): "fungera ändamålsenligt" → 'som det ska' ("fungera lämpligt" is not
    idiomatic), "med stöd av ditt samtycke" → 'med' (a legal basis is not "enligt ditt
    samtycke"), "såsom själva debatten" → 'liksom' (a comparison, not examples), "tillämpar
    [åtgärder]" → 'vidta, använda' ("följer åtgärder" is the wrong sense), and "ovannämnda"
    before a plural noun → 'dessa'. ``None`` keeps the entry's replacement."""
    before = lowers[first - 1] if first > 0 else ""
    following = lowers[last + 1 : last + 4]
    if lang == "sv":
        if phrase == "ändamålsenligt" and before.startswith("fungera"):
            return "som det ska"
        if phrase == "med stöd av" and "samtycke" in following:
            return "med"
        if phrase == "såsom" and following and following[0] in _SV_DEFINITE_STARTS:
            return "liksom"
        if phrase == "tillämpa" and any("åtgärd" in word for word in lowers):
            return "vidta, använda"
        if phrase == "ovannämnda" and not lowers[last].endswith("a"):
            return None
        if phrase == "ovannämnda" and following and following[0].endswith(_SV_PLURAL_ENDINGS):
            return "dessa"
        if phrase == "ovannämnda":
            return "denna, detta"
    return None


# Words that after "såsom" make a comparison with something already named ("såsom själva
# debatten": 'liksom'); a possessive or a bare noun gives examples ("såsom ditt namn": 'till exempel').
_SV_DEFINITE_STARTS = frozenset("själva denna detta dessa".split())
# Plural endings of Swedish nouns after a definite adjective ("uppgifter", "rättigheter", "personerna").
_SV_PLURAL_ENDINGS = ("er", "ar", "or", "na")


# Replacements that take a clause, and their form before a noun phrase.
_CLAUSE_TAKERS = {"en": {"make sure": "make sure of"}, "sv": {"se till": "trygga"}}
# Endings of forms that are not an active verb with an object (passives, nouns).
_NOT_ACTIVE = {"en": ("ment",), "sv": ("s", "ande", "andet")}
# Words that begin or mark a clause: "that", a subject pronoun, a finite verb of the clause.
_CLAUSE_MARKS = {
    "en": frozenset(
        "that you we they it he she i there is are was were has have will can may must remains remain stays "
        "stay works work gets get does do it's it’s they're they’re you're you’re we're we’re there's there’s "
        "that's that’s he's he’s she's she’s".split()
    ),
    "sv": frozenset("att du vi de den det man jag hen är blir har kan ska får fungerar sker finns".split()),
}
_CLAUSE_REACH = 8


def _noun_phrase_object(lowers: list[str], after: int, lang: str) -> bool:
    """Does a noun phrase follow, with no clause ("ensure our website's technical functionality",
    "ensuring the security of …"), rather than "ensure that …", "ensure you get …", "ensure the
    service is adequate"?"""
    window = lowers[after : after + _CLAUSE_REACH]
    if not window:
        return False
    return not any(
        word in _CLAUSE_MARKS[lang] and not (word in _NOUN_TOO.get(lang, ()) and "of" in window[:index])
        for index, word in enumerate(window)
    )


# Clause marks that are also nouns: after an "of" phrase ("the quality of the preparation, work
# and …") they are read as nouns, not as the verb of a clause ("ensure the service works").
_NOUN_TOO = {"en": frozenset("work works stay get do".split())}


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
