"""Passives whose actor the reader already knows: the reason a passive exists. Not a rule itself.

A writer uses the passive to keep a known topic as the subject ("Tjänsten hanterar uppgifter …
Uppgifterna behandlas vid …"), to say where an act is done when that place is an organisation
("hanteras vid Nationalbiblioteket"), or to speak of the reader's own act without repeating
"you" ("när kontot skapades", "Förfrågningar ska skickas till …"). In each the actor is named or
is the reader: nothing is hidden, and PL203 (:mod:`pl203_passive_voice`) leaves such passives
alone. Real policies that nobody here wrote showed these three as the judges' remaining false
alarms; they follow from what a passive is for, not from listed sentences.

Each predicate reads a passive at words ``first``..``last`` of a sentence (``first`` is the
auxiliary "bli"/"be" or the s-form, ``last`` the participle or the s-form).
"""

from __future__ import annotations

from collections.abc import Callable

from policygen.check.document import Sentence
from policygen.check.rules import pl2_passive_words as words
from policygen.check.rules import pl2_verbs as verbs
from policygen.check.rules.pl2_patterns import word_set

HandlesData = Callable[[str], bool]
"""Is this active verb form one of handling data ("hanterar", "processes", "retain")?"""

# --- 1. the actor named in the sentence before -------------------------------------------------

_DEMONSTRATIVES = {"sv": word_set("denna detta dessa sådan sådant sådana"),
                   "en": word_set("this these those such")}
_QUANTIFIERS = word_set("alla all inga ingen inget no any några vissa some many most")
_SV_DEFINITE = ("erna", "arna", "orna", "na", "en", "et", "n", "t")
_SV_SUBJECT_FUNCTION = verbs.SV_CLAUSE_ADVERBS | verbs.SV_PREPOSITIONS | word_set(
    """
    och eller men att som när om då där eftersom medan innan tills ifall så
    det den de man du ni vi jag han hon hen dig oss er sig detta dessa denna här
    """
)
_EN_SUBJECT_FUNCTION = word_set(
    """
    and or but that which who whom when if while because since before after until once so then
    it they we you i he she there here this these those such also only not never
    in on at by for from to of with without about under over into through during
    """
)
_SV_READER_OR_WRITER = ("användar", "besökar", "kund", "registrerad")
_EN_READER_OR_WRITER = word_set("user users visitor visitors customer customers member members individual")
_EN_FINITE_MODALS = word_set("will would can could may might must should shall")
_SV_FINITE_AUX = verbs.SV_MODALS | verbs.SV_FUTURE | verbs.SV_PERFECT
_RELATIVE_ACTOR = {"sv": word_set("som"), "en": word_set("who which that")}
_SUBJECT_TAIL = {
    "sv": verbs.SV_CLAUSE_ADVERBS | verbs.SV_MODALS | verbs.SV_FUTURE | verbs.SV_PERFECT | word_set("att"),
    "en": _EN_FINITE_MODALS | words.EN_ADVERBS | word_set("has have had not never also then"),
}


