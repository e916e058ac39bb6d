"""PL206 consent.by_use."""

from __future__ import annotations

import re
from collections.abc import Iterable

from policygen.check.document import Block, Document
from policygen.check.rule import Rule
from policygen.check.rules.pl2_patterns import Guarded, first_match, may_hold, sentence_matches, trim_to_words, words_pattern
from policygen.check.settings import Settings
from policygen.output import Finding
from policygen.lang.messages import _

# Using, visiting or continuing: the behaviour a text pretends is consent.
_USE = {
    "sv": words_pattern(
        r"genom att (?:du )?(?:\S+ ){0,3}?(?:använda|använder|nyttja|besöka|besöker|fortsätta|surfa|navigera|"
        r"gå in på|ta del av|lämna|skicka|registrera|ladda ner|installera|handla|beställa|öppna|stanna|"
        r"kontakta|ringa|mejla|maila|chatta|skriva till|ge oss|ge|uppge|fylla i|ladda upp|delta|anmäla|prenumerera|"
        r"logga in|logga på)",
        r"(?:den|var och en|envar|alla|de) som (?:\S+ ){0,2}?(?:använder|besöker|nyttjar|registrerar|surfar|"
        r"skickar|lämnar|kontaktar|ringer|fortsätter)",
        r"vid (?:användningen|användandet|nyttjandet|registreringen|kontakten|kontakt) (?:av|med)",
        r"vid (?:registrering|inloggning|användning|besök)(?! av)",
        r"(?:användaren|besökaren|kunden|medlemmen|man) (?:\S+ ){0,2}?(?:använder|besöker|nyttjar|fortsätter|"
        r"registrerar|lämnar|skickar|kontaktar)",
        r"(?:om|när|då|så länge|så snart|i och med att) du (?:\S+ ){0,3}?(?:använder|nyttjar|besöker|"
        r"fortsätter|surfar|navigerar|går in på|tar del av|lämnar|stannar|registrerar|laddar ner|"
        r"installerar|använda|besöka|surfa|navigera|skickar|fyller i|handlar|beställer|loggar in|skapar|"
        r"klickar vidare|klickar dig vidare|klickar runt|scrollar|skrollar)",
        r"(?:din |er )?fortsatta? (?:användning|användande|nyttjande|surfande|surfning|navigering|besök)",
        r"(?:din |er )?(?:användning|användningen|användandet|nyttjandet|nyttjande|besöket|besök) (?:av|på) "
        r"(?:webbplatsen|webbsidan|sajten|sidan|tjänsten|tjänsterna|appen|våra tjänster|vår webbplats|"
        r"vår tjänst|vår app|vår sajt)",
        r"(?:ditt|ert) besök",
        r"vid (?:användning|besök) av",
        r"att fortsätta (?:att )?(?:använda|surfa|besöka|navigera)",
        r"genom (?:ditt|ert) (?:besök|användande|nyttjande)",
        r"genom (?:din|er) (?:fortsatta )?(?:användning|närvaro)",
        r"du som (?:besöker|använder|surfar på|nyttjar)",
    ),
    "en": words_pattern(
        r"by (?:continuing to |further |simply |merely )?(?:using|accessing|visiting|browsing|engaging with|"
        r"navigating|interacting with|continuing|registering|providing|submitting|downloading|"
        r"installing|remaining on|staying on|giving us|giving|signing in|logging in|creating an account|"
        r"contacting|calling|emailing|e-mailing|writing to|chatting with|sending us|uploading|subscribing)",
        r"(?:anyone|anybody|everyone|whoever|users|visitors|those|any person|a person) (?:who|that) (?:\S+ ){0,2}?"
        r"(?:uses?|visits?|access(?:es)?|browses?|contacts?|registers?|continues?|submits?|provides?)",
        r"(?:when|while|upon|on|in) (?:using|accessing|visiting|browsing|contacting)",
        r"(?:the )?(?:user|visitor|customer|member)s? (?:\S+ ){0,2}?(?:uses?|visits?|access(?:es)?|continues?|"
        r"contacts?|registers?)",
        r"(?:if|when|once|as soon as|while|whenever) you (?:\S+ ){0,3}?(?:use|using|access|accessing|visit|"
        r"visiting|browse|browsing|continue|navigate|provide|submit|stay|remain|download|install)",
        r"(?:your )?continued (?:use|access|browsing|usage|visits?)",
        r"(?:your |the )?(?:use of|access to|visit to|usage of) (?:this|the|our) (?:site|website|web site|"
        r"services?|app|application|platform|pages?)",
        r"continuing to (?:use|browse|access|visit|navigate)",
        r"(?:accessing|using|visiting|browsing|downloading|installing) (?:this|the|our) (?:site|website|"
        r"services?|app|application|platform)",
    ),
}
# Treating that behaviour as agreement. Each is searched on its own, so overlapping wordings
# are all seen; one preceded by "om"/"if" is a condition ("if you agree, we …"), not a claim.
_AGREE = {
    "sv": [
        words_pattern(r"(?:godkänner|samtycker|accepterar|medger|bekräftar|intygar|godtar) du"),
        words_pattern(r"du (?:\S+ ){0,4}?(?:godkänner|samtycker|accepterar|medger|bekräftar|intygar|godtar)"),
        words_pattern(r"(?:ger|lämnar) du (?:\S+ ){0,2}?(?:samtycke|godkännande|medgivande|tillåtelse|tillstånd)"),
        words_pattern(r"du (?:har )?(?:godkänt|samtyckt|accepterat|godtagit|gett ditt samtycke)"),
        words_pattern(r"anses du (?:\S+ )?(?:ha )?(?:godkänt|samtyckt|accepterat|godtagit)"),
        words_pattern(
            r"(?:samtycker|godkänner|accepterar|medger|godtar) (?:därmed |också |även )?(?:användaren|besökaren|"
            r"kunden|medlemmen|man|den registrerade|abonnenten|personen)"
        ),
        words_pattern(
            r"(?:användaren|besökaren|kunden|medlemmen|man) (?:\S+ ){0,3}?(?:samtycker|godkänner|accepterar|godtar|"
            r"medger)"
        ),
        words_pattern(r"anses (?:\S+ )?(?:ha )?(?:samtyckt|godkänt|accepterat|godtagit|lämnat (?:sitt )?samtycke)"),
        words_pattern(r"(?:lämnas|ges|anses|lämnar|ger) (?:\S+ ){0,2}?(?:samtycke|godkännande|medgivande)"),
        words_pattern(
            r"(?:samtycke|samtycket|godkännande|godkännandet|medgivande) (?:\S+ ){0,2}?(?:lämnas|ges|anses|"
            r"har lämnats|har getts|har givits)"
        ),
        words_pattern(r"(?:är|blir) du bunden"),
        words_pattern(
            r"(?:innebär|betyder|utgör|räknas som|anses som|anses utgöra|ses som|förutsätter|tolkas som|"
            r"medför) (?:\S+ ){0,3}?(?:godkänn\w*|samtyck\w*|accept\w*|medgivande\w*|godta\w*)"
        ),
    ],
    "en": [
        words_pattern(
            r"you (?:\S+ ){0,2}?(?:agree|consent|accept|acknowledge|signify|indicate|confirm|authori[sz]e)"
            r"(?:s|d|ed|ing)?"
        ),
        words_pattern(r"you (?:hereby )?give (?:us )?(?:your )?(?:permission|consent|agreement|authori[sz]ation)"),
        words_pattern(
            r"(?:constitutes?|signif(?:y|ies)|indicates?|means|implies|shows|is deemed|shall be deemed|"
            r"will be deemed|will constitute|shall constitute|is considered|will be considered|"
            r"is treated as|counts as|amounts to) (?:\S+ ){0,3}?(?:acceptance|consent|agreement|"
            r"acknowledge?ment|approval|assent|permission)"
        ),
        words_pattern(r"(?:you|users) (?:are|will be|shall be) deemed to"),
        words_pattern(r"(?:is|are|shall be|will be) (?:deemed|considered|taken) to (?:have )?(?:consent|agree|accept|give)\w*"),
        words_pattern(
            r"(?:the )?(?:user|visitor|customer|member)s? (?:\S+ ){0,2}?(?:agrees?|consents?|accepts?|acknowledges?)"
        ),
        words_pattern(
            r"(?:consent|agreement|acceptance|permission) (?:\S+ ){0,2}?(?:is|will be|shall be) (?:given|granted|"
            r"deemed|considered|assumed|implied|presumed)"
        ),
        words_pattern(r"(?:we )?(?:imply|assume|infer|take it) (?:that )?you (?:\S+ )?(?:consent|agree|accept)"),
        words_pattern(r"(?:are|be|become) bound by"),
    ],
}
# Every pattern of _AGREE holds one of these words: a sentence without any of them agrees to nothing.
_AGREE_WORDS = {
    "sv": ("godkän", "samtyck", "accept", "medge", "medgiv", "bekräft", "intyg", "godta", "tillåtelse", "tillstånd",
           "bunden"),
    "en": ("agree", "consent", "accept", "acknowledg", "signify", "indicate", "confirm", "authoris", "authoriz",
           "permission", "approval", "assent", "deemed to", "considered to", "taken to", "bound by"),
}
_CONDITION = re.compile(r"(?:\bom|\bif|\bunless|\bwhether|\butan att|\bhuruvida)\s+$", re.IGNORECASE)
# "If you do not agree, do not use the site": refusal is left to not using, so use counts as consent.
_REFUSE = {  # every match opens with "om du inte" or "if you"
    "sv": Guarded(words_pattern(
        r"om du inte (?:\S+ )?(?:godkänner|godkänna|accepterar|acceptera|samtycker|samtycka|godtar|godta|"
        r"går med på|gå med på)(?: \S+){0,8}? (?:ska|bör|får|kan|ombeds|ber vi) "
        r"(?:du |dig )?(?:att )?(?:inte|avstå)(?: från)?(?: att)? (?:använda|besöka|nyttja|surfa)",
        r"om du inte (?:\S+ )?(?:godkänner|godkänna|accepterar|acceptera|samtycker|samtycka|godtar|godta)"
        r"(?: \S+){0,8}? (?:använd|besök) inte",
    ), "om du inte"),
    "en": Guarded(words_pattern(
        r"if you (?:do not|don't|cannot|can't|are unable to|do not wish to|don't wish to|are unwilling to) "
        r"(?:agree|accept|consent)(?: \S+){0,8}? (?:please )?(?:do not|don't|should not|"
        r"must not|may not|cannot|refrain from) (?:use|using|access|accessing|visit|visiting|continue)",
    ), "if you"),
}
# Agreeing to licence terms or to a waiver of liability: terms of use, not consent to processing.
_NOT_PERSONAL_DATA = {
    "sv": words_pattern(r"upphovsrätt\w*", r"licens\w*", r"ansvarig\w* för", r"inte är ansvarig\w*", r"skadeslös\w*"),
    "en": words_pattern(r"copyright\w*", r"licen[cs]\w*", r"liable", r"liability", r"indemnif\w*", r"hold harmless"),
}
# An affirmative act (clicking, ticking) is real consent, not consent by use.
_AFFIRMATIVE = {
    "sv": words_pattern(r"klicka\w*(?! (?:vidare|runt|dig))", r"kryssa\w*", r"markera\w*", r"bocka\w*", r"jag godkänner", r"jag samtycker"),
    "en": words_pattern(r"click\w*(?! (?:through|around|on links))", r"tick\w*", r"check(?:ing)? the box", r"select\w*", r"opt(?:ing)? in", r"toggl\w*", r"i agree"),
}


