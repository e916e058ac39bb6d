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
a pronoun or a clause with its own verb ("ensure the service is adequate") it stays as it is. The noun phrase ends at a comma or, in
Swedish, at the inverted main clause after a fronted adverbial ("För att säkerställa tjänstens
integritet kan vi …" → 'trygga').

Held-out round 6 showed replacements that do not fit the words after them; the words around the
match choose another one (:func:`_sense_by_punctuation`: "såsom" after a comma, "in case of"
before a plural, "effects concerning", "for the duration of X, which"), or advice where any paste
would change what the sentence says (:func:`_no_paste`).
"""

from __future__ import annotations

from policygen.check.document import Sentence
from policygen.check.glossary_rules import Advice, Match, refiner
from policygen.check.rules import pl2_verbs as verbs
from policygen.lang.messages import N_, _


@refiner("PL202")
def wordy_in_context(match: Match) -> str | None:
    replacement = match.entry.replacement
    lowers = match.sentence.lowers
    matched = lowers[match.first]
    phrase = match.entry.phrase.lower().split()[0]
    lang = match.document.lang
    takers = _CLAUSE_TAKERS.get(lang, {})
    if replacement in takers and not matched.endswith(_NOT_ACTIVE[lang]) and _noun_phrase_object(
            lowers[: _clause_end(match.sentence, match.last + 1, lang)], match.last + 1, lang):
        replacement = takers[replacement]
    advice = _no_paste(match, lang)
    if advice:
        return advice
    replacement = (
        _sense_in_sentence(lowers, match.first, match.last, match.entry.phrase.lower(), lang)
        or _sense_by_punctuation(match, lang)
        or replacement
    )
    return match.entry.suggestion(inflected(replacement, matched, phrase, lang))


def _between(match: Match, before: int) -> str:
    """The text between word ``before - 1`` and word ``before`` of the match's sentence (the
    punctuation the word list does not keep)."""
    words = match.sentence.words
    if before <= 0 or before >= len(words):
        return ""
    return match.sentence.block.text[words[before - 1].end : words[before].start]


def _clause_end(sentence: Sentence, after: int, lang: str) -> int:
    """Where the words that may belong to an object of the verb end: at a comma ("ensure the
    integrity of the service, we retain …": "we" opens the main clause), and in Swedish at a
    finite verb with its subject after it ("För att säkerställa tjänstens integritet kan vi …":
    the main clause after a fronted adverbial; a clause after the verb would say "vi kan")."""
    words, lowers, text = sentence.words, sentence.lowers, sentence.block.text
    for index in range(after, len(words)):
        if index > after and "," in text[words[index - 1].end : words[index].start]:
            return index
        if lang == "sv" and index > after and lowers[index] in _CLAUSE_MARKS["sv"] \
                and index + 1 < len(lowers) and lowers[index + 1] in _SV_SUBJECTS:
            return index
    return len(words)


_SV_SUBJECTS = frozenset("du vi de den det man jag hen ni".split())


def _sense_by_punctuation(match: Match, lang: str) -> str | None:
    """The replacement where the words around the match decide it (held-out round 6's judges):
    "såsom" right after a comma is 'till exempel' ("med vår server, som datum …" reads "som" as a
    relative pronoun on "server"); "in case of" / "in the event of" before a plural is 'if there
    are'; "concerning" after "effects"/"impact" is 'on' ("legal effects concerning you" → 'on
    you', not 'about you'); "Additionally," opening a sentence is 'also'; "for the duration of X,
    which …" is 'for the length of' ("which" refers to the duration; 'during X, which …' would make
    it refer to X). ``None`` keeps the entry's replacement."""
    lowers, first, last = match.sentence.lowers, match.first, match.last
    phrase = match.entry.phrase.lower()
    following = lowers[last + 1 : last + 5]
    if lang == "sv":
        if phrase == "såsom" and "," in _between(match, first):
            return "till exempel"
        return None
    if phrase == "in the event of":
        noun = next((word for word in following if word not in _EN_DETERMINERS), "")
        return "if there are" if _en_plural(noun) else None
    if phrase == "concerning" and first and lowers[first - 1] in _EN_EFFECTS:
        return "on"
    if phrase == "additional" and lowers[first] == "additionally" and first == 0:
        return "also"
    if phrase == "for the duration of":
        ends = [index for index in range(last + 2, min(last + 5, len(lowers)))
                if lowers[index] == "which" and "," in _between(match, index)]
        return "for the length of" if ends else None
    return None


_EN_DETERMINERS = frozenset("a an the any some such".split())
_EN_EFFECTS = frozenset("effect effects impact impacts".split())


def _en_plural(word: str) -> bool:
    """A plural noun by its ending ("disputes", "questions"), not "abuse", "access", "status"."""
    return len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _no_paste(match: Match, lang: str) -> str | None:
    """Advice instead of a replacement where every paste would change what the sentence says
    (held-out round 6): "samt" that joins a higher level than an "och" just before it
    (:func:`_joins_above_och`), and "Additionally" in a sentence that says
    "also" as well (the word is only doubled: leave it out)."""
    lowers, first = match.sentence.lowers, match.first
    phrase = match.entry.phrase.lower()
    if lang == "sv" and phrase == "samt" and _joins_above_och(match):
        return Advice(_(SUGGEST_LIST_LEVEL))
    if lang == "en" and phrase == "additional" and lowers[first] == "additionally" and "also" in lowers[first + 1 :]:
        return Advice(_(SUGGEST_LEAVE_OUT))
    return None


def _joins_above_och(match: Match) -> bool:
    """Does "samt" join a noun phrase with its own determiner to words already joined by "och",
    with no comma between ("när du loggar in och skickar data samt den IP-adress …")? 'och' there
    would attach the new phrase to the nearer "och" part (the reader would send the IP address).
    A list of bare nouns ("knappar och menyer samt sessionslängd") or a comma before "samt" keeps
    'och'."""
    lowers, first = match.sentence.lowers, match.first
    if first + 1 >= len(lowers) or lowers[first + 1] not in _SV_DETERMINERS or "," in _between(match, first):
        return False
    for index in range(first - 1, max(-1, first - 5), -1):
        if "," in _between(match, index + 1):
            return False
        if lowers[index] == "och":
            return True
    return False


_SV_DETERMINERS = frozenset("den det de denna detta dessa".split())
SUGGEST_LIST_LEVEL = N_("split the list or the sentence: 'och' here would join the wrong words")
SUGGEST_LEAVE_OUT = N_("leave the word out: the sentence says 'also'")


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
