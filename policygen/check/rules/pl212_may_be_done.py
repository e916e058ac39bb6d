"""PL212 vague.may_be_done."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules import pl2_passive_words as words
from policygen.check.rules import pl2_verbs as verbs
from policygen.check.rules.pl2_context import context_of, decided_question, describes_technology
from policygen.check.rules.pl2_patterns import word_set
from policygen.check.settings import Settings
from policygen.output import Finding
from policygen.lang.messages import N_, _

_SV_MODALS = word_set("kan kunna kunde")
_SV_NEGATIONS = word_set("inte aldrig ej icke")
# "kan endast användas med ditt samtycke": a restriction, stated as a rule, not a possibility.
_SV_RESTRICTIONS = word_set("endast bara enbart uteslutande")
_SV_GAP = 4  # words allowed between "kan" and the passive ("kan dina uppgifter även överlåtas")
_EN_MODALS = word_set("can could")
# Handling of data that "can be done" to it: possibility presented where a fact is owed.
_EN_DATA_PARTICIPLES = verbs.EN_DATA_PARTICIPLES
_SV_DATA_STEMS = verbs.SV_DATA_STEMS


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
    "could be transferred"); "can be found" or "can be reached" is not flagged. Only in a
    sentence that speaks of data (uppgifter, information, namn, e-post, samtal, vanor …; data,
    details, calls, it, them …): "Förslag kan skickas till oss" gives the reader a way to send
    suggestions. The suggestion is the verb of the sentence in the active: "kan delas" → 'vi delar
    …', "kan härledas" → 'vi härleder …', "can be shared" → 'we share …'. Where the same words are
    also a passive (PL203), this finding is the one the user sees.

    Not flagged either: a purpose clause ("så att dina uppgifter kan skickas", "so that your
    records can be transferred": why something stated as a fact is done), a restriction ("kan
    endast användas med ditt samtycke"), or a subject that is not data ("Denna metod kan användas
    när …", "This method can be used when …": what a service allows).

    Nor a passive whose agent is named ("kan delas av Google", "can be shared by Google": what
    another party can do; "av oss"/"by us" is the writer and stays flagged), nor a general
    description of a technology, whose subject is the kind and not the writer
    ("Kakor kan sparas permanent på användarens enhet", "Cookies can be stored on the device
    for years"): it says what such things can do; "Dina uppgifter i kakorna kan sparas" is the
    reader's data and stays flagged.

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
    severity = "info"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        find = _swedish if document.lang == "sv" else _english
        context = context_of(document)
        for sentence in document.sentences:
            if not _may_hedge_data(sentence, document.lang):
                continue
            for first, last in find(sentence):
                start, end = sentence.words[first].start, sentence.words[last].end
                matched = sentence.block.text[start:end]
                message = _(MESSAGE).format(matched=matched)
                # "Google kan komma att överföra uppgifterna. De kan också lagras …": Google, not us
                actor = None if context.named_party_acts(sentence, first) else context.actor
                yield self.finding(sentence.block, start, end, message,
                                   _suggestion(sentence, first, last, actor, document.lang))


MESSAGE = N_("'{matched}' only says it can happen: say whether you do it.")
SUGGESTION = N_("say what happens: '{actor} {verb} …'")
SUGGESTION_INVERTED = N_("say what happens: '{clause} …'")
"""The same where the verb comes before its subject ("Om vi säljer verksamheten kan dina
uppgifter överlåtas" → 'överlåter vi …'): ``clause`` holds the verb with the pronoun after it."""
_DATA_WORDS = {
    "sv": ("uppgift", "personuppgift", "information", "data", "namn", "adress", "e-post", "mejl", "nummer",
           "historik", "kontakt", "profil", "konto", "inspelning", "bild", "kakor", "cookie", "logg", "ip-adress",
           "samtal", "meddelande", "ärende", "svar", "dokument", "vanor", "beteende", "intressen", "köp"),
    "en": ("data", "information", "detail", "name", "address", "email", "e-mail", "number", "history",
           "contact", "profile", "account", "record", "cookie", "log", "identifier", "it", "they", "them",
           "call", "message", "conversation", "document", "file", "habit", "behaviour", "behavior", "interest",
           "purchase",
           "this", "these", "such"),
}
_SV_PRONOUNS = ("de", "den", "det", "dessa", "detta", "dem", "sådana", "sådan")


def may_be_done(sentence: Sentence, lang: str) -> list[tuple[int, int]]:
    """``(first, last)`` word spans this rule reports in ``sentence`` (PL203 asks it: a passive
    after "kan"/"can" is ability or permission unless it is the handling of data found here)."""
    if not _may_hedge_data(sentence, lang):
        return []
    return list((_swedish if lang == "sv" else _english)(sentence))


def _may_hedge_data(sentence: Sentence, lang: str) -> bool:
    """Can the sentence hold a finding: a "kan"/"can" (absent from most sentences, decided in C
    first) in a sentence about data?"""
    modals = _SV_MODALS if lang == "sv" else _EN_MODALS
    return not modals.isdisjoint(sentence.lowers) and _about_data(sentence, lang)


def _about_data(sentence: Sentence, lang: str) -> bool:
    """Does the sentence speak of data (or of it, them)? "Förslag kan skickas till …" gives the
    reader a way to send suggestions: nothing is done with their data. A general description of
    a technology ("Kakor kan sparas permanent på enheten", "Cookies can be stored for years")
    says what such things can do, not what the writer does with the reader's data."""
    if describes_technology(sentence, lang):
        return False
    stems = _DATA_WORDS[lang]
    return any(lower.startswith(stems) or (lang == "sv" and lower in _SV_PRONOUNS) for lower in sentence.lowers)


def _suggestion(sentence: Sentence, first: int, last: int, actor: str | None, lang: str) -> str:
    """'kan delas' → 'vi delar …', 'can be shared' → 'we share …': the verb of the sentence;
    'överlåter vi …' where the modal came before its subject ("Om vi säljer verksamheten kan
    dina uppgifter överlåtas"). No ``actor`` (a named party acts): '… delar …', '… shares …'."""
    lower = sentence.lowers[last]
    if actor is None:
        verb = verbs.sv_present_of_infinitive(verbs.sv_active(lower, "infinitive")) if lang == "sv" \
            else verbs.en_third_person(verbs.en_base_form(lower))
        return _(SUGGESTION).format(actor="…", verb=verb)
    if lang == "sv":
        verb = verbs.sv_present_of_infinitive(verbs.sv_active(lower, "infinitive"))  # "användas" → "använder"
        following = sentence.lowers[last + 1] if last + 1 < len(sentence.lowers) else ""
        if following in verbs.SV_PARTICLES:
            verb = f"{verb} {following}"
        finite = first - 1 if first and sentence.lowers[first - 1] in verbs.SV_MODALS else first  # "skulle kunna"
        if finite + 1 < len(sentence.words):
            between = sentence.block.text[sentence.words[finite].end : sentence.words[finite + 1].start]
            if verbs.sv_verb_first(sentence.lowers, finite, "," in between):
                head, _space, rest = verb.partition(" ")
                return _(SUGGESTION_INVERTED).format(clause=" ".join(filter(None, [head, actor, rest])))
    else:
        verb = verbs.en_base_form(lower)
    return _(SUGGESTION).format(actor=actor, verb=verb)


# "… så att uppgifterna kan överföras", "… so that the data can be transmitted": the purpose of
# what the sentence says is done, not a hedge about whether it is done.
_PURPOSE_CLAUSE = {"sv": [("så", "att"), ("för", "att")], "en": [("so", "that"), ("in", "order", "that")]}
_PURPOSE_REACH = 6  # words between "så att" and the modal ("så att officiella personuppgifter kan")
# Determiners of a subject, which say nothing about what it is ("Denna metod", "This method").
_DETERMINERS = word_set("denna detta dessa den det de en ett this that these those the a an")
_SUBJECT_REACH = 6


def _possibility_of_data(sentence: Sentence, modal: int, verb: int, lang: str) -> bool:
    """Is "kan … -s" / "can be …" a possibility about data, not a purpose or a method?

    Not in a purpose clause ("så att officiella personuppgifter kan överföras", "so that data
    can be transmitted": why something is done, which the main clause states as a fact), and not
    when the subject names something other than data ("Denna metod kan användas när …", "This
    method can be used when …": what a service allows). The subject is read before the modal, or
    between the modal and the verb where the verb comes first ("Om vi säljer verksamheten kan
    dina uppgifter överlåtas")."""
    lowers = sentence.lowers
    text, words = sentence.block.text, sentence.words
    start = max(0, modal - _PURPOSE_REACH - 2)
    for marker in _PURPOSE_CLAUSE[lang]:
        for index in range(start, modal - len(marker) + 1):
            if marker == ("för", "att") and lowers[modal] != "kunna":
                continue  # "för att … ska kunna överföras"; "för att" before "kan" is another clause
            if tuple(lowers[index : index + len(marker)]) == marker:
                between = text[words[index].start : words[modal].start]
                if not any(mark in between for mark in ",;:"):
                    return False
    inside = lowers[modal + 1 : verb]
    if _names_data(inside, lang, last_is_pronoun=True):
        return True
    before: list[str] = []
    for index in range(modal - 1, max(-1, modal - 1 - _SUBJECT_REACH), -1):
        before.insert(0, lowers[index])
        if index and any(mark in text[words[index - 1].end : words[index].start] for mark in ";:"):
            break
    if not before:
        return True
    return _names_data(before, lang, last_is_pronoun=True)


_AGENT = {"sv": "av", "en": "by"}
_NO_AGENT = word_set("misstag mistake email e-mail post default mail telefon phone us oss mig me")


def _agent_named(lowers: list[str], verb: int, lang: str) -> bool:
    """Does "av"/"by" name who does it, right after the verb or its particle ("kan delas av Google",
    "can be shared by Google")? Then nobody is hidden, and what another party can do is no
    hedge about the writer's processing. "av oss"/"by us" is the writer, and "av misstag", "by
    email", "by default" name no agent."""
    after = verb + 1
    if lang == "sv" and after < len(lowers) and lowers[after] in verbs.SV_PARTICLES and lowers[after] != "av":
        after += 1
    if after + 1 >= len(lowers) or lowers[after] != _AGENT[lang]:
        return False
    agent = lowers[after + 1]
    if agent in ("the", "en", "ett", "a", "an") and after + 2 < len(lowers):
        agent = lowers[after + 2]
    return agent not in _NO_AGENT


def _names_data(lowers: list[str], lang: str, last_is_pronoun: bool) -> bool:
    """Do the words name data, or refer to it by a pronoun ("de", "it", "them")? A determiner
    before a noun ("Denna metod", "This method") names nothing by itself."""
    stems = _DATA_WORDS[lang]
    for position, lower in enumerate(lowers):
        pronoun = position == len(lowers) - 1 and last_is_pronoun
        if lower in _DETERMINERS and not pronoun:
            continue
        if lower.startswith(stems) or (lang == "sv" and lower in _SV_PRONOUNS):
            return True
    return False


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
            if lower in _SV_NEGATIONS or lower in _SV_RESTRICTIONS or lower in _SV_MODALS or lower in ("komma", "att"):
                break  # negated, a restriction, or "kan komma att" (PL201 reports that)
            if sentence.words[ahead].text[:1].isupper():
                continue
            if words.sv_is_s_passive(lower, lowers[ahead - 1]):
                if lower.startswith(_SV_DATA_STEMS):
                    found = ahead
                break
        if found is None or decided_question(lowers, index, "sv") \
                or not _possibility_of_data(sentence, index, found, "sv") or _agent_named(lowers, found, "sv"):
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
                if decided_question(lowers, index, "en"):  # "determines how data can be processed"
                    continue
                if _agent_named(lowers, following + 1, "en"):  # "can be shared by Google"
                    continue
                if _possibility_of_data(sentence, index, following + 1, "en"):
                    yield index, following + 1
