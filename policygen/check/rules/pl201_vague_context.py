"""PL201 vague.qualifier in context: which matches of the word list are hedges.

The entries live in ``glossary/<lang>/vague.yaml``; this module reads each match in its sentence
(:func:`policygen.check.glossary_rules.refiner`) and drops those where the word is not vague:

- "may", "might", "could": a hedge only about what the writer does ("we may share", "vi kan
  komma att använda") or in a passive about the reader's data ("your name may be displayed").
  Not the reader's permission ("you may", "California customers may request"), nor what others
  can do or what can follow ("Our users may install", "ads may be less relevant", "it may
  leave you open to …", "Some hearings may require you to sign in");
- a quantifier or "bland annat"/"among other things" answered by the list or the examples that
  follow ("under vissa omständigheter …:" + a list, "vissa leverantörer, till exempel …"), or by
  a subsection right below whose heading names it ("we collect some information automatically"
  + "#### Information We Automatically Collect");
- "vid behov", "eventuell", "if necessary" in a sentence about the reader's own situation
  ("Kontakta vid behov …", "Vid en eventuell konflikt kan du vända dig …");
- "oftast" as a superlative ("de sidor som oftast besöks"), and any word after "most"/"mest"
  ("most frequently viewed");
- "i den mån", "i den utsträckning", "to the extent" followed by a fact, not a judgement ("i den
  mån de har förts in i tjänsten": a real condition; "i den mån det är nödvändigt" stays);
- an adverb of frequency or degree ("huvudsakligen", "ofta", "generally", "typically") in a
  clause whose subject is the reader, without the writer in the sentence ("du kan oftast ändra
  inställningarna", "you can usually find them"), or in a sentence that speaks neither of the
  writer nor of the reader ("Tjänsten övervakas
  huvudsakligen under kontorstid"), or that is about the text ("explains generally how");
- "eventuell" after a preposition, where it means "any there is" ("tillsammans med eventuell
  information", "vid en eventuell konflikt");
- a heading that is only the phrase ("9. Tillämplig lag", "Applicable law": the section answers); "eventuellt" after the
  reader ("som du eventuellt har valt"); a quantifier or frequency before what the reader must
  give to use something ("Ibland krävs personuppgifter för att få tillgång till …");
- a quantifier whose noun is not about the processing, also after "of" ("some of our products",
  "a number of the activities"), and a hedge whose object is answered by examples later in the
  sentence ("may use several pieces of data …, including …").

A hedge is vagueness about what the organisation does with the reader's data; so also not:

- a technology described as a kind, with no writer in the sentence ("Kakor används normalt för
  att …", "Cookies may be stored permanently on the device", "Dessa används ofta …" in a
  paragraph that opens "Cookies är …"), or in a relative clause that says what it is ("kakor
  som i regel är permanenta"; "which are usually kept" is a passive and stays);
- another party's or the reader's browser's act, the subject of "kan komma att"/"may" ("Externa
  leverantörer kan komma att installera …", "Your browser may store …"); "våra leverantörer" act
  for the writer;
- a time whose end the sentence gives ("under en viss tid och som försvinner när du stänger
  webbläsaren", "for a certain period, until you log out"; "tills vi inte längre behöver dem"
  stays);
- the document's own contents, where the text tells ("I denna policy ges bland annat
  information om …"; "Enligt denna policy delar vi bland annat …" stays);
- a variation that depends on a choice, the reader's or another's ("depends on how the User
  sets it up, but typically includes …"; "depends on the purpose" stays), or a general rule
  whose exception the next sentence gives with an example ("Svaren syns i huvudsak som sådana.
  … små redigeringar (t.ex. skrivfel).");
- "eventuella" of what the reader has or does ("om du har eventuella frågor") and of what may
  follow from an act ("ansvarar själv för eventuella följder"), and "eventuellt"/"possibly"
  opening an item of a list of what data shows, under an introduction that is not the writer's
  act ("Följande kan framgå av bilderna:" + "- eventuellt ansiktet …");
- a negated standard ("could not reasonably be used to identify any individual");
- words of variety over a range ("olika typer av ärenden", "in various cases"; "various
  purposes", "olika typer av uppgifter" stay).

The suggestion of a hedge is built from the verb that follows: "we may also collect" → 'we
collect …', "kan vi komma att använda" → 'vi använder …', "kan du komma att få" → 'du får …',
"your name may be displayed" → 'we display …'.
"""

from __future__ import annotations

from policygen.check.glossary_rules import Match, refiner
from policygen.check.rules import pl2_passive_words as words
from policygen.check.rules import pl2_verbs as verbs
from policygen.check.rules.pl2_context import context_of, describes_technology, is_heading, is_technology
from policygen.check.rules.pl2_patterns import word_set
from policygen.check.rules.pl203_passive_voice import _EN_ORGANISATION_VERBS, _SV_ORGANISATION_STEMS
from policygen.lang.messages import N_, _

