"""Passive sentences of every Swedish conjugation and of English regular and irregular verbs, in
every tense, through the whole checker: the passive rule (PL203) reports exactly the passive
and gives the active form a writer can paste, with its tense, auxiliary, modal, negation and
particle, in the word order the clause needs. Deponent and reciprocal verbs are not passives and
get no finding at all.

Each Swedish verb is written in the present, past, perfect and modal forms (the four rows of a
group), so a regression in one conjugation fails the rows of that group by name. Every sentence
was written for this test.
"""

from __future__ import annotations

import pytest

from policygen.check.api import check_text
from policygen.check.registry import all_rules, option_defaults
from policygen.check.rules.pl2_verbs import sv_active, sv_lexicon_entry, sv_present_of_infinitive, sv_tense
from policygen.check.settings import Settings
from policygen.lang.messages import speaking

RULES = {rule.code: rule for rule in all_rules()}


def we(verb: str) -> str:
    """The organisation as actor, subject first: 'vi lagrar …', 'we store …'."""
    return f"say who does it: '{verb} …'"


def vi(verb: str) -> str:
    return we(f"vi {verb}")


def who(verb: str) -> str:
    """Someone else may act: the active verb, no actor guessed."""
    return f"say who does it (you, a named company, the law …): '… {verb} …'"


def passives(text: str, lang: str) -> list[tuple[str, str]]:
    """``(matched text, suggestion)`` of each PL203 finding on ``text`` (one line)."""
    rules = [RULES["PL203"], RULES["PL212"], RULES["PL202"]]
    settings = Settings(defaults=option_defaults(RULES.values()), options={"one-per-span": False})
    report = check_text(text, "case.txt", lang, "txt", rules, settings)
    return [(text[f.column - 1 : f.end_column - 1], f.suggestion) for f in report.findings if f.code == "PL203"]