def actor_established(sentence: Sentence, first: int, lang: str, names: frozenset[str],
                      handles_data: HandlesData) -> bool:
    """Is the passive's subject a topic the sentence before, in the same paragraph, has just
    given an actor ("Tjänsten hanterar uppgifter … . Uppgifterna behandlas vid …", "The
    service processes information … . This information is processed …", "Administratören
    förbehåller sig rätten att göra ändringar … . Ändringar meddelas på …")?

    The sentence before must have a finite active verb whose subject is a named party or a
    noun (not the reader, the writer or an impersonal "det"/"man"/"it": "Vi samlar in ditt namn.
    Namnet sparas …" still hides nothing but asks to be written actively, and the judges kept
    it), either in straight order at the start of the sentence or in a relative clause after a
    name ("… the Records Office, which keeps your request"). The passive's subject takes up that
    topic: a demonstrative ("Dessa", "Denna information", "These records") after a verb of
    handling data, or a noun that is the object of that sentence's verb ("hanterar uppgifter" →
    "Uppgifterna", "göra ändringar" → "Ändringar"); a quantifier ("Alla uppgifter", "All data")
    or the reader's possessive starts a new statement and is left to the rule."""
    subject = _passive_subject(sentence, first, lang)
    if not subject:
        return False
    previous = _previous_sentence(sentence)
    if previous is None:
        return False
    acts = _actor_clauses(previous, lang, names)
    if not acts:
        return False
    demonstrative = subject[0] in _DEMONSTRATIVES[lang]
    head = _head(subject, lang)
    for verb_at, objects in acts:
        handling = any(handles_data(word) for word in previous.lowers[verb_at : verb_at + 4])
        if demonstrative and handling:
            return True
        if subject[0] in _QUANTIFIERS or (len(subject) > 1 and subject[0] in verbs.SV_POSSESSIVES | word_set("your")):
            continue
        if (demonstrative or len(subject) == 1 or subject[0] == "the") and any(_same_noun(head, noun, lang) for noun in objects):
            return True
    return False


def _passive_subject(sentence: Sentence, first: int, lang: str) -> list[str]:
    """The words before the passive when they are a short subject that opens the sentence
    ("Uppgifterna", "Denna information", "These records will"), without the auxiliaries and
    adverbs before the verb; empty if the passive does not follow its subject at the start."""
    lowers = sentence.lowers
    end = first
    while end > 0 and lowers[end - 1] in _SUBJECT_TAIL[lang]:
        end -= 1
    subject = lowers[:end]
    if not 1 <= len(subject) <= 3:
        return []
    text = sentence.block.text[sentence.words[0].start : sentence.words[end - 1].end]
    if any(mark in text for mark in ",;:()"):
        return []
    if subject[0] not in _DEMONSTRATIVES[lang] and not subject[-1].isalpha():
        return []
    return subject


def _head(subject: list[str], lang: str) -> str:
    """The head noun of a short subject: its last word before a preposition ("Uppgifterna i din
    ansökan" → "uppgifterna", "These records" → "records")."""
    prepositions = verbs.SV_PREPOSITIONS if lang == "sv" else _EN_SUBJECT_FUNCTION
    for at, word in enumerate(subject[1:], start=1):
        if word in prepositions:
            return subject[at - 1]
    return subject[-1]


def _previous_sentence(sentence: Sentence) -> Sentence | None:
    block = sentence.block.sentences
    for index, other in enumerate(block):
        if other is sentence:
            return block[index - 1] if index > 0 else None
    return None


def _actor_clauses(previous: Sentence, lang: str, names: frozenset[str]) -> list[tuple[int, list[str]]]:
    """Where the sentence has a finite active verb with a named party or a noun as its subject:
    for each, the verb's index and the nouns after it in its clause that are not the object of a
    preposition (the things the actor acts on)."""
    lowers, texts = previous.lowers, [word.text for word in previous.words]
    found: list[tuple[int, list[str]]] = []
    for verb_at in range(1, min(5, len(lowers))):
        if _finite_active(lowers, verb_at, lang) and _noun_subject(lowers[:verb_at], texts[:verb_at], lang, names):
            if _stated(lowers, verb_at):
                found.append((verb_at, _objects(previous, verb_at, lang)))
            break
    for at, lower in enumerate(lowers[:-2]):
        if lower in _RELATIVE_ACTOR[lang] and at > 0 and texts[at - 1][:1].isupper() \
                and _finite_active(lowers, at + 1, lang) and _stated(lowers, at + 1):
            found.append((at + 1, _objects(previous, at + 1, lang)))  # "… Service who will retain …"
    return found


_NOT_STATED = word_set("inte aldrig ej icke kan kunde kanske not never no may might could can cannot")