SUGGEST_DO = N_("say whether you do it: '{clause} …'")
SUGGEST_HAPPENS = N_("say what happens: '{clause} …'")

_EN_HEDGES = word_set("may might could")
_CAN = word_set("may might can could kan kunde")
_LIST_ANNOUNCED = word_set("nämligen följande namely following")
# Quantifiers that stand before a noun, and the nouns whose quantity a reader needs to know.
_DETERMINERS = {
    "sv": word_set("vissa viss visst några olika diverse åtskilliga flera antal"),
    "en": word_set("some certain several various variety number"),
}
_WHAT_MATTERS = {
    "sv": ("uppgift", "personuppgift", "information", "data", "partner", "part", "tredje", "företag", "leverantör",
           "mottagar", "fall", "situation", "omständighet", "ändamål", "syft", "tid", "period", "kategori", "typ",
           "slag", "myndighet", "bolag", "cookie", "kak", "personal", "anställd", "medarbetar", "dina", "ditt",
           "din", "våra", "samarbetspartner", "aktör", "organisation", "land", "länder", "demografisk", "känslig",
           "undantag", "villkor", "skäl", "gräns", "begränsning"),
    "en": ("data", "information", "detail", "personal", "partner", "third", "party", "parties", "compan", "vendor",
           "provider",
           "recipient", "case", "circumstance", "situation", "purpose", "time", "period", "categor", "type", "kind",
           "authorit", "cookie", "staff", "employee", "affiliate", "instance", "your", "our", "organi",
           "countr", "sensitive", "record", "identifier", "exception", "condition", "reason", "limit", "restriction"),
}
_PARTITIVE = {"sv": word_set("de det den dessa våra vår vårt"), "en": word_set("the these those our")}
_FREQUENCY = word_set(
    "ofta oftast ibland huvudsakligen vanligtvis vanligen normalt generellt typically usually often sometimes "
    "generally mainly normally mostly"
)
_QUESTION_AFTER = word_set("hur vad varför how what why")
_SUPERLATIVE = word_set("most least mest minst")
# "i den mån" / "to the extent" hedge only when a judgement follows ("i den mån det är
# nödvändigt", "to the extent required"); "i den mån de har förts in" is a real condition.
_EXTENT = {("i", "den", "mån"), ("i", "den", "utsträckning"), ("to", "the", "extent")}
_JUDGEMENT = (
    "krävs", "kräver", "behöv", "nödvändig", "erfordra", "lämplig", "möjlig", "tillåt", "rimlig", "skälig",
    "relevant", "befogad", "motiverad", "anse", "bedöm", "necessar", "require", "need", "appropriate",
    "possibl", "permit", "reasonabl", "practicabl", "allow", "applicabl", "consider", "deem", "feasibl",
    "skyldig", "oblig", "legal",
)
_EXTENT_REACH = 8
_PREPOSITIONS_ANY = word_set("med vid")
_REQUIRE = word_set("require kräva need behöva ask")
_EN_WRITER = word_set("we i")
_EN_ORGANISATION_NOUNS = word_set("controller company organisation organization business processor")
_EN_DATA_VERBS = word_set(
    """
    share disclose transfer sell rent use process collect store keep retain combine send pass publish
    provide give release exchange analyse analyze link match profile record monitor track
    """
)
_EN_SKIP_AFTER_MODAL = word_set("also then sometimes still only even further therefore now")
_SV_KOMMA = word_set("komma")
_QUANTIFIERS = {
    "sv": word_set("vissa viss visst några ett antal flera olika diverse bland annat bl.a. bla. bl"),
    "en": word_set("some certain several various variety number including among"),
}
_EXAMPLE_MARKERS = {
    "sv": [("till", "exempel"), ("t.ex.",), ("tex.",), ("såsom",), ("exempelvis",), ("som", "till", "exempel"), ("bland", "annat"), ("bl.a.",), ("nämligen",)],
    "en": [("for", "example"), ("e.g.",), ("such", "as"), ("like",), ("including",), ("for", "instance"), ("namely",)],
}
_READER_SITUATION = {
    "sv": frozenset({"vid behov", "när det behövs", "om det behövs"}),
    "en": frozenset({"if necessary", "if needed", "when needed", "where necessary", "when necessary", "as needed"}),
}
_SV_IMPERATIVES = word_set(
    "kontakta ring skicka mejla maila läs fyll kontrollera vänd besök logga gå klicka ange meddela hör skriv tänk se"
)
_EN_IMPERATIVES = word_set("contact call send email write read fill check visit log go click tell let please see")
_READER = {"sv": word_set("du dig din ditt dina"), "en": word_set("you your yours")}
_WRITER = {"sv": word_set("vi oss vår vårt våra jag mig min mitt mina"), "en": word_set("we us our ours")}