# (id, sentence, span, suggestion)
SWEDISH = [
    # conjugation 1 (-ar): spara, lagra, dela, behandla, radera
    ("1-present", "Uppgifterna lagras i två år.", "lagras", vi("lagrar")),
    ("1-past", "Uppgifterna sparades i två år.", "sparades", vi("sparade")),
    ("1-perfect", "Uppgifterna har sparats i två år.", "sparats", vi("har sparat")),
    ("1-pluperfect", "Uppgifterna hade sparats i två år.", "sparats", vi("hade sparat")),
    ("1-modal", "Uppgifterna ska sparas i två år.", "sparas", vi("ska spara")),
    ("1-delas", "Uppgifterna delas med banken.", "delas", vi("delar")),
    ("1-delades", "Uppgifterna delades med banken.", "delades", vi("delade")),
    ("1-delats", "Uppgifterna har delats med banken.", "delats", vi("har delat")),
    ("1-behandlas", "Uppgifterna behandlas enligt lagen.", "behandlas", vi("behandlar")),
    ("1-behandlades", "Uppgifterna behandlades enligt lagen.", "behandlades", vi("behandlade")),
    ("1-raderas", "Uppgifterna raderas efter två år.", "raderas", vi("raderar")),
    ("1-raderades", "Uppgifterna raderades efter två år.", "raderades", vi("raderade")),
    ("1-skickas", "Kopian skickas till din e-post.", "skickas", vi("skickar")),
    # conjugation 2a (-er, voiced stem: -de, -t): ställa, använda, stänga, följa
    ("2a-present", "Frågan ställs till kunden.", "ställs", who("ställer")),
    ("2a-past", "Frågan ställdes till kunden.", "ställdes", who("ställde")),
    ("2a-perfect", "Frågan har ställts till kunden.", "ställts", who("har ställt")),
    ("2a-modal", "Frågan ska ställas till kunden.", "ställas", who("ska ställa")),
    ("2a-används", "Uppgifterna används för statistik.", "används", vi("använder")),
    ("2a-användes", "Uppgifterna användes för statistik.", "användes", vi("använde")),
    ("2a-använts", "Uppgifterna har använts för statistik.", "använts", vi("har använt")),
    ("2a-stängs", "Kontot stängs efter ett år.", "stängs", vi("stänger")),
    ("2a-följts", "Uppgifterna har följts upp varje år.", "följts", vi("har följt upp")),
    # conjugation 2b (-er, voiceless stem: -te, -t): köpa, läsa
    ("2b-present", "Uppgifterna köps från ett adressregister.", "köps", who("köper")),
    ("2b-past", "Uppgifterna köptes från ett adressregister.", "köptes", who("köpte")),
    ("2b-perfect", "Uppgifterna har köpts från ett adressregister.", "köpts", who("har köpt")),
    ("2b-modal", "Uppgifterna måste köpas från ett adressregister.", "köpas", who("måste köpa")),
    ("2b-läses", "Loggarna läses varje dag.", "läses", who("läser")),
    ("2b-lästes", "Loggarna lästes varje dag.", "lästes", who("läste")),
    ("2b-lästs", "Loggarna har lästs varje dag.", "lästs", who("har läst")),
    # conjugation 3 (short stems: -dde, -tt): sy, tro, nå
    ("3-sys", "Kläderna sys åt kunden i Sverige.", "sys", who("syr")),
    ("3-syddes", "Kläderna syddes åt kunden i Sverige.", "syddes", who("sydde")),
    ("3-sytts", "Kläderna har sytts åt kunden i Sverige.", "sytts", who("har sytt")),
    ("3-tros", "Det tros att felet i dina uppgifter är rättat.", "tros", who("tror")),
    ("3-nås", "Du nås på telefon dygnet runt.", "nås", who("når")),
    ("3-nåddes", "Du nåddes inte på telefon förra året.", "nåddes", who("nådde")),
    ("3-nåtts", "Du har inte nåtts på telefon.", "nåtts", who("har inte nått")),
    # conjugation 4, strong and irregular verbs: ge, ta, se (över), göra, sälja, skriva
    ("4-ges", "Information ges till dig.", "ges", vi("ger")),
    ("4-gavs", "Information gavs till dig.", "gavs", vi("gav")),
    ("4-getts", "Information har getts till dig.", "getts", vi("har gett")),
    ("4-givits", "Information har givits till dig.", "givits", vi("har givit")),
    ("4-ska-ges", "Information ska ges till dig.", "ges", vi("ska ge")),
    ("4-tas", "Uppgifterna tas bort efter ett år.", "tas", vi("tar bort")),
    ("4-togs", "Uppgifterna togs bort efter ett år.", "togs", vi("tog bort")),
    ("4-tagits", "Uppgifterna har tagits bort.", "tagits", vi("har tagit bort")),
    ("4-ska-tas", "Uppgifterna ska tas bort.", "tas", vi("ska ta bort")),
    ("4-ses", "Uppgifterna ses över varje år.", "ses", vi("ser över")),
    ("4-sågs", "Uppgifterna sågs över förra året.", "sågs", vi("såg över")),
    ("4-setts", "Uppgifterna har setts över.", "setts", vi("har sett över")),
    ("4-ska-ses", "Uppgifterna ska ses över.", "ses", vi("ska se över")),
    ("4-görs", "En kontroll av dina uppgifter görs varje år.", "görs", who("gör")),
    ("4-gjordes", "En kontroll av dina uppgifter gjordes varje år.", "gjordes", who("gjorde")),
    ("4-gjorts", "En kontroll av dina uppgifter har gjorts varje år.", "gjorts", who("har gjort")),
    ("4-ska-göras", "En kontroll av dina uppgifter ska göras varje år.", "göras", who("ska göra")),
    ("4-säljs", "Uppgifterna säljs aldrig.", "säljs", vi("säljer")),
    ("4-såldes", "Uppgifterna såldes till en partner.", "såldes", vi("sålde")),
    ("4-sålts", "Uppgifterna har sålts till en partner.", "sålts", vi("har sålt")),
    ("4-ska-säljas", "Uppgifterna ska inte säljas.", "säljas", vi("ska inte sälja")),
    ("4-skrivs", "Uppgifterna skrivs in i journalen.", "skrivs", who("skriver in")),
    ("4-skrevs", "Uppgifterna skrevs in i journalen.", "skrevs", who("skrev in")),
    ("4-skrivits", "Uppgifterna har skrivits in i journalen.", "skrivits", who("har skrivit in")),
    ("4-ska-skrivas", "Uppgifterna ska skrivas in i journalen.", "skrivas", who("ska skriva in")),
    ("4-hålls", "Mötet om ditt ärende hålls varje vecka.", "hålls", who("håller")),
    ("4-hölls", "Mötet om ditt ärende hölls varje vecka.", "hölls", who("höll")),
    ("4-sprids", "Uppgifterna sprids inte.", "sprids", vi("sprider")),
    ("4-valdes", "Uppgifterna valdes ut slumpvis.", "valdes", who("valde ut")),
    ("4-lades", "Uppgifterna lades in i systemet.", "lades", who("lade in")),
    ("4-byts", "Lösenordet byts ut varje år.", "byts", who("byter ut")),
    ("4-mäts", "Besökarnas klick mäts varje månad.", "mäts", who("mäter")),
    ("4-ströks", "Uppgifterna ströks ur registret.", "ströks", who("strök")),
    ("4-knyts", "Kontot knyts till din e-post.", "knyts", who("knyter")),
    # stems in -r: the present is the stem (förs, överförs, görs)
    ("r-förs", "Uppgifterna förs över till USA.", "förs", vi("för över")),
    ("r-fördes", "Uppgifterna fördes över till USA.", "fördes", vi("förde över")),
    ("r-förts", "Uppgifterna har förts över till USA.", "förts", vi("har fört över")),
    ("r-ska-föras", "Uppgifterna ska föras över till USA.", "föras", vi("ska föra över")),
    ("r-överförs", "Uppgifterna överförs till USA.", "överförs", vi("överför")),
    ("r-överfördes", "Uppgifterna överfördes till USA.", "överfördes", vi("överförde")),
    ("r-överförts", "Uppgifterna har överförts till USA.", "överförts", vi("har överfört")),
    ("r-ska-överföras", "Uppgifterna ska överföras till USA.", "överföras", vi("ska överföra")),
    # compounds of listed verbs
    ("c-tillhandahålls", "Tjänsten tillhandahålls dygnet runt.", "tillhandahålls", vi("erbjuder")),
    ("c-ersätts", "Kortet ersätts med ett nytt när du ber om det.", "ersätts", who("ersätter")),
    ("c-fastställs", "Avgiften för kunden fastställs varje år.", "fastställs", who("fastställer")),
    # particle verbs: the particle after the verb, also when written in front (insamlas)
    ("p-lämnas-ut", "Uppgifterna lämnas ut till polisen.", "lämnas", vi("lämnar ut")),
    ("p-lämnades-ut", "Uppgifterna lämnades ut till polisen.", "lämnades", vi("lämnade ut")),
    ("p-har-lämnats-ut", "Uppgifterna har lämnats ut till polisen.", "lämnats", vi("har lämnat ut")),
    ("p-samlas-in", "Uppgifterna samlas in via formuläret.", "samlas", vi("samlar in")),
    ("p-insamlas", "Uppgifterna insamlas via formuläret.", "insamlas", vi("samlar in")),
    ("p-insamlades", "Uppgifterna insamlades via formuläret.", "insamlades", vi("samlade in")),
    ("p-har-insamlats", "Uppgifterna har insamlats via formuläret.", "insamlats", vi("har samlat in")),
    ("p-utlämnas", "Uppgifterna utlämnas till polisen.", "utlämnas", vi("lämnar ut")),
    ("p-hämtas-in", "Uppgifterna hämtas in från Skatteverket.", "hämtas", vi("hämtar in")),
    ("p-spelas-in", "Samtalet spelas in.", "spelas", vi("spelar in")),
    ("p-stängs-av", "Kontot stängs av.", "stängs", vi("stänger av")),
    ("p-läggs-till", "Uppgifterna läggs till i registret.", "läggs", vi("lägger till")),
    ("p-adverb-before", "Uppgifterna lämnas inte ut till utomstående.", "lämnas", vi("lämnar inte ut")),
    ("p-adverb-över", "Uppgifterna förs sedan över till USA.", "förs", vi("för sedan över")),
    ("p-över-preposition", "Uppgifterna lagras över natten.", "lagras", vi("lagrar")),
    ("p-över-preposition-adverb", "Uppgifterna lagras inte över natten.", "lagras", vi("lagrar")),
    ("p-till-preposition", "Uppgifterna lämnas till Skatteverket.", "lämnas", vi("lämnar")),
    # modal or future + passive infinitive → modal + infinitive, the whole chain kept
    ("m-kan", "Dina vanor kan härledas från köpen.", "härledas", vi("kan härleda")),
    ("m-får", "Uppgifterna får inte lämnas ut.", "lämnas", vi("får inte lämna ut")),
    ("m-måste", "Uppgifterna måste raderas inom en månad.", "raderas", vi("måste radera")),
    ("m-kommer-att", "Uppgifterna kommer att raderas inom en månad.", "raderas", vi("kommer att radera")),
    ("m-kommer-inte-att", "Uppgifterna kommer inte att säljas.", "säljas", vi("kommer inte att sälja")),
    ("m-skulle-kunna", "Uppgifterna skulle kunna delas.", "delas", vi("skulle kunna dela")),
    ("m-skulle-ha", "Uppgifterna skulle ha raderats.", "raderats", vi("skulle ha raderat")),
    ("m-borde-ha", "Uppgifterna borde ha raderats.", "raderats", vi("borde ha raderat")),
    ("m-har-kunnat", "Uppgifterna har kunnat delas.", "delas", vi("har kunnat dela")),
    ("m-kan-komma-att", "Uppgifterna kan komma att delas med banken.", "delas", vi("kan komma att dela")),
    # supine without "har" in a subordinate clause
    ("s-supine-alone", "Trots att uppgifterna samlats in raderar vi dem.", "samlats", vi("har samlat in")),
    # the verb before its subject: after a fronted adverbial, a subordinate clause, in a question
    ("v2-adverbial", "I två år lagras uppgifterna.", "lagras", we("lagrar vi")),
    ("v2-efter", "Efter två år raderas uppgifterna.", "raderas", we("raderar vi")),
    ("v2-sedan", "Sedan skickas uppgifterna till banken.", "skickas", we("skickar vi")),
    ("v2-particle", "Vid behov lämnas uppgifterna ut till polisen.", "lämnas", we("lämnar vi ut")),
    ("v2-particle-adverb", "Vid behov lämnas uppgifterna inte ut.", "lämnas", we("lämnar vi inte ut")),
    ("v2-clause", "Om du begär det raderas dina uppgifter.", "raderas", we("raderar vi")),
    ("v2-clause-comma", "Om du begär det, raderas uppgifterna.", "raderas", we("raderar vi")),
    ("v2-modal", "Efter två år ska dina uppgifter raderas.", "raderas", we("ska vi radera")),
    ("v2-future", "Om villkoren ändras kommer du att informeras.", "informeras", we("kommer vi att informera")),
    ("v2-perfect", "Sedan har uppgifterna samlats in.", "samlats", we("har vi samlat in")),
    ("v2-ses-över", "Varje år ses uppgifterna över.", "ses", we("ser vi över")),
    ("v2-question", "Lagras uppgifterna i Sverige?", "Lagras", we("Lagrar vi")),
    ("v2-straight-object", "Du ges möjligheten att svara.", "ges", vi("ger")),
    # the reader's own action: no "vi" guessed (a request or consent the reader sends or gives as
    # the subject is not reported at all: see test_the_reader_sending_what_is_theirs_is_not_reported)
    ("reader-submits", "Formuläret lämnas in via webben.", "lämnas", who("lämnar in")),
    ("reader-consents", "Svar på frågorna ges i ansökan.", "ges", who("ger")),
    ("reader-sends-to-us", "Svaret skickas till oss.", "skickas", who("skickar")),
    ("org-processes-request", "Ansökan behandlas inom en vecka.", "behandlas", vi("behandlar")),
    # bli-passives in every tense, weak and strong participles
    ("bli-present", "Uppgifterna blir raderade efter ett år.", "blir raderade", vi("raderar")),
    ("bli-past", "Uppgifterna blev skickade till banken.", "blev skickade", vi("skickade")),
    ("bli-perfect", "Uppgifterna har blivit raderade.", "blivit raderade", vi("har raderat")),
    ("bli-modal", "Uppgifterna kan bli raderade.", "bli raderade", vi("kan radera")),
    ("bli-future", "Uppgifterna kommer att bli raderade.", "bli raderade", vi("kommer att radera")),
    ("bli-2a", "Ditt ärende blir använt i statistiken.", "blir använt", vi("använder")),
    ("bli-particle", "Samtalet blev inspelat.", "blev inspelat", vi("spelade in")),
    ("bli-sålda", "Uppgifterna blev sålda.", "blev sålda", vi("sålde")),
    ("bli-borttagna", "Uppgifterna blev borttagna.", "blev borttagna", vi("tog bort")),
    ("bli-skrivna", "Uppgifterna blev skrivna för hand.", "blev skrivna", who("skrev")),
    ("bli-valda", "Uppgifterna blev valda slumpvis.", "blev valda", who("valde")),
]


