"""PL207 changes.check_regularly."""

from __future__ import annotations

import re
from collections.abc import Iterable

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules.pl2_patterns import Guarded, first_match, may_hold, sentence_matches, trim_to_words, words_pattern
from policygen.check.settings import Settings
from policygen.output import Finding
from policygen.lang.messages import _

# How often: the reader is asked to come back on their own.
_OFTEN = {
    "sv": words_pattern(
        r"regelbundet", r"med jämna (?:mellanrum|intervall)", r"då och då", r"ibland", r"periodvis",
        r"löpande", r"fortlöpande", r"återkommande", r"emellanåt", r"kontinuerligt", r"ofta",
        r"varje gång du (?:besöker|använder|går in på)",
    ),
    "en": words_pattern(
        r"regularly", r"periodically", r"from time to time", r"frequently", r"often", r"occasionally",
        r"on a regular basis", r"at regular intervals", r"every time you (?:visit|use)",
        r"each time you (?:visit|use)", r"back", r"routinely", r"now and then",
    ),
}
# ... or looking out for changes, which is the same request without a frequency.
_FOR_CHANGES = {
    "sv": words_pattern(
        r"(?:för att se|för att ta del av|för att hålla koll på|efter|för|om det finns|om vi har gjort|"
        r"om det har skett)(?: \S+){0,3}? (?:ändring\w*|förändring\w*|uppdatering\w*)",
    ),
    "en": words_pattern(
        r"(?:for|to see|to learn about|to find out about|to be aware of|to stay informed (?:about|of)|"
        r"to keep up with|to stay aware of|to be informed of|to learn of)(?: \S+){0,3}? (?:changes?|updates?|"
        r"amendments?|modifications?|revisions?|latest version)",
    ),
}
# Every match of _OFTEN or _FOR_CHANGES holds one of these words.
_WHEN_WORDS = {
    "sv": ("regelbundet", "jämna", "då och då", "ibland", "periodvis", "löpande", "återkommande", "emellanåt",
           "kontinuerligt", "ofta", "varje gång du", "ändring", "uppdatering"),
    "en": ("regular", "periodically", "from time to time", "frequently", "often", "occasionally", "every time you",
           "each time you", "back", "routinely", "now and then", "change", "update", "amendment", "modification",
           "revision", "latest version"),
}
# Reading, visiting or checking the policy or the page.
_LOOK = {
    "sv": words_pattern(
        r"läs\w*", r"besök\w*", r"kontroller\w*", r"grans[kk]\w*", r"titta\w*", r"går? (?:\S+ ){0,2}?igenom",
        r"ser? (?:\S+ ){0,2}?över", r"ta del av", r"tar del av", r"hålla dig (?:uppdaterad|informerad|underrättad)",
        r"håll dig (?:uppdaterad|informerad|underrättad)", r"håller dig (?:uppdaterad|informerad|underrättad)",
        r"återkomma till", r"återvända till", r"hålla koll", r"håll koll", r"bevaka",
    ),
    "en": words_pattern(
        r"check\w*", r"review\w*", r"visit\w*", r"read\w*", r"consult\w*", r"look at", r"revisit\w*",
        r"refer to", r"return to", r"come back", r"stay (?:informed|up to date|updated|current)",
        r"keep (?:yourself )?(?:informed|up to date|updated)", r"monitor\w*",
    ),
}
# What to look at: the policy, the page, or changes to them.
_WHAT = {
    "sv": words_pattern(
        r"\w*polic\w*", r"sida", r"sidan", r"webbplats\w*", r"villkor\w*", r"ändring\w*", r"uppdatering\w*",
        r"information\w*", r"text\w*", r"dokument\w*", r"denna", r"den här",
    ),
    "en": words_pattern(
        r"\w*polic\w*", r"notice", r"statement", r"page", r"site", r"website", r"terms", r"changes?", r"updates?",
        r"document", r"back",
    ),
}
# Said to the reader: "du", "you", or an imperative at the start of the sentence.
_READER = {
    "sv": words_pattern(
        r"du", r"dig", r"ditt ansvar", r"ni", r"er", r"användare\w*", r"besökare\w*", r"kunder\w*",
        r"vi (?:rekommenderar|uppmanar|föreslår|ber)",
    ),
    "en": words_pattern(
        r"you", r"your", r"please", r"users?", r"visitors?", r"customers?", r"readers?",
        r"we (?:recommend|encourage|suggest|advise)",
    ),
}
_IMPERATIVE = {
    "sv": words_pattern(
        r"läs", r"besök", r"kontrollera", r"granska", r"titta", r"gå (?:\S+ ){0,2}?igenom", r"håll dig", r"se till att",
        r"glöm inte att", r"kom ihåg att",
    ),
    "en": words_pattern(
        r"check", r"review", r"visit", r"read", r"consult", r"revisit", r"come back", r"stay",
        r"be sure to", r"make sure to", r"remember to", r"don't forget to", r"do not forget to",
    ),
}
# An imperative after "so", "and" or a comma still speaks to the reader ("…, so check back").
_BEFORE_IMPERATIVE = re.compile(r"(?:\bso|\bså|\band|\boch|\bthen|\bsedan|[,;:])\s+$", re.IGNORECASE)
# "It is your responsibility to review …": the burden put on the reader, with or without "often".
_BURDEN = {  # every match holds one of the words after it
    "sv": Guarded(words_pattern(
        r"(?:det är|det åligger|det blir) (?:ditt|ert|användarens|besökarens|kundens) (?:eget )?ansvar att (?:\S+ ){0,3}?(?:läsa|kontrollera|hålla|ta del|"
        r"granska|besöka|se över|gå igenom|bevaka)",
        r"det åligger (?:dig|er|användaren|användarna|besökaren|besökarna|kunden|kunderna) att (?:\S+ ){0,3}?(?:läsa|kontrollera|hålla|ta del|granska|besöka|se över|"
        r"gå igenom|bevaka)",
        r"du (?:själv )?(?:ansvarar|har ansvar)(?: själv)? för att (?:\S+ ){0,3}?(?:läsa|kontrollera|hålla dig|ta del|granska|"
        r"besöka|se över|gå igenom|bevaka)",
    ), "ansvar", "åligger"),
    "en": Guarded(words_pattern(
        r"(?:it is|it's|it remains) (?:your|the user's|the visitor's|the customer's|each user's) (?:own |sole )?"
        r"responsibility to (?:\S+ ){0,3}?(?:review|check|read|visit|"
        r"stay|keep|monitor|consult|be aware)",
        r"(?:it is|it's) (?:up to you|incumbent (?:up)?on you) to (?:\S+ ){0,3}?(?:review|check|read|visit|"
        r"stay|keep|monitor|consult)",
        r"you are (?:solely )?responsible for (?:\S+ ){0,3}?(?:reviewing|checking|reading|visiting|"
        r"staying|keeping|monitoring)",
    ), "responsib", "up to you", "incumbent"),
}