@refiner("PL201")
def vague_in_context(match: Match) -> str | None:
    """The suggestion for a real hedge, or ``None`` for words that are not vague here."""
    lang = match.document.lang
    lowers = match.sentence.lowers
    phrase = lowers[match.first : match.last + 1]
    context = context_of(match.document)
    if _repeats_list_intro(match, phrase):
        return None
    if describes_technology(match.sentence, lang) or _property_of_technology(match, lowers, lang):
        return None  # "Kakor används normalt för att …", "kakor som i regel är permanenta": a definition
    if _third_party_subject(lowers, match.first, lang):
        return None  # "Externa leverantörer kan komma att installera egna kakor": not the writer's act
    if _time_ends_later(phrase, lowers, match.last + 1, lang):
        return None  # "under en viss tid och som försvinner när du stänger webbläsaren"
    if _about_the_document(phrase, lowers, match.first, lang):
        return None  # "I denna policy ges bland annat information om …": the text's own contents
    if _variation_explained(phrase, lowers, match, lang):
        return None  # "depends on how the User sets it up, but typically includes …"
    if phrase[0] in ("eventuell", "eventuella") and match.first > 1 and lowers[match.first - 2] in ("du", "ni"):
        return None  # "om du har eventuella frågor": whatever the reader has, not the writer's act
    if _possible_outcome(phrase, lowers, match.last + 1, lang):
        return None  # "ansvarar själv för eventuella följder": what may follow, nobody's processing
    if _where_present(match, phrase, lang):
        return None  # "Följande kan framgå av bilderna:" + "- eventuellt ansiktet på föraren"
    if phrase[-1] in _MEASURE_WORDS and match.first and lowers[match.first - 1] in _NEGATIONS:
        return None  # "could not reasonably be used to identify": a standard stated, not a hedge
    if is_heading(match.sentence.block) and _whole_heading(match, lowers):
        return None  # "9. Tillämplig lag", "Applicable law": the topic of a section, which answers
    if phrase[0] == "eventuellt" and match.first and lowers[match.first - 1] in ("du", "ni"):
        return None  # "data som du eventuellt har valt att skicka in": the reader's own choice
    if _required_for_access(lowers, match.last + 1, lang):
        return None  # "Ibland krävs personuppgifter för att få tillgång till …": a condition for the reader
    if phrase[0] in _EN_HEDGES and lang == "en":
        return _english_hedge(match, lowers, context.actor, _named_party(match))
    if "komma" in phrase and lang == "sv":
        return _swedish_hedge(match, lowers, context.actor, _named_party(match))
    if not _QUANTIFIERS.get(lang, frozenset()).isdisjoint(phrase):
        if context.introduces_list(match.sentence) or _examples_follow(lowers, match.last + 1, lang):
            return None
        if _answered_by_sections(match, lowers):
            return None  # "we collect some information automatically" + "### Information We Automatically Collect"
        if _condition_for_reader(lowers, match.last + 1):
            return None  # "Vissa utfrågningar kan kräva att du loggar in": a real condition
        determiners = _DETERMINERS.get(lang, ())
        determiner = phrase[-1] in determiners or (
            len(phrase) > 1 and phrase[-1] in ("of", "av") and phrase[-2] in determiners
        )
        if determiner and not _quantifies_what_matters(lowers, match.last + 1 - (phrase[-1] in ("of", "av")), lang):
            return None  # "the popularity of certain content", "vissa e-tjänster": a description
    if phrase[0] in _VARIETY and not _quantifies_what_matters(lowers, match.last + 1, lang, ranges=False):
        return None  # "säga sin åsikt om olika typer av ärenden", "heard in various cases": a range
    if " ".join(phrase) in _READER_SITUATION.get(lang, ()) and _about_the_reader(lowers, lang):
        return None
    if phrase[0] in ("eventuell", "eventuella") and _about_the_reader(lowers, lang) and _eventual_is_skipped(lowers):
        return None  # "Var och en ansvarar för de eventuella följder": the reader's own situation
    if " ".join(phrase) in _GENERAL_RULE and _exception_follows(match, lang):
        return None  # "Svaren syns i huvudsak som sådana. … några små redigeringar (t.ex. skrivfel)."
    if (phrase[-1] in _FREQUENCY or " ".join(phrase) in _GENERAL_RULE) and _readers_own_act(lowers, match.first, lang):
        return None  # "du kan oftast ändra inställningarna", "you can usually find them": the reader's act
    if phrase[-1] in _FREQUENCY and _describes(match, lowers, match.last + 1, lang):
        return None  # "övervakas huvudsakligen under kontorstid", "explains generally how"
    if phrase[0] in ("eventuell", "eventuella") and match.first and lowers[match.first - 1] in _PREPOSITIONS_ANY:
        return None  # "tillsammans med eventuell demografisk information": any there is
    if phrase[0] in ("eventuell", "eventuella") and match.first > 1 and lowers[match.first - 1] in ("en", "ett") \
            and lowers[match.first - 2] in _PREPOSITIONS_ANY:
        return None  # "Vid en eventuell konflikt": in case of a conflict
    if match.first and lowers[match.first - 1] in _SUPERLATIVE:
        return None  # "the pages most frequently viewed": a superlative, not a hedge
    if tuple(phrase) in _EXTENT and not any(
        word.startswith(_JUDGEMENT) for word in lowers[match.last + 1 : match.last + 1 + _EXTENT_REACH]
    ):
        return None  # "i den mån de har förts in i tjänsten": a real condition
    if phrase == ["oftast"] and match.first and lowers[match.first - 1] in ("som", "de", "det", "den"):
        return None
    if phrase[0] in ("often", "ofta") and match.first and lowers[match.first - 1] in ("how", "hur"):
        return None  # "how often snippets are clicked": a measure, not a hedge
    return match.entry.suggestion()