@pytest.mark.parametrize(("text", "matched", "suggestion"), [case[1:] for case in SWEDISH], ids=[case[0] for case in SWEDISH])
def test_swedish_passive_of_every_conjugation(text: str, matched: str, suggestion: str) -> None:
    assert passives(text, "sv") == [(matched, suggestion)]


NOT_PASSIVE_SV = [
    # deponent verbs: an -s form with an active meaning
    "Det finns uppgifter om dig.", "Det fanns uppgifter om dig.", "Vi hoppas att du trivs.",
    "Vi hoppades att det skulle gå bra.", "Om det lyckas meddelar vi dig.", "Det lyckades inte.",
    "Du trivs med tjänsten.", "Du andas lugnt.", "Vi minns ditt ärende.", "Vi mindes ditt ärende.",
    "Det syns i appen.", "Det syntes i appen.", "Du låtsas inte.", "Han låtsades inte.",
    # reciprocal verbs
    "Vi träffas på kontoret.", "Vi träffades på kontoret.", "Vi ses på mötet.", "Vi möts på kontoret.",
    "Vi möttes på kontoret.",
]


@pytest.mark.parametrize("text", NOT_PASSIVE_SV)
def test_swedish_deponent_and_reciprocal_verbs_are_not_passives(text: str) -> None:
    assert passives(text, "sv") == []