class ConsentByUse(Rule):
    """Using the site or the service is presented as consent.

    Why
    ---
    Consent under GDPR Art. 4(11) and 7 is a clear affirmative act: silence, inactivity or simply
    continuing to use a website is not consent (Recital 32; EDPB guidelines 05/2020 on consent).
    "By using this site you agree …" is therefore misleading and invalid: it tells people they
    have agreed to something they never actively accepted.

    What is flagged: a sentence in which using, visiting, continuing or providing data ("genom att
    använda webbplatsen", "om du fortsätter att använda", "by using our services", "your continued
    use", "when you provide") is treated as agreement ("godkänner du", "samtycker du", "anses du ha
    godkänt", "you agree", "constitutes acceptance", "we imply that you consent"), and "if you do
    not agree, do not use the site" ("om du inte godkänner … ska du inte använda webbplatsen"),
    which equally turns use into consent. Also in the third person and the passive ("samtycker
    användaren till …", "Den som använder tjänsten anses ha samtyckt …", "Vid användning av
    tjänsten lämnas samtycke …", "Anyone who uses the service is deemed to have consented"), and
    for contacting or giving data ("Genom att kontakta supporten samtycker du …", "By giving us
    information you consent …"). Not flagged when the sentence names an affirmative act such as
    clicking or ticking a box, nor when what is agreed to is a licence or a waiver of liability
    (terms of use, not consent to processing).

    Anti-pattern
    ------------
    Genom att använda vår webbplats godkänner du att vi behandlar dina personuppgifter.
    By using this website, you agree to the collection and use of your information.

    Better
    ------
    Vi skickar nyhetsbrevet bara om du kryssar i rutan. Du kan ångra dig när du vill.
    We send the newsletter only if you tick the box. You can withdraw your consent at any time.

    Say which legal basis each purpose has. Where it is consent, ask for it separately with an
    unticked box and say how to withdraw it.
    """

    code = "PL206"
    name = "consent.by_use"
    category = "consent-by-use"
    severity = "error"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        lang = document.lang
        if lang not in _USE:
            return
        for sentence in document.sentences:
            refuse = first_match(sentence, _REFUSE[lang])
            if refuse is not None:
                start, end = trim_to_words(sentence, *refuse)
                yield self._consent_finding(sentence.block, start, end, lang)
                continue
            if not may_hold(sentence.text, _AGREE_WORDS[lang]):
                continue  # no agreement, so no finding: the long pattern of use is not run
            use = first_match(sentence, _USE[lang])
            if use is None:
                continue
            agree = [
                span
                for pattern in _AGREE[lang]
                for span in sentence_matches(sentence, pattern)
                if not _CONDITION.search(sentence.block.text[sentence.start : span[0]])
            ]
            if not agree or first_match(sentence, _AFFIRMATIVE[lang]) is not None:
                continue
            if first_match(sentence, _NOT_PERSONAL_DATA[lang]) is not None:
                continue  # agreeing to a licence or a waiver of liability is terms of use, not consent
            first = min(use[0], *(span[0] for span in agree))
            last = max(use[1], *(span[1] for span in agree))
            start, end = trim_to_words(sentence, first, last)
            yield self._consent_finding(sentence.block, start, end, lang)

    def _consent_finding(self, block: Block, start: int, end: int, lang: str) -> Finding:
        message = _("Continued use is presented as consent; use is not consent under the GDPR.")
        suggestion = _("ask for consent separately, with an unticked box")  # advice: the interface's language
        return self.finding(block, start, end, message, suggestion)