# Words of variety: many kinds exist, none is withheld; and the nouns of a range ("typer av
# ärenden", "various cases") that they only span.
_VARIETY = word_set("olika diverse various different")
_RANGES = frozenset({"fall", "situation", "omständighet", "typ", "slag", "kategori", "case", "circumstance",
                     "type", "kind", "categor", "instance"})
_THIRD_PARTIES = {
    "sv": ("leverantör", "tjänsteleverantör", "annonsör", "tredje", "tredjepart", "aktör", "webbplatser",
           "partner"),
    "en": ("provider", "vendor", "advertiser", "third", "website", "partner", "platform", "network"),
}
_THIRD_PARTY_OWNERS = word_set("våra vår vårt our")
_READER_EQUIPMENT = {"sv": ("webbläsar", "enhet", "dator", "mobil", "telefon"),
                     "en": ("browser", "device", "computer", "phone")}
_TIME_WORDS = ("tid", "time", "period")
_TIME_ENDS = word_set("tills förrän until")
_ENDING_VERBS = ("försvinn", "upphör", "raderas", "tas", "gallras", "expire", "disappear", "deleted", "erased",
                 "removed", "end")
_ENDING_WHEN = word_set("när då when once")
_DOCUMENT_DEMONSTRATIVES = word_set("denna detta dessa den det här this these")
_DOCUMENT_NOUNS = ("polic", "dokument", "document", "meddelande", "notice", "statement", "beskrivning", "avsnitt",
                   "section", "sida", "page", "text", "villkor", "terms")
# What a text does: "ges information", "beskriver", "explains", "sets out".
_TELLING = ("ges", "beskriv", "innehåll", "förklara", "redogör", "berätta", "informera", "explain", "describ",
            "contain", "sets", "set", "cover", "tell", "inform", "outline")
_ABOUT_TEXT_PHRASES = frozenset({"bland annat", "bl.a.", "bl a", "bla.", "among other things", "among others",
                                 "generally", "in general", "generellt", "i huvudsak", "huvudsakligen", "mainly",
                                 "primarily", "including but not limited to"})
_DEPENDS = {"sv": [("beror", "på"), ("beroende", "på")],
            "en": [("depends", "on"), ("depending", "on"), ("depend", "on")]}
# What the variation depends on is a choice: "hur butiken ställer in", "which service you use".
_CHOICE = {"sv": word_set("hur vilken vilket vilka om du dina din ditt användaren"),
           "en": word_set("how which what whether you your the")}
_GENERAL_RULE = frozenset({"i huvudsak", "huvudsakligen", "i regel", "som regel", "generellt", "generellt sett",
                           "i allmänhet", "normalt", "normalt sett", "in general", "generally", "as a rule",
                           "normally", "mainly", "usually"})
_EXAMPLE_PHRASES = {"sv": [("t.ex.",), ("till", "exempel"), ("exempelvis",), ("såsom",)],
                    "en": [("e.g.",), ("for", "example"), ("such", "as"), ("for", "instance")]}
# What may follow from an act, which nobody decides: "eventuella följder", "eventuella skador".
_OUTCOMES = ("följd", "konsekvens", "skad", "kostnad", "tvist", "konflikt", "olägenhet")
_WHERE_PRESENT = word_set("eventuellt eventuella eventuell possibly")
_MEASURE_WORDS = word_set("reasonably rimligen")
_NEGATIONS = word_set("not cannot never inte aldrig ej")
_COPULAS = word_set("är var blir is are was were")


_READER_SUBJECTS = {"sv": word_set("du ni"), "en": word_set("you")}


def _readers_own_act(lowers: list[str], first: int, lang: str) -> bool:
    """Is the adverb in a clause whose subject is the reader, in a sentence without the writer
    ("men du kan oftast ändra inställningarna", "Du hittar oftast inställningarna i menyn", "you
    can usually find these settings")? How often something holds for what the reader does hides
    nothing about what the writer does with their data."""
    if not _WRITER[lang].isdisjoint(lowers):
        return False
    return not _READER_SUBJECTS[lang].isdisjoint(lowers[max(0, first - 3) : first])


