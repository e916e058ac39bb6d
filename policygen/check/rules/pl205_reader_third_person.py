"""PL205 reader.third_person."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules import pl2_verbs as verbs
from policygen.check.rules.pl2_patterns import word_set
from policygen.check.settings import Settings
from policygen.output import Finding
from policygen.lang import capfirst
from policygen.lang.messages import N_, _

# Phrases that always mean the reader: (words, suggestion). Longest first at each position.
_ALWAYS = {
    "sv": [
        ("den registrerade personen", "du"),
        ("de registrerade personerna", "du"),
        ("den registrerades", "din, ditt, dina"),
        ("de registrerades", "din, ditt, dina"),
        ("registrerade personers", "din, ditt, dina"),
        ("registrerade personer", "du"),
        ("den enskilda personen", "du"),
        ("den enskildes", "din, ditt, dina"),
        ("den enskildas", "din, ditt, dina"),
        ("den enskilde", "du"),
        ("den berörda personen", "du"),
        ("de berörda personerna", "du"),
        ("den berörde", "du"),
        ("användarens", "din, ditt, dina"),
        ("användaren", "du"),
        ("besökarens", "din, ditt, dina"),
        ("besökaren", "du"),
        ("webbplatsbesökaren", "du"),
        ("webbplatsbesökare", "du"),
        ("besökare på webbplatsen", "du"),
        ("medlemmens", "din, ditt, dina"),
        ("medlemmen", "du"),
        ("den person vars", "du, vars"),
        ("abonnentens", "din, ditt, dina"),
        ("abonnenten", "du"),
        ("kontoinnehavarens", "din, ditt, dina"),
        ("kontoinnehavaren", "du"),
        ("sökandens", "din, ditt, dina"),
        ("sökanden", "du"),
        ("den sökande", "du"),
    ],
    "en": [
        ("the data subject's", "your"),
        ("the data subjects'", "your"),
        ("data subjects'", "your"),
        ("the data subject", "you"),
        ("the data subjects", "you"),
        ("a data subject", "you"),
        ("data subjects", "you"),
        ("data subject's", "your"),
        ("the person concerned", "you"),
        ("the individual concerned", "you"),
        ("the end user's", "your"),
        ("the end user", "you"),
        ("the user's", "your"),
        ("the visitor's", "your"),
        ("the website visitor", "you"),
        ("the individual's", "your"),
        ("the consumer's", "your"),
        ("the consumer", "you"),
        ("the member's", "your"),
        ("the member", "you"),
        ("the person whose", "you, whose"),
        ("the individual whose", "you, whose"),
        ("website visitors", "you"),
        ("site visitors", "you"),
        ("website users", "you"),
        ("end users", "you"),
        ("the account holder's", "your"),
        ("the account holder", "you"),
        ("the subscriber's", "your"),
        ("the subscriber", "you"),
        ("the applicant's", "your"),
        ("the applicant", "you"),
    ],
}

# Phrases that mean the reader unless a noun follows that makes them an adjective or a compound
# ("de registrerade uppgifterna", "the user interface", "the individual case").
_UNLESS_NOUN = {
    "sv": [("den registrerade", "du"), ("de registrerade", "du"), ("den enskilda", "du")],
    "en": [("the user", "you"), ("the visitor", "you"), ("the individual", "you")],
}
_SV_DEFINITE_NOUN_ENDINGS = ("en", "et", "na", "n", "t")
_SV_VERBS_AFTER = word_set(
    "har hade kan kunde ska skall får fick måste bör är var blir inte också även själv begär vill ansvarar äger"
)
_EN_NOUNS_AFTER = word_set(
    """
    interface interfaces experience experiences account accounts name names id ids agreement
    agreements guide guides manual manuals settings profile profiles journey base group groups
    case cases purpose purposes circumstances circumstance situation situations level levels
    basis item items component components needs preferences data information center centre
    support notice notices policy policies terms research panel panels testing
    """
)

# Plural nouns that mean the reader when they start a sentence before a modal or auxiliary
# ("Användare kan …", "Users may …").
_GENERIC = {"sv": word_set("användare besökare registrerade"), "en": word_set("users visitors individuals")}
_GENERIC_AFTER = {
    "sv": word_set("kan har får ska måste bör ansvarar äger"),
    "en": word_set("can may must should have are will shall"),
}

# "Den som lämnar en kommentar …" / "Anyone who …": a generic person who is the reader. Plurals
# ("de som", "those who") are left alone: they usually mean others (recipients, staff).
_WHOEVER = {
    "sv": {("den", "som"), ("envar", "som")},
    "en": {("anyone", "who"), ("anybody", "who")},
}
# A customer or member who holds a data subject's right (GDPR Art. 15-22: access, rectification,
# erasure, restriction, portability, objection, withdrawing consent, complaint) is the reader:
# "Kunden har rätt att invända mot direktmarknadsföring". Other sentences about "kunden" stay
# allowed (business-to-business texts: "Kunden har rätt att få en kopia av avtalet").
_RIGHT_HOLDERS = {
    "sv": word_set("kunden kunder kunderna medlemmar medlemmarna konsumenten konsumenter personen"),
    "en": word_set("customers members consumers individuals people persons"),
}
_RIGHTS = {
    "sv": [tuple(p.split()) for p in ("har rätt", "äger rätt", "kan begära", "får begära", "kan invända", "kan återkalla")],
    "en": [
        tuple(p.split())
        for p in ("have the right", "have a right", "are entitled", "may request", "can request", "may object",
                  "can object", "may withdraw", "can withdraw")
    ],
}

_DATA_SUBJECT_RIGHTS = {
    "sv": re.compile(
        r"\b(?:invänd\w*|radera\w*|radering\w*|rättelse\w*|rätta\w*|begränsning\w*|begränsa\w*|"
        r"dataportabilitet\w*|återkalla\w*|utdrag\w*|registerutdrag\w*|klagomål\w*|klaga\w*|"
        r"tillgång till (?:sina|dina|de) \w*uppgifter|personuppgifter\w*|direktmarknadsföring\w*|samtycke\w*)"
    ),
    "en": re.compile(
        r"\b(?:object\w*|eras\w*|delet\w*|rectif\w*|correct\w*|restrict\w*|portab\w*|withdraw\w*|"
        r"complain\w*|access (?:to )?(?:their|your) (?:personal )?(?:data|information)|personal data|"
        r"direct marketing|consent)"
    ),
}


class ReaderThirdPerson(Rule):
    """The reader is talked about in the third person; address them as "du" / "you".

    Why
    ---
    A privacy policy speaks to one person about their own data. "Den registrerade har rätt att …"
    and "the data subject may …" make readers translate legal roles back to themselves, and
    many do not realise the sentence is about them. WP260 asks controllers to address the reader
    directly. Writing "du"/"you" (and "vi"/"we" for the controller) is shorter and clearer.

    What is flagged. Swedish: "den registrerade", "de registrerade", "registrerade personer", "den
    enskilde", "den berörda personen", "användaren", "besökaren" (and their genitives), and
    "Användare kan …" at the start of a sentence. English: "the data subject", "data subjects",
    "the user", "the individual", "the visitor", "the consumer", "the person concerned" (and
    their possessives), and "Users may …" at the start of a sentence. Both: "Den som …" /
    "Anyone who …" at the start of a sentence, and "Kunder har rätt …" / "Customers have the
    right …" when the sentence names a data subject's right (objection, erasure, consent …).
    Also generic readers: the pronoun "man" and its genitive "ens" ("vilka rättigheter man har",
    "ens personuppgifter"), "Alla användare …", "Var och en …", "Everyone …", "All users …" at the
    start of a sentence, and "users can …" right after an opening phrase ("In the app, users can
    write …"). Not flagged: "man" beside "du" in the same sentence (then it is someone else: "hur
    man använder uppgifterna om dig"), "man" before a verb of handling data ("där man behandlar
    personuppgifter": the organisation), the noun ("en man"), "inte ens"; a capitalised party the
    document owns ("the User" where the text speaks of "our Users" and "their Sites").
    Not flagged either: another party's users ("customer end users", "kundens användare"), a
    definition about any visitor ("stored on a visitor's computer … the visitor's browser"), one
    of the kinds of people a text covers in a list ("site visitors, prospective customers, and
    customers"), and a compound ("the user support notice").
    Not flagged otherwise: "kunden" / "the customer", which internal routines and
    business-to-business texts legitimately use for a third party; "de registrerade uppgifterna" and "the user interface", where the words are an
    adjective or part of a compound.

    Not flagged either: "man" beside a law it speaks for ("Med lagen vill man …": the
    lawmakers), the user who names a site by the visit ("den webbplats som användaren besöker",
    "the site the user is visiting") or who visits any site ("when they visit a website"), a
    definition ("Stark inloggning innebär att användaren …", "X means that the user …"), and
    "our"/"våra" before a plural ("how our website visitors use the site": all of them as a
    group).

    The suggestion is built so that it can be pasted. Swedish: "dig" where the reader is the
    object, after a preposition, a particle, an infinitive or a subject and its verb ("godkänns
    av användaren", "kommer ihåg användaren", "kan informera användaren", "Vi informerar
    användaren" → 'dig'), or after the verb that opens a table cell ("Identifierar användaren");
    "du" as the subject, with every reflexive of the same clause turned to the second person,
    also through an infinitive and joined verbs ("kan användaren skriva sin åsikt" → 'du … din
    åsikt', "hålla sig" → 'du … dig', "har rätt att granska och rätta sina uppgifter" → 'du …
    dina uppgifter'). English: "you" with the verb that follows made to agree ("the user is" → 'you are',
    "the user uses" → 'you use', "has" → 'you have'), "themselves" → '… yourself' and "their"
    → '… your' in the same clause, and "the consent of the user" → 'your consent'; a modal or a past tense stays ('you'). Otherwise
    "din, ditt, dina", "you" or "your".

    The suggestion replaces the whole phrase that names the reader: a determiner and an
    adjective before it ("den inloggade användaren", "the logged-in user", "individual website
    visitors" → 'dig', 'you'), the service after it ("Användaren av en e-tjänst", "the user of
    the service" → 'Du', 'You'), and an English plural possessive with its apostrophe ("the
    data subjects' consent", "users' data" → 'your'). "om" before the phrase is 'about' ('om
    dig') unless it opens the clause or a verb follows ("Om användaren vill …" → 'om du'). After
    the verb of a "som" clause the phrase is its object ("uppgifter som berör användaren" →
    'dig'). A Swedish genitive agrees with the noun after it where the noun's ending tells
    ("användarens samtycke" → 'ditt', "Den registrerades rättigheter" → 'Dina'). The reader
    taken up again later changes too: Swedish "hen" ('… du', or '… dig' after a preposition, an
    infinitive or the verb of a "som" clause), "hens" ('… dina uppgifter'), reflexives after ",
    och" + a verb with no new subject, English "they" after an opening "If …," ('… you'), and a
    verb joined by "and"/"or" ("the user deletes the account or requests …" → 'you delete …
    request').

    Anti-pattern
    ------------
    Den registrerade har rätt att begära tillgång till sina personuppgifter.
    The data subject may ask the controller for a copy.

    Better
    ------
    Du har rätt att få veta vilka uppgifter vi har om dig.
    You can ask us for a copy.
    """

    code = "PL205"
    name = "reader.third_person"
    category = "reader-address"
    severity = "warning"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        lang = document.lang
        if lang not in _ALWAYS:
            return
        always, unless = _index(lang, "always"), _index(lang, "unless")
        owned = _owned_terms(document)
        for sentence in document.sentences:
            lowers = sentence.lowers  # "the user’s" is read as "the user's"
            if "’" in sentence.text:
                lowers = [lower.replace("’", "'") for lower in lowers]
            stripped = [lower.rstrip(".,;:") for lower in lowers]  # an abbreviation keeps its full stop
            found = _whole_phrases(sentence, lowers, stripped, list(_matches(stripped, lang, always, unless)), lang)
            taken = {index for first, last, _ in found for index in range(first, last + 1)}
            found += [m for m in _generic_anywhere(sentence, lang) if m[0] not in taken]
            if not found:
                continue  # no reader named (most sentences)
            generic = _indefinite_person(sentence, lang)
            for first, last, suggestion in sorted(found):
                if owned and _defined_party(sentence, first, last, owned):
                    continue
                if generic or _someone_elses(sentence, first, last, lang) or _in_scope_list(sentence, first, last, lang):
                    continue
                if _visitor_of_a_site(sentence, first, last, lang) or _defines_a_term(sentence, first, lang):
                    continue
                matched = sentence.block.text[sentence.words[first].start : sentence.words[last].end]
                message = _("'{matched}' talks about the reader in the third person: address them directly.").format(
                    matched=matched)
                end = sentence.words[last].end
                if lang == "en" and _plural_possessive(sentence, last):  # "the data subjects' consent"
                    text, begin, until, end = "your", first, last, end + 1
                else:
                    text, begin, until = _in_case(suggestion, sentence, first, last, lang)
                    end = sentence.words[until].end
                if begin == 0 and sentence.words[0].text[:1].isupper():
                    text = capfirst(text)  # "The user is …" → 'You are'
                word = _leaves_third_person(sentence, begin, until, text, lang)
                if word is not None:  # advice over the same words, so that the finding keeps its place
                    text = _(SUGGEST_WHOLE_SENTENCE).format(word=word)
                yield self.finding(sentence.block, sentence.words[begin].start, end, message, text)


_Index = dict[str, list[tuple[tuple[str, ...], str]]]
_Match = tuple[int, int, str]


# --- the whole phrase: what the suggestion replaces --------------------------------------------
# A suggestion replaces every word that names the reader, so that pasting it leaves nothing
# dangling: a determiner and its adjective before the noun ("den inloggade användaren", "the
# logged-in user" → 'du'/'you', not 'den inloggade du'), and the service the reader uses after it
# ("Användaren av en X-tjänst kan …", "the user of the service" → 'Du kan …', not 'Du av en
# X-tjänst').

# The nouns that name the reader by themselves (the one-word phrases of _ALWAYS and "the user").
_READER_NOUNS = {
    "sv": {phrase: suggestion for phrase, suggestion in _ALWAYS["sv"] if " " not in phrase},
    "en": {"user": "you", "user's": "your", "visitor": "you", "visitor's": "your", "member": "you",
           "member's": "your", "subscriber": "you", "subscriber's": "your", "account holder": "you",
           "applicant": "you", "applicant's": "your", "end user": "you", "consumer": "you"},
}
_DETERMINERS = {"sv": word_set("den denna"), "en": word_set("the this each every")}
# Adjectives of the reader in English that neither end in -ed nor join with a hyphen
# ("the logged-in user", "the registered user", "the current user").
_EN_READER_ADJECTIVES = word_set("current relevant individual active new same particular given respective")
# What a service is called, alone or as the end of a compound ("Finna-söktjänsten", "e-tjänsten").
_SERVICES = {
    "sv": ("tjänst", "webbplats", "webbsida", "sajt", "app", "portal", "plattform", "system", "program"),
    "en": ("service", "website", "site", "app", "application", "platform", "portal", "system", "program"),
}
_OF = {"sv": "av", "en": "of"}
_SERVICE_DETERMINERS = word_set("en ett den det denna detta vår vårt the a an this our these")


def _whole_phrases(sentence: Sentence, lowers: list[str], stripped: list[str], found: list[_Match],
                   lang: str) -> list[_Match]:
    """The matches grown to the whole phrase that names the reader: a determiner and adjective
    before the noun, the service after it ("the user of the service"); the English plural
    possessive "users’" ("the users’ device" → 'your device') is added here too. ``lowers`` are
    the sentence's words with "’" read as "'", ``stripped`` the same without a final full stop,
    comma, semicolon or colon."""
    grown: list[_Match] = []
    for first, last, suggestion in found:
        if first == last and suggestion in ("du", "din, ditt, dina", "you", "your"):
            first = _modifier_before(sentence, lowers, first, lang)
        if lang == "en" and first and lowers[first - 1] in _EN_READER_ADJECTIVES:
            first -= 1  # "to identify individual website visitors" → 'to identify you'
        if suggestion in ("du", "you"):
            last = _service_after(lowers, last, lang)
        grown.append((first, last, suggestion))
    if not _READER_NOUNS["en"].keys().isdisjoint(stripped[2:]):  # else no reader noun to grow
        grown += _modified_readers(sentence, lowers, grown, lang)
    if lang == "en" and not _EN_PLURAL_READERS.isdisjoint(lowers):
        grown += _possessive_users(sentence, lowers, grown)
    return grown


def _modifier_before(sentence: Sentence, lowers: list[str], at: int, lang: str) -> int:
    """Where the phrase of the reader noun at ``at`` starts: at "den"/"the" when a determiner
    and one adjective stand before it ("den inloggade användaren", "den registrerade
    användaren"); else at ``at``."""
    if at < 2 or lowers[at - 2] not in _DETERMINERS[lang] or not _adjective(lowers, at - 1, lang):
        return at
    if lang == "sv" and at >= 3 and lowers[at - 3] in _SV_BEFORE_INFINITIVE:
        return at  # "kan den skydda användaren": "den" is a subject and "skydda" its verb
    return at - 2


def _adjective(lowers: list[str], at: int, lang: str) -> bool:
    """Is the word at ``at`` an adjective or participle before a reader noun? Swedish: the
    weak form in -e or -a ("inloggade", "registrerade", "enskilda", "nya"); English: a participle
    in -ed, a word joined with a hyphen ("logged-in"), or a few others ("current")."""
    word = lowers[at]
    if lang == "sv":
        return word.endswith(("e", "a")) and len(word) > 2 and word.isalpha()
    return word.endswith("ed") or ("-" in word and word.replace("-", "").isalpha()) or word in _EN_READER_ADJECTIVES


def _service_after(lowers: list[str], last: int, lang: str) -> int:
    """Where the phrase ending at ``last`` ends when "av"/"of" and a service follow ("användaren
    av en Finna-söktjänst", "the user of our online service"): at the service; else ``last``."""
    at = last + 1
    if at >= len(lowers) or lowers[at] != _OF[lang]:
        return last
    at += 1
    while at < len(lowers) and lowers[at] in _SERVICE_DETERMINERS:
        at += 1
    for end in (at, at + 1):  # the service, or one word before it ("the Finna service")
        if end < len(lowers) and _is_service(lowers[end], lang):
            return end
    return last


def _is_service(word: str, lang: str) -> bool:
    word = word.rstrip(".,;:")
    if lang == "sv":  # compounds: "söktjänsten", "e-tjänst"
        return any(stem in word for stem in _SERVICES["sv"])
    return word.rstrip("s") in _SERVICES["en"] or word in _SERVICES["en"]


def _modified_readers(sentence: Sentence, lowers: list[str], found: list[_Match], lang: str) -> list[_Match]:
    """"the logged-in user", "the registered user": a reader noun after a determiner and an
    adjective that no phrase of _ALWAYS covers (English "user" alone is no phrase). Swedish
    nouns are all phrases of their own and grow in ``_modifier_before``."""
    if lang != "en":
        return []
    taken = {index for first, last, _ in found for index in range(first, last + 1)}
    nouns = _READER_NOUNS["en"]
    added: list[_Match] = []
    for index in range(2, len(lowers)):
        word = lowers[index].rstrip(".,;:")
        if word not in nouns or index in taken or _noun_follows(lowers, index + 1, lang):
            continue
        first = _modifier_before(sentence, lowers, index, lang)
        if first < index and not taken.intersection(range(first, index)):
            suggestion = nouns[word]
            added.append((first, _service_after(lowers, index, lang) if suggestion == "you" else index, suggestion))
    return added


_EN_PLURAL_READERS = word_set("users visitors subscribers members")


def _possessive_users(sentence: Sentence, lowers: list[str], found: list[_Match]) -> list[_Match]:
    """"users' data", "the users’ device": the plural possessive of a reader noun, written with
    the apostrophe after the word; with "the" before it the whole phrase is replaced by "your"."""
    taken = {index for first, last, _ in found for index in range(first, last + 1)}
    added: list[_Match] = []
    for index, word in enumerate(lowers):
        if word in _EN_PLURAL_READERS and index not in taken and _plural_possessive(sentence, index):
            first = index - 1 if index and lowers[index - 1] == "the" else index
            added.append((first, index, "your"))
    return added


def _plural_possessive(sentence: Sentence, last: int) -> bool:
    """Does an apostrophe close the plural word at ``last`` ("data subjects’ consent", "users'
    data"), making the phrase a possessive ('your')?"""
    word = sentence.words[last]
    text = sentence.block.text
    if not word.lower.endswith("s") or word.end >= len(text) or text[word.end] not in "'’":
        return False
    return word.end + 1 == len(text) or not text[word.end + 1].isalnum()




_POSSESSIVES = word_set("our their its your våra vår vårt deras dess")
_OTHERS_OWNERS = {
    "sv": word_set("kundens kundernas deras dess företagets andra"),
    "en": word_set("customer customer's customers' customers their its client client's clients' other"),
}
_INDEFINITE = {
    "sv": frozenset({("en", "besökare"), ("en", "användare"), ("en", "besökares"), ("en", "användares")}),
    "en": frozenset({("a", "visitor"), ("a", "visitor's"), ("a", "user"), ("a", "user's"), ("an", "individual")}),
}
_INDEFINITE_NOUNS = {lang: frozenset(noun for _article, noun in pairs) for lang, pairs in _INDEFINITE.items()}
_LIST_WORDS = {"sv": word_set("och eller samt"), "en": word_set("and or")}


# A verb particle before the phrase makes it the object ("kommer ihåg användaren" → 'dig').
_SV_PARTICLES = word_set("ihåg")
# Modals and auxiliaries before an infinitive: "kan informera användaren": the phrase is the object.
_SV_BEFORE_INFINITIVE = word_set(
    "att kan kunde ska skall skulle får fick måste bör borde vill ville behöver brukar kommer"
)
# Subject pronouns: "Vi informerar användaren": a subject before the finite verb makes the phrase
# the object.
_SV_SUBJECTS = word_set("vi jag ni de han hon hen det den man")
# The reflexive possessives that refer back to the subject, and what they become with "du".
_SV_REFLEXIVES = {"sin": "din", "sitt": "ditt", "sina": "dina", "sig": "dig"}
# Subordinators that open a sentence with a condition or time ("Om användaren …, kan hen …"), and
# the pronouns that take the reader up again in the main clause.
_SV_OPENING_SUBORDINATORS = word_set("om när ifall då innan efter sedan")
_SV_THIRD_PRONOUNS = word_set("hen denne")
# "att" before an infinitive and "och"/"eller" between verbs keep the subject of the reflexive.
_SV_JOINING = word_set("att och eller")
# Auxiliaries that open a yes/no question or an inverted clause, not a verb-first label.
_SV_AUXILIARIES = word_set("har hade blir")
# Words that end a clause: a reflexive after one may belong to another subject.
_SV_CLAUSE_ENDS = word_set("som att men eller och när om eftersom medan där vilket vilken vilka hur innan tills")

# English: what the verb after "the user" becomes with "you" ("the user is" → 'you are').
_EN_BE_HAVE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
               "hasn't": "haven't", "doesn't": "don't"}
# Adverbs that may stand between the subject and its verb ("the user also uses").
_EN_ADVERBS = word_set("also only always then still often never usually just first thereby")
# Words ending in -s after the phrase that are not verbs.
_EN_NOT_VERBS = word_set("this thus always perhaps as was has is does its his hers ours yours theirs")
_EN_MODALS = word_set("can may must will should could would might")
_EN_REFLEXIVES = word_set("themselves themself himself herself")
# Words that open another clause, whose "their" may be someone else's.
_EN_CLAUSE_ENDS = word_set("who whom which that because if when while where although unless whereas but")
# Subordinators that open a sentence with a condition or time ("If the user …, they …").
_EN_OPENING_SUBORDINATORS = word_set("if when once unless after before where whenever")
# Words that start the object of a verb: a verb joined by "and"/"or" is known by one after it
# ("deletes the account or requests the controller"), not a plural noun ("and cookies").
_EN_OBJECT_STARTS = word_set("the a an their his her its it them this that these those to any all our us")
# "Anyone who …", "Everyone that …": the verb after the phrase is the relative clause's.
_EN_RELATIVES = word_set("who that whoever")
# "the consent of the user" → 'your consent': a noun with "the" before "of" + the phrase.
_EN_OF_DETERMINERS = word_set("the")


def _in_case(suggestion: str, sentence: Sentence, first: int, last: int, lang: str) -> tuple[str, int, int]:
    """The suggestion in the form the sentence needs, so that pasting it keeps the sentence
    grammatical, with the words it replaces (first and last index): Swedish "dig" as an object
    ("av användaren" → 'dig', "informera användaren" → 'dig'), and "du" with the reflexives that
    go with it ("kan användaren skriva sin åsikt" → 'du … din åsikt', over the phrase: the "…"
    says that a later word changes too); English "you" with the verb in agreement, over the phrase
    and the verb ("the user is" → 'you are', "the user uses" → 'you use'), and "your X" over "the
    X of the user"."""
    if lang == "sv":
        return _sv_in_case(suggestion, sentence, first, last), first, last
    if suggestion == "you":
        return _en_in_case(sentence, first, last)
    return suggestion, first, last


def _sv_in_case(suggestion: str, sentence: Sentence, first: int, last: int) -> str:
    lowers, words = sentence.lowers, sentence.words
    if suggestion == "din, ditt, dina":  # "Den registrerades uppgifter" → 'Dina', where the noun tells
        noun = words[last + 1].text if last + 1 < len(words) else ""
        own = _sv_your(noun).split(" ")[0] if noun else suggestion
        return (suggestion if "/" in own else own) + _sv_later(sentence, last, [])
    if suggestion != "du":
        return suggestion
    if first and (_sv_is_object(lowers, first) or _sv_about(sentence, first, last)):
        return "dig"
    return "du" + _sv_later(sentence, last, _sv_reflexives_after(sentence, last))


def _sv_later(sentence: Sentence, last: int, reflexives: list[tuple[int, str]]) -> str:
    """The words after the phrase that change with it, each after "…": the reflexives, and
    "hen"/"hens" that take the reader up again later in the sentence ("Användaren kan ringa oss
    om hen vill" → 'du … du', "… begära att hens uppgifter raderas" → 'dina uppgifter')."""
    lowers, words = sentence.lowers, sentence.words
    seen = {index for index, _noun in reflexives}
    reflexives = reflexives + [
        (index, words[index + 1].text if lowers[index] == "hens" and index + 1 < len(words) else "")
        for index in range(last + 1, len(lowers)) if lowers[index] in ("hen", "hens") and index not in seen
    ]
    return "".join(
        " … dig" if lowers[index] == "sig" else f" … {_sv_pronoun(lowers, index)}" if lowers[index] in _SV_THIRD_PRONOUNS
        else f" … {_sv_your(noun)}" if lowers[index] == "hens"
        else f" … {_SV_REFLEXIVES[lowers[index]]}" + (f" {noun}" if noun else "")
        for index, noun in sorted(reflexives)
    )


# Endings of Swedish nouns that tell their number or gender, for "din"/"ditt"/"dina" before them:
# plurals ("uppgifter", "inställningar", "personer", "kakor"; not any -er/-ar/-or, which "ålder",
# "svar", "dator" also have), common gender ("ansökan", "inloggning", "identitet") and neuter
# ("konto", "samtycke", "namn"). Other nouns get 'din/ditt'.
_SV_PLURAL_ENDINGS = ("ter", "ngar", "oner", "kor")
_SV_COMMON_ENDINGS = ("ning", "het", "tet", "tion", "else", "kan", "ran", "lan", "adress", "ålder", "dator")
_SV_NEUTER_ENDINGS = ("ande", "ende", "um", "eri", "konto", "nummer", "namn", "samtycke", "lösenord", "register", "svar")


def _sv_your(noun: str) -> str:
    """"din"/"ditt"/"dina" + the noun after "hens", agreeing with it where its ending tells
    ("hens uppgifter" → 'dina uppgifter', "hens ansökan" → 'din ansökan', "hens konto" → 'ditt
    konto'); 'din/ditt' where it does not; all three with no noun."""
    lower = noun.lower()
    if not noun:
        return "din, ditt, dina"
    if lower.endswith(_SV_NEUTER_ENDINGS):
        return f"ditt {noun}"
    if lower.endswith(_SV_PLURAL_ENDINGS):
        return f"dina {noun}"
    if lower.endswith(_SV_COMMON_ENDINGS):
        return f"din {noun}"
    return f"din/ditt {noun}"


def _sv_pronoun(lowers: list[str], index: int) -> str:
    """"hen"/"denne" as "du" before a finite verb ("om hen vill"), or "dig" after a preposition
    or an infinitive ("till hen", "kan kontakta hen")."""
    before = lowers[index - 1]
    after = lowers[index + 1] if index + 1 < len(lowers) else ""
    if before in verbs.SV_PREPOSITIONS or _sv_relative_verb(lowers, index - 1):
        return "dig"  # "till hen", "uppgifter som berör hen"
    if after in _SV_FINITE_AFTER or (after.endswith("r") and after.isalpha()):
        return "du"
    return "dig" if before.endswith("a") and before not in _SV_BEFORE_INFINITIVE else "du"


def _sv_is_object(lowers: list[str], first: int) -> bool:
    """Is the phrase starting at ``first`` an object ("dig"), not the subject ("du")? After a
    preposition or a particle; after an infinitive ("kan informera användaren", "att ge de
    registrerade"); after a finite verb with its subject before it ("Vi informerar användaren",
    "Biblioteket påminner användaren")."""
    before = lowers[first - 1]
    if before in verbs.SV_PREPOSITIONS or before in _SV_PARTICLES:  # "av användaren" → 'av dig'
        return True
    if first == 1 and before.endswith(("ar", "er", "ir")) and before not in _SV_AUXILIARIES:
        return True  # a table cell or label that opens with its verb: "Identifierar användaren"
    two_before = lowers[first - 2] if first >= 2 else ""
    if _sv_relative_verb(lowers, first - 1):  # "uppgifter som berör den registrerade" → 'som berör dig'
        return True
    if _sv_infinitive(lowers, first - 1):  # "kan informera användaren", "utan att på förhand informera"
        return True
    if not before.endswith(("ar", "er", "ir")) or first < 2:
        return False
    # "Biblioteket påminner användaren": a definite noun opening the sentence is its subject
    opening_noun = first == 2 and two_before.endswith(("et", "en", "na")) and len(two_before) > 4
    return two_before in _SV_SUBJECTS or opening_noun


# Verbs after "som" that take no object: the word after them is a complement or a participle.
_SV_NO_OBJECT_VERBS = word_set("är var blir blev har hade")


def _sv_relative_verb(lowers: list[str], at: int) -> bool:
    """Is the word at ``at`` the finite verb of a relative clause whose subject is "som"
    ("uppgifter som berör hen", "det som gäller användaren")? Then "som" is the subject and the
    reader after the verb is its object ('dig'). Swedish present tense ends in -r ("gäller",
    "berör", "rör"); "är", "har", "blir" take no object."""
    if at < 1 or lowers[at - 1] != "som":
        return False
    word = lowers[at]
    return word.endswith("r") and word.isalpha() and len(word) > 2 and word not in _SV_NO_OBJECT_VERBS


# Short infinitives that do not end in -a ("att ge de registrerade fler möjligheter").
_SV_SHORT_INFINITIVES = word_set("ge se få nå ha be tro")
# Words in -a that are no infinitive ("andra", "alla", "bara").
_SV_NOT_INFINITIVES = word_set("andra alla flera många några inga vilka dessa samma hela bara sina dina våra nya")
# How far back "att" or a modal may stand from its infinitive ("utan att på förhand informera").
_SV_INFINITIVE_REACH = 3


def _sv_infinitive(lowers: list[str], at: int) -> bool:
    """Is the word at ``at`` an infinitive, after "att" or a modal up to three words before it
    ("kan informera", "att ge", "utan att på förhand informera")? Then a reader phrase after
    it is its object."""
    word = lowers[at]
    if word in _SV_BEFORE_INFINITIVE or not (word.endswith("a") or word in _SV_SHORT_INFINITIVES):
        return False
    if word in verbs.SV_CLAUSE_ADVERBS or word in _SV_NOT_INFINITIVES:
        return False  # "ska också användaren godkänna": an adverb, and the phrase is the subject
    return not _SV_BEFORE_INFINITIVE.isdisjoint(lowers[max(at - _SV_INFINITIVE_REACH, 0) : at])


# Words before "om" that make it "if": a conjunction or focus adverb ("och om", "även om", "bara om").
_SV_IF_OPENERS = word_set("och men eller samt även också bara endast utom särskilt som så")
_SV_FINITE_AFTER = _SV_VERBS_AFTER | verbs.SV_CLAUSE_ADVERBS


def _sv_about(sentence: Sentence, first: int, last: int) -> bool:
    """Is "om" before the phrase the preposition 'about' ("uppgifter om användaren" → 'om
    dig'), not the conjunction 'if' ("Om användaren vill …", "och om användaren har …" → 'om
    du')? "om" opens a clause at the start of a sentence, after a comma or a conjunction, or
    when a finite verb follows the phrase (the phrase is then its subject)."""
    if sentence.lowers[first - 1] != "om":
        return False
    return not _sv_om_opens_clause(sentence, first - 1, last)


def _sv_om_opens_clause(sentence: Sentence, at: int, subject_end: int) -> bool:
    """Does "om" at ``at`` open a clause ('if', 'whether') whose subject ends at
    ``subject_end``, rather than being the preposition 'about'?"""
    lowers, words = sentence.lowers, sentence.words
    if at == 0 or lowers[at - 1] in _SV_IF_OPENERS:
        return True
    if any(mark in sentence.block.text[words[at - 1].end : words[at].start] for mark in ",;:("):
        return True
    following = lowers[subject_end + 1] if subject_end + 1 < len(lowers) else ""
    return following in _SV_FINITE_AFTER or (following.endswith(("ar", "er", "ir")) and following.isalpha())


def _sv_reflexives_after(sentence: Sentence, last: int) -> list[tuple[int, str]]:
    """Every "sin/sitt/sina/sig" after the phrase that refers back to it, each with the word
    after it (the noun it goes with). They refer back through an infinitive ("har rätt att
    granska sina uppgifter") and through verbs joined by "och"/"eller" ("spara och ändra sina
    uppgifter"), and "när som helst" is an adverb; a comma, a relative or subordinate clause, or
    "att"/"och" before a new subject ("och tjänsten sparar sina …") ends the search. Past the
    opening "Om/När användaren …" (and its comma, if any), "hen"/"denne" after the verb of the
    main clause is the reader too ("Om användaren inte godkänner villkoren, kan hen avsluta sitt
    konto" → 'du … du … ditt konto'), and the search goes on in that clause."""
    lowers, words, text = sentence.lowers, sentence.words, sentence.block.text
    found: list[tuple[int, str]] = []
    index = last + 1
    while index < len(lowers):
        between = text[words[index - 1].end : words[index].start]
        word = lowers[index]
        following = lowers[index + 1] if index + 1 < len(lowers) else ""
        if following in _SV_THIRD_PRONOUNS and lowers[0] in _SV_OPENING_SUBORDINATORS \
                and "," not in text[words[0].start : words[index - 1].end] and not between.strip(" ,"):
            found.append((index + 1, ""))  # "…(,) kan hen …": the main clause's subject is the reader
            index += 2
            continue
        if ("," in between and not _sv_same_subject_goes_on(word, following)) or ";" in between:
            break  # a comma ends the clause, but not before "och har …" with no new subject
        if word == "när" and lowers[index + 1 : index + 3] == ["som", "helst"]:
            index += 3
            continue
        if word in _SV_JOINING and (following.endswith(("a", "ar", "er", "ir")) or following in _SV_SHORT_INFINITIVES) \
                and following not in _SV_SUBJECTS:
            index += 1  # "att granska", "att få", "och korrigera", "eller avsluta": the same subject goes on
            continue
        if word in _SV_CLAUSE_ENDS and not (word == "om" and not _sv_om_opens_clause(sentence, index, index + 1)):
            break  # "information om behandlingen av sina uppgifter": "om" is 'about', the clause goes on
        if word in _SV_REFLEXIVES:
            found.append((index, words[index + 1].text if index + 1 < len(words) else ""))
        index += 1
    return found


def _sv_same_subject_goes_on(word: str, following: str) -> bool:
    """", och har inte rätt att få sina uppgifter": "och"/"eller"/"men" straight before a finite
    verb joins a second clause with the same subject, so its reflexives are the reader's too."""
    if word not in ("och", "eller", "men") or following in _SV_SUBJECTS or not following.isalpha():
        return False
    return following in _SV_FINITE_AFTER or following.endswith(("ar", "er", "ir"))


def _en_in_case(sentence: Sentence, first: int, last: int) -> tuple[str, int, int]:
    """"you" with the verb that follows made to agree, over the phrase and the verb; or "your X"
    over "the X of the user"."""
    lowers, words = sentence.lowers, sentence.words
    if first >= 2 and lowers[first - 1] == "of":
        start = _en_of_phrase_start(sentence, first - 1)
        if start is not None:  # "the IP address of the user" → 'your IP address'
            begin = start + 1 if lowers[start] in _EN_OF_DETERMINERS else start
            return "your " + sentence.block.text[words[begin].start : words[first - 2].end], start, last
    if lowers[last] in _EN_RELATIVES:
        return "you", first, last  # "Anyone who leaves a comment agrees …": the clause needs rewriting
    plural = sentence.lowers[last].endswith("s") and not sentence.lowers[last].endswith("'s")
    if plural:  # "data subjects are", "users have": the verb already agrees
        return "you" + "".join(_en_back_references(sentence, last)), first, last
    index = last + 1
    adverbs = []
    while index < len(lowers) and lowers[index] in _EN_ADVERBS:
        adverbs.append(words[index].text)
        index += 1
    verb = _en_plain_verb(lowers[index].replace("’", "'")) if index < len(lowers) else None
    if verb is None:
        return "you" + "".join(_en_back_references(sentence, last)), first, last
    later = "".join(_en_back_references(sentence, index, joined_verbs=True))
    return " ".join(["you", *adverbs, verb]) + later, first, index


def _en_back_references(sentence: Sentence, last: int, joined_verbs: bool = False) -> Iterator[str]:
    """What each later word of the clause that refers back to the reader becomes with "you":
    "their location" → ' … your location', "themselves" → ' … yourself' ("the user can share
    their location", "Everyone is responsible themselves"); with ``joined_verbs`` (the
    phrase's own verb was made to agree) a verb joined by "and"/"or" agrees too ("the user
    deletes the account or requests …" → ' … request'). A semicolon or a subordinate clause
    ends the search, and so does a comma, except the one that closes an opening "If/When the
    user …," before "they" ("If the user does not agree, they may stop …" → ' … you … your …'),
    and the one before "and"/"or" + "is"/"has"/a modal with no new subject ("…, and has the
    right to move their files" → ' … have … your files')."""
    lowers, words, text = sentence.lowers, sentence.words, sentence.block.text
    joined = -1
    for index in range(last + 1, len(lowers)):
        between = text[words[index - 1].end : words[index].start]
        if index == joined:
            continue
        following = lowers[index + 1] if index + 1 < len(lowers) else ""
        if "," in between and lowers[index] in ("and", "or") and (following in _EN_BE_HAVE or following in _EN_MODALS):
            joined = index + 1  # the same subject goes on in a second clause
            if following in _EN_BE_HAVE:
                yield f" … {_EN_BE_HAVE[following]}"
            continue
        if "," in between and lowers[index] == "they" and lowers[0] in _EN_OPENING_SUBORDINATORS \
                and "," not in text[words[0].start : words[index - 1].end]:
            yield " … you"  # the main clause after the opening condition: its subject is the reader
            continue
        if "," in between or ";" in between or lowers[index] in _EN_CLAUSE_ENDS:
            return
        if joined_verbs and lowers[index] in ("and", "or") and index + 2 < len(lowers) \
                and lowers[index + 2] in _EN_OBJECT_STARTS:
            verb = _en_plain_verb(lowers[index + 1])
            if verb is not None:
                yield f" … {verb}"
            continue
        if lowers[index] in _EN_REFLEXIVES:
            yield " … yourself"
        elif lowers[index] == "their":
            noun = [word.text for word in words[index + 1 : index + 3]]
            yield " … " + " ".join(["your", *noun[: 2 if noun[:1] == ["own"] else 1]])  # "their own data"


def _en_of_phrase_start(sentence: Sentence, of: int) -> int | None:
    """Where the noun phrase before "of the user" starts, so that the whole of it becomes "your
    …" ("the IP address of the user" → 'your IP address', not 'the IP address of you'): at its
    "the", or at the first word after "and"/"or" or a comma of a list ("the time, duration and
    truncated telephone number of the user" → 'your truncated telephone number'). ``None`` when
    no such phrase of at most four words stands there ("on behalf of the user")."""
    lowers, words, text = sentence.lowers, sentence.words, sentence.block.text
    for index in range(of - 1, max(-1, of - 6), -1):
        if lowers[index] in _EN_OF_DETERMINERS:
            return index if index < of - 1 else None
        if lowers[index] in ("and", "or"):
            return index + 1 if index + 1 < of else None
        if (not lowers[index].isalpha() and "-" not in lowers[index]) or lowers[index] in _EN_OF_STOPS:
            return None
        if index and "," in text[words[index - 1].end : words[index].start]:
            return index
    return None


# Words that show the words before "of the user" are no noun phrase of its own ("on behalf of",
# "a copy of", "all of", "is part of").
_EN_OF_STOPS = word_set(
    "a an on in at to for by with from about behalf all some any each none one most part is are was were be "
    "been this that these those our your its his her we you they it consists instead because"
)


def _leaves_third_person(sentence: Sentence, begin: int, until: int, text: str, lang: str) -> str | None:
    """A pronoun of the third person the paste would leave for the same reader in the sentence
    ("the user is informed that if they wish …", "Om användaren lämnar …, förlitar vi oss på deras
    samtycke"): pasting only "you"/"du" would mix the persons. Returns the first such word when
    more of them stand outside the span than the suggestion turns (its "… your …" parts), else
    ``None``. Swedish "de" counts before a finite verb only ("de har", not "de första")."""
    lowers = sentence.lowers
    if lang == "en":
        left = [i for i, word in enumerate(lowers) if word in _EN_THIRD and not begin <= i <= until]
        turned = sum(1 for part in text.split(" … ")[1:] if part.split(" ")[0] in ("you", "your", "yourself"))
    else:
        left = [i for i, word in enumerate(lowers) if not begin <= i <= until and (
            word in _SV_THIRD or word == "de" and i + 1 < len(lowers) and lowers[i + 1] in _SV_VERBS_AFTER)]
        turned = 0  # the Swedish suggestion turns reflexives and "hen", never "de"/"deras"/"dem"
    return sentence.words[left[0]].text if len(left) > turned else None


_EN_THIRD = word_set("they them their theirs themselves themself")
_SV_THIRD = word_set("deras")  # "dem" mostly takes up things ("uppgifter … se dem")
SUGGEST_WHOLE_SENTENCE = N_("address the reader in the whole sentence: it also says '{word}'")


def _en_plain_verb(word: str) -> str | None:
    """The form of a third-person present verb that goes with "you" ("is" → "are", "uses" →
    "use", "applies" → "apply", "wishes" → "wish"), or None when the word is no such verb."""
    if word in _EN_BE_HAVE:
        return _EN_BE_HAVE[word]
    if not word.isalpha() or len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    if word in _EN_NOT_VERBS or word in _EN_NOUNS_AFTER:
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def _someone_elses(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """"customer end users", "a customer's end users", "their visitors", "kundens användare":
    another party's users, not the reader; and "our website visitors", "våra användare" in the
    plural: all of them as a group ("how our website visitors use the site": statistics), which
    "you" would turn into something else."""
    if first == 0:
        return False
    before = sentence.words[first - 1].lower
    if before in _OUR[lang] and sentence.lowers[last].endswith(_PLURAL_ENDINGS[lang]):
        return True
    return before in _OTHERS_OWNERS[lang]


_OUR = {"sv": word_set("våra"), "en": word_set("our")}
_PLURAL_ENDINGS = {"sv": ("are", "arna", "erna", "rade"), "en": ("s",)}


def _indefinite_person(sentence: Sentence, lang: str) -> bool:
    """"a small file stored on a visitor's computer, which the visitor's browser sends back": a
    definition about any visitor; the definite mentions that follow refer to it."""
    lowers = sentence.lowers
    if "’" in sentence.text:
        lowers = [word.replace("’", "'") for word in lowers]
    pairs = _INDEFINITE[lang]
    if _INDEFINITE_NOUNS[lang].isdisjoint(lowers):
        return False
    return any(pair in pairs for pair in zip(lowers, lowers[1:]))


_SITES = {
    "sv": ("webbplats", "webbsida", "sida", "sidan", "sajt", "tjänst"),
    "en": ("website", "site", "page", "service"),
}
_VISITS = {
    "sv": word_set("besöker besökt använder öppnar"),
    "en": word_set("visit visits visiting visited uses using opens"),
}
_RELATIVE = word_set("som that which")
_ANY_SITE = {"sv": word_set("en ett någon varje"), "en": word_set("a an any every")}


def _visitor_of_a_site(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """"den webbplats som användaren besöker", "the website the user is visiting": the user
    names the site by the visit, whoever makes it (first-party cookies are set by the site any
    visitor is on); and "… när hen besöker en webbplats", "when they visit a website": a
    sentence about visiting any site, a definition of how cookies work."""
    lowers = sentence.lowers
    before = first - 1
    if before >= 0 and lowers[before] in _RELATIVE:
        before -= 1
    after = last + 1
    while after < len(lowers) and lowers[after] in ("is", "was", "har", "has"):
        after += 1
    if before >= 0 and lowers[before].startswith(_SITES[lang]) and after < len(lowers) and lowers[after] in _VISITS[lang]:
        return True
    return any(
        lowers[i] in _VISITS[lang] and lowers[i + 1] in _ANY_SITE[lang] and lowers[i + 2].startswith(_SITES[lang])
        for i in range(len(lowers) - 2)
    )


# "Lätt autentisering innebär att …", "Light authentication means that …": a definition, true of
# anyone the defined thing concerns.
_DEFINING = {"sv": word_set("innebär betyder avser"), "en": word_set("means mean")}
_DEFINING_REACH = 4


def _defines_a_term(sentence: Sentence, first: int, lang: str) -> bool:
    """Is the sentence a definition ("X innebär att …", "X means that …") with the phrase after
    the defining verb, and no "du"/"you" in it?"""
    lowers = sentence.lowers
    for index in range(1, min(_DEFINING_REACH + 1, first)):
        if lowers[index] in _DEFINING[lang]:
            return _READER_WORDS[lang].isdisjoint(lowers)
    return False


_READER_WORDS = {"sv": word_set("du dig din ditt dina"), "en": word_set("you your yours")}


def _in_scope_list(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """"information about site visitors, prospective customers, and customers": one of the kinds
    of people a text covers, named in a list; the text then speaks to each as "you"."""
    text, words = sentence.block.text, sentence.words
    after = text[words[last].end : words[last + 1].start] if last + 1 < len(words) else ""
    return "," in after and not _LIST_WORDS[lang].isdisjoint(sentence.lowers[last + 1 :])


def _defined_party(sentence: Sentence, first: int, last: int, owned: frozenset[str]) -> bool:
    """Is the phrase a party the document defines as someone else's: a word written with a
    capital inside the sentence that the document also writes after "our"/"their" ("the User
    sets up …" and "Site visitors" where the text speaks of "our Users" and "their Sites")?"""
    for word in sentence.words[max(first, 1) : last + 1]:
        if word.text[:1].isupper() and word.lower.rstrip("s’'") in owned:
            return True
    return False


def _owned_terms(document: Document) -> frozenset[str]:
    """Capitalised words the document writes after a possessive ("our Users", "their Sites")."""
    found = document.notes.get("owned-terms")
    if found is None:
        terms = set()
        for sentence in document.sentences:
            words = sentence.words
            for previous, word in zip(words, words[1:]):
                if previous.lower in _POSSESSIVES and word.text[:1].isupper():
                    terms.add(word.lower.rstrip("s’'"))
        found = document.notes["owned-terms"] = frozenset(terms)
    return found


@cache
def _index(lang: str, kind: str) -> _Index:
    """Phrases of ``kind`` ("always" or "unless") by first word, longest first."""
    phrases = (_ALWAYS if kind == "always" else _UNLESS_NOUN)[lang]
    index: _Index = {}
    for phrase, suggestion in phrases:
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, suggestion))
    for candidates in index.values():
        candidates.sort(key=lambda item: len(item[0]), reverse=True)
    return index


def _matches(lowers: list[str], lang: str, always: _Index, unless: _Index) -> Iterator[tuple[int, int, str]]:
    """The phrases of ``always`` and ``unless`` in a sentence of ``lowers`` (its words read as
    ``check`` reads them), and a generic subject at its start: ``(first, last, suggestion)``."""
    if always.keys().isdisjoint(lowers) and unless.keys().isdisjoint(lowers):  # the common case
        generic = _generic_subject(lowers, lang)
        if generic:
            yield 0, generic - 1, "du" if lang == "sv" else "you"
        return
    index = 0
    while index < len(lowers):
        if index and lowers[index] not in always and lowers[index] not in unless:
            index += 1  # no phrase starts here, and only the first word can be a generic subject
            continue
        found = _phrase_at(lowers, index, always)
        if found is None:
            candidate = _phrase_at(lowers, index, unless)
            if candidate is not None and not _noun_follows(lowers, index + candidate[0], lang):
                found = candidate
        if found is None and index == 0 and _generic_subject(lowers, lang):
            found = (_generic_subject(lowers, lang), "du" if lang == "sv" else "you")
        if found is not None:
            length, suggestion = found
            yield index, index + length - 1, suggestion
            index += length
            continue
        index += 1


# The generic pronoun: "man" ("vilka rättigheter man har") and its genitive "ens" ("ens
# personuppgifter"); not the noun after a determiner ("en man") nor "inte ens" (not even).
_SV_NOT_PRONOUN_BEFORE = word_set("en ingen varje någon denne den annan samma vilken gammal ung")
_SV_NOT_ENS_BEFORE = word_set("inte icke utan knappt")
_SV_READER = word_set("du dig din ditt dina")
# "där man behandlar personuppgifter": the organisation, not the reader.
_SV_ORGANISATION_VERBS = word_set("behandlar samlar sparar lagrar raderar delar lämnar hanterar registrerar")
# Everyone, or all of the readers, as the subject at the start of a sentence.
_EVERYONE = {
    "sv": [("alla", "användare"), ("alla", "besökare"), ("varje", "användare"), ("var", "och", "en"), ("envar",)],
    "en": [("everyone",), ("everybody",), ("all", "users"), ("each", "user"), ("every", "user"), ("all", "visitors")],
}
_EVERYONE_FIRST = {lang: frozenset(words[0] for words in starts) for lang, starts in _EVERYONE.items()}
_EVERYONE_AFTER = {
    "sv": word_set("har är kan ska får måste bör ansvarar äger"),
    "en": word_set("is are has have can may must should will shall"),
}


def _generic_anywhere(sentence: Sentence, lang: str) -> Iterator[tuple[int, int, str]]:
    """Generic readers: "man"/"ens" anywhere, "Alla användare har …"/"Everyone is …" at the
    start, and "users can …" right after an opening phrase and its comma ("In the service,
    users can write …")."""
    lowers = sentence.lowers
    # beside "du", "man" is someone else
    if lang == "sv" and ("man" in lowers or "ens" in lowers) and _SV_READER.isdisjoint(lowers):
        for index, lower in enumerate(lowers):
            previous = lowers[index - 1] if index else ""
            following = lowers[index + 1] if index + 1 < len(lowers) else ""
            if lower == "man" and previous not in _SV_NOT_PRONOUN_BEFORE and following not in _SV_ORGANISATION_VERBS:
                if not _lawmakers(lowers, index):
                    yield index, index, "du"
            elif lower == "ens" and previous not in _SV_NOT_ENS_BEFORE:
                yield index, index, "din, ditt, dina"
    if lowers and lowers[0] in _EVERYONE_FIRST.get(lang, ()):
        for words in _EVERYONE[lang]:
            end = len(words)
            if tuple(lowers[:end]) == words and end < len(lowers) and lowers[end] in _EVERYONE_AFTER[lang]:
                yield 0, end - 1, "du" if lang == "sv" else "you"
                break
    if _GENERIC[lang].isdisjoint(lowers):
        return
    text = sentence.block.text
    for index in range(1, len(lowers) - 1):
        if lowers[index] in _GENERIC[lang] and lowers[index + 1] in _GENERIC_AFTER[lang]:
            between = text[sentence.words[index - 1].end : sentence.words[index].start]
            if "," in between:
                yield index, index, "du" if lang == "sv" else "you"


# "Med förordningen vill man …", "vill man med dataskyddsförordningen svara på …": "man" is the
# lawmakers, saying what a law is for, not the reader.
_STATUTES = ("förordning", "lag", "direktiv", "bestämmelse", "reform", "dataskyddsförordning", "dataskyddslag")
_LAWMAKERS_REACH = 6


def _lawmakers(lowers: list[str], index: int) -> bool:
    window = lowers[max(0, index - _LAWMAKERS_REACH) : index + _LAWMAKERS_REACH + 1]
    return any(
        word == "med" and any(following.startswith(_STATUTES) for following in window[at + 1 : at + 4])
        for at, word in enumerate(window)
    )


def _phrase_at(lowers: list[str], index: int, phrases: _Index) -> tuple[int, str] | None:
    following = lowers[index + 1] if index + 1 < len(lowers) else ""
    for words, suggestion in phrases.get(lowers[index], ()):
        if len(words) > 1 and words[1] != following:
            continue  # cheap test first: "the" starts many phrases
        if tuple(lowers[index : index + len(words)]) == words:
            return len(words), suggestion
    return None


def _noun_follows(lowers: list[str], end: int, lang: str) -> bool:
    """Is the phrase ending before ``end`` followed by a noun it describes?"""
    if end >= len(lowers):
        return False
    after = lowers[end]
    if lang == "sv":
        if after in _SV_VERBS_AFTER or after in ("personen", "personerna", "individen"):
            return False
        return after.endswith(_SV_DEFINITE_NOUN_ENDINGS) and len(after) > 3
    return after in _EN_NOUNS_AFTER


def _generic_subject(lowers: list[str], lang: str) -> int:
    """How many words at the start of a sentence name the reader generically (0: none):
    "Användare kan …" / "Users may …", "Den som …" / "Anyone who …", or the holder of a right
    ("Kunden har rätt …" / "Customers have the right …")."""
    if len(lowers) < 2:
        return 0
    if lowers[0] in _GENERIC[lang] and lowers[1] in _GENERIC_AFTER[lang]:
        return 1
    if tuple(lowers[:2]) in _WHOEVER[lang]:
        return 2
    if (
        lowers[0] in _RIGHT_HOLDERS[lang]
        and any(tuple(lowers[1 : 1 + len(words)]) == words for words in _RIGHTS[lang])
        and _DATA_SUBJECT_RIGHTS[lang].search(" ".join(lowers))
    ):
        return 1
    return 0
