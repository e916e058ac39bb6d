"""PL211 nominalisation.density."""

from __future__ import annotations

from collections.abc import Iterable

from policygen.check.document import Document, Word
from policygen.check.rule import Rule
from policygen.check.settings import Option, Settings, Share
from policygen.output import Finding
from policygen.lang.messages import _

# Endings of nouns made from verbs and adjectives (behandling, tillhandahållande, säkerhet;
# processing is left out in English because -ing is mostly a verb form there).
_SUFFIXES = {
    "sv": ("ning", "ningen", "ningar", "ningarna", "ing", "ingen", "ingar", "ingarna", "else", "elsen",
           "het", "heten", "heter", "ande", "andet", "ende", "endet", "tion", "tionen", "tioner",
           "sion", "sionen", "itet", "iteten"),
    "en": ("tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence", "ences", "ity",
           "ities", "ness", "sal", "sals"),
}
_MIN_WORDS = 8
_MIN_NOUNS = 3
_NOT_NOUNS = frozenset({"ring", "ting", "ding", "king", "thing", "nothing", "something", "anything", "everything",
                        "ence", "hence", "since", "once", "sentence", "het", "ende", "ande"})


def _is_abstract_noun(word: Word, lang: str) -> bool:
    lower = word.lower
    return len(lower) > 5 and lower not in _NOT_NOUNS and lower.endswith(_SUFFIXES[lang])


class NounDensity(Rule):
    """A sentence is dense with abstract nouns; turn some of them back into verbs.

    Why
    ---
    A sentence made of nouns derived from verbs ("behandling", "tillhandahållande", "radering";
    "processing", "retention", "assessment") is slow to read and hides who does what. The
    Swedish nominal ratio (nominalkvot) measures this with part-of-speech tags; without a trained
    tagger this rule counts words with the typical endings (-ning, -ing, -het, -else, -ande,
    -tion; -tion, -sion, -ment, -ance, -ence, -ity, -ness) instead.

    Off by default: endings also match ordinary nouns ("tidning", "parent"), so the count is a
    hint, not a measure. Switch it on with the option `nominal-density` (a share of the words,
    for example 0.25): a sentence of at least 8 words with at least 3 such nouns making up that
    share or more is reported (severity info).

    Anti-pattern
    ------------
    Behandlingen sker för tillhandahållande av tjänsten och hantering av reklamationer.
    Retention of information is subject to the completion of the assessment.

    Better
    ------
    Vi använder uppgifterna för att ge dig tjänsten och hantera dina reklamationer.
    We keep the information until we have finished assessing it.
    """

    code = "PL211"
    name = "nominalisation.density"
    category = "nominalisation"
    severity = "info"
    options = {"nominal-density": Option(None, Share)}

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        share = settings.option(document.lang, "nominal-density")
        if not share or document.lang not in _SUFFIXES:
            return
        for sentence in document.sentences:
            words = sentence.words
            if len(words) < _MIN_WORDS:
                continue
            nouns = [word for word in words if _is_abstract_noun(word, document.lang)]
            if len(nouns) >= _MIN_NOUNS and len(nouns) / len(words) >= float(share):
                listed = ", ".join(word.text for word in nouns)
                message = _("{nouns} of {words} words are abstract nouns ({listed}): use verbs.").format(
                    nouns=len(nouns), words=len(words), listed=listed)
                yield self.finding(sentence.block, words[0].start, words[-1].end, message)