def _answered_by_sections(match: Match, lowers: list[str]) -> bool:
    """Is the quantifier in the paragraph that opens a section, answered by a subsection that
    follows ("we collect some information automatically" + "#### Information We Automatically
    Collect", "vi samlar in vissa uppgifter automatiskt" + "### Uppgifter vi samlar in
    automatiskt")? The subsections are its list: the heading names the quantified noun and
    another word of its clause, and the section below says which."""
    blocks = match.document.blocks
    positions = match.document.notes.get("pl201_block_index")
    if positions is None:  # once per document: rules read many matches
        positions = match.document.notes["pl201_block_index"] = {id(block): i for i, block in enumerate(blocks)}
    index = positions.get(id(match.sentence.block))
    if index is None or index + 1 >= len(blocks) or blocks[index + 1].kind != "heading":
        return False
    level = next((blocks[i].level for i in range(index - 1, -1, -1) if blocks[i].kind == "heading"), 0)
    after = match.last + 1
    if after >= len(lowers):
        return False
    noun = lowers[after]
    clause = [word[:6] for word in lowers[after + 1 : after + 4] if len(word) > 3]
    for following in (blocks[i] for i in range(index + 1, len(blocks))):
        if following.kind != "heading":
            continue
        if following.level <= level:
            return False
        heading = [word.lower for word in following.words]
        if noun in heading and any(word[:6] in clause for word in heading if len(word) > 3 and word != noun):
            return True
    return False


def _property_of_technology(match: Match, lowers: list[str], lang: str) -> bool:
    """Is the word in a relative clause that says what a technology is ("Google sätter kakor som i
    regel är av permanent karaktär", "cookies which are usually persistent")? It describes the
    thing, not what anyone does with the reader's data; "which are usually kept for a year" is a
    passive, and someone keeps them."""
    first, after = match.first, match.last + 1
    if first and lowers[first - 1] in _COPULAS:  # "which are usually …": the copula before the adverb
        first, copula = first - 1, True
    else:  # "som i regel är …": the copula after
        copula = after < len(lowers) and lowers[after] in _COPULAS
        after += 1
    if not (copula and first > 1 and lowers[first - 1] in ("som", "which", "that")
            and is_technology(lowers[first - 2], lang)):
        return False
    # "cookies which are usually kept for a year": a passive, someone keeps them
    return after >= len(lowers) or not (lang == "en" and words.en_is_participle(lowers[after]))


def _third_party_subject(lowers: list[str], first: int, lang: str) -> bool:
    """Is the subject of "kan komma att"/"may" another party, not the writer's own ("Externa
    leverantörer kan komma att installera egna kakor", "External providers may install their
    own cookies"), or the reader's equipment ("Your browser may store these cookies")? What
    others or a browser can do is no hedge about the writer's processing; "våra
    leverantörer"/"our partners" act for the writer and stay judged as the writer."""
    if first and lowers[first] == "komma" and lowers[first - 1] in _CAN:
        first -= 1  # "komma att" alone, after "kan": the subject stands before "kan"
    if first < 1 or lowers[first] not in _CAN:
        return False
    subject = lowers[first - 1]
    equipment = subject.startswith(_READER_EQUIPMENT[lang])  # "Your browser may store …": the reader's
    if not equipment and (not subject.startswith(_THIRD_PARTIES[lang]) or (lang == "en" and not subject.endswith("s"))):
        return False
    return not any(word in _THIRD_PARTY_OWNERS for word in lowers[max(0, first - 3) : first - 1])


def _time_ends_later(phrase: list[str], lowers: list[str], after: int, lang: str) -> bool:
    """Is "en viss tid"/"a certain period" bounded later in the sentence by when it ends ("under
    en viss tid och som försvinner när du stänger webbläsaren", "for a certain period, until you
    log out")? The sentence says how long; the quantifier only opens it. An end the writer
    judges ("tills vi inte längre behöver dem", "until we no longer need it") says nothing."""
    noun = lowers[after : after + 1]  # "viss" alone: "en viss tid" read word by word
    if not any(word.startswith(_TIME_WORDS) for word in phrase + noun):
        return False
    rest = lowers[after:]
    ends = [i + 1 for i, word in enumerate(rest) if word in _TIME_ENDS]
    ends += [i + 2 for i, (word, following) in enumerate(zip(rest, rest[1:]))
             if word.startswith(_ENDING_VERBS) and following in _ENDING_WHEN]
    # "tills vi inte längre behöver dem", "until we no longer need it": the end is the writer's judgement
    return any(rest[end : end + 1] and rest[end] not in _WRITER[lang] for end in ends)


