"""PL212 vague.may_be_done."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules import pl2_passive_words as words
from policygen.check.rules.pl2_patterns import word_set
from policygen.check.settings import Settings
from policygen.output import Finding

_SV_MODALS = word_set("kan kunna kunde")
_SV_NEGATIONS = word_set("inte aldrig ej icke")
_SV_GAP = 4  # words allowed between "kan" and the passive ("kan dina uppgifter även överlåtas")
_EN_MODALS = word_set("can could")
# Handling of data that "can be done" to it: possibility presented where a fact is owed.
_EN_DATA_PARTICIPLES = word_set(
    """
    shared disclosed transferred used processed collected combined sold passed sent provided
    accessed stored kept retained given transmitted rented matched linked analysed analyzed
    monitored recorded published exchanged traded forwarded released moved
    """
)

# The same for Swedish, as the stems of s-passives ("delas", "överläts", "har samkörts"): a form
# that can be downloaded or a door that can be opened is not about the reader's data.
_SV_DATA_STEMS = (
    "del", "lämna", "utlämna", "överlåt", "överläm", "överför", "använd", "behandl", "saml", "spar",
    "lagr", "sälj", "såld", "skick", "kombiner", "samkör", "analyser", "registrer", "publicer",
    "flytt", "vidarebefordr", "utbyt", "spela", "övervak", "länka", "matcha", "hämta", "inhämta",
    "röj", "sprid", "kopier", "bevar", "ges", "gavs", "getts", "visa", "läsa", "läses", "lästs",
    "profiler", "tillgängliggör", "överlämn",
)

class MayBeDone(Rule):
    """Something "can be done" to the reader's data: say whether it is done.

    Why
    ---
    "Dina uppgifter kan överlåtas till köparen" and "your data can be shared with partners" state
    a possibility, not what happens: the reader cannot tell whether their data is shared, and by
    whom. WP260 lists such indefinite statements with "may" and "kan komma att"; the passive
    adds a hidden actor. PL201 catches "may" and "kan komma att"; this rule catches the same
    vagueness written with "kan" (Swedish) or "can"/"could" (English) and a passive verb.

    What is flagged. Swedish: "kan", "kunna" or "kunde" followed within four words by an
    s-passive of handling data ("kan delas", "kan dina uppgifter överlåtas"), unless negated ("kan
    inte delas"); "blanketten kan laddas ned" or "dörren kan öppnas" is not flagged.
    English: "can be" or "could be" followed by a participle of handling data ("can be shared",
    "could be transferred"); "can be found" or "can be reached" is not flagged.

    Anti-pattern
    ------------
    Om vi säljer verksamheten kan dina uppgifter överlåtas till köparen.
    Your data can be shared with our partners.

    Better
    ------
    Om vi säljer verksamheten får köparen dina uppgifter. Vi meddelar dig innan det sker.
    We share your name and order history with our delivery partner, PostNord.
    """

    code = "PL212"
    name = "vague.may_be_done"
    category = "vague"
    severity = "warning"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        find = _swedish if document.lang == "sv" else _english
        for sentence in document.sentences:
            for first, last in find(sentence):
                start, end = sentence.words[first].start, sentence.words[last].end
                matched = sentence.block.text[start:end]
                message = f"'{matched}' only says it can happen: say whether you do it."
                suggestion = "säg vad som händer: 'vi delar …'" if document.lang == "sv" else "say what happens: 'we share …'"
                yield self.finding(sentence.block, start, end, message, suggestion)


def _swedish(sentence: Sentence) -> Iterator[tuple[int, int]]:
    lowers = [word.lower for word in sentence.words]
    index = 0
    while index < len(lowers):
        if lowers[index] not in _SV_MODALS:
            index += 1
            continue
        found = None
        for ahead in range(index + 1, min(index + 1 + _SV_GAP + 1, len(lowers))):
            lower = lowers[ahead]
            if lower in _SV_NEGATIONS or lower in _SV_MODALS or lower in ("komma", "att"):
                break  # negated, or "kan komma att" (PL201 reports that)
            if sentence.words[ahead].text[:1].isupper():
                continue
            if words.sv_is_s_passive(lower, lowers[ahead - 1]):
                if lower.startswith(_SV_DATA_STEMS):
                    found = ahead
                break
        if found is None:
            index += 1
            continue
        yield index, found
        index = found + 1


def _english(sentence: Sentence) -> Iterator[tuple[int, int]]:
    lowers = [word.lower for word in sentence.words]
    for index in range(len(lowers) - 2):
        if lowers[index] in _EN_MODALS:
            following = index + 1
            if lowers[following] in ("also", "then", "easily", "sometimes"):
                following += 1
            if following + 1 < len(lowers) and lowers[following] == "be" and lowers[following + 1] in _EN_DATA_PARTICIPLES:
                yield index, following + 1