def _stated(lowers: list[str], verb_at: int) -> bool:
    """Does the verb state the act: not negated and not a mere possibility ("Appen samlar inte in
    uppgifter", "The website may also use cookies")? Then the next sentence's passive is the
    first statement of what is done, and its actor is not yet given."""
    return _NOT_STATED.isdisjoint(lowers[verb_at : verb_at + 4])


def _finite_active(lowers: list[str], at: int, lang: str) -> bool:
    """Is the word at ``at`` a finite active verb: an auxiliary or modal, or (Swedish) a
    present or past form that is no s-passive ("hanterar", "förbehåller", "sparade"),
    (English) a present in -s or a past in -ed ("processes", "reserves", "stored")?"""
    word = lowers[at]
    if lang == "sv":
        if word in _SV_FINITE_AUX:
            return True
        return len(word) > 3 and word.isalpha() and word.endswith(("ar", "er", "ade", "de", "te")) \
            and not word.endswith("s")
    if word in _EN_FINITE_MODALS:
        return at + 1 < len(lowers) and lowers[at + 1] not in ("be", "not")  # "will be kept" is a passive
    return len(word) > 3 and word.isalpha() and word.endswith(("es", "s", "ed")) and not word.endswith("ss")


def _noun_subject(subject: list[str], texts: list[str], lang: str, names: frozenset[str]) -> bool:
    """Is ``subject`` (the words before the verb) a named party or a noun phrase, not the
    reader, the writer, an impersonal pronoun or an adverbial ("Dessutom", "Then")?"""
    function = _SV_SUBJECT_FUNCTION if lang == "sv" else _EN_SUBJECT_FUNCTION
    if len(subject) > 4 or any(word in function for word in subject):
        return False
    if any(word in _QUANTIFIERS for word in subject) or any(w in verbs.SV_POSSESSIVES | word_set("your our my")
                                                            for w in subject):
        return False
    head = subject[-1]
    if lang == "sv":
        if head.startswith(_SV_READER_OR_WRITER) or not head.isalpha() and "-" not in head:
            return False
        named = any(text in names for text in texts)
        genitive = len(subject) > 1 and subject[0].endswith("s")
        return named or genitive or head.endswith(_SV_DEFINITE[:-2])
    if head in _EN_READER_OR_WRITER or head in ("the", "a", "an"):
        return False
    return subject[0] == "the" and len(subject) > 1 or all(text[:1].isupper() for text in texts)


def _objects(previous: Sentence, verb_at: int, lang: str) -> list[str]:
    """The words of the verb's object, up to the first preposition, relative word or comma:
    "hanterar uppgifter som …" → ["uppgifter"], "förbehåller sig rätten att göra ändringar i …"
    → [… "ändringar"], "processes information that …" → ["information"]; "följer god sed i
    hanteringen av personuppgifter" → ["god", "sed"], not what a preposition governs. One
    infinitive marker ("rätten att göra", "the right to make") and the verb's particle ("samlar
    in") are read through."""
    lowers, text = previous.lowers, previous.block.text
    prepositions = verbs.SV_PREPOSITIONS if lang == "sv" else _EN_SUBJECT_FUNCTION
    found: list[str] = []
    infinitive = False
    for at in range(verb_at + 1, min(verb_at + 10, len(lowers))):
        gap = text[previous.words[at - 1].end : previous.words[at].start]
        word = lowers[at]
        if any(mark in gap for mark in ",;:(") or word in _RELATIVE_ACTOR[lang]:
            break
        if word in ("att", "to") and not infinitive:
            infinitive = True
            continue
        if not found and (word in verbs.SV_PARTICLES or word in verbs.SV_CLAUSE_ADVERBS or word == "sig"):
            continue  # "samlar in uppgifter", "förbehåller sig rätten"
        if word in prepositions:
            break
        found.append(word)
    return found