def _about_the_document(phrase: list[str], lowers: list[str], first: int, lang: str) -> bool:
    """Is "bland annat"/"among other things" or "generally" said of the document itself ("I denna
    policy ges bland annat information om …", "This notice explains, among other things, …")?
    The rest is in the text the reader is holding: nothing about the processing is withheld.
    Only where the text tells ("ges", "beskriver", "explains"): "Enligt denna policy delar vi bland
    annat …" is the writer's act."""
    if " ".join(phrase) not in _ABOUT_TEXT_PHRASES or not any(word.startswith(_TELLING) for word in lowers):
        return False
    for index in range(first):
        if lowers[index] in _DOCUMENT_DEMONSTRATIVES:
            nouns = lowers[index + 1 : index + 3]  # "denna policy", "den här dataskyddspolicyn"
            if any(noun.startswith(_DOCUMENT_NOUNS) or "polic" in noun for noun in nouns):
                return True
    return False


def _variation_explained(phrase: list[str], lowers: list[str], match: Match, lang: str) -> bool:
    """Does the sentence say that the variation depends on a choice, the reader's or another's
    ("depends on how the User sets up the service, but typically includes …", "beror på vilken
    tjänst du använder men omfattar vanligtvis …")? The reader is told what decides; "typically"
    then gives the usual case honestly. "Depends on the purpose, but we usually keep …" names
    no choice and stays a hedge."""
    if phrase[-1] not in _FREQUENCY and " ".join(phrase) not in _GENERAL_RULE:
        return False
    for marker in _DEPENDS[lang]:
        for index in range(len(lowers) - len(marker) + 1):
            if tuple(lowers[index : index + len(marker)]) == marker:
                after = lowers[index + len(marker) : index + len(marker) + 1]
                if after and after[0] in _CHOICE[lang] and (after[0] != "the" or _user_follows(lowers, index)):
                    return True
    return False


def _user_follows(lowers: list[str], index: int) -> bool:
    """"depends on the User's settings", "depends on the browser": the choice of someone else."""
    return any(word.startswith(("user", "customer", "browser", "device")) for word in lowers[index + 3 : index + 5])


def _exception_follows(match: Match, lang: str) -> bool:
    """Does the next sentence of the paragraph state the exception to a general rule, with an
    example ("Svaren syns i huvudsak som sådana. Staden kan göra små ändringar (t.ex. rätta
    stavfel).", "In general, comments appear unedited. Minor changes, such as typos, can be
    made.")? The rule and its exception are both told; nothing is left to guess."""
    sentences = match.sentence.block.sentences
    for index, sentence in enumerate(sentences[:-1]):
        if sentence is match.sentence:
            lowers = sentences[index + 1].lowers
            return any(
                tuple(lowers[i : i + len(marker)]) == marker
                for marker in _EXAMPLE_PHRASES[lang] for i in range(len(lowers) - len(marker) + 1)
            )
    return False


def _possible_outcome(phrase: list[str], lowers: list[str], after: int, lang: str) -> bool:
    """Is "eventuella" said of what may follow from an act ("ansvarar själv för eventuella följder
    av missbruk", "eventuella skador")? Consequences are nobody's decision to process data;
    "eventuella ändringar" (the writer's changes) stays a hedge."""
    return (phrase[0] in ("eventuell", "eventuella", "eventuellt") and after < len(lowers)
            and lowers[after].startswith(_OUTCOMES))


def _where_present(match: Match, phrase: list[str], lang: str) -> bool:
    """Does "eventuellt"/"possibly" open an item of a list of what something shows or contains,
    whose introduction is not the writer's act ("Följande personuppgifter kan framgå av
    bilderna:" + "- eventuellt ansiktet på föraren", "The images may show:" + "- possibly the
    driver's face")? The item is there when it is there: a fact about the data, not a choice
    the writer keeps open. Under "Vi delar:" the same item is a hedge."""
    if phrase[0] not in _WHERE_PRESENT or match.first != 0 or match.sentence.block.kind != "list_item":
        return False
    intro = context_of(match.document).list_intro(match.sentence.block)
    return intro is not None and _WRITER[lang].isdisjoint(intro.lowers)


def _whole_heading(match: Match, lowers: list[str]) -> bool:
    """Is the phrase the whole heading, but for its number ("## 9. Tillämplig lag")? Then it
    names the topic of the section below, which says what it is; a heading that says more
    ("Nyhetsbrev i förekommande fall") is judged like any text."""
    others = lowers[: match.first] + lowers[match.last + 1 :]
    return all(not any(ch.isalpha() for ch in word) for word in others)


_REQUIRED = word_set("krävs behövs required needed")
_ACCESS = {"sv": [("för", "att", "få"), ("för", "att", "använda"), ("för", "att", "logga")],
           "en": [("to", "access"), ("to", "use"), ("to", "sign"), ("to", "log"), ("for", "access")]}


def _required_for_access(lowers: list[str], after: int, lang: str) -> bool:
    """"Ibland krävs personuppgifter för att få tillgång till vissa e-tjänster", "In some cases,
    personal data is required to access a service": what the reader must give to use something,
    a condition stated for the reader, not a hedge about what the writer does with data."""
    window = lowers[after : after + 6]  # "some cases, personal data is required"
    for offset, word in enumerate(window):
        if word in _REQUIRED:
            rest = lowers[after + offset + 1 : after + offset + 8]
            return any(
                tuple(rest[i : i + len(marker)]) == marker for marker in _ACCESS[lang] for i in range(len(rest))
            )
    return False


