"""PL213 purpose.improve."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.rules.pl2_patterns import Guarded, sentence_matches, trim_to_words, words_pattern
from policygen.check.settings import Settings
from policygen.output import Finding
from policygen.lang.messages import _

_SV_OBJECTS = (
    r"(?:\w*upplevelse\w*|\w*tjänst\w*|\w*webbplats\w*|sajt\w*|sida|sidan|appen|appar|\w*produkt\w*|"
    r"utbud\w*|service\w*|verksamhet\w*|\w*erbjudande\w*|kommunikation\w*|innehåll\w*|"
    r"marknadsföring\w*|affär\w*|funktion\w*|kundrelation\w*|kundvård\w*|process\w*|rutiner\w*|arbete\w*|"
    r"plattform\w*|system\w*|verktyg\w*|lösning\w*|det|den|dem)"
)
_EN_OBJECTS = (
    r"(?:experiences?|services?|site|website|web site|apps?|application|products?|offerings?|offers?|"
    r"content|platform|business|communications?|marketing|features?|functionality|performance|"
    r"customer relationship|relationship with you|our work|what we offer|advertising|operations|"
    r"processes|activities|organi[sz]ation|systems?|routines|tools?|it|them)"
)
# A verb of improving (infinitive, or a noun of it) and, within three words, what is improved.
_IMPROVING = {  # every match holds one of its verbs
    "sv": Guarded(words_pattern(
        r"(?:förbättra|utveckla|vidareutveckla|optimera|anpassa|personifiera|personalisera|effektivisera|"
        r"skräddarsy|individanpassa|målrikta|"
        r"förbättring av|förbättringar av|utveckling av|anpassning av)(?: \S+){0,3}? " + _SV_OBJECTS,
    ), "förbättr", "utveckl", "optimera", "anpass", "personifiera", "personalisera", "effektivisera",
        "skräddarsy", "målrikta"),
    "en": Guarded(words_pattern(
        r"(?:improv(?:e|ing|ement of)|enhanc(?:e|ing|ement of)|optimi[sz](?:e|ing|ation of)|"
        r"personali[sz](?:e|ing|ation of)|tailor(?:ing)?|customi[sz](?:e|ing)|develop(?:ing|ment of)?|"
        r"streamlin(?:e|ing)|refin(?:e|ing)|grow(?:ing)?|expand(?:ing)?)"
        r"(?: \S+){0,3}? " + _EN_OBJECTS,
        r"(?:improv(?:e|ing)|enhanc(?:e|ing)|develop(?:ing)?|optimi[sz](?:e|ing))(?: our| the)? (?-i:[A-Z][\w-]+)",
    ), "improv", "enhanc", "optimis", "optimiz", "personalis", "personaliz", "tailor", "customis",
        "customiz", "develop", "streamlin", "refin", "grow", "expand"),
}
# ... counts as a purpose after one of these anywhere before it in the sentence ("för att
# förbättra", "to improve", "help us develop"); "we improved our site" is news, not a purpose.
_MARKERS = {
    "sv": re.compile(r"(?<!\w)(?:att|för|syftet|ändamålet|i syfte)(?!\w)", re.IGNORECASE),
    "en": re.compile(
        r"(?<!\w)(?:to|for|in order to|so (?:that )?we can|help us|helps us|helping us|allows? us|enables? us|"
        r"purpose|purposes|aim|aims)(?!\w)",
        re.IGNORECASE,
    ),
}
# Vague purposes written as a promised result.
_RESULTS = {  # every match holds one of the words after it
    "sv": Guarded(words_pattern(
        r"(?:en |ge dig en |ge dig )?(?:(?:bättre|personlig|personligare|skräddarsydd|relevant|mer relevant|"
        r"smidigare|effektivare|anpassad|optimal|bästa möjliga|bästa)(?:,? och |, | )){1,4}"
        r"(?:upplevelse|service|tjänst|kundupplevelse|användarupplevelse)",
        r"(?:mer )?(?:relevanta?|skräddarsydda?|personliga|personligt|anpassade|anpassat|riktade?|"
        r"intressebaserade?) (?:erbjudanden|annonser|reklam|innehåll|marknadsföring|kampanjer|"
        r"rekommendationer|utskick|kommunikation)",
        r"\w*upplevelsen?",
        r"(?:bättre förstå|förstå bättre)",
        r"(?:som )?(?:kan|skulle kunna|kanske|bedöms|antas|tros) (?:vara av intresse|intressera dig)",
        r"som (?:vi tror|vi bedömer|vi tror att) (?:att )?(?:du|dig) (?:\S+ ){0,2}?(?:intresse\w*|gilla\w*|uppskatta\w*)",
    ), "bättre", "personlig", "skräddarsydd", "relevant", "smidigare", "effektivare", "anpassa", "optimal",
        "bästa", "riktad", "upplevelse", "intresse", "gilla", "uppskatta"),
    "en": Guarded(words_pattern(
        r"(?:a |an |the )?(?:(?:better|improved|enhanced|personali[sz]ed|customi[sz]ed|tailored|more relevant|"
        r"smooth(?:er)?|seamless|efficient|optimal|relevant|personal|best possible|best)(?:,? and |, | )){1,4}"
        r"(?:user |customer |online |shopping |browsing )?(?:experience|service)",
        r"(?:more )?(?:relevant|tailored|personali[sz]ed|customi[sz]ed|targeted|interest-based) (?:ads|advertising|"
        r"advertisements|offers|content|marketing|promotions|recommendations|communications|campaigns|messages)",
        r"(?:the |your )?(?:user|customer) experience",
        r"better understand",
        r"(?:that|which) (?:may|might|could|would|we think|we believe)(?: \S+){0,2}? (?:be of interest|interest you)",
        r"of (?:possible |potential )?interest to you",
    ), "experience", "service", "relevant", "tailored", "personalised", "personalized", "customised",
        "customized", "targeted", "interest", "better understand"),
}


# Right before the phrase: the reader's suggestions or a topic to read about, not a purpose
# ("Förslag till förbättringar …", "Suggestions for improving the service can be sent to …",
# "for more information on interest-based ads").
_NOT_A_PURPOSE = {
    "sv": re.compile(r"(?:förslag|idéer|synpunkter|tips|information|läs mer|mer)\s+(?:till|på|om|för)\s+$", re.IGNORECASE),
    "en": re.compile(r"(?:suggestions?|ideas?|feedback|proposals?|tips|information|more|learn)\s+(?:for|on|about)\s+$",
                     re.IGNORECASE),
}


_BASIS_NAMED = {
    "sv": re.compile(r"\s*,?\s*(?:baserade? på|utifrån|grundade? på)\b", re.IGNORECASE),
    "en": re.compile(r"\s*,?\s*(?:based on|derived from|drawn from)\b", re.IGNORECASE),
}
_DEFINITE_BEFORE = {"sv": re.compile(r"(?<!\w)(?:de|dessa)\s+$", re.IGNORECASE), "en": re.compile(r"(?<!\w)(?:the|these)\s+$", re.IGNORECASE)}


def _purpose_spans(sentence: Sentence, lang: str) -> Iterator[tuple[int, int]]:
    """Block spans of vague purposes in ``sentence``, in order, without overlaps."""
    text = sentence.text
    spans = [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in _IMPROVING[lang].finditer(text)
        if _MARKERS[lang].search(text[: m.start()]) and not _NOT_A_PURPOSE[lang].search(text[: m.start()])
    ]
    for start, end in sentence_matches(sentence, _RESULTS[lang]):
        if _NOT_A_PURPOSE[lang].search(text[: start - sentence.start]):
            continue
        promised = sentence.block.text[start:end].lower()
        if promised.endswith(("service", "tjänst")) and not _MARKERS[lang].search(text[: start - sentence.start]):
            continue  # "vi erbjuder personlig service" describes, it is not a purpose
        if _BASIS_NAMED[lang].match(sentence.block.text[end : sentence.end]):
            continue  # "personalized recommendations based on the add-ons you have": the data is named
        if _DEFINITE_BEFORE[lang].search(text[: start - sentence.start]):
            continue  # "To display the personalized recommendations, …": a feature already described
        spans.append((start, end))
    taken = -1
    for start, end in sorted(spans):
        if start >= taken:
            taken = end
            yield start, end


class ImprovePurpose(Rule):
    """A purpose of improving something ("to improve our services") does not say what is done.

    Why
    ---
    WP260 names "we may use your personal data to develop new services" and "to improve your
    experience" as purposes too vague to be specific (GDPR Art. 5(1)(b), 13(1)(c)). Almost any use
    of any data "improves" a service; the reader learns nothing about which data is used, how, or
    with what effect on them. PL208 flags named purposes ("marketing purposes"); this rule flags
    improving, developing, personalising or optimising something as a purpose.

    What is flagged: "för att / to / help us" followed by a verb of improving ("förbättra",
    "utveckla", "anpassa", "optimera"; "improve", "enhance", "personalise", "develop") and, within
    three words, what is improved (the experience, service, website, app, products, business,
    content, marketing, platform, system, tool, or "it": "så att vi kan förbättra den"), improving
    a named product ("to improve Firefox"), a noun of improving ("för utveckling av plattformen"),
    and phrases such as "en bättre upplevelse", "a better service", "more relevant ads".
    The purpose marker must come before ("för", "att", "syftet"; "to", "for", "help us"): "E-tjänsterna
    ska förbättra kommunikationen" states an aim, not a purpose of processing. Not flagged: the
    reader's suggestions or a topic to read about ("Förslag till förbättringar …", "Suggestions
    for improving the service …", "information on interest-based ads"), and a feature whose basis
    is named or that was described before ("personalized recommendations based on the add-ons you
    have", "To display the personalized recommendations, …").

    Anti-pattern
    ------------
    Vi använder uppgifterna för att förbättra och anpassa vårt utbud.
    We use your data to enhance your experience on our website.

    Better
    ------
    Vi använder din köphistorik för att föreslå reservdelar till de produkter du har köpt.
    We count how many people open each help article, so that we know which ones to rewrite.
    """

    code = "PL213"
    name = "purpose.improve"
    category = "vague-purpose"
    severity = "warning"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        if document.lang not in _IMPROVING:
            return
        suggestion = _("say which data you use and what exactly you do with it")  # advice: the interface's language
        for sentence in document.sentences:
            for start, end in _purpose_spans(sentence, document.lang):
                start, end = trim_to_words(sentence, start, end)
                matched = sentence.block.text[start:end]
                message = _("'{matched}' is too vague as a purpose: say what you use the data for.").format(
                    matched=matched)
                yield self.finding(sentence.block, start, end, message, suggestion)