def _same_noun(head: str, noun: str, lang: str) -> bool:
    """Is ``head`` (the passive's subject) the noun ``noun`` again, in another form or as the
    head of a compound ("Uppgifterna" for "personuppgifter", "records" for "record")?"""
    stems = {head}
    if lang == "sv":
        stems |= {head[: -len(ending)] for ending in _SV_DEFINITE if head.endswith(ending) and len(head) - len(ending) >= 4}
        nouns = {noun} | {noun[: -len(ending)] for ending in _SV_DEFINITE if noun.endswith(ending)}
        return any(len(stem) >= 5 and any(other.endswith(stem) or stem.endswith(other) and len(other) >= 5
                                          for other in nouns) for stem in stems)
    stems |= {head[:-1]} if head.endswith("s") else set()
    return any(len(stem) >= 4 and (noun == stem or noun.rstrip("s") == stem) for stem in stems)


# --- 2. done at a named organisation -----------------------------------------------------------

_AT = {"sv": word_set("vid hos"), "en": word_set("at")}
_EN_ARTICLE = word_set("the")
_PLACE_STOPS = ",;:–—"


def at_named_organisation(sentence: Sentence, last: int, lang: str) -> bool:
    """Is the act done at an organisation named right after the passive, in its clause
    ("hanteras för produktionen av tjänsten vid Nationalbiblioteket och CSC", "sparas hos
    Skatteverket", "is collected and managed … at the National Library of Finland")? A named
    organisation as the place where something is done names who does it; the writer's own place
    ("hos oss", "at our offices") names nobody new and is still reported."""
    lowers, sentence_words, text = sentence.lowers, sentence.words, sentence.block.text
    for at in range(last + 1, min(last + 11, len(lowers) - 1)):
        gap = text[sentence_words[at - 1].end : sentence_words[at].start]
        if any(mark in gap for mark in _PLACE_STOPS) or lowers[at] in _RELATIVE_ACTOR[lang]:
            return False
        if lowers[at] not in _AT[lang]:
            continue
        name = at + 1
        if lang == "en" and lowers[name] in _EN_ARTICLE and name + 1 < len(lowers):
            name += 1
        word = sentence_words[name].text
        if word[:1].isupper() and not _lower_compound(word):
            return True
    return False


def _lower_compound(word: str) -> bool:
    """"Haka-inloggning", "Finna-tjänsten": a name in a compound of a common noun, a thing and
    not an organisation."""
    head, _, tail = word.partition("-")
    return bool(tail) and tail[:1].islower()


# --- 3. the reader's own act -------------------------------------------------------------------

_SV_READER_GIVES = ("begäran", "förfrågan", "förfrågning", "ansökan", "ansökning", "klagomål", "samtycke")
_EN_READER_GIVES = ("request", "enquir", "inquir", "application", "complaint", "consent")
_SV_SENDING = ("skick", "lämna", "sänd", "ges", "gavs", "getts", "riktas", "ställas", "ställs")
_EN_SENDING = word_set("sent submitted made given directed addressed lodged filed placed")
ONWARD = word_set("vidare on onward onwards forwarded vidarebefordras")
"""Passing something on: "skickas vidare", "is passed on" (the organisation's act)."""