class CheckRegularly(Rule):
    """Readers are told to check the policy for changes themselves.

    Why
    ---
    WP260 (paragraphs 29–33) calls "check this page regularly" insufficient and unfair: a
    controller must actively tell people about substantive changes (by e-mail, in the app, on
    the next login), and nobody re-reads a privacy policy on their own.

    What is flagged: a sentence addressed to the reader ("du", "you", an imperative, "please")
    that asks them to read, visit, check or review the page or policy regularly, from time to
    time or often ("läs denna policy regelbundet", "please check back frequently"), or to look
    for changes ("besök sidan för att se eventuella ändringar", "check this page for updates"), and any
    sentence making it the reader's responsibility to stay informed ("det är ditt ansvar att
    hålla dig uppdaterad", "it is your responsibility to review"). Not flagged: the controller
    reviewing its own policy ("vi ser över policyn regelbundet").

    Not flagged when the look and the frequency belong to different clauses ("Du kan besöka
    webbplatsen utan att …, men ibland krävs …") or when a program does the checking ("when it
    checks for updates").

    Anti-pattern
    ------------
    Vi rekommenderar att du regelbundet läser denna policy för att hålla dig informerad.
    Please check this page periodically for updates.

    Better
    ------
    Om vi ändrar något som påverkar dig skickar vi ett e-postmeddelande innan ändringen gäller.
    If we change anything that affects you, we will email you before the change takes effect.
    """

    code = "PL207"
    name = "changes.check_regularly"
    category = "check-regularly"
    severity = "warning"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        lang = document.lang
        if lang not in _OFTEN:
            return
        suggestion = _("tell people about changes yourself, for example by email")  # advice: the interface's language
        for sentence in document.sentences:
            span = _burden(sentence, lang) or _asked_to_look(sentence, lang)
            if span is None:
                continue
            start, end = trim_to_words(sentence, *span)
            message = _("Readers are asked to check for changes themselves; notify them of changes instead.")
            yield self.finding(sentence.block, start, end, message, suggestion)


