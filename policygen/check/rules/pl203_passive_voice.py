"""PL203 passive.voice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from policygen.check.document import Document, Sentence
from policygen.check.glossary_rules import shipped_entry
from policygen.check.rule import Rule
from policygen.check.rules import pl2_known_actor as known
from policygen.check.rules import pl2_passive_words as words
from policygen.check.rules import pl2_verbs as verbs
from policygen.check.rules.pl2_context import (
    DocumentContext,
    context_of,
    decided_question,
    is_heading,
    is_label,
    starts_with_question_word,
)
from policygen.check.rules.pl2_patterns import word_set
from policygen.check.rules.pl212_may_be_done import may_be_done
from policygen.check.settings import Settings
from policygen.output import Finding
from policygen.lang import capfirst
from policygen.lang.messages import N_, _

MESSAGE = N_("'{matched}' is passive: say who does it.")
MESSAGE_SKER = N_("'{matched}' hides who does it: say who does it.")
SUGGEST_ACTOR = N_("say who does it: '{actor} {verb} …'")
"""The organisation plausibly acts (it collects, stores, shares, deletes, informs …): the active
form with the writer's own pronoun."""
SUGGEST_ACTOR_INVERTED = N_("say who does it: '{verb} …'")
"""The same where the verb comes before its subject (after a fronted adverbial, a subordinate
clause, or in a question): ``verb`` holds the verb with the pronoun after it, 'lagrar vi'."""
SUGGEST_UNKNOWN = N_("say who does it (you, a named company, the law …): '… {verb} …'")
"""Someone else may act (the reader, a named company, the law): the active form, no actor guessed."""
SUGGEST_OPEN = N_("say who does it: '… {verb} …'")
"""The organisation plausibly acts, but the document never speaks as "vi"/"we" (it says "denna
tjänst" or a name): the active form, with the actor left to the writer rather than guessed."""
SUGGEST_PLAIN = N_("say who does it")
"""No active form is known (a strong participle after "bli")."""

# --- who plausibly acts ----------------------------------------------------------------------

# Verbs of what an organisation does with data or with its readers: a passive of one of these
# hides the organisation itself, so "vi"/"we" is proposed. Swedish as stems of the s-form.
_SV_ORGANISATION_STEMS = (
    "behandl", "saml", "insaml", "lagr", "spar", "använd", "del", "lämna", "utlämn", "överför", "överlåt",
    "skick", "sälj", "publicer", "visa", "rader", "gallr", "hämt", "inhämt", "registrer", "informer",
    "kontakt", "uppman", "ombe", "granska", "moderer", "övervak", "rapporter", "sammanställ",
    "anonymiser", "pseudonymiser", "krypter", "skydda", "uppdater", "rätta", "kontroller", "spela",
    "logg", "analyser", "kombiner", "avgör", "bedöm", "beslut", "hanter", "förvar", "arkiver", "förstör",
    "ta", "ges", "gavs", "getts", "skapa", "stäng", "spärra", "flytt", "sprid", "röj", "kopier",
    "säkerhetskopier", "tillhandahåll", "vidarebefordr", "sänd", "genomför", "följ", "korriger",
    "verifier", "identifier", "besvar", "bevar", "samkör", "profiler", "utvärder", "meddela", "notifier",
    "påminn", "debiter", "fakturer", "tas bort", "tömm", "avidentifier", "matcha", "länka", "redigera",
    "använt", "sänt", "förs", "fördes", "förts", "föras", "togs", "sål", "giv", "spred", "ses", "sågs", "setts",
    "bearbet", "härled", "stängs", "stängd", "tillfråg", "fråga", "offentliggör", "lägg", "dölj", "göm",
)
_EN_ORGANISATION_VERBS = word_set(
    """
    collect gather obtain receive store keep retain hold save archive process handle use analyse
    analyze aggregate combine share disclose transfer send pass give provide sell rent publish
    display show post delete erase remove destroy anonymise anonymize pseudonymise pseudonymize
    encrypt protect secure update correct review monitor moderate record log track report
    summarise summarize inform notify contact ask remind email charge bill verify check hide edit
    access copy host link match profile evaluate assess decide determine manage maintain transmit
    forward release exchange create close suspend block restrict purge discard apply conduct
    carry hand transmit distribute reply respond answer investigate examine capture retrieve
    upload download backup rectify amend modify erase inform invoice scan screen sort gather
    request invite prompt offer
    """
)

# --- not a passive that hides an actor ---------------------------------------------------------

_SV_DOCUMENT_VERBS = (
    "beskriv", "beskrev", "anges", "angavs", "förklara", "redovisa", "nämn", "lista", "räkna", "definier",
    "hänvisa", "referera", "återges", "sammanfatta", "presentera", "specificer", "uppräkna",
)
_SV_DOCUMENT_PLACES = word_set(
    """
    nedan ovan här härefter nedanför detta denna det den policy policyn meddelande meddelandet
    dokument dokumentet avsnitt avsnittet text texten integritetspolicyn informationen
    """
)
_EN_DOCUMENT_VERBS = word_set(
    """
    described set listed explained outlined detailed mentioned referred defined specified stated
    summarised summarized presented covered provided indicated shown given named
    """
)
_EN_DOCUMENT_PLACES = word_set(
    "below above here herein hereinafter this section notice policy statement document page following"
)
_SV_NOT_AGENT = word_set(
    "misstag anledning anledningen anledningar hänsyn olika flera tekniska praktiska säkerhetsskäl skäl nödvändighet"
)
_EN_NOT_AGENT = word_set(
    """
    email e-mail post mail phone telephone sms text hand courier fax default means way using
    clicking entering filling sending visiting choosing ticking signing logging mistake accident
    case step day hand
    """
)
_SV_ABILITY = word_set("kan kunna kunde")
_EN_ABILITY = word_set("can cannot can't could couldn't")
_SV_REQUEST = word_set(
    "begära begär begärt begärde kräva kräver be ber önska önskar välja väljer föreskriver riktlinjer anvisningar"
)
_EN_REQUEST = word_set(
    "request requests requested ask asks asked require requires demand demands choose chooses guidance guidelines "
    "stipulates stipulate"
)
_RELATIVE = {"sv": word_set("som"), "en": word_set("that which who whom")}
_EN_MODALS = word_set("will would can could may might must should shall cannot can't won't wouldn't shouldn't mustn't")
_EN_NEGATIONS = word_set("not never")
_EN_PRE_ADVERBS = word_set("not never also only then still already always usually generally automatically")
_EN_PARTICLE_VERBS = {
    ("carried", "out"), ("set", "up"), ("passed", "on"), ("handed", "over"), ("backed", "up"), ("handed", "out"),
    ("signed", "up"), ("filled", "in"), ("filled", "out"), ("looked", "up"), ("taken", "down"), ("wiped", "out"),
    ("turned", "off"), ("switched", "off"), ("sent", "out"), ("followed", "up"), ("shut", "down"),
}
_SV_SKER = word_set("sker")
_ATTITUDES = word_set("determined prepared")
_WRITER_PRONOUNS = ("oss", "mig", "us", "me")
_SV_DISPLAY = ("visa", "visas")
_EN_DISPLAY = word_set("displayed shown visible presented")


@dataclass(frozen=True, slots=True)
class Passive:
    """One passive: its words ``first``..``last`` (the span reported) and the suggestion."""

    first: int
    last: int
    suggestion: str
    message: str = MESSAGE