def reader_sends(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive the reader sending or giving what is theirs to give: a request, an
    application, a complaint or consent as the subject of a verb of sending ("Förfrågningar ska
    skickas till administratören", "kan begäran lämnas via formuläret", "Requests should be
    sent to …", "the request was sent")? The reader acts. Passing it on ("skickas vidare till
    leverantören", "is forwarded") is the organisation's act and is still reported."""
    lowers = sentence.lowers
    verb = lowers[last]
    sending = verb.startswith(_SV_SENDING) if lang == "sv" else verb in _EN_SENDING
    if not sending or any(word in ONWARD for word in lowers[last + 1 : last + 3]):
        return False
    gives = _SV_READER_GIVES if lang == "sv" else _EN_READER_GIVES
    subject = _passive_subject(sentence, first, lang)
    if subject and _head(subject, lang).startswith(gives):
        return True
    before = lowers[first - 1 : first] if first else []  # "som begäran skickades från", "kan begäran lämnas"
    inverted = lowers[last + 1 : last + 2] if lang == "sv" else []
    return any(word.startswith(gives) for word in (*before, *inverted))


_ACCOUNT = {"sv": ("konto", "profil", "användarkonto", "registrering"),
            "en": ("account", "profile", "id", "registration")}
_OPENING = {"sv": ("skapa", "öppna", "registrer", "avslut", "stäng"),
            "en": word_set("created opened registered set closed terminated")}
_ENDING = {"sv": ("rader", "tagits", "avslut", "stäng"), "en": word_set("removed deleted closed terminated")}
_WHEN = {"sv": word_set("när då efter innan sedan"), "en": word_set("when once after before since")}
_PERFECT = {"sv": word_set("har hade"), "en": word_set("has have had been")}


def account_event(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive a time given by the reader's own account in a clause of time ("när kontot
    skapades", "När ett konto har avslutats, …", "when the Finna ID was created", "After your
    account has been removed, …")? Creating or closing an account is the reader's act, and a
    finished removal in a clause of time dates what the main clause says; "Ditt konto raderas
    efter två år", a statement of the organisation's act, is still reported."""
    lowers = sentence.lowers
    subject = lowers[max(first - 4, 0) : first]
    when = [at for at, word in enumerate(subject) if word in _WHEN[lang]]
    if not when:
        return False
    noun = [word for word in subject[when[-1] + 1 :] if word.startswith(_ACCOUNT[lang])]
    if not noun:
        return False
    verb = lowers[last]
    opening = verb.startswith(_OPENING[lang]) if lang == "sv" else verb in _OPENING[lang]
    if opening:
        return True
    ending = verb.startswith(_ENDING[lang]) if lang == "sv" else verb in _ENDING[lang]
    perfect = not _PERFECT[lang].isdisjoint(lowers[max(first - 2, 0) : last])
    return ending and perfect


def _reader_subject_of_main(main: list[str], lang: str) -> bool:
    """Does the main clause after a condition have the reader (or the reader's request) as its
    subject: "kan du", "kan användaren kontakta", "kan begäran lämnas", "you can", "the user
    should"? Swedish puts the subject after the finite verb there; "gör vi det", "we will tell
    you" have the writer."""
    if lang == "sv":
        return len(main) > 1 and main[1].startswith(_READER_MAIN["sv"])
    return bool(main) and (main[0] == "you" or main[0] in ("the", "a") and len(main) > 1 and main[1].startswith("user"))


_NEED = {"sv": word_set("behöver behövs"), "en": word_set("need needs")}
_IF = {"sv": word_set("om ifall"), "en": word_set("if")}
_READER_MAIN = {"sv": ("du", "ni", "användar", "begäran", "kund"), "en": ("you", "user", "users", "the user")}


def needed_in_readers_condition(sentence: Sentence, first: int, lang: str) -> bool:
    """Is the passive a need stated in a condition whose main clause tells the reader what to
    do ("Om uppgifter behöver rättas eller raderas, kan du kontakta …", "If your data needs to
    be corrected, you can send a request …")? The condition names what the reader may ask for;
    the main clause says who acts."""
    lowers, text = sentence.lowers, sentence.block.text
    window = lowers[max(first - 5, 0) : first]
    if _NEED[lang].isdisjoint(window):
        return False
    start = max(first - 20, 0)
    if _IF[lang].isdisjoint(lowers[start:first]):
        return False
    main = _main_clause_after(sentence, first)
    return main is not None and _reader_subject_of_main(main[:3], lang)


def _main_clause_after(sentence: Sentence, first: int) -> list[str] | None:
    """The words after the comma that ends the subordinate clause holding the word at
    ``first``, or None if a semicolon or colon comes first (or no comma)."""
    lowers, text = sentence.lowers, sentence.block.text
    for at in range(first + 1, len(lowers)):
        gap = text[sentence.words[at - 1].end : sentence.words[at].start]
        if "," in gap:
            return lowers[at:]
        if any(mark in gap for mark in ";:"):
            return None
    return None


_RIGHT_HOLDERS = {"sv": word_set("du ni hen han hon användaren kunden registrerade"),
                  "en": word_set("you user customer subject individual")}
_HAVE = {"sv": word_set("har får äger"), "en": word_set("have has are is")}
_RIGHT_WORDS = {"sv": word_set("rätt rätten tillgång tillträde"), "en": word_set("right rights entitled")}


def condition_of_readers_right(sentence: Sentence, first: int, lang: str) -> bool:
    """Is the passive in a condition whose main clause grants the reader a right ("och om dessa
    uppgifter behandlas, har du rätt att få tillgång till dem", "if your data is processed, you
    have the right to a copy")? The condition names when the right applies; the right's main
    clause is about the reader, and who processes is not what the sentence tells. A main clause
    with the writer ("har vi rätt att …") or without a right ("får du ett meddelande") is left
    to the rule."""
    lowers, text = sentence.lowers, sentence.block.text
    opening = None
    for at in range(first - 1, max(first - 7, -1), -1):
        if any(mark in text[sentence.words[at].end : sentence.words[at + 1].start] for mark in ",;:"):
            return False  # the passive is not in the clause the condition opens
        if lowers[at] in _IF[lang]:
            opening = at
            break
    if opening is None:
        return False
    main = _main_clause_after(sentence, first)
    if not main:
        return False
    if lang == "sv":  # the finite verb first, then its subject: "har hen rätt", "får den registrerade tillgång"
        holder = main[1:3]
        return main[0] in _HAVE["sv"] and any(w in _RIGHT_HOLDERS["sv"] for w in holder) \
            and not _RIGHT_WORDS["sv"].isdisjoint(main[2:5])
    holder = main[:3]
    return any(w in _RIGHT_HOLDERS["en"] for w in holder) and not _HAVE["en"].isdisjoint(main[1:4]) \
        and not _RIGHT_WORDS["en"].isdisjoint(main[2:6])


_DONE = {"sv": word_set("göras görs gjordes gjorts"), "en": word_set("done")}
_PRO_SUBJECT = {"sv": word_set("det detta"), "en": word_set("it this that")}
_READER_SUBJECTS = {"sv": ("du", "ni", "användaren", "kunden", "besökaren"), "en": ("you", "user", "customer", "visitor")}


def readers_act_done(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive "göras"/"be done" of an act the reader wants, named in a condition of the
    same sentence ("Om du vill radera kommentarerna, ska det göras innan …", "If you want to
    delete your comments, it must be done before …")? "det"/"it" stands for the reader's own
    act, and the reader does it."""
    lowers = sentence.lowers
    if lowers[last] not in _DONE[lang]:
        return False
    around = {*lowers[max(first - 3, 0) : first], *lowers[last - 1 : last + 2]}
    if _PRO_SUBJECT[lang].isdisjoint(around):
        return False
    for at, word in enumerate(lowers[:first]):
        if word in _IF[lang] or word in ("när", "when"):
            subject = lowers[at + 1 : at + 3]
            if any(w.startswith(_READER_SUBJECTS[lang]) for w in subject):
                return True
    return False


_RIGHT = {"sv": word_set("rätt rätten rättigheten"), "en": word_set("right")}


def names_a_right(lowers: list[str], first: int, lang: str) -> bool:
    """Is the passive the content of a right the reader has ("rätten att bli informerad", "the
    right to be informed", "the right to be forgotten")? It names what the reader may have; no
    act is stated."""
    if lang == "sv":
        return first >= 2 and lowers[first - 1] == "att" and lowers[first - 2] in _RIGHT["sv"]
    return first >= 2 and lowers[first - 1] == "to" and lowers[first - 2] in _RIGHT["en"] and lowers[first] == "be"