def _burden(sentence: Sentence, lang: str) -> tuple[int, int] | None:
    return first_match(sentence, _BURDEN[lang])


_FOR = re.compile(r"\bfor\b", re.IGNORECASE)


def _about_the_text(sentence: Sentence, lang: str) -> bool:
    """Is the reader asked to look at the policy, the page or its changes? A bare "check back" is
    about the page, unless "for …" names something else ("check back often for new recipes")."""
    spans = list(sentence_matches(sentence, _WHAT[lang]))
    if not spans:
        return False
    text = sentence.block.text
    if lang == "en" and all(text[start:end].lower() == "back" for start, end in spans):
        return _FOR.search(text, spans[0][1], sentence.end) is None
    return True


def _asked_to_look(sentence: Sentence, lang: str) -> tuple[int, int] | None:
    if not may_hold(sentence.text, _WHEN_WORDS[lang]):
        return None  # neither how often nor changes: nothing is asked (most sentences)
    look = first_match(sentence, _LOOK[lang])  # first: the rarest of the two, one pattern instead of two
    if look is None:
        return None
    often = first_match(sentence, _OFTEN[lang]) or first_match(sentence, _FOR_CHANGES[lang])
    if often is None or not _about_the_text(sentence, lang):
        return None
    addressed = first_match(sentence, _READER[lang]) is not None
    if not addressed:
        imperative = first_match(sentence, _IMPERATIVE[lang])
        first_word = sentence.words[0] if sentence.words else None
        addressed = imperative is not None and first_word is not None and (
            imperative[0] == first_word.start
            or _BEFORE_IMPERATIVE.search(sentence.block.text[sentence.start : imperative[0]]) is not None
        )
    if not addressed:
        return None
    start, end = min(often[0], look[0]), max(often[1], look[1])
    if _CLAUSE_BREAK[lang].search(sentence.block.text[start:end]):
        return None  # "Du kan besöka … utan att …, men ibland krävs …": two clauses, no request
    if _THING_CHECKS[lang].search(sentence.block.text[sentence.start : look[0]]):
        return None  # "when it checks for browser updates": the software checks, not the reader
    return start, end


# A clause break between the look and the frequency: they belong to different statements.
_CLAUSE_BREAK = {"sv": re.compile(r"\b(?:men|utan att)\b", re.IGNORECASE), "en": re.compile(r"\b(?:but|without)\b", re.IGNORECASE)}
# The verb of looking has a thing as its subject right before it.
_THING_CHECKS = {
    "sv": re.compile(r"\b(?:den|det|programmet|appen|webbläsaren)\s+$", re.IGNORECASE),
    "en": re.compile(r"\b(?:it|the app|the browser|the software|firefox)\s+$", re.IGNORECASE),
}
