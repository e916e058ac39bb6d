"""PL203 passive.voice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules import pl2_passive_words as words
from policygen.check.settings import Settings
from policygen.output import Finding

_BY = "by"
_STATE_WITH_PARTICLE = frozenset({"logged", "signed"})
_WRITTEN_DOWN = frozenset({("set", "out"), ("laid", "down"), ("laid", "out"), ("spelled", "out"), ("spelt", "out")})
_GET_IDIOMS = frozenset({"started", "involved", "married", "used", "lost", "dressed", "tired", "bored"})


class PassiveVoice(Rule):
    """A passive verb hides who does something with the reader's data.

    Why
    ---
    WP260 (the EU data protection authorities' transparency guidelines) asks for the active voice:
    "uppgifterna behandlas" and "your data is shared" do not say *who* processes or shares the
    data, and that is exactly what the reader needs to know. Naming the actor ("vi", "we", "our
    supplier") also makes the sentence shorter.

    What is flagged. Swedish: s-passives ("behandlas", "sparades", "har raderats", "ska lämnas
    ut") and bli-passives ("blir raderade", "blev inspelad"). Not flagged: deponent and reciprocal
    verbs ("finns", "hoppas", "lyckas", "trivs", "träffas", "ses", "märks", "behövs", "krävs"),
    verbs that name or define ("kallas", "avses", "menas"), genitives ("ärendets historik",
    "kundens", "ett företags") and nouns ending in -s ("webbplats", "process"). English: a form of
    "be" or "get" followed by a past participle ("is processed", "will be stored", "has been
    shared", "gets deleted"), with up to two adverbs between ("are automatically deleted"). Not
    flagged: adjectival participles that describe a state or attitude ("we are committed", "you are
    entitled", "is based in", "is located", "the data is required", "is needed", "when the case
    is closed", "we are interested", "if your parcel is delayed", "if your card is stolen"), unless
    "by" follows ("we are required by law"), which names an agent of a real passive; "delayed by
    an hour" gives an amount, not an agent. Swedish states after *bli* are not flagged either
    ("blir försenat", "blir stulet", "blir nöjd").

    Anti-pattern
    ------------
    Dina uppgifter behandlas för att ärendet ska kunna hanteras.
    Your data is stored and will be deleted after two years.

    Better
    ------
    Vi behandlar dina uppgifter för att kunna hjälpa dig med ärendet.
    We store your data and delete it after two years.
    """

    code = "PL203"
    name = "passive.voice"
    category = "passive"
    severity = "warning"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        find = _swedish if document.lang == "sv" else _english
        for sentence in document.sentences:
            for first, last, suggestion in find(sentence):
                start, end = sentence.words[first].start, sentence.words[last].end
                matched = sentence.block.text[start:end]
                message = f"'{matched}' is passive: say who does it."
                yield self.finding(sentence.block, start, end, message, suggestion)


def _swedish(sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    """``(first word, last word, suggestion)`` of each passive in a Swedish sentence."""
    lowers = [word.lower for word in sentence.words]
    texts = [word.text for word in sentence.words]
    skip_until = -1
    for index, lower in enumerate(lowers):
        if index <= skip_until:
            continue
        if index > 0 and texts[index][:1].isupper():
            continue  # a name mid-sentence ("Klarnas villkor")
        if lower in words.SV_BLI:
            participle = _next_content(lowers, index + 1, words.SV_ADVERBS)
            if participle is not None and words.sv_is_participle(lowers[participle]):
                skip_until = participle
                yield index, participle, _bli_suggestion(lowers[participle])
            continue
        previous = lowers[index - 1] if index > 0 else ""
        if words.sv_is_s_passive(lower, previous):
            yield index, index, f"say who does it: 'vi {words.sv_active_form(lower)} …'"


def _bli_suggestion(participle: str) -> str:
    """'blir raderade' → "say who does it: 'vi raderar …'" (a guess for -ad verbs only)."""
    for ending in ("ade", "ad", "at"):
        if participle.endswith(ending):
            return f"say who does it: 'vi {participle[: -len(ending)]}ar …'"
    return "say who does it: 'vi …'"


def _english(sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    """``(first word, last word, suggestion)`` of each be/get + participle in an English sentence."""
    lowers = [word.lower for word in sentence.words]
    index = 0
    while index < len(lowers):
        lower = lowers[index]
        if lower not in words.EN_BE and lower not in words.EN_GET:
            index += 1
            continue
        first = index
        following = index + 1
        while following < len(lowers) and lowers[following] in ("been", "being", "be"):
            following += 1
        participle = _next_content(lowers, following, words.EN_ADVERBS, adverb_suffix="ly")
        if participle is None or not words.en_is_participle(lowers[participle]):
            index += 1
            continue
        after = lowers[participle + 1] if participle + 1 < len(lowers) else ""
        if lower in words.EN_GET and lowers[participle] in _GET_IDIOMS:
            index = participle + 1
            continue  # "get started", "get involved": not passives
        if lowers[participle] in _STATE_WITH_PARTICLE and after in ("in", "on", "into", "out"):
            index = participle + 1
            continue  # "you are logged in": a state
        if (lowers[participle], after) in _WRITTEN_DOWN:
            index = participle + 1
            continue  # "are set out in the lease": where something is written, not who acts
        if lowers[participle] in words.EN_ADJECTIVAL and not _agent_follows(lowers, participle):
            index = participle + 1
            continue
        base = words.en_base_form(lowers[participle])
        yield first, participle, f"say who does it: 'we {base} …'"
        index = participle + 1


_AMOUNT_WORDS = frozenset({"a", "an", "one", "two", "three", "four", "five", "ten", "several", "about", "around", "almost"})
_UNITS = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
     "year", "years", "percent", "per", "cent"}
)


def _agent_follows(lowers: list[str], participle: int) -> bool:
    """Does "by" after the participle name an agent? "required by law" does; "delayed by an hour" and
    "delayed by 10 minutes" (numbers are not words) give an amount instead."""
    index = participle + 1
    if index >= len(lowers) or lowers[index] != _BY:
        return False
    index += 1
    while index < len(lowers) and lowers[index] in _AMOUNT_WORDS:
        index += 1
    return not (index < len(lowers) and lowers[index] in _UNITS)


def _next_content(lowers: list[str], start: int, adverbs: frozenset[str], adverb_suffix: str = "") -> int | None:
    """Index of the first word from ``start`` on that is not one of (at most two) adverbs."""
    index = start
    skipped = 0
    while index < len(lowers) and skipped < 2:
        lower = lowers[index]
        if lower in adverbs or (adverb_suffix and lower.endswith(adverb_suffix) and len(lower) > 4):
            index += 1
            skipped += 1
            continue
        break
    return index if index < len(lowers) else None