def _describes(match: Match, lowers: list[str], after: int, lang: str) -> bool:
    """Is an adverb of frequency informative here: about the text ("explains generally how"), or
    in a sentence that speaks neither of the writer nor of the reader ("Tjänsten övervakas
    huvudsakligen under kontorstid")?"""
    if after < len(lowers) and lowers[after] in _QUESTION_AFTER:
        return True
    if any(word.text[:1].isupper() for word in match.sentence.words[1:]):
        return False  # "Ibland uppdaterar Mozilla villkoren": the organisation by its name
    words_here = set(lowers)
    return not words_here & _WRITER[lang] and not words_here & _READER[lang]


def _eventual_is_skipped(lowers: list[str]) -> bool:
    return any(lowers[i : i + 3] == ["var", "och", "en"] for i in range(len(lowers) - 2))


def _repeats_list_intro(match: Match, phrase: list[str]) -> bool:
    """Is the match in a list item whose introduction already says it ("We may share … in the
    circumstances below:" + "Vendors: We may share … with vendors …")? The item is one of the
    cases the introduction announced, and the introduction is where the hedge is judged."""
    intro = context_of(match.document).list_intro(match.sentence.block)
    if intro is None:
        return False
    lowers = intro.lowers
    return any(lowers[i : i + len(phrase)] == phrase for i in range(len(lowers) - len(phrase) + 1))


def _quantifies_what_matters(lowers: list[str], after: int, lang: str, ranges: bool = True) -> bool:
    """Does the quantifier bear on the reader's data, who gets it, why, or when (the next three
    words name data, recipients, cases, purposes or times: "vissa uppgifter", "certain third
    parties", "in some cases")? Quantifying anything else ("certain content", "a variety of
    products", "vissa e-tjänster") describes; it hides nothing about the processing.

    ``ranges=False`` is for words of variety ("olika", "various"): "olika typer av ärenden",
    "in various cases" say that there are many kinds, and withhold nothing; only a variety of
    data, recipients or purposes ("olika typer av uppgifter", "various purposes") leaves the
    reader asking which."""
    if after < len(lowers) and lowers[after] in ("of", "av"):  # "some of our products": the noun says
        after += 1
        while after < len(lowers) and lowers[after] in _PARTITIVE[lang]:
            after += 1
    matters = _WHAT_MATTERS[lang] if ranges else tuple(stem for stem in _WHAT_MATTERS[lang] if stem not in _RANGES)
    return any(word.startswith(matters) for word in lowers[after : after + 3])


def _condition_for_reader(lowers: list[str], after: int) -> bool:
    """"Some forms may require you to …", "Vissa tjänster kan kräva att du …": what some things
    ask of the reader, a condition stated as precisely as it can be."""
    window = lowers[after : after + 6]
    return any(
        word in _CAN and following in _REQUIRE for word, following in zip(window, window[1:])
    ) and any(word in ("you", "du", "dig") for word in window)


def _examples_follow(lowers: list[str], after: int, lang: str) -> bool:
    """Do examples follow within four words ("vissa leverantörer, till exempel YouTube"), or a
    list announced later in the sentence ("…, nämligen", "namely", "the following")?"""
    if any(word in _LIST_ANNOUNCED for word in lowers[after:]):
        return True
    window = lowers[after : after + 5]
    for marker in _EXAMPLE_MARKERS[lang]:
        for index in range(len(window) - len(marker) + 1):
            if tuple(window[index : index + len(marker)]) == marker:
                return True
    return False


def _about_the_reader(lowers: list[str], lang: str) -> bool:
    """Is the sentence about what the reader does: an imperative, or "du"/"you" without the
    writer ("Kontakta vid behov …", "Vid en eventuell konflikt kan du vända dig …")?"""
    imperatives = _SV_IMPERATIVES if lang == "sv" else _EN_IMPERATIVES
    if lowers and lowers[0] in imperatives:
        return True
    words_here = set(lowers)
    if lang == "sv" and any(lowers[i : i + 3] == ["var", "och", "en"] for i in range(len(lowers) - 2)):
        return True  # "Var och en ansvarar själv för de eventuella följder …"
    return bool(words_here & _READER[lang]) and not words_here & _WRITER[lang]


def _named_party(match: Match) -> bool:
    """Does a named party handle the data in the sentence or the one before ("Google kan komma
    att överföra …", "kan komma att överföras av Google", "Data collected by Google Analytics may
    be transferred")? Then the hedge is about that party's act, and "vi"/"we" is no actor to
    propose unless the sentence says it."""
    return context_of(match.document).named_party_acts(match.sentence, len(match.sentence.words))