class PassiveVoice(Rule):
    """A passive verb hides who does something with the reader's data.

    Why
    ---
    WP260 (the EU data protection authorities' transparency guidelines) asks for the active voice:
    "uppgifterna behandlas" and "your data is shared" do not say *who* processes or shares the
    data, and that is exactly what the reader needs to know. Naming the actor ("vi", "we", "our
    supplier") also makes the sentence shorter.

    What is flagged. Swedish: s-passives ("behandlas", "sparades", "har raderats", "ska lämnas
    ut"), bli-passives ("blir raderade", "blev inspelad") and a noun of handling data with
    "sker" ("Behandlingen sker i Sverige", "den insamling som sker"). English: a form of "be" or
    "get" followed by a past participle ("is processed", "will be stored", "has been shared",
    "gets deleted"), with up to two adverbs between ("are automatically deleted").

    Only a passive with evidence that the hidden actor is plausibly the organisation is flagged:
    a verb of handling data or dealing with the reader (collect, store, share, delete, inform …),
    or, for any other verb, the reader, the reader's data or device named in the passive's own
    clause ("Behandlingen av dina uppgifter utförs", "your data is treated securely", "placeras
    på din enhet"). "Avgiften bestäms varje år" or "the feature is turned on by default" may have
    the reader, the law, a browser or anyone as actor: on real policies such passives were
    mostly false alarms, so they are left alone.

    Not flagged, because no actor is hidden there:

    - a technical description: the reader's own browser or device operated ("när webbläsaren
      stängs"), where a cookie is kept on the reader's device and when it goes ("sparas i din
      dator", "removed when the browser is closed"), what users see in their own view ("visas i
      avsnittet …", "displayed … for users who …"), data refreshed from a named source
      ("uppdateras från folkbokföringen"), backups, servers and databases ("Backups are stored
      in …"), where a service is hosted ("is hosted on the city's cloud"); a prohibition for anyone ("får inte användas utan tillstånd"); a wrong done by
      anyone ("has been misused", "av misstag eller lagstridigt förstörs") or what security
      measures protect against ("skyddar mot att uppgifterna raderas"); what guidance or a law
      requires ("guidance that personal data … must be treated …");
    - the agent is named ("lagras av webbläsaren", "stored by both HEY and Google", "is prohibited
      by law", "raderas och redigeras av administratören"), also when it is the writer or the
      writer's own people ("lagras av oss", "is stored by us", "av en handläggare": the actor is
      named, and an active rewrite is style advice, not a hidden actor), also after an inverted
      subject ("Vid kontoret behandlas ansökningarna av dem som …"); "av misstag", "by email", "by default" name no agent; a
      third party's things with the party named in the sentence ("När du tittar på filmer från
      Vimeo används så kallade tredjepartskakor", and "De används …", "They are used …" in the
      sentences after): the named party uses them ("Third-party cookies are used to show
      adverts", with nobody named, is reported);
    - a restrictive relative clause that only says which things are meant ("de personuppgifter som
      behandlas", "det ämne som diskuteras", "information that can be linked to you"), also
      with its own subject or coordinated passives ("de uppgifter som den sökande ska ges", "som
      hämtas och lagras"), and "to be" after a noun of data ("the information to be given to
      you"; not after a verb of wanting: "we want your data to be deleted"); a non-restrictive
      one after a comma (", which are then reported") is still flagged;
    - the document about itself ("som beskrivs i detta dokument", "Nedan beskrivs", "described
      below", "those purposes which are described in the section above", what the text itself gives or
      where it places something: "I detta avsnitt ges en översikt", "In this section, an
      overview … is given", "fastställs nedan"), its own notation ("markeras med *", "marked
      with *") or referring to another
      ("beskrivs i registerbeskrivningen", "are described in the terms of service");
    - "kan"/"can" + passive of anything but handling data: ability or the reader's permission
      ("kan laddas ned", "can be found"); the handling of data that only "can" happen ("kan
      delas") is also reported by PL212, whose finding the user sees;
    - what the reader asks for, wants or declines ("begära att uppgifterna raderas", "request
      that your data be deleted", "request your records to be corrected", "om du vill att dina
      uppgifter ska raderas", "if you do not want your address to be shared", "avstå från att bli
      kontaktad", "opt out of being contacted"); "vi vill att …", the writer's wish, is still
      reported;
    - headings, and labels: a short list item or table cell without a final full stop that is a
      question or ends with a colon ("Hur länge uppgifterna sparas", "Personuppgifter som samlas
      in:");
    - the writer as the one it happens to ("vi ombeds lämna ut", "we're asked to hand over",
      "unless we are legally prohibited"): someone else acts on the organisation, and 'we …'
      would invert the meaning;
    - a definition ("betraktas som icke-personlig information", "räknas som"), and an indirect
      question after a verb of deciding or depending ("bestämmer hur och varför uppgifterna
      behandlas", "beror på var de förvaras", "determines how and why data is processed", "you
      have control over how your address is used"), or of affecting or showing ("påverkar hur",
      "framgår om", "affect how", "indicate whether"): the clause names what is decided, not an act;
    - a content clause governed by a word of information, confirmation, question, objection or
      knowing: an indirect question ("information om hur dina uppgifter behandlas", "frågor om
      hur uppgifterna används", "the right to know how your data is processed", "object to how
      your data is used") or "att"/"that" after a word of confirmation that a right asks for
      ("rätt till bekräftelse på att uppgifter om dig behandlas", "obtain confirmation that your
      data is being processed"): it names what the information or the right is about and
      asserts no act ("Information om dig sparas", "information when your data is deleted", "en
      bekräftelse att dina uppgifter har raderats" are reported);
    - "used" in a condition or of a service ("när tjänsten används", "if the form is used", "hur
      webbplatsen används", "how the website is used"): the reader or a user uses it; the
      reader's own situation in a condition ("om du antas till utbildningen", "if you are
      admitted to the course"); a risk to the reader ("risken för att du blir identifierad");
      something shown to the reader ("visas korrekt för dig"), and the display of anything that is not the
      reader's data ("Väderprognosen visas på startsidan"; "Ditt namn visas" is reported);
    - an aside that explains an earlier passive of the sentence ("avidentifieras (dvs.
      IP-adresserna tas bort)", "are anonymised (i.e. IP addresses are removed)"): one act,
      reported once, at the first verb;
    - what a kind of thing is normally used for, a bare plural that is not the reader's data
      ("Kakor används vanligtvis för att …", "Cookies are usually used to …");
    - the idioms "hållas uppdaterad/informerad" ("kept up to date" is no passive either) and "bli
      hörd", "be heard" of people (to have one's say; "your complaint will be heard" is
      reported);
    - a name's genitive at the start of a sentence when the document uses the name ("Mozillas
      sekretesspolicy förklarar …" where "Mozilla" appears);
    - states and idioms: deponent and reciprocal verbs ("finns", "hoppas", "lyckas", "trivs",
      "träffas", "behövs", "krävs": a need or a requirement, usually the law's, with no act on
      the reader's data to name), verbs that name or define ("kallas", "avses", "grundas på",
      "regleras"), genitives ("ärendets", "ett företags", "den registrerades samtycke") and
      nouns ending in -s; English adjectival participles ("we are committed", "is based in", "is
      located", "the data is required", "is limited if", "include, but is not limited to", "is
      designed to", "is considered", "when the case is closed") unless "by" names an agent.

    Nor is a passive whose actor the reader already knows, which is what a passive is for
    (:mod:`pl2_known_actor`): the sentence before, in the same paragraph, states the act with a
    named party or a noun as subject and the passive takes up its topic ("Kommunen hanterar de
    uppgifter som skolan skickar. Uppgifterna behandlas …", "The bank keeps statements … These
    are stored …", "… förbehåller sig rätten att göra ändringar … Ändringar meddelas …"), but
    not after the writer ("Vi samlar in ditt namn. Namnet sparas …"), a negated or possible act
    ("Appen samlar inte in …", "The website may use …"), a quantifier ("Alla uppgifter") or a
    noun only inside a prepositional phrase; a named organisation as the place of the act
    ("hanteras vid Försäkringskassan", "handled at the Pensions Agency"; "hos oss", "at our
    offices" are reported); the reader's own act: a request, application or complaint sent
    ("Ansökningar ska skickas till …"; "skickas vidare", "is forwarded" are reported), an
    account created or closed in a clause of time ("när kontot skapades", "after your account
    has been closed"; "Ditt konto raderas efter två år" is reported), a need in a condition
    whose main clause has the reader as subject ("Om en uppgift behöver rättas, kan du …"),
    the reader's wanted act done ("Om du vill ta bort bilderna, ska det göras …"), a condition
    whose main clause grants the reader a right ("om uppgifterna behandlas, har du rätt att få
    tillgång till dem", "if your data is processed, you have the right to a copy"; "om
    uppgifterna lämnas ut, får du ett meddelande" is reported), and the name of a right
    ("rätten att bli informerad", "the right to be informed").

    The suggestion is built from the sentence and can be pasted: the active form in the tense
    written, with its auxiliary, modal and particle ("kan härledas" → 'vi kan härleda …', "har
    samlats in" → 'vi har samlat in …', "samlats" → 'vi har samlat …', "förs över" → 'vi för
    över …', "säljs" → 'vi säljer …', "will not be given" → 'we will not give …', "is not
    stored" → 'we do not store …', "were tied" → 'we tied …'). The organisation ("vi"/"we", or
    "jag"/"I" when the document speaks in the first person singular) is proposed only for verbs
    of what an organisation does with data or with its readers (collect, store, share, delete,
    inform …); otherwise the suggestion gives the active verb and asks who acts, without
    guessing ("the reader, a named company, the law"). A text of five or more statements that
    never speaks as "vi"/"we" or "jag"/"I" (it says "denna tjänst", "the service" or a name) gets
    the active verb with the actor left open ('… lagrar …', '… stores …'), not a guessed "vi".

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
    severity = "info"

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        find = _swedish if document.lang == "sv" else _english
        context = context_of(document)
        for sentence in document.sentences:
            if is_heading(sentence.block):
                continue
            label = is_label(sentence) and (
                starts_with_question_word(sentence, document.lang) or sentence.text.rstrip().endswith(":")
            )
            for passive in find(sentence, context, label):
                start, end = sentence.words[passive.first].start, sentence.words[passive.last].end
                matched = sentence.block.text[start:end]
                yield self.finding(sentence.block, start, end, _(passive.message).format(matched=matched), passive.suggestion)


# --- Swedish ----------------------------------------------------------------------------------


def _swedish(sentence: Sentence, context: DocumentContext, label: bool) -> Iterator[Passive]:
    """Each passive in a Swedish sentence that hides an actor, with its suggestion."""
    lowers = sentence.lowers
    texts = [word.text for word in sentence.words]
    skip_until = -1
    for index, lower in enumerate(lowers):
        if index <= skip_until:
            continue
        if index > 0 and texts[index][:1].isupper():
            continue  # a name mid-sentence ("Klarnas villkor")
        if index == 0 and texts[0][:1].isupper() and texts[0].endswith("s") and texts[0][:-1] in context.names:
            continue  # "Mozillas sekretesspolicy …" where the document names Mozilla
        if lower in _SV_SKER:
            found = _sv_sker(lowers, index, context)
            if found is not None:
                yield found
            continue
        if lower in words.SV_BLI:
            participle = _next_content(lowers, index + 1, words.SV_ADVERBS)
            if participle is not None and words.sv_is_participle(lowers[participle]):
                skip_until = participle
                if not label and not _sv_hidden_actor_excluded(sentence, lowers, index, participle, ability=False) \
                        and not _actor_known(sentence, index, participle, "sv", context) \
                        and (_sv_bli_handles_data(lowers[participle]) or _reader_evidence(sentence, index, participle, "sv")):
                    yield Passive(index, participle, _sv_bli_suggestion(sentence, lowers, index, participle, context))
            continue
        previous = lowers[index - 1] if index > 0 else ""
        if not words.sv_is_s_passive(lower, previous) and not _sv_seen_over(lowers, index):
            continue
        if _sv_genitive_after_article(lowers, index):
            continue
        if label or _sv_hidden_actor_excluded(sentence, lowers, index, index) \
                or _actor_known(sentence, index, index, "sv", context):
            continue
        if not (_sv_handles_data(lower) or _reader_evidence(sentence, index, index, "sv")):
            continue
        yield Passive(index, index, _sv_suggestion(sentence, lowers, index, context))


def _sv_handles_data(lower: str) -> bool:
    """Is the s-passive a verb of what an organisation does with data or with its readers?"""
    return lower.startswith(_SV_ORGANISATION_STEMS) or _sv_compound_stem(lower)


def _sv_bli_handles_data(participle: str) -> bool:
    """The same for the participle after "bli" ("blir raderade", "blev inspelad", "bli tillfrågad")."""
    strong = verbs.SV_STRONG_PARTICIPLE_VERBS.get(participle)
    if strong is not None:
        infinitive, particle = strong
        return any(word.startswith(_SV_ORGANISATION_STEMS) for word in (infinitive, particle + infinitive))
    stem = _sv_participle_stem(participle)
    if stem is None:
        return participle.startswith(_SV_ORGANISATION_STEMS)
    _, base, particle = stem
    return any(word.startswith(_SV_ORGANISATION_STEMS) for word in (base + "a", participle, particle + base))


_SV_ARTICLES = word_set("den de")
_SV_AFTER_A_VERB = verbs.SV_PREPOSITIONS | word_set(
    """
    och eller men samt att som när så då där eftersom medan innan tills om
    den det de dem dig oss er sig honom henne mig du vi jag ni man någon något några alla inga inget ingen
    """
)


def _sv_genitive_after_article(lowers: list[str], index: int) -> bool:
    """"den registrerades samtycke", "de registeransvarigas intressen": after "den"/"de" a word
    in -s with a noun after it is the genitive of an adjective used as a noun, not a verb. A
    passive after the pronoun "den"/"de" is followed by an adverb, a preposition, a conjunction,
    a pronoun or nothing ("den sparas i appen", "de används inte", "de lagras.")."""
    if index == 0 or lowers[index - 1] not in _SV_ARTICLES or index + 1 >= len(lowers):
        return False
    following = lowers[index + 1]
    return following.isalpha() and following not in _SV_AFTER_A_VERB \
        and following not in verbs.SV_CLAUSE_ADVERBS and following not in words.SV_ADVERBS


_SV_SEE = word_set("ses sågs setts")


def _sv_seen_over(lowers: list[str], index: int) -> bool:
    """"ses över", "sågs igenom": the passive of a particle verb, not reciprocal "vi ses"."""
    if lowers[index] not in _SV_SEE:
        return False
    after = index + 1 + verbs.sv_subject_length(lowers, index + 1)  # "ses uppgifterna över"
    return after < len(lowers) and lowers[after] in ("över", "igenom")


def _sv_hidden_actor_excluded(sentence: Sentence, lowers: list[str], first: int, last: int, ability: bool = True) -> bool:
    """Is the passive at ``first``..``last`` one that hides no actor (see the rule's docs)?"""
    return (
        _agent_named(lowers, last, "av", _SV_NOT_AGENT, _sv_is_passive_word, sentence)
        or _restrictive_relative(sentence, lowers, first, "sv")
        or _sv_about_document(lowers, first, last)
        or (ability and _after(lowers, first, _SV_ABILITY, verbs.SV_CLAUSE_ADVERBS) and not _may_be_done(sentence, last, "sv"))
        or (lowers[last].startswith(_SV_DISPLAY) and _followed_by(lowers, last, ("för",), skip_adjective=True))
        or _sv_defining(lowers, last)
        or _sv_kept_idiom(lowers, last)
        or _no_actor_hidden(sentence, lowers, first, last, "sv")
    )


_SV_DEFINING = ("betraktas", "betraktades", "räknas", "räknades", "klassas", "klassificeras")
_SV_KEPT = ("hållas", "hålls", "hölls")
_SV_KEPT_STATES = ("uppdaterad", "uppdaterat", "uppdaterade", "informerad", "informerade", "underrättad",
                   "underrättade", "à jour")


def _sv_defining(lowers: list[str], last: int) -> bool:
    """"betraktas som icke-personlig information", "räknas som personuppgifter": a definition."""
    return lowers[last] in _SV_DEFINING and last + 1 < len(lowers) and lowers[last + 1] in ("som", "vara")


def _sv_kept_idiom(lowers: list[str], last: int) -> bool:
    """"för att hållas uppdaterat": the idiom 'keep up to date', not an act someone hides."""
    return lowers[last] in _SV_KEPT and last + 1 < len(lowers) and lowers[last + 1] in _SV_KEPT_STATES


def _sv_is_passive_word(lowers: list[str], index: int) -> bool:
    return words.sv_is_s_passive(lowers[index], lowers[index - 1] if index else "") or words.sv_is_participle(
        lowers[index]
    )


def _plain(word: str, lang: str) -> str:
    """The plain verb for a bureaucratic one that PL202 lists ("inhämtas" → "hämta in",
    "retain" → "keep"), so the one finding kept on such a word fixes both; "" if none."""
    entry = shipped_entry("PL202", lang, word)
    if entry is None or entry.advice or "(" in entry.replacement or " " in entry.phrase.strip():
        return ""
    first = entry.replacement.split(",")[0].strip()
    return first if first and len(first.split()) <= 2 else ""


_SV_DOCUMENT_NOUNS = ("beskrivning", "villkor", "policy", "meddelande", "dokument", "avsnitt", "avtal", "bilaga",
                      "förteckning", "riktlinje", "information")
_EN_DOCUMENT_NOUNS = ("description", "terms", "policy", "policies", "notice", "statement", "document", "section",
                      "agreement", "addendum", "annex", "appendix", "guideline")


_TEXT_GIVING = {"sv": word_set("ges gavs lämnas lämnades presenteras"), "en": word_set("given provided presented")}
_THIS = {"sv": word_set("denna detta dessa här"), "en": word_set("this these")}


def _text_gives(lowers: list[str], first: int, last: int, lang: str) -> bool:
    """Is the passive what this text itself gives, named in the adverbial before it ("I denna
    policy ges information om …", "I den här dataskyddsbeskrivningen lämnas …", "In this notice,
    information is provided on …")? The document is the giver; no act on data is hidden."""
    if lowers[last] not in _TEXT_GIVING[lang]:
        return False
    nouns = _SV_DOCUMENT_NOUNS if lang == "sv" else _EN_DOCUMENT_NOUNS
    window = lowers[max(first - 8, 0) : first]
    return any(this in _THIS[lang] and any(noun in following for noun in nouns)
               for this, following in zip(window, window[1:]))


_IN_THIS_TEXT = {"sv": word_set("nedan ovan härefter"), "en": word_set("below above hereafter")}


def _here_in_text(lowers: list[str], last: int, lang: str) -> bool:
    """Does the verb end its sentence with a place in this text ("Användarvillkoren fastställs
    nedan.", "The terms are laid down below.")? Whatever the verb, the text says where it does
    it; "lagras enligt nedan" still hides who stores."""
    return lowers[last + 1 :] in ([word] for word in _IN_THIS_TEXT[lang])


def _names_a_document(lowers: list[str], last: int, preposition: str, nouns: tuple[str, ...]) -> bool:
    """Does a document follow the verb ("beskrivs i registerbeskrivningen", "are described further
    in the terms of service")? The text refers the reader to another text, which is no act."""
    after = lowers[last + 1 : last + 4]
    if preposition not in after:
        return False
    rest = lowers[last + 1 + after.index(preposition) + 1 : last + 1 + after.index(preposition) + 5]
    return any(any(noun in word for noun in nouns) for word in rest)


def _sv_about_document(lowers: list[str], first: int, last: int) -> bool:
    """"Nedan beskrivs hur …", "som anges i detta meddelande": the text about itself, or
    referring to another ("beskrivs i registerbeskrivningen"); "I denna policy ges information
    om …": what the text itself gives."""
    if _text_gives(lowers, first, last, "sv") or _here_in_text(lowers, last, "sv"):
        return True
    window = lowers[max(first - 5, 0) : first]
    if any(a == "hur" and b in ("ofta", "många", "mycket") for a, b in zip(window, window[1:])):
        return True  # "hur ofta sidorna besöks": a measure
    if not lowers[last].startswith(_SV_DOCUMENT_VERBS):
        return False
    if _names_a_document(lowers, last, "i", _SV_DOCUMENT_NOUNS):
        return True
    window = lowers[max(first - 3, 0) : last + 5]
    return any(word in _SV_DOCUMENT_PLACES for word in window)


_SV_AFTER_PARTICLE = word_set(
    """
    till från i på av för med via hos efter inom under genom om när och eller men så då enligt
    utan vid mot innan eftersom medan tills ifall
    """
)


_SV_OVER_VERBS = ("förs", "fördes", "förts", "föras", "ses", "sågs", "sett", "skick", "lämn", "flytt", "tas", "tog", "tag")


_SV_PREPOSITION_PARTICLES = word_set("av på till om")
"""Usually prepositions after a passive ("lämnas till Skatteverket", "raderas av oss"); a
particle only where no noun follows: "kontot stängs av", "läggs till i registret"."""


def _sv_is_particle(lowers: list[str], at: int, verb: str = "") -> bool:
    """Is the word at ``at`` the particle of the verb ``verb`` before it, not a preposition?
    "Över" is both: "förs över till USA" (a particle) but "lagras över natten" (a preposition)."""
    if at >= len(lowers):
        return False
    following = lowers[at + 1] if at + 1 < len(lowers) else ""
    if lowers[at] in _SV_PREPOSITION_PARTICLES:  # "stängs av.", "läggs till i registret", "görs om"
        return not following or (following in _SV_AFTER_PARTICLE and following != "och" and following != lowers[at])
    if lowers[at] not in verbs.SV_PARTICLES:
        return False
    if following in verbs.SV_POSSESSIVES:
        return False  # "in dina uppgifter"
    if lowers[at] != "över":
        return True
    if verb.startswith(_SV_OVER_VERBS):
        return True  # "ses över", "förs över", "skickas över", "tas över"
    return not following or following in _SV_AFTER_PARTICLE or following in verbs.SV_CLAUSE_ADVERBS


def _sv_particle(lowers: list[str], last: int) -> str:
    """The particle after the verb at ``last`` ("samlas in"), with the clause adverbs before it
    ("lämnas inte ut" → "inte ut"), also after an inverted subject ("lämnas uppgifterna ut");
    "" if none."""
    subject = verbs.sv_subject_length(lowers, last + 1)
    for skip in sorted({0, subject}):
        first = at = last + 1 + skip
        while at < len(lowers) and at - first < 2 and lowers[at] in verbs.SV_CLAUSE_ADVERBS:
            at += 1
        if _sv_is_particle(lowers, at, lowers[last]):
            return " ".join(lowers[first : at + 1])  # "lämnas inte ut" → "lämnar inte ut"
    return ""


def _sv_inverted(sentence: Sentence, lowers: list[str], finite: int) -> bool:
    """Does the finite verb at ``finite`` come before its subject (see :func:`verbs.sv_verb_first`)?"""
    if finite + 1 >= len(lowers):
        return False
    text = sentence.block.text
    comma = "," in text[sentence.words[finite].end : sentence.words[finite + 1].start]
    return verbs.sv_verb_first(lowers, finite, comma)


_SV_NEGATIONS = word_set("inte aldrig ej icke")


def _sv_chain(before: list[str]) -> tuple[list[str], int]:
    """The auxiliaries and modals that govern the s-form written after ``before``, with the
    clause adverbs and "att" between them ("kommer inte att", "skulle kunna", "borde ha", "ska
    även"), without an inverted subject ("ska dina uppgifter raderas" → ["ska"]); and the
    index of the finite (first) one. Empty and -1 when there is none."""
    head = verbs.sv_auxiliary(before)
    if head is None:
        return [], -1
    first = head
    for index in range(head - 1, max(head - 7, -1), -1):
        word = before[index]
        if word in verbs.SV_MODALS or word in verbs.SV_FUTURE or word in verbs.SV_PERFECT:
            first = index
        elif word not in verbs.SV_CLAUSE_ADVERBS and word != "att":
            break
    linking = [w for w in before[head + 1 :] if w in verbs.SV_CLAUSE_ADVERBS or w == "att"]  # not the subject
    negation = first
    while negation > 0 and before[negation - 1] in _SV_NEGATIONS and first - negation < 2:
        negation -= 1  # a subordinate clause: "att lagen inte har följts" → "att vi inte har följt"
    chain = [*before[negation:first], *before[first : head + 1], *linking]
    if chain[-1] in verbs.SV_FUTURE or (before[head] in verbs.SV_FUTURE and "att" not in linking):
        chain.append("att")  # "kommer informeras" → "kommer att informera"
    return chain, first


def _sv_verb_words(before: list[str], tense: str, active_of, particle: str) -> tuple[list[str], int]:  # noqa: ANN001
    """The active verb phrase (auxiliaries, adverbs, verb, particle) for a passive in ``tense``
    written after ``before``, and the index of its finite verb (-1: the passive itself).
    ``active_of(tense)`` gives the active verb in a tense."""
    chain, finite = _sv_chain(before) if tense in ("infinitive", "supine") else ([], -1)
    if tense == "infinitive" and not chain:
        tense = "present"  # "för att informeras": no modal to keep, so the present reads best
    if tense == "supine" and not chain:
        chain = ["har"]  # "trots att uppgifterna samlats in" → "har samlat in"
    active, fused = verbs.sv_split_particle(active_of(tense))
    return [*chain, active, *([particle or fused] if particle or fused else [])], finite


_SV_SUBMIT = ("skick", "lämna", "lämnades", "lämnats")
"""Verbs that with "in" mean what the reader does: submit ("ansökan skickas in", "lämnas in")."""


def _sv_coordination_start(lowers: list[str], index: int) -> int:
    """Where the coordination of s-forms that ends at ``index`` begins, so that its later verbs
    keep the auxiliary or modal of the first: "kan raderas eller redigeras" → 'vi kan redigera'
    (not 'vi redigerar'), "har samlats in och lagrats" → 'vi har lagrat'. ``index`` when the
    word is not the second part of such a coordination."""
    start = index
    if start < 2 or lowers[start - 1] not in _SV_COORDINATORS:
        return index
    start -= 1
    while start >= 1 and (lowers[start - 1] in _SV_COORDINATION_PARTICLES or _sv_coordinated_s_form(lowers, start - 1)):
        start -= 1  # "kan tas bort eller", "kan raderas, ändras eller" (the commas are not words)
    return start if start < index - 1 and _sv_coordinated_s_form(lowers, start) else index


def _sv_coordinated_s_form(lowers: list[str], at: int) -> bool:
    """A passive s-form, or a verb in -as that the detector leaves alone ("ändras"), as a
    member of a coordination."""
    return _sv_is_passive_word(lowers, at) or (lowers[at].endswith("as") and len(lowers[at]) > 4)


_SV_COORDINATORS = ("eller", "och")
_SV_COORDINATION_PARTICLES = frozenset("bort in ut upp över av fram ner till".split())


def _sv_suggestion(sentence: Sentence, lowers: list[str], index: int, context: DocumentContext) -> str:
    lower = lowers[index]
    plain = _plain(lower, "sv")
    particle = "" if plain else _sv_particle(lowers, index)

    def active(form: str) -> str:
        return verbs.sv_inflect(plain, form) if plain else verbs.sv_active(lower, form)

    before = lowers[: _sv_coordination_start(lowers, index)]
    words, finite = _sv_verb_words(before, verbs.sv_tense(lower, before), active, particle)
    finite = finite if finite >= 0 else index
    organisation = (lower.startswith(_SV_ORGANISATION_STEMS) or _sv_compound_stem(lower)) and not (
        particle.endswith("in") and lower.startswith(_SV_SUBMIT)  # "när formuläret skickas in": the reader sends it
        or _reader_gives(lowers, index, index, lower.startswith(_SV_GIVING))
        or (not context.third_person and context.named_party_acts(sentence, index))  # "Google kan … De lagras …"
    )
    return _sv_message(sentence, lowers, words, finite, organisation, context)


def _sv_message(sentence: Sentence, lowers: list[str], words: list[str], finite: int, organisation: bool,
                context: DocumentContext) -> str:
    """The suggestion: the organisation as actor (in the word order the clause needs), or the
    active verb with the actor left to the writer."""
    if not organisation:
        return _(SUGGEST_UNKNOWN).format(verb=" ".join(words))
    if context.third_person:
        return _(SUGGEST_OPEN).format(verb=" ".join(words))
    if _sv_inverted(sentence, lowers, finite):
        if len(words) > 1 and words[0] in _SV_NEGATIONS:
            words = [words[1], words[0], *words[2:]]  # the finite verb first: 'har vi inte delat'
        return _(SUGGEST_ACTOR_INVERTED).format(
            verb=_capital_first(" ".join([words[0], context.actor, *words[1:]]), finite == 0 and _capitalised(sentence)))
    if finite == 0:
        return _(SUGGEST_ACTOR_INVERTED).format(
            verb=_capital_first(" ".join([context.actor, *words]), _capitalised(sentence)))
    return _(SUGGEST_ACTOR).format(actor=context.actor, verb=" ".join(words))


def _capital_first(phrase: str, capital: bool) -> str:
    """The phrase with a capital when it replaces the sentence's capitalised first word
    ("Raderas uppgifterna?" → 'Raderar vi …', "Will my data be deleted?" → 'Will we delete …')."""
    return capfirst(phrase) if capital else phrase


def _capitalised(sentence: Sentence) -> bool:
    return bool(sentence.words) and sentence.words[0].text[:1].isupper()


_READER_GIVES = ("samtycke", "begäran", "ansökan", "förfrågan", "klagomål", "consent", "request", "application",
                 "complaint")
"""What the reader gives or sends: "samtycke lämnas", "your request is sent" hide the reader, not us."""
_SV_GIVING = ("ges", "gavs", "getts", "givits", "lämna", "skick", "sänd", "sänt", "lämnades")
_EN_GIVING = word_set("give provide send submit pass hand")


def _reader_gives(lowers: list[str], first: int, last: int, giving: bool) -> bool:
    """Is the passive something the reader gives or sends: consent or a request given ("Ditt
    samtycke ges när du klickar", "your request is sent"), or anything sent to the writer ("skickas
    till oss", "is sent to us")? Then "vi"/"we" would be the wrong actor."""
    if not giving or not known.ONWARD.isdisjoint(lowers[last + 1 : last + 3]):
        return False  # "Din begäran skickas vidare": we pass it on
    after = lowers[last + 1 : last + 5]
    for position, word in enumerate(after[:-1]):
        if word in ("till", "to") and after[position + 1] in _WRITER_PRONOUNS:
            return True
    nearby = [*lowers[max(first - 3, 0) : first], *lowers[last + 1 : last + 3]]
    return any(word.startswith(_READER_GIVES) for word in nearby)


def _sv_compound_stem(lower: str) -> bool:
    """Particle compounds of a verb of handling data ("vidareutlämnas", "återanvänds")."""
    for prefix in ("åter", "vidare", "om", "för", "efter"):
        if lower.startswith(prefix) and lower[len(prefix) :].startswith(_SV_ORGANISATION_STEMS):
            return True
    return False


def _sv_bli_suggestion(sentence: Sentence, lowers: list[str], bli: int, participle: int, context: DocumentContext) -> str:
    """'blir raderade' → 'vi raderar …', 'blev inspelad' → 'vi spelade in …', 'blev borttagna' →
    'vi tog bort …'."""
    tense = {"blir": "present", "blev": "past", "blivit": "supine"}.get(lowers[bli], "infinitive")
    form = lowers[participle]
    strong = verbs.SV_STRONG_PARTICIPLE_VERBS.get(form)
    if strong is not None:
        infinitive, particle = strong
        base = infinitive

        def active_of(t: str) -> str:
            return verbs.sv_lexicon_active(infinitive, t) or infinitive
    else:
        stem = _sv_participle_stem(form)
        if stem is None:
            return _(SUGGEST_PLAIN)
        first_conjugation, base, particle = stem

        def active_of(t: str) -> str:
            if first_conjugation:
                return {"present": base + "ar", "past": base + "ade", "supine": base + "at", "infinitive": base + "a"}[t]
            return {
                "present": base if base.endswith("r") else base + "er",
                "past": base + ("e" if base.endswith("d") else "de" if base[-1] in "lmnrv" else "te"),
                "supine": (base[:-1] if base.endswith("d") else base) + "t",
                "infinitive": base + "a",
            }[t]
    particle = particle or _sv_particle(lowers, participle)
    verb_words, finite = _sv_verb_words(lowers[:bli], tense, active_of, particle)
    organisation = any(word.startswith(_SV_ORGANISATION_STEMS) for word in (base + "a", form, particle + base))
    return _sv_message(sentence, lowers, verb_words, finite if finite >= 0 else bli, organisation, context)


_SV_PARTICLE_PREFIXES = ("in", "ut", "bort")
_SV_PREFIXED = word_set("inspel insaml inhämt utlämn utskick bortta inlämn")


def _sv_participle_stem(participle: str) -> tuple[bool, str, str] | None:
    """(first conjugation?, stem, particle) of a weak participle: "raderade" → (True, "rader",
    ""), "inspelad" → (True, "spel", "in"), "använd" → (False, "använd", ""), "köpt" → (False,
    "köp", ""); ``None`` for a strong one ("skriven")."""
    for ending in ("ade", "ad", "at"):
        if participle.endswith(ending) and len(participle) > len(ending) + 2:
            stem = participle[: -len(ending)]
            for prefix in _SV_PARTICLE_PREFIXES:
                if stem in _SV_PREFIXED and stem.startswith(prefix):
                    return True, stem[len(prefix) :], prefix
            return True, stem, ""
    if participle.endswith(("nd", "nda", "nt")) and len(participle) > 4:
        stem = participle[:-1] if participle.endswith("a") else participle
        return False, stem[:-1] + "d" if stem.endswith("t") else stem, ""
    for ending in ("da", "d"):
        stem = participle[: -len(ending)]
        if participle.endswith(ending) and len(stem) > 2 and stem[-1] in "lrmv":
            return False, stem, ""
    for ending in ("ta", "t"):
        stem = participle[: -len(ending)]
        if participle.endswith(ending) and len(stem) > 2 and stem[-1] in "pksx":
            return False, stem, ""
    return None


def _sv_sker(lowers: list[str], index: int, context: DocumentContext) -> Passive | None:
    """"Behandling sker …", "den insamling som sker": a noun of handling data with "sker"."""
    for back in range(index - 1, max(index - 6, -1), -1):
        verb = verbs.sv_action_verb(lowers[back])
        if verb is not None:
            if back + 1 < len(lowers) and lowers[back + 1] == "av" and "oss" in lowers[back + 1 : index]:
                return None
            suggestion = _(SUGGEST_OPEN).format(verb=verb) if context.third_person \
                else _(SUGGEST_ACTOR).format(actor=context.actor, verb=verb)
            return Passive(back, index, suggestion, MESSAGE_SKER)
        if lowers[back] in ("och", "eller", "men", "där", "när") or lowers[back] in verbs.SV_MODALS:
            return None
    return None


# --- English ----------------------------------------------------------------------------------

_BY = "by"
_STATE_WITH_PARTICLE = frozenset({"logged", "signed"})
_WRITTEN_DOWN = frozenset({("set", "out"), ("laid", "down"), ("laid", "out"), ("spelled", "out"), ("spelt", "out")})
_GET_IDIOMS = frozenset({"started", "involved", "married", "used", "lost", "dressed", "tired", "bored"})


def _english(sentence: Sentence, context: DocumentContext, label: bool) -> Iterator[Passive]:
    """Each be/get + participle in an English sentence that hides an actor, with its suggestion."""
    lowers = sentence.lowers
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
        index = participle + 1
        after = lowers[participle + 1] if participle + 1 < len(lowers) else ""
        if lower in words.EN_GET and lowers[participle] in _GET_IDIOMS:
            continue  # "get started", "get involved": not passives
        if lowers[participle] in _STATE_WITH_PARTICLE and after in ("in", "on", "into", "out"):
            continue  # "you are logged in": a state
        if (lowers[participle], after) in _WRITTEN_DOWN:
            continue  # "are set out in the lease": where something is written, not who acts
        agent = _agent_named(lowers, participle, _BY, _EN_NOT_AGENT, _en_is_participle_at, sentence)
        if lowers[participle] in words.EN_ADJECTIVAL and not agent:
            if not (lowers[participle] in _ATTITUDES and after not in ("to", "that")):
                continue  # "we are determined to …" is an attitude; "will be determined" is not
        if label or agent or _en_hidden_actor_excluded(sentence, lowers, first, participle) \
                or _actor_known(sentence, first, participle, "en", context):
            continue
        if verbs.en_base_form(lowers[participle]) not in _EN_ORGANISATION_VERBS \
                and not _reader_evidence(sentence, first, participle, "en"):
            continue
        yield Passive(first, participle, _en_suggestion(lowers, first, participle, context, _capitalised(sentence),
                                                        named=not context.third_person
                                                        and context.named_party_acts(sentence, first)))


def _en_is_participle_at(lowers: list[str], index: int) -> bool:
    return words.en_is_participle(lowers[index])


def _en_hidden_actor_excluded(sentence: Sentence, lowers: list[str], first: int, participle: int) -> bool:
    return (
        _restrictive_relative(sentence, lowers, first, "en")
        or _en_about_document(lowers, first, participle)
        or (_after(lowers, first, _EN_ABILITY, _EN_PRE_ADVERBS) and not _may_be_done(sentence, participle, "en"))
        or (lowers[participle] in _EN_DISPLAY and _followed_by(lowers, participle, ("to",)))
        or _reduced_relative(lowers, first)
        or _no_actor_hidden(sentence, lowers, first, participle, "en")
    )


def _no_actor_hidden(sentence: Sentence, lowers: list[str], first: int, last: int, lang: str) -> bool:
    """The classes of the rule's docs that both languages share: the passive at ``first``..``last``
    hides no actor the reader needs named."""
    return (
        _requested(lowers, first, lang)
        or _named_system_subject(sentence, first)
        or _writer_is_patient(lowers, first, last, lang)
        or decided_question(lowers, first, lang)
        or _indirect_question(sentence, first, lang)
        or _used_in_condition(lowers, first, last, lang)
        or _reader_at_risk(lowers, first, lang)
        or _technical(sentence, first, last, lang)
        or _heard(lowers, first, last, lang)
        or _explaining_aside(sentence, first, lang)
        or _displays_no_data(sentence, first, last, lang)
        or _generic_statement(sentence, first, last, lang)
        or _named_third_partys(sentence, first, last, lang)
        or _notation(sentence, last, lang)
    )


def _actor_known(sentence: Sentence, first: int, last: int, lang: str, context: DocumentContext) -> bool:
    """Is the actor of the passive already known to the reader (:mod:`pl2_known_actor`): given
    in the sentence before for the same topic, named as the organisation where the act is done,
    or the reader, who sends a request, creates or closes an account, or is told what to do
    about a need?"""
    handles = _sv_active_handles_data if lang == "sv" else _en_active_handles_data
    return (
        known.at_named_organisation(sentence, last, lang)
        or known.reader_sends(sentence, first, last, lang)
        or known.account_event(sentence, first, last, lang)
        or known.needed_in_readers_condition(sentence, first, lang)
        or known.condition_of_readers_right(sentence, first, lang)
        or known.readers_act_done(sentence, first, last, lang)
        or known.names_a_right(sentence.lowers, first, lang)
        or known.actor_established(sentence, first, lang, context.names, handles)
    )


def _sv_active_handles_data(word: str) -> bool:
    """An active Swedish verb form of handling data ("hanterar", "sparade", "raderas" aside)."""
    return not word.endswith("s") and _sv_handles_data(word) and len(word) > 3


def _en_active_handles_data(word: str) -> bool:
    """An active English verb form of handling data ("processes", "retain", "stored")."""
    for base in (word, word[:-2] if word.endswith("es") else "", word[:-1] if word.endswith("s") else ""):
        if base and base in _EN_ORGANISATION_VERBS:
            return True
    return word.endswith("ed") and verbs.en_base_form(word) in _EN_ORGANISATION_VERBS


def _en_about_document(lowers: list[str], first: int, participle: int) -> bool:
    if _text_gives(lowers, first, participle, "en") or _here_in_text(lowers, participle, "en"):
        return True
    if lowers[participle] not in _EN_DOCUMENT_VERBS:
        return False
    if _names_a_document(lowers, participle, "in", _EN_DOCUMENT_NOUNS):
        return True
    window = lowers[participle + 1 : participle + 6]
    return any(word in _EN_DOCUMENT_PLACES for word in window)


def _en_suggestion(lowers: list[str], first: int, participle: int, context: DocumentContext, capital: bool = False,
                   named: bool = False) -> str:
    """The active form in the tense and mood written: "is stored" → 'we store', "will not be
    given" → 'we will not give', "was sent" → 'we sent', "has been shared" → 'we have shared',
    "is not kept" → 'we do not keep', "is being reviewed" → 'we are reviewing'. ``named``: a named
    party handles the data in the sentence or the one before ("Google may transfer …"), so the
    actor is left open."""
    form = lowers[participle]
    base = verbs.en_base_form(form)
    organisation = base in _EN_ORGANISATION_VERBS and not named \
        and not _reader_gives(lowers, first, participle, base in _EN_GIVING)
    unknown = SUGGEST_UNKNOWN
    if organisation and context.third_person:  # the document never says "we": 'the service stores' or a name
        organisation, unknown = False, SUGGEST_OPEN
    plain = _plain(base, "en")
    if plain:  # "is retained" → 'we keep': the plain verb PL202 asks for
        base, form = plain, verbs.en_participle(plain)
    particle = lowers[participle + 1] if (form, lowers[participle + 1] if participle + 1 < len(lowers) else "") in _EN_PARTICLE_VERBS else ""
    middle = [w for w in lowers[first + 1 : participle] if w not in ("be", "been", "being")]
    negated = any(w in _EN_NEGATIONS for w in middle) or lowers[first].endswith("n't")
    adverbs = [w for w in middle if w not in _EN_NEGATIONS]
    be = lowers[first]
    modal, pre = _en_modal(lowers, first)
    third = not organisation
    if be == "been":
        verb = " ".join([*_en_perfect(lowers, first, third), *adverbs, form])
    elif modal is not None:
        verb = " ".join([modal, *pre, *(["not"] if negated and "not" not in pre else []), *adverbs, base])
    elif be in ("is", "are", "was", "were") and first + 1 < len(lowers) and lowers[first + 1] == "being":
        aux = {"is": "are", "are": "are", "was": "were", "were": "were"}[be]
        if third:
            aux = {"are": "is", "were": "was"}[aux]
        verb = " ".join([aux, *adverbs, verbs.en_ing(base)])
    elif be in ("was", "were", "wasn't", "weren't", "got"):
        verb = " ".join(["did not", *adverbs, base] if negated else [*adverbs, verbs.en_past(form)])
    elif be in ("be", "being"):
        verb = " ".join([*adverbs, base if not third else verbs.en_third_person(base)])
    elif negated:
        verb = " ".join([("does not" if third else "do not"), *adverbs, base])
    else:
        verb = " ".join([*adverbs, verbs.en_third_person(base) if third else base])
    verb = f"{verb} {particle}".strip()
    if modal is not None or be == "been":  # "can be removed or edited" → 'we can remove or edit'
        verb = _en_with_coordinated(verb, _en_coordinated(lowers, participle + (2 if particle else 1)),
                                    lambda word: word if be == "been" else verbs.en_base_form(word))
    fronted = _en_fronted_auxiliary(lowers, first, modal)
    if fronted is not None:  # "Will my data be deleted?" → 'Will we delete …'
        if be == "been":
            verb = " ".join([*adverbs, form, particle]).strip()
        else:
            verb = " ".join([*adverbs, base, particle]).strip()
        if organisation:
            return _(SUGGEST_ACTOR_INVERTED).format(verb=_capital_first(f"{fronted} {context.actor} {verb}", capital))
        return _(unknown).format(verb=f"{fronted} {verb}")
    if organisation:
        return _(SUGGEST_ACTOR).format(actor=context.actor, verb=verb)
    return _(unknown).format(verb=verb)


def _en_coordinated(lowers: list[str], after: int) -> list[str]:
    """The participles coordinated with the passive's own, from ``after``: "be removed or edited"
    → ["edited"], "be reviewed, changed or deleted" → ["changed", "deleted"] (commas are not
    words). Empty when no "or"/"and" + participle closes the list."""
    members: list[str] = []
    index = after
    while index < len(lowers) and words.en_is_participle(lowers[index]) and lowers[index] not in _EN_COORDINATORS:
        members.append(lowers[index])
        index += 1
    if index + 1 < len(lowers) and lowers[index] in _EN_COORDINATORS and words.en_is_participle(lowers[index + 1]):
        return [*members, lowers[index], lowers[index + 1]]
    return []


def _en_with_coordinated(verb: str, coordinated: list[str], form) -> str:  # noqa: ANN001
    """``verb`` followed by the coordinated verbs in its form: 'we can remove or edit'."""
    if not coordinated:
        return verb
    *listed, coordinator, last = coordinated
    return "".join([verb, *(f", {form(word)}" for word in listed), f" {coordinator} {form(last)}"])


_EN_COORDINATORS = ("or", "and")


_EN_FRONTED_PERFECT = {"has": "have", "have": "have", "had": "had", "hasn't": "haven't", "haven't": "haven't",
                       "hadn't": "hadn't"}


def _en_fronted_auxiliary(lowers: list[str], first: int, modal: str | None) -> str | None:
    """The auxiliary that starts a question or an inverted condition, apart from its passive
    ("Will my data be deleted?", "Has your data been shared?", "Should your data be lost, …"),
    in the form the active needs with "we"/"I" ("has" → "have"); ``None`` if there is none."""
    if modal is not None or first < 2:
        return None
    head = lowers[0]
    if lowers[first] == "be" and head in _EN_MODALS:
        return head
    if lowers[first] == "been" and head in _EN_FRONTED_PERFECT:
        return _EN_FRONTED_PERFECT[head]
    return None


def _en_perfect(lowers: list[str], been: int, third: bool) -> list[str]:
    """The auxiliaries of a perfect before "been", in the active: "has not been" → ["have",
    "not"], "will have been" → ["will", "have"], "may not have been" → ["may", "not", "have"]."""
    index = been - 1
    adverbs: list[str] = []
    while index >= 0 and lowers[index] in _EN_PRE_ADVERBS:
        adverbs.insert(0, lowers[index])
        index -= 1
    have = lowers[index] if index >= 0 else ""
    if have in ("hasn't", "haven't", "hadn't"):
        have, adverbs = have[:-3], ["not", *adverbs]
    if have not in ("has", "have", "had"):
        return ["has" if third else "have", *adverbs]  # a participle clause: "been shared"
    if have == "have":
        modal, pre = _en_modal_before(lowers, index)
        if modal is not None:
            return [modal, *pre, "have", *adverbs]
    return ["had" if have == "had" else ("has" if third else "have"), *adverbs]


def _en_modal_before(lowers: list[str], at: int) -> tuple[str | None, list[str]]:
    """The modal before the word at ``at`` ("will have", "may not have") and the adverbs between."""
    pre: list[str] = []
    index = at - 1
    while index >= 0 and lowers[index] in _EN_PRE_ADVERBS:
        pre.insert(0, lowers[index])
        index -= 1
    if index >= 0 and lowers[index] in _EN_MODALS:
        modal = lowers[index]
        if modal.endswith("n't") or modal == "cannot":
            modal = {"won't": "will", "wouldn't": "would", "shouldn't": "should", "mustn't": "must",
                     "cannot": "can", "can't": "can", "couldn't": "could"}.get(modal, modal)
            pre.insert(0, "not")
        return modal, pre
    return None, []


def _en_modal(lowers: list[str], first: int) -> tuple[str | None, list[str]]:
    """The modal before "be" ("will", "may", "must") and the adverbs after it ("not", "also")."""
    return _en_modal_before(lowers, first) if lowers[first] == "be" else (None, [])


# --- shared -----------------------------------------------------------------------------------

_TOOLS = {
    "sv": ("webbläsar", "enhet", "app", "fönst", "dator", "telefon", "mobil", "flik", "firefox"),
    "en": ("browser", "device", "app", "window", "computer", "phone", "mobile", "tab", "firefox"),
}
_OPERATE = {
    "sv": ("stäng", "öppn", "aktiver", "avaktiver", "inaktiver", "start", "install", "avinstaller", "laddas"),
    "en": word_set("closed opened activated deactivated started restarted installed uninstalled reloaded"),
}
_KEEP_ON_DEVICE = {
    "sv": ("spar", "lagr", "rader", "tas", "förvar"),
    "en": word_set("saved stored kept removed deleted erased placed"),
}
_KEEP_ON_DEVICE_EXCEPT = {"sv": (), "en": word_set("placed")}
_EVENT = {"sv": word_set("när då efter tills innan"), "en": word_set("when once after until before")}
_ON = {"sv": word_set("på i"), "en": word_set("on in")}
_READER_OWNER = {"sv": word_set("din ditt dina användarens besökarens er ert era"),
                 "en": word_set("your the user's a user's the visitor's users' the")}
_DISPLAY_TO = {"sv": ("användar", "dig", "kund", "besökar"), "en": ("user", "you", "customer", "visitor")}
_SECTION = {"sv": ("avsnitt", "vy", "gränssnitt", "fliken", "menyn"), "en": ("section", "view", "interface", "tab", "menu")}
_UPDATED = {"sv": ("uppdater",), "en": word_set("updated refreshed synchronised synchronized")}
_FROM = {"sv": word_set("från"), "en": word_set("from")}
_HOSTED = {"sv": ("drifta", "hosta"), "en": word_set("hosted")}
_INFRASTRUCTURE = {
    "sv": ("säkerhetskopi", "backup", "databas", "server", "disk", "speglad"),
    "en": ("backup", "database", "server", "disk"),
}
_SKIP_BACK = {
    "sv": word_set("som vilken vilket vilka också även inte aldrig ej alltid automatiskt"),
    "en": word_set("which that is are was were be been being also not never always automatically then"),
}
_PROHIBITED = {"sv": (("får", "inte"), ("får", "ej")), "en": (("may", "not"), ("must", "not"), ("can", "not"))}
_WITHOUT_LEAVE = {"sv": word_set("tillstånd lov tillåtelse"), "en": word_set("permission authorisation authorization leave")}
_WITHOUT = {"sv": word_set("utan"), "en": word_set("without")}


_WRONGDOING = {
    "sv": ("missbruk", "stj", "stul", "läck", "kränk", "hack", "förfalsk"),
    "en": ("misused", "mishandled", "infringed", "breached", "stolen", "compromised", "hacked", "leaked", "violated"),
}
_UNLAWFULLY = {
    "sv": ("lagstridig", "olovlig", "obehörig", "olaglig", "misstag", "oavsiktlig"),
    "en": ("unlawful", "unauthori", "accidental", "illegal", "mistake", "inadvertent"),
}
_PROTECTING = {
    "sv": ("skydd", "förhindr", "försäkr", "förebygg", "motverk"),
    "en": ("protect", "prevent", "safeguard", "guard"),
}
_AGAINST = {"sv": word_set("mot inte ej"), "en": word_set("from against not")}


def _by_anyone(lowers: list[str], first: int, last: int, lang: str) -> bool:
    """Is the passive a wrong done by anyone ("har missbrukats", "has been misused or
    mishandled", "av misstag eller lagstridigt förstörs", "unlawfully accessed"), or what security measures protect against ("skyddar uppgifterna mot att de
    förstörs", "försäkrar att uppgifterna inte lämnas ut", "prevent any decision … from being
    made")? The actor is an intruder, a thief or nobody in particular, not the organisation."""
    if lowers[last].startswith(_WRONGDOING[lang]):
        return True
    manner = [*lowers[max(first - 4, 0) : first], *lowers[last + 1 : last + 3]]
    recipients = ("till", "to", "för", "for", "med", "with")  # "överlämnas till obehöriga": to whom, not how
    if any(word.startswith(_UNLAWFULLY[lang]) and (index == 0 or manner[index - 1] not in recipients)
           for index, word in enumerate(manner)):
        return True
    window = lowers[max(first - 10, 0) : first]
    for offset, word in enumerate(window):
        if word.startswith(_PROTECTING[lang]) and not _AGAINST[lang].isdisjoint([*window[offset + 1 :], *lowers[first:last]]):
            return True
    return False


def _data_before(lowers: list[str], at: int, lang: str) -> bool:
    """Does the reader's data (not a database or a backup) come in the four words before ``at``?"""
    roots = _SV_DATA_ROOTS if lang == "sv" else _EN_DATA_ROOTS
    for word in lowers[max(at - 4, 0) : at]:
        if any(root in word for root in _INFRASTRUCTURE[lang]):
            continue
        if (any(root in word for root in roots) if lang == "sv" else word.startswith(roots)):
            return True
    return False


def _technical(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive a technical description of how a service, a cookie or the reader's own
    device works, or a rule for anyone, rather than an act of the organisation the reader would
    want named?

    - the reader's own tool is operated ("när webbläsaren stängs", "the first time your device
      is activated"): the reader acts;
    - where a cookie is kept on the reader's device or when it goes ("sparas i din dator",
      "saved on the user's computer", "raderas när webbläsaren stängs", "removed when the
      browser is closed"): the browser acts ("placed on your device" is still the site's act);
    - something shown to the users in their own view ("visas i profilen för användare som …",
      "is displayed in the 'Settings' section"): how the interface works;
    - data refreshed from a named source ("uppdateras från folkbokföringen", "is updated from
      the register"): the source is named, like an agent;
    - backups, servers and databases ("Backups are stored in the same region", "databasen, som
      lagras i datacentret"): the infrastructure described;
    - a prohibition for anyone ("får inte användas utan tillstånd", "may not be used without
      permission"): a rule, with everybody as the actor.
    """
    lowers = sentence.lowers
    verb = lowers[last]
    before = lowers[max(first - 4, 0) : first]
    after = lowers[last + 1 : last + 9]

    def starts(word: str, roots) -> bool:  # noqa: ANN001 - a tuple or a set of words
        return word.startswith(roots) if isinstance(roots, tuple) else word in roots

    if starts(verb, _OPERATE[lang]) and any(starts(w, _TOOLS[lang]) or "-enhet" in w for w in before):
        return True
    if starts(verb, _KEEP_ON_DEVICE[lang]) and not starts(verb, _KEEP_ON_DEVICE_EXCEPT[lang]):
        for index, word in enumerate(after[:5]):
            rest = after[index + 1 : index + 4]
            if word in _EVENT[lang] and any(starts(w, _TOOLS[lang]) for w in rest):
                return True
            if word in _ON[lang] and rest and rest[0] in _READER_OWNER[lang] \
                    and any(w.startswith(_TOOLS[lang]) for w in rest[1:]):
                return True
    if starts(verb, _SV_DISPLAY if lang == "sv" else _EN_DISPLAY):
        for index, word in enumerate(after):
            if word in ("för", "for", "to") and index + 1 < len(after) and after[index + 1].startswith(_DISPLAY_TO[lang]):
                return True
            if word.startswith(_SECTION[lang]) and index < 6:
                return True
    if starts(verb, _UPDATED[lang]) and any(w in _FROM[lang] for w in after[:3]):
        return True
    if starts(verb, _HOSTED[lang]) and any(w in _ON[lang] for w in after[:2]):
        return True  # "is hosted on the city's cloud", "driftas i Azure": where the service runs
    back = first - 1
    while back >= 0 and lowers[back] in _SKIP_BACK[lang]:
        back -= 1
    if back >= 0 and (any(root in lowers[back] for root in _INFRASTRUCTURE[lang]) if lang == "sv"
                      else lowers[back].startswith(_INFRASTRUCTURE[lang])) \
            and not _data_before(lowers, back, lang):
        return True  # not "Uppgifterna på servern raderas": the data is the subject
    if _by_anyone(lowers, first, last, lang):
        return True
    modal = tuple(lowers[max(first - 2, 0) : first])
    if modal in _PROHIBITED[lang]:
        for index, word in enumerate(after[:6]):
            if word in _WITHOUT[lang] and any(w in _WITHOUT_LEAVE[lang] for w in after[index + 1 : index + 3]):
                return True
    return False

_SV_DATA_ROOTS = ("uppgift", "information", "data", "behandling", "hantering", "insamling", "beslut", "konto",
                  "inlägg", "kommentar", "innehåll", "material", "profil", "logg", "register", "ärende", "lösenord",
                  "samtyck", "godkänn")
_EN_DATA_ROOTS = ("data", "information", "info", "detail", "decision", "processing", "account",
                  "profile", "comment", "post", "content", "material", "record", "log", "message", "ticket", "password",
                  "enquir", "inquir", "complaint", "consent", "acceptance")
_READER = {
    "sv": ("du", "dig", "ni", "kund", "kunden", "kunder", "kunderna", "kundens", "kundernas"),
    "en": ("you", "user", "users", "user's", "users'", "customer", "customers", "customer's", "visitor", "visitors",
           "visitor's"),
}
_READER_ROOTS = {"sv": ("användar", "besökar"), "en": ()}
"""The reader in the third person, as a word's beginning ("användarens", "besökarnas")."""
_DEVICE = {"sv": ("enhet", "dator", "telefon", "mobil"), "en": ("device", "computer", "phone", "mobile")}
"""The reader's device, after the passive ("placeras på din enhet", "placed on your device"): what
is done there is done to the reader."""
_DATA_PROTECTION = ("dataskydd", "dataombud")
_CLAUSE_STARTS = {"sv": word_set("att som där vilket vilken vilka"), "en": word_set("that which who whom where")}
_CLAUSE_PUNCTUATION = ",;:()[]–—\""


def _about_the_reader(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is there evidence in the passive's own clause that the hidden actor acts on the reader or
    the reader's data, when the verb itself is not one of handling data ("Behandlingen av dina
    uppgifter utförs …", "your data is treated securely", "du uppmanas", "kunden erbjuds …",
    "utbildas i hanteringen av personuppgifter", "it is recommended that you …")? Without it the
    actor is as likely the reader, the law, a browser or anyone ("Avgiften bestäms", "the feature
    is turned on by default", "is licensed under"), and the passive hides nothing the reader needs.

    The clause is read back to a comma, bracket or relative word (at most eight words) and
    forward at most five words to a comma or the end."""
    words, text = sentence.words, sentence.block.text
    roots = _SV_DATA_ROOTS if lang == "sv" else _EN_DATA_ROOTS
    reader = _READER[lang]

    def evidence(index: int) -> bool:
        lower = words[index].lower
        if lower in reader or (_READER_ROOTS[lang] and lower.startswith(_READER_ROOTS[lang])):
            return True
        if lower.startswith(_DATA_PROTECTION) or (index + 1 < len(words) and words[index + 1].lower == "protection"):
            return False  # "dataskyddsombudet", "the data protection officer": the law's words, not data
        if lang == "sv":
            return any(root in lower for root in roots)
        return lower.startswith(roots)

    for index in range(first - 1, max(first - 9, -1), -1):
        lower = words[index].lower
        if lower in _CLAUSE_STARTS[lang]:
            break
        if any(mark in text[words[index].end : words[index + 1].start] for mark in _CLAUSE_PUNCTUATION):
            break
        if evidence(index):
            return True
    for index in range(last + 1, min(last + 6, len(words))):
        if any(mark in text[words[index - 1].end : words[index].start] for mark in _CLAUSE_PUNCTUATION):
            break
        if evidence(index) or words[index].lower.startswith(_DEVICE[lang]):
            return True
    return False


def _agent_named(lowers: list[str], last: int, by: str, not_agent: frozenset[str],
                 is_passive, sentence: Sentence) -> bool:  # noqa: ANN001 - a predicate
    """Does an agent follow the passive ending at ``last`` ("lagras av webbläsaren", "deleted and
    edited by the administrator", "lagras av oss", "is stored by us")? Then the reader is told who
    acts. Coordinated passives share the agent."""
    index = last + 1
    steps = 0
    if by == "av" and index + 1 < len(lowers) and lowers[index + 1] == "av" and lowers[index].isalpha() \
            and lowers[index] not in verbs.SV_PARTICLES:
        index += 1  # an inverted subject first: "Vid Syke behandlas personuppgifter av dem som …"
    while index < len(lowers) and steps < 4:
        word = lowers[index]
        if word == by:
            following = lowers[index + 1 : index + 3]
            if not following:
                return False
            if following[0] in not_agent:
                return False  # "av misstag", "by email": no agent
            if by == _BY:
                if following[0] in ("a", "an") and len(following) > 1 and following[1] not in _UNITS \
                        and following[1] not in _AFTER_A and not following[1].isdigit():
                    return True  # "by a data protection policy", "by an outside party": an agent
                if following[0] in _AMOUNT_WORDS or (len(following) > 1 and following[1] in _UNITS):
                    return False
                if following[0] in _UNITS:
                    return False
            if by == "av" and any(w.endswith("skäl") for w in following):
                return False
            return True
        if word == "via" and index + 1 < len(lowers):
            nxt = sentence.words[index + 1]
            return nxt.text[:1].isupper() or nxt.lower.startswith(("verktyg", "tjänst", "systemet"))
        if word in ("och", "eller", "and", "or", ",") or word in verbs.SV_PARTICLES or word in words.EN_ADVERBS:
            index += 1
            steps += 1
            continue
        if is_passive(lowers, index) or word in ("be", "been", "is", "are"):
            index += 1
            steps += 1
            continue
        return False
    return False


def _restrictive_relative(sentence: Sentence, lowers: list[str], first: int, lang: str) -> bool:
    """Is the passive in a relative clause without a comma before it ("de personuppgifter som
    behandlas", "information that can be linked to you"), which only says which things are
    meant? A non-restrictive clause (", which are then reported") tells what happens. In Swedish
    the clause may coordinate passives ("de uppgifter som hämtas och visas") or have its own
    subject ("de uppgifter som den registrerade ska ges", "det som du informeras om")."""
    relatives = _RELATIVE[lang]

    def restrictive(at: int) -> bool:
        if at == 0:
            return False
        between = sentence.block.text[sentence.words[at - 1].end : sentence.words[at].start]
        return "," not in between and "(" not in between

    for back in range(first - 1, max(first - 6, -1), -1):
        word = lowers[back]
        if word in relatives:
            return restrictive(back)
        if lang == "sv" and back >= 1 and lowers[back - 1] in relatives and word in _SV_CLAUSE_SUBJECTS:
            return restrictive(back - 1)  # "som du informeras om"
        if lang == "sv" and back >= 2 and lowers[back - 2] in relatives and lowers[back - 1] in ("den", "det", "de"):
            return restrictive(back - 2)  # "som den registrerade ska ges"
        if lang == "sv" and (word in _SV_COORDINATORS and back >= 1 and _sv_is_passive_word(lowers, back - 1)
                             or back + 1 < first and lowers[back + 1] in _SV_COORDINATORS and _sv_is_passive_word(lowers, back)):
            continue  # "som hämtas och visas"
        if lang == "sv" and not (word in verbs.SV_CLAUSE_ADVERBS or word in verbs.SV_MODALS or word in verbs.SV_FUTURE
                                 or word in verbs.SV_PERFECT or word == "att"):
            return False
        if lang == "en" and not (word in _EN_MODALS or word in _EN_PRE_ADVERBS or word in words.EN_BE
                                 or word in ("has", "have", "had")):
            return False
    return False


_SV_CLAUSE_SUBJECTS = word_set("du ni man hen han hon")


def _may_be_done(sentence: Sentence, last: int, lang: str) -> bool:
    """Is the passive ending at ``last`` one PL212 reports ("kan delas", "can be shared")?"""
    return any(end == last for _, end in may_be_done(sentence, lang))


def _followed_by(lowers: list[str], last: int, prepositions: tuple[str, ...], skip_adjective: bool = False) -> bool:
    """Is the verb at ``last`` followed (an adverb aside) by one of ``prepositions``? "visas för
    administratörerna", "displayed to moderators": the system shows it to people who are named.
    With ``skip_adjective`` an adverb made from an adjective may come between ("visas korrekt
    för dig": the screen shows it to the reader)."""
    for word in lowers[last + 1 : last + 3]:
        if word in prepositions:
            return True
        if skip_adjective and word.endswith("t") and len(word) > 3:
            continue
        if word not in verbs.SV_CLAUSE_ADVERBS and word not in words.EN_ADVERBS:
            return False
    return False


def _named_system_subject(sentence: Sentence, first: int) -> bool:
    """Is the subject right before the verb the name of a product or system, written with a
    capital inside it ("EUSurvey uppdateras automatiskt", "GitHub is hosted")? That describes
    how a named system works; it hides nobody."""
    if first != 1:
        return False  # the name must be the whole subject: "I EUSurvey används …" is not
    text = sentence.words[0].text
    return any(char.isupper() for char in text[1:]) and any(char.islower() for char in text)


_TOPIC_GOVERNORS = {
    "sv": word_set(
        """
        information informationen upplysning upplysningar upplysningarna bekräftelse bekräftelsen
        fråga frågor frågorna frågan klagomål klagomålet invändning invändningar invända invänder
        veta insyn informerad informerade informeras informeradas
        """
    ),
    "en": word_set(
        """
        information info confirmation question questions complaint complaints objection objections
        object know knowing insight informed
        """
    ),
}
_TOPIC_PREPOSITIONS = {"sv": word_set("om på kring angående i över mot"),
                       "en": word_set("about on of regarding concerning to into as")}
_TOPIC_QUESTIONS = {"sv": word_set("hur huruvida varför"), "en": word_set("how whether why")}
_CONFIRMATION = {"sv": ("bekräftelse",), "en": ("confirmation",)}
_ASKING_RIGHT = {"sv": word_set("rätt rätten begära begär kräva kräver"),
                 "en": word_set("right entitled obtain request ask")}
_THAT = {"sv": "att", "en": "that"}
_CLAUSE_SUBJECTS = {"sv": word_set("vi jag"), "en": word_set("we i")}


def _indirect_question(sentence: Sentence, first: int, lang: str) -> bool:
    """Is the passive in a clause that only names a topic, not an act: a question about kinds of
    things or a measure ("which browsers are used", "what data is collected", "how often snippets
    are clicked"), or, like :func:`decided_question` after a verb of deciding, an indirect question
    governed by a word of information, confirmation, question, objection or knowing
    ("information om hur dina uppgifter behandlas", "frågor om hur uppgifterna används", "the
    right to know how your data is processed", "object to how your data is used"), or the
    "att"/"that" of a confirmation that a right asks for ("rätt att få bekräftelse på att
    uppgifter om dig behandlas", "obtain confirmation that your data is being processed"; not a
    receipt: "en bekräftelse att uppgifterna har raderats")? The clause says what the
    information or the right is about; it asserts no act.
    The governor must come right before the question word (at most two prepositions between), and
    no clause with the writer as subject ("information om hur vi arbetar och …"), no semicolon,
    colon or full comma clause may come between it and the passive."""
    lowers = sentence.lowers
    if lang == "en":
        if first >= 2 and lowers[first - 2] in ("which", "what") and first - 2 > 0:
            return True
        window = lowers[max(first - 5, 0) : first]
        if any(a == "how" and b in ("often", "many", "much") for a, b in zip(window, window[1:])):
            return True
    text = sentence.block.text
    for at in range(first - 1, max(first - 9, -1), -1):
        gap = text[sentence.words[at].end : sentence.words[at + 1].start]
        if any(mark in gap for mark in ";:") or ("," in gap and not _is_passive_word(lowers, at + 1, lang)):
            return False
        word = lowers[at]
        if word in _CLAUSE_SUBJECTS[lang]:
            return False
        that = word == _THAT[lang] and at + 1 < first  # "that" right before the verb is a relative pronoun
        if word not in _TOPIC_QUESTIONS[lang] and not that:
            continue
        governor = at - 1
        while governor >= 0 and at - governor <= 2 and lowers[governor] in _TOPIC_PREPOSITIONS[lang]:
            governor -= 1  # "information om hur", "confirmation as to whether"
        if governor < 0:
            return False
        if that:  # the confirmation a right asks for, not a receipt of a done act
            return lowers[governor].startswith(_CONFIRMATION[lang]) \
                and not _ASKING_RIGHT[lang].isdisjoint(lowers[max(governor - 6, 0) : governor])
        return lowers[governor] in _TOPIC_GOVERNORS[lang]
    return False


def _is_passive_word(lowers: list[str], index: int, lang: str) -> bool:
    """A passive verb at ``index`` (coordinated passives after a comma: "hur uppgifterna samlas,
    används och delas")."""
    if lang == "sv":
        return _sv_is_passive_word(lowers, index)
    return words.en_is_participle(lowers[index]) or lowers[index] in words.EN_BE


_BEFORE_BEING = word_set(
    "after before while when by without from of for on upon in is are was were am about avoid avoids despite"
)


_EN_CAUSE = word_set("need needs needed expect expects expected allow allows allowed cause causes get gets let lets")


def _reduced_relative(lowers: list[str], first: int) -> bool:
    """"the personal data being processed": "being" right after a noun says which data is
    meant (a relative clause without "that is"); "after being posted" is still an action. So
    does "to be" right after a noun of data ("information to be disclosed under Article 13",
    "the data to be transferred"): which information, not that it is done; after a verb of
    wanting, asking or causing ("we want your data to be deleted") it is that verb's object."""
    if lowers[first] == "be" and first >= 2 and lowers[first - 1] == "to":
        controlled = lowers[max(first - 6, 0) : first - 2]  # "we want your data to be deleted": a wish
        return lowers[first - 2].startswith(_EN_DATA_ROOTS) and not any(
            word in _WISH["en"] or word in _EN_REQUEST or word in _EN_CAUSE for word in controlled)
    return lowers[first] == "being" and first > 0 and lowers[first - 1] not in _BEFORE_BEING


_WRITER_SUBJECT = {"sv": word_set("vi jag"), "en": word_set("we i")}
_WRITER_CONTRACTED = word_set("we're i'm we've we'd i've i'd")
_BETWEEN_SUBJECT_AND_VERB = {
    "sv": word_set("inte aldrig också även redan fortfarande då sedan kanske själva ibland"),
    "en": word_set("are am were was is be been being have has had will would may might can could must should shall "
                   "not never also legally then still already sometimes being"),
}


def _writer_is_patient(lowers: list[str], first: int, last: int, lang: str) -> bool:
    """Is the writer the one the passive happens to ("vi ombeds", "när vi ombeds", "we are
    legally prohibited", "we're asked")? Someone else acts on the organisation: a government
    asks, the law forbids, a buyer acquires; "we …" as the active form would invert the
    meaning."""
    if lowers[last + 1 : last + 3] in (["by", "us"], ["by", "me"], ["av", "oss"], ["av", "mig"]):
        return False  # "we are required by us": the writer acts after all
    if lang == "en" and lowers[first] in _WRITER_CONTRACTED:
        return True
    subjects, between = _WRITER_SUBJECT[lang], _BETWEEN_SUBJECT_AND_VERB[lang]
    index = first - 1
    while index >= 0 and lowers[index] in between:
        index -= 1
    if index >= 0 and lowers[index] in subjects:
        return True
    if lang == "sv":  # an inverted subject: "när ombeds vi …", "Därefter ombeds vi att …"
        after = last + 1
        while after < len(lowers) and lowers[after] in between:
            after += 1
        return after < len(lowers) and lowers[after] in subjects and after - last <= 2
    return False


_CONDITION = {"sv": word_set("om när då ifall"), "en": word_set("if when whenever while")}
_USED = {"sv": word_set("används användes"), "en": word_set("used")}


def _used_in_condition(lowers: list[str], first: int, last: int, lang: str) -> bool:
    """"när tjänsten används", "Om enkäterna används för att samla in … måste du", "when the
    site is used": in a condition, "used" is what the reader or a user does with a service."""
    if lowers[last] not in _USED[lang]:
        return False
    if first > 0 and lowers[first - 1].startswith(_SERVICE[lang]) and not _HOW[lang].isdisjoint(lowers[max(first - 5, 0) : first]):
        return True  # "hur tjänsten eller innehållen används", "how the site is used": by its users
    return not _CONDITION[lang].isdisjoint(lowers[max(first - 5, 0) : first])


_SERVICE = {"sv": ("tjänst", "webbplats", "sajt", "app", "innehåll", "material"),
            "en": ("service", "site", "website", "app", "content", "material")}
_HOW = {"sv": word_set("hur"), "en": word_set("how")}


_RISK = {"sv": ("risk",), "en": ("risk",)}
_READER_SUBJECT = {"sv": word_set("du ni"), "en": word_set("you")}


def _reader_at_risk(lowers: list[str], first: int, lang: str) -> bool:
    """"risken för att du blir identifierad", "the risk that you are identified": a risk to the
    reader, with nobody in particular as actor (re-identification by anyone)."""
    index = first - 1
    while index >= 0 and lowers[index] in _BETWEEN_SUBJECT_AND_VERB[lang]:
        index -= 1
    if index < 0 or lowers[index] not in _READER_SUBJECT[lang]:
        return False
    return any(word.startswith(_RISK[lang]) for word in lowers[max(index - 4, 0) : index])


def _after(lowers: list[str], first: int, heads: frozenset[str], adverbs: frozenset[str]) -> bool:
    """Does one of ``heads`` ("kan", "can") come right before the passive, adverbs aside?"""
    index = first - 1
    while index >= 0 and lowers[index] in adverbs:
        index -= 1
    if index >= 0 and lowers[index] in heads:
        return True
    return index >= 1 and lowers[index] == "be" and lowers[index - 1] in heads


_WISH = {"sv": word_set("vill ville önskar önskade föredrar"), "en": word_set("want wants wanted wish wishes like prefer")}
"""Verbs of wishing: a passive after one is the wish's content, and only the reader's wish is
left alone ("om du vill att …", "if you want your data …"); "vi vill att …" is the writer's."""
_OPT_OUT = {"sv": word_set("avstå avstår avböja avböjer"), "en": word_set("opt opts opted opting")}
"""The reader declining something ("avstå från att bli kontaktad", "opt out of being contacted")."""
_COMPLEMENT = word_set("att that")


def _requested(lowers: list[str], first: int, lang: str) -> bool:
    """Is the passive the content of a request, a wish or a choice rather than a statement that
    something is done: what someone asks for ("begära att dina uppgifter raderas", "request that
    your data be deleted", "request your data to be transferred"), what guidance or a law
    requires ("riktlinjer om att uppgifterna ska …", "guidance that personal data transferred
    out of the EU must be treated …"), what the reader wants or does not want ("om du vill att
    dina uppgifter ska tas bort", "if you do not want cookies to be used"), or what the reader
    declines ("avstå från att bli kontaktad", "opt out of being contacted")? The organisation
    then acts on the reader's request, or the text describes the law or the reader's will."""
    start = max(first - 12, 0)
    window = lowers[start:first]
    infinitive = lang == "en" and first > 0 and lowers[first - 1] == "to" and lowers[first] == "be"
    requests = _SV_REQUEST if lang == "sv" else _EN_REQUEST
    for offset, word in enumerate(window):
        complement = not _COMPLEMENT.isdisjoint(window[offset + 1 :]) or infinitive
        if word in requests and complement:
            return True
        if word in _WISH[lang] and complement and _reader_wishes(window, offset, lang):
            return True
        if word in _OPT_OUT[lang] and first - (start + offset) <= 4:
            return True  # "opt out of being contacted", "avstå från att bli kontaktad"
    return False


def _reader_wishes(window: list[str], at: int, lang: str) -> bool:
    """Is the reader the one who wishes, at ``at`` in ``window``: "du (inte) vill", "vill du",
    "you (do not) want", "would you like"?"""
    reader = _READER_SUBJECT[lang]
    before = [w for w in window[max(at - 4, 0) : at] if w not in _EN_NEGATIONS and w not in _SV_NEGATIONS
              and w not in ("do", "does", "would", "don't", "doesn't", "should")]
    return bool(before) and before[-1] in reader or (at + 1 < len(window) and window[at + 1] in reader)


_AFTER_A = frozenset({"few", "lot", "third", "half", "quarter", "little", "bit", "factor"})
"""After "by a", an amount ("increased by a third"), not an agent ("by a regulation")."""
_AMOUNT_WORDS = frozenset({"a", "an", "one", "two", "three", "four", "five", "ten", "several", "about", "around", "almost"})
_UNITS = frozenset(
    {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
     "year", "years", "percent", "per", "cent"}
)


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


_HEARD = {"sv": word_set("hörd hört hörda höras"), "en": word_set("heard")}


def _heard(lowers: list[str], first: int, last: int, lang: str) -> bool:
    """"Invånarna kan bli hörda", "rätten att höras", "residents can be heard": to have one's
    say, an idiom, nobody's act on data. "Your complaint will be heard" (a thing of the
    reader's, heard by someone) is still reported."""
    if lowers[last] not in _HEARD[lang]:
        return False
    index = first - 1
    while index >= 0 and (lowers[index] in _BETWEEN_SUBJECT_AND_VERB[lang] or lowers[index] in _SV_ABILITY
                          or lowers[index] in verbs.SV_MODALS or lowers[index] in _EN_MODALS or lowers[index] in words.SV_BLI):
        index -= 1
    if index < 0:
        return True
    head = lowers[index]
    roots = _SV_DATA_ROOTS if lang == "sv" else _EN_DATA_ROOTS
    return not (any(root in head for root in roots) if lang == "sv" else head.startswith(roots))

_EXPLAINING = {"sv": (("det", "vill", "säga"), ("dvs.",), ("dvs",), ("d.v.s.",), ("alltså",)),
               "en": (("that", "is"), ("i.e.",), ("i.e",), ("namely",), ("that", "means"))}
_ASIDE_OPENERS = ("–", "—", "(", " - ")


def _explaining_aside(sentence: Sentence, first: int, lang: str) -> bool:
    """Is the passive inside an aside that explains an earlier passive of the same sentence
    ("anonymiseras – det vill säga att e-postadresserna raderas –", "is anonymised (i.e. names
    are deleted)")? The aside restates the one act, which is reported once, at the first verb;
    a second finding would ask to name the same actor twice."""
    lowers, text = sentence.lowers, sentence.block.text
    for marker in _EXPLAINING[lang]:
        size = len(marker)
        for start in range(max(first - size - 4, 1), first - size + 1):
            if tuple(lowers[start : start + size]) != marker:
                continue
            gap = text[sentence.words[start - 1].end : sentence.words[start].start]
            if not any(opener in gap or (opener.strip() and gap.strip() == opener.strip()) for opener in _ASIDE_OPENERS):
                continue
            return any(_passive_at(lowers, at, lang) for at in range(start))
    return False


def _passive_at(lowers: list[str], at: int, lang: str) -> bool:
    if lang == "sv":
        return _sv_is_passive_word(lowers, at)
    return words.en_is_participle(lowers[at]) and at > 0 and (lowers[at - 1] in words.EN_BE or lowers[at - 1] in words.EN_ADVERBS)


_READER_POSSESSIVES = {"sv": word_set("din ditt dina er ert era"), "en": word_set("your")}


def _displays_no_data(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive a display of something that is not the reader's data ("Sökresultaten
    visas i appen", "the results are shown on the screen")? The software shows it; what the
    reader would want named is who publishes their own data ("Ditt namn visas", "your name
    may be displayed"), which is still reported."""
    lowers = sentence.lowers
    if not (lowers[last].startswith(_SV_DISPLAY) if lang == "sv" else lowers[last] in _EN_DISPLAY):
        return False
    if any(word in _READER_POSSESSIVES[lang] for word in lowers[max(first - 8, 0) : first]):
        return False
    return not _about_the_reader(sentence, first, last, lang)


_STATUS_CONDITION = {"sv": word_set("om när ifall då"), "en": word_set("if when once whether")}


def _reader_evidence(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """:func:`_about_the_reader`, except where the reader is only the subject of a condition
    about their own situation ("om du blir antagen", "if you are recruited to a course"): that
    is what happens to the reader, often by a named party, not an act on their data."""
    if not _about_the_reader(sentence, first, last, lang):
        return False
    lowers = sentence.lowers
    index = first - 1
    while index >= 0 and lowers[index] in _BETWEEN_SUBJECT_AND_VERB[lang]:
        index -= 1
    return not (index >= 1 and lowers[index] in _READER_SUBJECT[lang] and lowers[index - 1] in _STATUS_CONDITION[lang])


_TYPICALLY = {"sv": word_set("normalt vanligen vanligtvis oftast typiskt"),
              "en": word_set("normally usually typically commonly generally often")}


def _generic_statement(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive what a kind of thing is for, in general: a bare plural that is not the
    reader's data as the whole subject, "used" with "normally" and a purpose ("Kakor används
    normalt för att …", "Cookies are normally used to …")? It says what such things usually do,
    as a definition would; "Personuppgifter används normalt för …", "Calls are normally
    recorded" (the organisation's practice, hedged) are still reported."""
    lowers = sentence.lowers
    if first != 1 or not sentence.words[0].text[:1].isupper() or lowers[last] not in _USED[lang]:
        return False
    if not {"för", "till", "to", "for"} & set(lowers[last + 1 : last + 3]):
        return False
    adverbs = lowers[first + 1 : last] if lang == "en" else lowers[last + 1 : last + 2]
    if _TYPICALLY[lang].isdisjoint(adverbs):
        return False
    subject = lowers[0]
    roots = _SV_DATA_ROOTS if lang == "sv" else _EN_DATA_ROOTS
    data = any(root in subject for root in roots) if lang == "sv" else subject.startswith(roots)
    plural = subject.endswith(("or", "er", "ar", "en")) if lang == "sv" else subject.endswith("s")
    return plural and not data and subject not in _READER[lang]


_THIRD_PARTY = {"sv": ("tredjepart", "tredje parts"), "en": ("third-party", "third party")}
_THEY = {"sv": word_set("de dessa"), "en": word_set("they these")}


def _named_third_partys(sentence: Sentence, first: int, last: int, lang: str) -> bool:
    """Is the passive about a third party's things, with the third party named ("Vid
    användning av tredjepartsprogram (Youtube, Vimeo) används så kallade tredjepartskakor",
    "third-party cookies (set by Youtube and Vimeo) are used"), or about them again in the
    sentences after ("De används för att …", "They are used to …")? The named party uses them,
    as if named as the agent; "we use" would claim the site's own act. Third-party things with
    nobody named ("Third-party cookies are not used to identify you") are still reported."""
    lowers = sentence.lowers
    if _third_party_named(sentence, range(max(first - 3, 0), min(last + 4, len(lowers)))):
        return True
    if first > 1 or lowers[0] not in _THEY[lang]:
        return False
    block = sentence.block.sentences
    at = next((i for i, other in enumerate(block) if other is sentence), 0)
    for before in range(at - 1, max(at - 4, -1), -1):  # "De används … De används också …"
        if _third_party_named(block[before], range(len(block[before].words))):
            return True
        if block[before].lowers[:1] != [lowers[0]]:
            return False
    return False


def _third_party_named(sentence: Sentence, near: range) -> bool:
    """Does a word of ``near`` speak of a third party, and the sentence name one (a word with
    a capital that does not start it)?"""
    roots = _THIRD_PARTY["sv"] + _THIRD_PARTY["en"]
    third = any(sentence.words[i].lower.startswith(roots) for i in near) or any(
        " ".join(w.lower for w in sentence.words[i : i + 2]) in roots for i in near)
    if not third:
        return False
    return any(word.text[:1].isupper() and "-" not in word.text for word in sentence.words[1:])


_MARKED = {"sv": ("märk", "markera"), "en": word_set("marked flagged")}


def _notation(sentence: Sentence, last: int, lang: str) -> bool:
    """"(obligatoriska uppgifter är märkta med *)", "mandatory data are marked with *": the
    text's own notation, a sign after "med"/"with" that is not a word."""
    lowers = sentence.lowers
    verb = lowers[last]
    if not (verb.startswith(_MARKED[lang]) if lang == "sv" else verb in _MARKED[lang]):
        return False
    if lowers[last + 1 : last + 2] not in (["med"], ["with"]):
        return False
    rest = sentence.block.text[sentence.words[last + 1].end :].lstrip()
    return bool(rest) and not rest[0].isalnum()