def test_swedish_suggestion_in_the_swedish_interface_keeps_the_word_order() -> None:
    with speaking("sv"):
        found = passives("I två år lagras uppgifterna.", "sv")
    assert found == [("lagras", "säg vem som gör det: 'lagrar vi …'")]


SWEDISH_FORMS = [
    # (s-form, words before it, active form)
    ("lagras", "", "lagrar"), ("sparades", "", "sparade"), ("sparats", "har", "sparat"), ("sparas", "ska", "spara"),
    ("ställs", "", "ställer"), ("ställdes", "", "ställde"), ("ställts", "har", "ställt"),
    ("köps", "", "köper"), ("köptes", "", "köpte"), ("köpts", "har", "köpt"),
    ("sys", "", "syr"), ("tros", "", "tror"), ("nås", "", "når"), ("nåddes", "", "nådde"),
    ("ges", "", "ger"), ("gavs", "", "gav"), ("getts", "har", "gett"), ("givits", "har", "givit"), ("ges", "ska", "ge"),
    ("tas", "", "tar"), ("togs", "", "tog"), ("tagits", "har", "tagit"),
    ("ses", "", "ser"), ("sågs", "", "såg"), ("setts", "har", "sett"),
    ("görs", "", "gör"), ("gjordes", "", "gjorde"), ("gjorts", "har", "gjort"),
    ("säljs", "", "säljer"), ("såldes", "", "sålde"), ("sålts", "har", "sålt"),
    ("lämnas", "", "lämnar"), ("förs", "", "för"), ("fördes", "", "förde"),
    ("skrivs", "", "skriver"), ("skrevs", "", "skrev"), ("skrivits", "har", "skrivit"),
    ("delas", "", "delar"), ("behandlas", "", "behandlar"), ("raderas", "", "raderar"), ("samlas", "", "samlar"),
    ("hämtas", "", "hämtar"), ("överförs", "", "överför"), ("läses", "", "läser"), ("sätts", "", "sätter"),
    ("satts", "har", "satt"), ("bestäms", "", "bestämmer"), ("döms", "", "dömer"), ("glöms", "", "glömmer"),
    ("hålls", "", "håller"), ("hölls", "", "höll"), ("tillhandahålls", "", "tillhandahåller"),
    ("härleds", "", "härleder"), ("används", "", "använder"), ("användes", "", "använde"),
    ("sprids", "", "sprider"), ("spreds", "", "spred"), ("byts", "", "byter"), ("bytts", "har", "bytt"),
    ("mäts", "", "mäter"), ("mätts", "har", "mätt"), ("ersätts", "", "ersätter"), ("uppges", "", "uppger"),
    ("valdes", "", "valde"), ("valts", "har", "valt"), ("lades", "", "lade"), ("lagts", "har", "lagt"),
    ("raderas", "kommer inte att", "radera"), ("raderas", "ska dina uppgifter", "radera"),
    ("samlats", "har uppgifterna", "samlat"),
]


