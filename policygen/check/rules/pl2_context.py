"""What kind of text a rule is reading: a heading, a label, a sentence that introduces a list, the
person the writer speaks as. Not a rule itself.

Rules use these to tell a statement about what the organisation does from text that only names
things ("Hur länge uppgifterna sparas" as a list label, "## Information som samlas" as a heading)
or introduces what follows ("in the limited circumstances spelled out below:" + a list).
"""

from __future__ import annotations

from policygen.check.document import Block, Document, Sentence
from policygen.check.rules import pl2_passive_words as passive_words
from policygen.check.rules.pl2_verbs import SV_PARTICLES, SV_PREPOSITIONS
from policygen.check.rules.pl2_patterns import word_set

QUESTION_WORDS = {
    "sv": word_set("hur vad vilka vilken vilket varför när var vem vems varifrån vart huruvida om"),
    "en": word_set("how what which why when where who whom whose whether"),
}
LABEL_WORDS = 10
"""A list item, table cell or paragraph of at most this many words that does not end with a full
stop, question or exclamation mark is a label (a name for what follows), not a statement."""

_FIRST_SINGULAR = {"sv": word_set("jag mig min mitt mina"), "en": word_set("i me my mine")}
_FIRST_PLURAL = {"sv": word_set("vi oss vår vårt våra"), "en": word_set("we us our ours")}
_ACTOR = {"sv": ("vi", "jag"), "en": ("we", "I")}
THIRD_PERSON_STATEMENTS = 5
"""How many statements (not headings or questions) a text needs before its never saying
"vi"/"we" counts as writing in the third person."""


def is_heading(block: Block) -> bool:
    return block.kind == "heading"


def ends_with(sentence: Sentence, marks: str) -> bool:
    """Does the sentence end with one of ``marks`` (after closing quotes, brackets, emphasis)?"""
    text = sentence.text.rstrip(" *_)]”\"'’»\u00a0")
    return bool(text) and text[-1] in marks


def is_label(sentence: Sentence) -> bool:
    """A heading, or a short block (list item, table cell, paragraph) that is one sentence
    without a final full stop, question or exclamation mark, or that ends with a colon."""
    block = sentence.block
    if is_heading(block):
        return True
    if ends_with(sentence, ":"):
        return True
    if len(block.sentences) != 1 or len(sentence.words) > LABEL_WORDS:
        return False
    return not ends_with(sentence, ".!?")


_DECIDING = {
    "sv": word_set("bestämmer bestämma bestäms avgör avgöra beslutar besluta beror bero styr styra kontroll kontrollera "
                    "påverka påverkar framgår anges anger"),
    "en": word_set("determine determines decide decides depend depends depending control affect affects indicate indicates"),
}
_DECIDED_QUESTION = {"sv": word_set("hur var varför när vart om"), "en": word_set("how where why when whether")}


def decided_question(lowers: list[str], first: int, lang: str) -> bool:
    """Is the passive in an indirect question after a verb of deciding or depending ("en
    personuppgiftsansvarig som bestämmer hur och varför uppgifterna behandlas", "beror på var de
    förvaras", "a controller determines how and why personal data is processed", "control over
    how your email address is used"), affecting or showing ("påverkar hur uppgifterna behandlas",
    "framgår om och när handlingarna får gallras", "affect how your data is processed", "indicate
    whether the comment has been edited")? The clause names what is decided, it states no act."""
    window = lowers[max(first - 8, 0) : first]
    for offset, word in enumerate(window):
        if word in _DECIDED_QUESTION[lang]:
            before = window[max(offset - 4, 0) : offset]
            if not _DECIDING[lang].isdisjoint(before):
                return True
    return False


# Technologies a cookie notice defines in general ("Kakor är små textfiler", "Web beacons are …").
_TECHNOLOGY = {"sv": ("kak", "cookie", "webbfyr", "pixel", "pixl", "beacon", "spårningskod"),
               "en": ("cookie", "beacon", "pixel", "tag", "script")}
