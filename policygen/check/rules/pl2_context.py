"""What kind of text a rule is reading: a heading, a label, a sentence that introduces a list, the
person the writer speaks as. Not a rule itself.

Rules use these to tell a statement about what the organisation does from text that only names
things ("Hur länge uppgifterna sparas" as a list label, "## Information som samlas" as a heading)
or introduces what follows ("in the limited circumstances spelled out below:" + a list).
"""

from __future__ import annotations

from policygen.check.document import Block, Document, Sentence
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