# Infinitives no table lists: first conjugation unless the stem has the second conjugation's shape
# (one syllable, a front vowel, a final consonant such as -mm, -nd, -j, -ck, -p), also after a prefix.
UNLISTED_INFINITIVES = [
    ("skrämma", "skrämmer"), ("gömma", "gömmer"), ("tända", "tänder"), ("höja", "höjer"), ("trycka", "trycker"),
    ("avskräcka", "avskräcker"), ("förstöra", "förstör"), ("röka", "röker"), ("störa", "stör"),
    ("dela", "delar"), ("ändra", "ändrar"), ("flytta", "flyttar"), ("spärra", "spärrar"), ("städa", "städar"),
    ("skydda", "skyddar"), ("öppna", "öppnar"), ("förnya", "förnyar"), ("övervaka", "övervakar"),
]


@pytest.mark.parametrize(("infinitive", "present"), UNLISTED_INFINITIVES)
def test_unlisted_infinitive_gets_the_present_of_its_conjugation(infinitive: str, present: str) -> None:
    assert sv_present_of_infinitive(infinitive) == present
    assert sv_active(infinitive + "s", "present") == present  # "för att skrämmas" → the present


@pytest.mark.parametrize(("form", "before", "active"), SWEDISH_FORMS, ids=[f"{c[1]} {c[0]}".strip() for c in SWEDISH_FORMS])
def test_swedish_active_form_of_each_s_form(form: str, before: str, active: str) -> None:
    assert sv_active(form, sv_tense(form, before.split())) == active