# The reader's equipment, which Swedish names in the definite form in general ("Webbläsaren kan
# ställas in …"): what browsers do is no act of the writer's either.
_EQUIPMENT = {"sv": ("webbläsar", "enhet", "dator", "mobiltelefon"), "en": ("browser", "device", "computer")}
_INDEFINITE = word_set("en ett a an most many all flesta många alla")
_NOT_GENERIC = word_set(
    "de dessa denna detta den det våra vår vårt dina din ditt the these those this our your its their"
)
_ANAPHORS = word_set("dessa de these they")
_WRITER_WORDS = word_set("vi oss vår vårt våra jag mig min mitt mina we us our ours")


def is_technology(lower: str, lang: str) -> bool:
    """Is the word a technology a cookie notice describes, as a kind ("kakor", "cookies",
    "pixeltaggar"; not "kakan", which is one the text has named)?"""
    stems = _TECHNOLOGY.get(lang, ())
    if lower.startswith(_EQUIPMENT.get(lang, ())):
        return True
    if lang == "sv":  # compounds: "sessionskakor", "tredjepartscookies"; a definite form names ours
        return any(stem in lower for stem in stems) and not lower.endswith(("na", "n"))
    return lower.startswith(stems)


def _generic_technology_subject(lowers: list[str], lang: str) -> bool:
    """Does the sentence open with a technology as a kind: a bare plural, an indefinite singular
    or most of them ("Kakor används …", "En kaka är …", "Cookies are …", "Third-party cookies
    …", "De flesta webbläsare …", "Most browsers …"), or the reader's equipment in general
    ("Webbläsaren kan ställas in …")?"""
    if lowers[:2] == ["de", "flesta"]:  # "De flesta webbläsare …": most of the kind
        lowers = lowers[1:]
    start = 1 if lowers and lowers[0] in _INDEFINITE else 0
    for index in range(start, min(start + 2, len(lowers))):
        if lowers[index] in _NOT_GENERIC:
            return False
        if is_technology(lowers[index], lang):
            return True
    return False


_THIS = word_set("this denna detta")
_SITE = ("site", "website", "service", "app", "webbplats", "tjänst", "sajt")


def _names_this_site(lowers: list[str]) -> bool:
    """"Cookies set by this site …", "kakor på denna webbplats …": the writer's own, not the kind."""
    pairs = zip(lowers, lowers[1:])
    return any(first in _THIS and second.startswith(_SITE) for first, second in pairs) or any(
        lowers[i : i + 2] == ["den", "här"] and lowers[i + 2].startswith(_SITE) for i in range(len(lowers) - 2))


def describes_technology(sentence: Sentence, lang: str) -> bool:
    """Is the sentence a general description of a technology, not a statement of what the writer
    does? Its subject is the technology as a kind ("Kakor används normalt för att …", "Cookies
    may be stored permanently on the device"), or "Dessa"/"They" in a paragraph that opens so
    ("Cookies är små textfiler … Dessa används ofta …"), and neither the writer nor the
    writer's site is in it ("Vi använder kakor …", "Cookies set by this site …" say what the
    writer does). A definition hedges nothing about the
    reader's data: it says what such things are and usually do."""
    lowers = sentence.lowers
    if not lowers or not _WRITER_WORDS.isdisjoint(lowers) or _names_this_site(lowers):
        return False
    if _generic_technology_subject(lowers, lang):
        return True
    if lowers[0] in _ANAPHORS:
        opening = sentence.block.sentences[0] if sentence.block.sentences else sentence
        return opening is not sentence and _generic_technology_subject(opening.lowers, lang)
    return False


def starts_with_question_word(sentence: Sentence, lang: str) -> bool:
    lowers = sentence.lowers
    return bool(lowers) and lowers[0] in QUESTION_WORDS.get(lang, ())


