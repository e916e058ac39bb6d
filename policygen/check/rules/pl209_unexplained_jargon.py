"""PL209 jargon.unexplained."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from policygen.check.document import Block, Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules.pl2_context import is_label
from policygen.check.settings import Option, Settings, WordCount
from policygen.lang.glossary import Term
from policygen.output import Finding
from policygen.lang.messages import _

# Terms whose everyday meaning is close enough to the legal one: the rule does not ask for an
# explanation (templates may still give one).
EVERYDAY = {
    "sv": frozenset({"personuppgifter", "samtycke", "mottagare", "behandling", "tredje part"}),
    "en": frozenset({"personal data", "consent", "recipient", "processing", "third party"}),
}

# 2. An apposition right after the term.
_APPOSITION = {
    "sv": re.compile(
        r"\s*(?:,\s*(?:det vill säga|dvs\.?|d\.v\.s\.|alltså|som betyder|vilket betyder|vilket innebär|"
        r"det är|som är)\b|\s[–—-]\s|\s*[–—:])",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\s*(?:,\s*(?:that is|i\.e\.|meaning|which means|in other words|namely|which is|who is)\b|"
        r"\s[–—-]\s|\s*[–—:])",
        re.IGNORECASE,
    ),
}
# 3. A definition sentence: "[En|Ett|Med] X är/betyder/avses …", "[A|The|By] X is/means/refers to …".
_LEAD_WORDS = {
    "sv": frozenset({"en", "ett", "vårt", "vår", "våra", "ditt", "din", "med", "begreppet", "ordet", "termen"}),
    "en": frozenset({"a", "an", "the", "our", "your", "by", "term", "word"}),
}
_DEFINES = {
    "sv": re.compile(
        r"\s*(?:är|betyder|innebär|avser|kallas|menas|avses|syftar på)\s+(?:en|ett|den|det|de|all|allt|alla|"
        r"någon|något|några|när|att|sådan|sådana|uppgifter|information|företag|personer|människor|"
        r"hur|vad|man|vi)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\s*(?:is|are|means|refers to|is defined as|we mean|is meant|describes)\s+(?:a|an|the|any|anyone|"
        r"anything|everything|all|when|someone|something|that|how|what|information|data|people|"
        r"companies|organisations|organizations|your|our|we)\b",
        re.IGNORECASE,
    ),
}
_DEFINES_BY = {  # "Med X menas …" / "By X we mean …"
    "sv": re.compile(r"\s*(?:menas|avses)\b", re.IGNORECASE),
    "en": re.compile(r"\s*(?:we mean|is meant|means)\b", re.IGNORECASE),
}
# 6. The sentence says what it does: a relative clause or a verb of its role right after it
#    ("en personuppgiftsansvarig som bestämmer …", "Dataskyddsombudet ser till att …", "The DPO
#    makes sure …"). 7. It names what a body is ("Datatillsynsmannen är en oberoende
#    tillsynsmyndighet", "is acting as an independent supervisory authority"): a general
#    explanation (of IMY, say) would be wrong there.
_SAYS_WHAT_IT_DOES = {
    "sv": re.compile(
        r"\s*(?:,\s*)?(?:som (?:bestämmer|ansvarar|ser till|beslutar|hanterar|behandlar|kontrollerar|övervakar|"
        r"granskar|ger|har till uppgift)|ser till att|ansvarar för|kontrollerar att|övervakar|ger råd)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\s*(?:,\s*)?(?:(?:who|that|which) (?:decides|determines|is responsible|makes sure|ensures|handles|"
        r"processes|monitors|oversees|advises)|makes sure|ensures|is responsible for|monitors|oversees|advises|"
        r"determines|decides|provides (?:independent )?advice)\b",
        re.IGNORECASE,
    ),
}
_RELATIVE_ROLE = {
    "sv": re.compile(r"\s*,?\s*som (?:bestämmer|ansvarar|ser till|beslutar|har till uppgift)\b", re.IGNORECASE),
    "en": re.compile(r"\s*,?\s*(?:who|that|which) (?:decides|determines|is responsible|makes sure|ensures)\b",
                     re.IGNORECASE),
}
_SUBJECT_LEAD = {"sv": frozenset({"-", "varje", "kommissionens", "vårt", "ert"}), "en": frozenset({"each", "every"})}
_NAMED_BODY = {
    "sv": re.compile(r"\b(?:är|agerar som|fungerar som|verkar som)\s+(?:en|ett)\s+(?:oberoende|självständig|egen)\s+$", re.IGNORECASE),
    "en": re.compile(r"\b(?:is|acts as|is acting as|serves as|as)\s+(?:an|a)\s+(?:independent|separate|own)\s+$", re.IGNORECASE),
}
_OPEN_PARENTHESIS = re.compile(r"\(\s*(?:\S+\s+){0,2}$")
_PUNCTUATION = re.compile(r"[^\w\s'’-]+")


@cache
def _terms(lang: str) -> dict[str, list[tuple[tuple[str, ...], Term]]]:
    """Forms of every term of art in ``glossary/<lang>/terms.yaml``, indexed by first word."""
    from policygen.check.tokens import words_of
    from policygen.lang.glossary import load_terms
    from policygen.resources import glossary_dir

    index: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
    for term in load_terms(glossary_dir(), lang):
        if term.term in EVERYDAY.get(lang, ()):
            continue
        for form in term.forms:
            words = tuple(words_of(form, lang))
            if words:
                index.setdefault(words[0], []).append((words, term))
    for candidates in index.values():
        candidates.sort(key=lambda item: len(item[0]), reverse=True)
    return index


class UnexplainedJargon(Rule):
    """A term of art is used without an explanation the first time it appears.

    Why
    ---
    WP260 asks controllers to avoid legal and technical jargon, and where a legal term is needed
    (the law requires "personuppgiftsbiträde", "legitimate interest", "standard contractual
    clauses"), to explain it. The reader meets a term once for the first time; explaining it there
    lets every later use stand on its own.

    The terms and their plain explanations are listed in `glossary/<lang>/terms.yaml`. Terms
    whose everyday meaning is close enough are not checked: personuppgifter, samtycke, mottagare,
    behandling, tredje part; personal data, consent, recipient, processing, third party.

    The convention (the policy templates follow it). The first use of a term in the body of a
    document (headings do not count) is explained when

    1. a parenthesis follows it: "personuppgiftsbiträde (ett företag som …)", "processor (a
       company that …)";
    2. an apposition follows it: ", det vill säga …", ", dvs. …", ", alltså …", ", that is, …",
       ", i.e. …", ", meaning …", or a dash or colon: "processor – a company that …",
       "Personuppgiftsbiträde: ett företag som …" (a definition list);
    3. the sentence defines it, with the term as subject: "Ett personuppgiftsbiträde är ett företag
       som …", "Med tredjeland avses ett land …", "A processor is a company that …", "By
       controller we mean …" (the predicate must start like a definition: an article, a pronoun,
       "när"/"when", "att"/"that" …; "Personuppgiftsansvarig är Exempel AB" names, it does not
       explain);
    4. it stands alone in a table cell (a glossary table: the next cell explains it); or
    5. it comes in parentheses after its explanation: "ett företag som hjälper oss
       (personuppgiftsbiträde)";
    6. the sentence says what it does: a relative clause of its role ("en personuppgiftsansvarig
       som bestämmer hur …", "a controller who decides …") or the term as subject of a verb of its
       role ("Dataskyddsombudet ser till att …", "The DPO makes sure …"); or
    7. the sentence names which body it is ("Datatillsynsmannen är en oberoende
       tillsynsmyndighet", "is acting as an independent supervisory authority"), or the next
       sentence does ("… tillsynsmyndigheten. Behörig tillsynsmyndighet i Finland är …"): a
       general explanation (naming IMY) would be wrong there;
    8. the sentence names the article meant ("Den rättsliga grunden för behandlingen är punkt 1c
       i artikel 6"); or
    9. the term comes again later in the sentence with an explanation ("The data controller for
       GDS is DSIT - a data controller determines how and why …").

    The next sentence may define it too, with the term as its subject and a definition or a verb
    of its role after it: "The MOJ is the controller. A controller determines how and why …", "…
    är personuppgiftsansvarig. En personuppgiftsansvarig är den som …".

    An item in a list of contents (a short list item without a final full stop) counts like a
    heading: the term is explained in the section it names.

    Later uses need nothing. Documents shorter than `jargon-min-words` words (50 by default) are
    not checked: a single sentence or a button label has no "first use" to explain. A text of 50
    words or more that never speaks of personal data (no word starting with personuppgift,
    dataskydd, integritet, registrera, gdpr; data, privacy, personal, gdpr) is not checked either:
    there, "the controller on the game console" or "processorn i datorn" is not the legal term.

    Anti-pattern
    ------------
    Vi anlitar ett personuppgiftsbiträde för drift av vårt CRM-system.
    We transfer the data under standard contractual clauses.

    Better
    ------
    Vi anlitar ett personuppgiftsbiträde (ett företag som hanterar uppgifter för vår räkning och
    bara enligt våra instruktioner) för drift av vårt CRM-system.
    We transfer the data under standard contractual clauses, that is, contract terms written by the
    European Commission that oblige the recipient to protect the data to EU standards.
    """

    code = "PL209"
    name = "jargon.unexplained"
    category = "jargon"
    severity = "info"
    options = {"jargon-min-words": Option(50, WordCount)}

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        lang = document.lang
        index = _terms(lang)
        minimum = settings.option(lang, "jargon-min-words")
        if not index or (minimum and len(document.words) < minimum):
            return
        if len(document.words) >= _TOPIC_MIN_WORDS and not _about_personal_data(document, lang):
            return  # "the controller on the game console": not the legal term
        seen: set[str] = set()
        for block in document.blocks:
            if block.kind == "heading":
                continue
            for sentence in block.sentences:
                if block.kind == "list_item" and is_label(sentence):
                    continue  # an item in a list of contents, like a heading
                for first, last, term in _uses(sentence, index):
                    if term.term in seen:
                        continue
                    seen.add(term.term)
                    if _explained(block, sentence, first, last, lang):
                        continue
                    start, end = sentence.words[first].start, sentence.words[last].end
                    matched = block.text[start:end]
                    message = _("Explain '{matched}' the first time you use it.").format(matched=matched)
                    yield self.finding(block, start, end, message, f"{matched} ({term.explanation})")


_TOPIC_MIN_WORDS = 50  # a shorter text is too short to tell what it is about: it is checked
_TOPIC_PREFIXES = {
    "sv": ("personuppgift", "dataskydd", "integritet", "gdpr", "registrera"),
    "en": ("data", "privacy", "gdpr", "personal"),
}


def _about_personal_data(document: Document, lang: str) -> bool:
    """Does the text speak of personal data at all? Only then are "controller", "processor" or
    "personuppgiftsbiträde" the legal terms that need explaining."""
    prefixes = _TOPIC_PREFIXES.get(lang, ())
    return any(word.lower.startswith(prefixes) for word in document.words)


def _uses(sentence: Sentence, index: dict[str, list[tuple[tuple[str, ...], Term]]]) -> Iterator[tuple[int, int, Term]]:
    """``(first word, last word, term)`` of every term used in ``sentence``, longest form first."""
    lowers = sentence.lowers
    if index.keys().isdisjoint(lowers):  # most sentences: no term starts in them (decided in C)
        return
    position = 0
    while position < len(lowers):
        for words, term in index.get(lowers[position], ()):
            end = position + len(words)
            if tuple(lowers[position:end]) == words:
                yield position, end - 1, term
                position = end
                break
        else:
            position += 1


_CITES_ARTICLE = {
    "sv": re.compile(r"(?:\s+\S+){0,4}?\s+(?:är|var)\b(?:\s+\S+){0,6}?\s+(?:artikel|art\.)\s*\d", re.IGNORECASE),
    "en": re.compile(r"(?:\s+\S+){0,4}?\s+(?:is|was)\b(?:\s+\S+){0,6}?\s+(?:article|art\.)\s*\d", re.IGNORECASE),
}
_COPULA = {"sv": ("är",), "en": ("is",)}


def _explained_again(block: Block, sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the term used again later in the sentence with an explanation ("The data controller for
    GDS is DSIT - a data controller determines how and why …")?"""
    words = sentence.words
    term = [word.lower for word in words[first : last + 1]]
    size = len(term)
    for position in range(last + 1, len(words) - size + 1):
        if [word.lower for word in words[position : position + size]] != term:
            continue
        end = words[position + size - 1].end
        after = block.text[end:]
        before = block.text[words[position - 1].end : words[position].start] if position else ""
        lead = words[position - 1].lower if position else ""
        if lead in _LEAD_WORDS[lang] and (_DEFINES[lang].match(after) or _SAYS_WHAT_IT_DOES[lang].match(after)):
            return True
        if _APPOSITION[lang].match(after) or after.lstrip().startswith("(") or "-" in before:
            if _SAYS_WHAT_IT_DOES[lang].match(after) or _DEFINES[lang].match(after):
                return True
    return False


def _named_next(block: Block, sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Does the next sentence name which one is meant ("… till tillsynsmyndigheten. Behörig
    tillsynsmyndighet i Finland är dataombudsmannens byrå.")? A general explanation (naming IMY)
    would be wrong there."""
    sentences = block.sentences
    index = next((i for i, one in enumerate(sentences) if one is sentence), None)
    if index is None or index + 1 >= len(sentences):
        return False
    head = sentence.words[last].lower[:8]
    following = sentences[index + 1].words
    for position, word in enumerate(following):
        if word.lower.startswith(head):
            window = [w.lower for w in following[position + 1 : position + 6]]
            for offset, w in enumerate(window[:-1]):
                if w in _COPULA[lang]:
                    return window[offset + 1] not in _PLACE_WORDS[lang]  # "is in Sweden" says where, not which
            return False
    return False


def _defined_next(block: Block, sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Does the next sentence define the term, with the term as its subject ("The MOJ is the
    controller. A controller determines how and why …", "… personuppgiftsansvarig. En
    personuppgiftsansvarig är den som …")?"""
    sentences = block.sentences
    index = next((i for i, one in enumerate(sentences) if one is sentence), None)
    if index is None or index + 1 >= len(sentences):
        return False
    following = sentences[index + 1]
    term = [word.lower for word in sentence.words[first : last + 1]]
    lowers = following.lowers
    for position in range(0, min(3, len(lowers) - len(term) + 1)):
        if lowers[position : position + len(term)] != term:
            continue
        if not set(lowers[:position]) <= _LEAD_WORDS[lang]:
            return False
        after = block.text[following.words[position + len(term) - 1].end :]
        return bool(_DEFINES[lang].match(after) or _SAYS_WHAT_IT_DOES[lang].match(after))
    return False


_PLACE_WORDS = {
    "sv": frozenset({"i", "på", "inom", "utanför", "hos", "vid", "från", "inte", "också"}),
    "en": frozenset({"in", "at", "within", "outside", "based", "located", "from", "not", "also"}),
}


def _explained(block: Block, sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is this use of a term explained by one of the conventions in the rule's documentation?"""
    words = sentence.words
    start, end = words[first].start, words[last].end
    after = block.text[end:]
    before = block.text[sentence.start : start]
    if after.lstrip().startswith("("):
        return True
    if _APPOSITION[lang].match(after):
        return True
    if _OPEN_PARENTHESIS.search(before):
        return True
    leading = {word.lower for word in words[:first]}
    if leading <= _LEAD_WORDS[lang]:
        if _DEFINES[lang].match(after):
            return True
        if leading & {"med", "by"} and _DEFINES_BY[lang].match(after):
            return True
    if _RELATIVE_ROLE[lang].match(after):
        return True
    names = {word.lower for word in words[:first] if word.text[:1].isupper() and word is not words[0]}
    if _SAYS_WHAT_IT_DOES[lang].match(after) and leading <= _LEAD_WORDS[lang] | _SUBJECT_LEAD[lang] | names:
        return True
    if _NAMED_BODY[lang].search(before):
        return True
    if _CITES_ARTICLE[lang].match(after):
        return True  # "Den rättsliga grunden för behandlingen är punkt 1c i artikel 6": names which
    if _explained_again(block, sentence, first, last, lang) or _named_next(block, sentence, first, last, lang):
        return True
    if _defined_next(block, sentence, first, last, lang):
        return True
    if block.kind == "table_cell":
        cell = _PUNCTUATION.sub(" ", block.text).split()
        term_words = _PUNCTUATION.sub(" ", block.text[start:end]).split()
        if [word.lower() for word in cell] == [word.lower() for word in term_words]:
            return True
    return False