def test_the_verb_lexicon_knows_compounds_by_prefix() -> None:
    assert sv_lexicon_entry("överförs") == ("över", "föra", "present")
    assert sv_lexicon_entry("tillhandahålls") == ("tillhanda", "hålla", "present")
    assert sv_lexicon_entry("skrevs") == ("", "skriva", "past")
    assert sv_lexicon_entry("behandlas") is None  # regular: conjugated by rule


ENGLISH = [
    # regular and irregular participles, present
    ("Your data is stored in the EU.", "is stored", we("we store")),
    ("Your data is kept for two years.", "is kept", we("we keep")),
    ("Your data is sent to the bank.", "is sent", we("we send")),
    ("Your data is shared with partners.", "is shared", we("we share")),
    ("Your data is given to the bank.", "is given", we("we give")),
    ("Your data is sold to partners.", "is sold", we("we sell")),
    ("Your data is held securely.", "is held", we("we hold")),
    ("Your data is transferred to the US.", "is transferred", we("we transfer")),
    ("Your data is processed in Sweden.", "is processed", we("we process")),
    ("Your data is used for billing.", "is used", we("we use")),
    ("Your data is deleted after two years.", "is deleted", we("we delete")),
    ("Old records are purged every month.", "are purged", we("we purge")),
    ("Your data is made available to the bank.", "is made", who("makes")),
    ("Your data is taken from the form.", "is taken", who("takes")),
    ("Your data is written to disk.", "is written", who("writes")),
    ("A profile is built from your purchases.", "is built", who("builds")),
    ("Processing is stopped when you object.", "is stopped", who("stops")),
    ("The accounts are tied to your email.", "are tied", who("ties")),
    ("The purposes of your data are described to the auditor in full.", "are described", who("describes")),
    # past, negation, progressive, perfect, future, modal
    ("Your data was sold last year.", "was sold", we("we sold")),
    ("Your data was not shared.", "was not shared", we("we did not share")),
    ("Your data is not shared.", "is not shared", we("we do not share")),
    ("Your data is being processed.", "is being processed", we("we are processing")),
    ("Your data was being processed.", "was being processed", we("we were processing")),
    ("Your data has been shared.", "been shared", we("we have shared")),
    ("Your data has not been shared.", "been shared", we("we have not shared")),
    ("Your data hasn't been shared.", "been shared", we("we have not shared")),
    ("Your data has already been deleted.", "been deleted", we("we have already deleted")),
    ("Your data had been deleted.", "been deleted", we("we had deleted")),
    ("Your data will be deleted.", "be deleted", we("we will delete")),
    ("Your data won't be sold.", "be sold", we("we will not sell")),
    ("Your data will have been deleted.", "been deleted", we("we will have deleted")),
    ("Your data may be shared with partners.", "be shared", we("we may share")),
    ("Your data might be sold.", "be sold", we("we might sell")),
    ("Your data must be deleted within a month.", "be deleted", we("we must delete")),
    ("Your data may have been shared.", "been shared", we("we may have shared")),
    ("Your data may not have been shared.", "been shared", we("we may not have shared")),
    ("Your data is handed over to the police.", "is handed", we("we hand over")),
    ("Your password must be changed every year.", "be changed", who("must change")),
    ("The answer is given to us by phone.", "is given", who("gives")),
    ("The answer is sent to us.", "is sent", who("sends")),
    ("Your request is processed within a week.", "is processed", we("we process")),
]