class DocumentContext:
    """Facts about one document that rules need per sentence, computed once."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lang = document.lang
        self._next_kind: dict[int, str] = {}
        self._intro: dict[int, Block | None] = {}
        blocks = document.blocks
        intro: Block | None = None
        for index, block in enumerate(blocks):
            self._next_kind[id(block)] = blocks[index + 1].kind if index + 1 < len(blocks) else ""
            if block.kind == "list_item":
                self._intro[id(block)] = intro
            else:
                intro = block
        self._actor: str | None = None
        self._third_person = False
        self._names: frozenset[str] | None = None
        self._previous: dict[int, Sentence] | None = None
        self._writer: frozenset[str] | None = None
        self._lower_case: frozenset[str] | None = None

    @property
    def names(self) -> frozenset[str]:
        """Words the document writes with a capital inside a sentence (not first): names of
        organisations, products and places ("Mozilla", "Google", "Helsingfors")."""
        if self._names is None:
            self._names = frozenset(
                word.text for sentence in self.document.sentences for word in sentence.words[1:] if word.text[:1].isupper()
            )
        return self._names

    def introduces_list(self, sentence: Sentence) -> bool:
        """Is ``sentence`` the last of its block, ending with a colon, with a list right after
        ("… in the limited circumstances spelled out below:" + items)?"""
        block = sentence.block
        if not block.sentences or block.sentences[-1] is not sentence or not ends_with(sentence, ":"):
            return False
        return self._next_kind.get(id(block)) == "list_item"

    def list_intro(self, block: Block) -> Sentence | None:
        """For a list item: the sentence that introduces its list (the last sentence of the
        block before the list, when it ends with a colon), else ``None``."""
        before = self._intro.get(id(block))
        if before is None or not before.sentences:
            return None
        last = before.sentences[-1]
        return last if ends_with(last, ":") else None

    @property
    def actor(self) -> str:
        """The pronoun the writer speaks as: "vi"/"we", or "jag"/"I" when the document speaks in
        the first person singular more than in the plural (a personal site's policy). Questions
        and headings are left out (they speak in the reader's voice: "Vilka är mina
        rättigheter?"), and so are list items that open with "Jag"/"I" (a form's check boxes:
        "Jag har läst och godkänner villkoren") and names ("Mina sidor" inside a sentence)."""
        if self._actor is None:
            plural, singular = _FIRST_PLURAL.get(self.lang, frozenset()), _FIRST_SINGULAR.get(self.lang, frozenset())
            we, i = _ACTOR.get(self.lang, ("we", "I"))
            counts = [0, 0]
            statements = 0
            for sentence in self.document.sentences:
                if is_heading(sentence.block) or sentence.text.rstrip().endswith("?"):
                    continue  # "Varför behandlas mina uppgifter?", "What are my rights?": the reader's voice
                if sentence.block.kind == "list_item" and sentence.lowers[:1] == [i.lower()]:
                    continue  # "- Jag godkänner villkoren", "- I agree": a check box in the reader's voice
                statements += 1
                if plural.isdisjoint(sentence.lowers) and singular.isdisjoint(sentence.lowers):
                    continue  # no pronoun of the writer (most sentences, decided in C)
                for position, word in enumerate(sentence.words):
                    if word.lower in plural:
                        counts[0] += 1
                    elif word.lower in singular and _first_person(word.text, position, self.lang):
                        counts[1] += 1
            self._actor = i if counts[1] > counts[0] else we
            self._third_person = counts == [0, 0] and statements >= THIRD_PERSON_STATEMENTS
        return self._actor

    @property
    def third_person(self) -> bool:
        """Does the document never speak as "vi"/"we" or "jag"/"I", over enough statements to
        tell ("Inga personuppgifter lagras i denna tjänst", "Tjänsten samlar in …")? A writer
        who only ever says "tjänsten" or a name is not known to be "vi": rules that propose an
        actor then leave it open instead of guessing. A shorter text (a snippet, one
        sentence) says too little, and the usual "vi" stands."""
        self.actor  # noqa: B018 - computes both
        return self._third_person


    def named_party_acts(self, sentence: Sentence, at: int) -> bool:
        """Does a named party other than the writer handle the data in this sentence before word
        ``at``, or in the sentence before: a name as the subject of an active verb of handling
        data ("Google kan komma att överföra uppgifterna …", "Google may transfer …") or as the
        agent of a passive ("Data collected by Google Analytics …", "som samlas in av Google")?
        A passive about the same data then hides that party, not the writer: a suggestion must
        not put "vi"/"we" in its place. A name in the document's title is the writer's own
        ("Mozillas sekretesspolicy", "GitHub Privacy Statement"); "vi"/"we" before the passive
        in its own sentence makes the sentence before irrelevant."""
        if self._names_acting(sentence, at):
            return True
        before = self._previous_sentence(sentence)
        if before is None or not _WRITER_SUBJECTS.isdisjoint(sentence.lowers[:at]):
            return False
        return self._names_acting(before, len(before.words))

    def _names_acting(self, sentence: Sentence, until: int) -> bool:
        words, lowers = sentence.words, sentence.lowers
        for index in range(min(until, len(words))):
            if not self._party_name(sentence, index):
                continue
            if _agent_of_a_passive(lowers, index, self.lang):  # "collected by Google", "samlas in av Google"
                return True
            if index and lowers[index - 1] in _PREPOSITIONS:
                continue  # "through EUSurvey", "med Google": not the subject
            after = index + 1
            while after < until and self._party_name(sentence, after):
                after += 1  # "Google Analytics", "Google Ireland Limited"
            while after < until and lowers[after] in _BEFORE_ACTIVE_VERB:
                after += 1  # "Google may also transfer", "Google kan komma att överföra"
            if after < until and _handles_data(lowers[after], self.lang) \
                    and "," not in sentence.block.text[words[index].end : words[after].start]:
                return True
        return False

    def _party_name(self, sentence: Sentence, index: int) -> bool:
        """Is the word at ``index`` a name of a party other than the writer: written with a
        capital inside a sentence, or first in it and never in lower case in the document
        ("Google …", not "Uppgifterna …"), not a pronoun? The writer's own names are left out:
        those in the title or in a sentence that names the controller ("Finlands miljöcentral
        (Syke) är personuppgiftsansvarig", "Data Controller: The European Commission"), and
        definite descriptions, which name the writer's institution far more often than another
        party ("the Commission", "Kommissionen", "Nationalbiblioteket")."""
        word = sentence.words[index]
        lower = word.lower
        if not word.text[:1].isupper() or lower in _PRONOUNS or lower in self._writer_names():
            return False
        if (self.lang == "en" and index and sentence.lowers[index - 1] == "the") or \
                (self.lang == "sv" and lower.endswith(("en", "et")) and len(lower) > 5):
            return False
        if index > 0 or word.text in self.names:
            return True
        # first in its sentence and never in lower case: a name only before a modal ("Google may
        # transfer") or a Swedish present tense ("Google samlar in"), not an adjective before a
        # noun that looks like a verb ("Old records are …")
        following = sentence.lowers[1] if len(sentence.words) > 1 else ""
        verb = following in _BEFORE_ACTIVE_VERB or (
            self.lang == "sv" and following.endswith(("ar", "er", "ir")) and _handles_data(following, "sv"))
        return verb and lower not in self._lower_case_words() and lower not in _QUANTIFIERS_AND_ADJECTIVES

    def _writer_names(self) -> frozenset[str]:
        """The words of the document's first heading and of every sentence that names the
        controller, also without a genitive -s ("Mozillas")."""
        if self._writer is None:
            heading = next((b for b in self.document.blocks if is_heading(b) and b.sentences), None)
            sentences = list(heading.sentences) if heading else []
            roles = _CONTROLLER_WORDS.get(self.lang, ())
            sentences += [s for s in self.document.sentences if _names_a_role(s, roles)]
            lowers = [word.lower for sentence in sentences for word in sentence.words]
            self._writer = frozenset(lowers) | frozenset(lower.removesuffix("s") for lower in lowers)
        return self._writer

    def _lower_case_words(self) -> frozenset[str]:
        if self._lower_case is None:
            self._lower_case = frozenset(
                word.text for sentence in self.document.sentences for word in sentence.words if word.text.islower())
        return self._lower_case

    def _previous_sentence(self, sentence: Sentence) -> Sentence | None:
        if self._previous is None:
            sentences = self.document.sentences
            self._previous = {id(b): a for a, b in zip(sentences, sentences[1:])}
        return self._previous.get(id(sentence))


# Words between a party's name and its verb: modals, auxiliaries of the future, adverbs.
_BEFORE_ACTIVE_VERB = word_set(
    "may might can could will would shall also then only kan kunna kunde får ska skall kommer komma att också även"
)
_WRITER_SUBJECTS = word_set("vi jag we i")
# Words that open a sentence before a plural noun ("Nya delar läggs till"), never a party's name.
_QUANTIFIERS_AND_ADJECTIVES = word_set("alla andra flera många några inga vissa dessa samma hela egna nya gamla äldre övriga")
_PREPOSITIONS = SV_PREPOSITIONS | word_set("via om through with to from in on via of for about at into onto")
_CONTROLLER_WORDS = {"sv": ("personuppgiftsansvarig", "registeransvarig"), "en": ("controller",)}
_PRONOUNS = word_set("vi jag du ni de han hon hen den det we i you they he she it this these")
_EN_HANDLING = word_set(
    """
    share disclose transfer sell use process collect store keep retain combine send pass publish
    provide give release exchange analyse analyze link match profile record monitor track receive
    access host read set place save handle
    """
)
_SV_HANDLING = (
    "del", "lämna", "utlämna", "överlåt", "överför", "använd", "behandl", "saml", "spar", "lagr", "sälj",
    "skick", "kombiner", "samkör", "analyser", "registrer", "publicer", "flytt", "vidarebefordr", "hämta",
    "inhämta", "kopier", "bevar", "profiler", "hanter", "placer", "läser",
)


def _agent_of_a_passive(lowers: list[str], name: int, lang: str) -> bool:
    """Is the name at ``name`` the agent of a passive right before it ("collected by Google",
    "samlas in av Google", "som lagras av Google")? Not "en del av EU" or "by email"."""
    marker = name - 1
    if marker < 1 or lowers[marker] != ("av" if lang == "sv" else "by"):
        return False
    verb = marker - 1
    if lang == "en":
        return passive_words.en_is_participle(lowers[verb])
    if lowers[verb] in SV_PARTICLES and verb:
        verb -= 1  # "samlas in av Google"
    return passive_words.sv_is_s_passive(lowers[verb], lowers[verb - 1] if verb else "") \
        or passive_words.sv_is_participle(lowers[verb])


def _handles_data(lower: str, lang: str) -> bool:
    """Is the word an active verb of handling data ("överför", "överföra", "transfers",
    "collect")? Swedish s-forms are passives, not this."""
    if lang == "sv":
        return lower.startswith(_SV_HANDLING) and not lower.endswith("s")
    if lower in _EN_HANDLING:
        return True
    if lower.endswith("ies"):
        return lower[:-3] + "y" in _EN_HANDLING
    return lower.endswith("s") and (lower[:-1] in _EN_HANDLING or lower[:-2] in _EN_HANDLING)


def _names_a_role(sentence: Sentence, roles: tuple[str, ...]) -> bool:
    """Does a word of ``sentence`` start with one of ``roles``? Only where a role's name is in its
    words at all (one search of their joined text, in C) are the words tried one by one."""
    joined = " ".join(sentence.lowers)
    return any(role in joined for role in roles) and any(word.startswith(roles) for word in sentence.lowers)


def _first_person(text: str, position: int, lang: str) -> bool:
    """Is this "jag"/"mina"/"I"/"my" the writer speaking? Not a name that starts with it ("på
    Mina Kanta-sidor", "in My Account": a capital inside the sentence), nor the English "Me"
    or "I" of a name or label; "I" itself is always written with a capital."""
    if lang == "en":
        return text in ("I", "me", "my", "mine") or (text == "My" and position == 0)
    return position == 0 or not text[:1].isupper()


def context_of(document: Document) -> DocumentContext:
    """The document's context, made once and shared by every rule that reads it."""
    context = document.notes.get("context")
    if context is None:
        context = document.notes["context"] = DocumentContext(document)
    return context