def _english_hedge(match: Match, lowers: list[str], actor: str, named: bool = False) -> str | None:
    """"we may share" → 'we share'; "your name may be displayed" → 'we display' ('… displays'
    where a named party handles the data: ``named``); other subjects (the reader, a company, a
    thing) → not a hedge about the writer."""
    first = match.first
    if _context_introduces_list(match):
        return None
    subject = first - 1
    while subject >= 0 and lowers[subject] in _EN_SKIP_AFTER_MODAL:
        subject -= 1
    after = match.last + 1
    while after < len(lowers) and lowers[after] in _EN_SKIP_AFTER_MODAL:
        after += 1
    if after >= len(lowers):
        return None
    verb = lowers[after]
    examples_later = any(word in ("including", "namely") for word in lowers[after + 1 :])
    if not _QUANTIFIERS["en"].isdisjoint(lowers[after + 1 : after + 3]) and examples_later:
        return None  # "may use several pieces of data …, including …": the examples say which
    if subject >= 0 and lowers[subject] in _EN_WRITER:
        if verb in ("be", "have", "not", "need", "want"):
            return None  # "we may be required to", "we may have to": not a choice we make
        return _(SUGGEST_DO).format(clause=f"{actor} {verb}")
    if verb in _EN_DATA_VERBS:  # "The controller may disclose …", "Mozilla may share …"
        if subject >= 0 and lowers[subject] in _EN_ORGANISATION_NOUNS:
            return _(SUGGEST_DO).format(clause=f"{actor} {verb}")
        return _(SUGGEST_HAPPENS).format(clause=f"… {verbs.en_third_person(verb)}")
    if verb == "be" and after + 1 < len(lowers):
        participle = lowers[after + 1]
        if not words.en_is_participle(participle) or participle in words.EN_ADJECTIVAL:
            return None  # "ads may be less relevant", "may be able to"
        if after + 2 < len(lowers) and lowers[after + 2] == "by":
            return None  # "may be used by those companies": the actor is named
        base = verbs.en_base_form(participle)
        if base in _EN_ORGANISATION_VERBS and named:
            return _(SUGGEST_HAPPENS).format(clause=f"… {verbs.en_third_person(base)}")
        if base in _EN_ORGANISATION_VERBS:
            return _(SUGGEST_DO).format(clause=f"{actor} {base}")
    return None


def _context_introduces_list(match: Match) -> bool:
    return context_of(match.document).introduces_list(match.sentence)


def _swedish_hedge(match: Match, lowers: list[str], actor: str, named: bool = False) -> str | None:
    """"vi kan komma att använda" → 'vi använder'; "kan du komma att få" → 'du får'; "kan komma
    att visas" → 'vi visar'; a middle verb, whose present cannot be built by rule, is stated as
    what will happen ("kan komma att ändras" → '… kommer att ändras', not 'vi ändrasr'). Where a
    named party handles the data (``named``: "Google kan komma att överföra", "kan komma att
    överföras av Google") and the writer is not the subject, the actor is left open ('… överför')."""
    if _context_introduces_list(match):
        return None
    phrase = lowers[match.first : match.last + 1]
    subject = None
    if len(phrase) > 3 and phrase[0] in ("kan", "kunna", "kunde") and phrase[1] not in _SV_KOMMA:
        subject = phrase[1]  # "kan du komma att", "kan vi också komma att"
    elif match.first and lowers[match.first - 1] in ("vi", "jag", "du", "ni"):
        subject = lowers[match.first - 1]
    after = match.last + 1
    while after < len(lowers) and lowers[after] in verbs.SV_CLAUSE_ADVERBS:
        after += 1
    if after >= len(lowers):
        return match.entry.suggestion()
    verb = lowers[after]
    particle = lowers[after + 1] if after + 1 < len(lowers) and lowers[after + 1] in verbs.SV_PARTICLES else ""
    if words.sv_is_s_passive(verb, lowers[after - 1]):
        active = f"{verbs.sv_present_of_infinitive(verbs.sv_active(verb, 'infinitive'))} {particle}".strip()
        if verb.startswith(_SV_ORGANISATION_STEMS) and not (named and subject not in ("vi", "jag")):
            return _(SUGGEST_DO).format(clause=f"{actor} {active}")
        return _(SUGGEST_HAPPENS).format(clause=f"… {active}")
    if verb.endswith("s"):  # "kan komma att ändras": a middle verb, something changes, no actor to add
        return _(SUGGEST_HAPPENS).format(clause=f"… kommer att {verb} {particle}".strip())
    present = f"{verbs.sv_present_of_infinitive(verb)} {particle}".strip()
    if subject in ("du", "ni"):
        return _(SUGGEST_HAPPENS).format(clause=f"{subject} {present}")
    if named and subject not in ("vi", "jag"):  # "Google kan komma att överföra": Google's act
        return _(SUGGEST_HAPPENS).format(clause=f"… {present}")
    return _(SUGGEST_DO).format(clause=f"{actor} {present}")