@pytest.mark.parametrize(("text", "matched", "suggestion"), ENGLISH, ids=[case[0] for case in ENGLISH])
def test_english_passive_of_every_form(text: str, matched: str, suggestion: str) -> None:
    assert passives(text, "en") == [(matched, suggestion)]


READER_SENDS = [
    ("sv", "Ansökan lämnas in via webben."), ("sv", "Ditt samtycke ges när du klickar på knappen."),
    ("sv", "Din begäran skickas till oss."), ("en", "Your consent is given when you tick the box."),
    ("en", "Your request is sent to us."),
]


@pytest.mark.parametrize(("lang", "text"), READER_SENDS)
def test_the_reader_sending_what_is_theirs_is_not_reported(lang: str, text: str) -> None:
    """A request, application or consent the reader sends or gives, as the passive's subject:
    the reader acts, and nothing is hidden (PL203's known-actor classes)."""
    assert passives(text, lang) == []


def may_be_done(text: str, lang: str) -> list[tuple[str, str]]:
    rules = [RULES["PL203"], RULES["PL212"], RULES["PL202"]]
    settings = Settings(defaults=option_defaults(RULES.values()), options={"one-per-span": False})
    report = check_text(text, "case.txt", lang, "txt", rules, settings)
    return [(text[f.column - 1 : f.end_column - 1], f.suggestion) for f in report.findings if f.code == "PL212"]


@pytest.mark.parametrize(("text", "matched", "suggestion"), [
    ("Dina uppgifter kan överlåtas till köparen.", "kan överlåtas", "say what happens: 'vi överlåter …'"),
    ("Om vi säljer verksamheten kan dina uppgifter överlåtas till köparen.", "kan dina uppgifter överlåtas",
     "say what happens: 'överlåter vi …'"),
    ("Uppgifterna kan utbytas med banken.", "kan utbytas", "say what happens: 'vi utbyter …'"),
    ("Uppgifterna kan samköras med andra register.", "kan samköras", "say what happens: 'vi samkör …'"),
    ("Uppgifterna kan bevaras i tio år.", "kan bevaras", "say what happens: 'vi bevarar …'"),
    ("Your data can be shared with partners.", "can be shared", "say what happens: 'we share …'"),
])
def test_can_be_done_gives_the_present_in_the_clause_order(text: str, matched: str, suggestion: str) -> None:
    assert may_be_done(text, "sv" if " kan " in text else "en") == [(matched, suggestion)]
