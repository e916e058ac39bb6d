"""Passive sentences of every Swedish conjugation, and English participles regular and irregular,
through the whole checker: the passive rule (PL203) gives exactly the active form a writer can
paste, in the tense written, with its auxiliary, modal and particle.

Conjugations: 1 (-ar: lagras, behandlas), 2a (voiced stem: används, säljs, härleds, ställs),
2b (voiceless stem: köps, läses), 3 (short vowel stems: nås, tros), 4 (strong: ges, skrivs,
gavs, getts), stems in -r (förs, överförs, görs), stems in -m (bestäms), particle verbs (förs
över, samlas in, spelas in), modal + passive infinitive (kan härledas, ska raderas, kommer inte
att lämnas ut), supine with and without "har" (har samlats in, samlats), past (sparades,
samlades in), bli-passives (blir raderade, blev inspelat, har blivit raderade, kan bli raderade)
and the noun + "sker" construction. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest

from policygen.check.api import check_text
from policygen.check.registry import all_rules, option_defaults
from policygen.check.rules.pl2_verbs import en_base_form, en_participle, en_third_person
from policygen.check.settings import Settings

RULES = {rule.code: rule for rule in all_rules()}
WE_SV = "say who does it: 'vi {} …'"
WE_EN = "say who does it: 'we {} …'"
WHO = "say who does it (you, a named company, the law …): '… {} …'"


def passives(text: str, lang: str, one_per_span: bool = False) -> list[tuple[str, str]]:
    """``(matched text, suggestion)`` of each PL203 finding on ``text``."""
    rules = [RULES["PL203"], RULES["PL212"], RULES["PL202"]]
    settings = Settings(defaults=option_defaults(RULES.values()), options={"one-per-span": one_per_span})
    report = check_text(text, "case.txt", lang, "txt", rules, settings)
    lines = text.split("\n")
    return [
        (lines[f.line - 1][f.column - 1 : f.end_column - 1], f.suggestion)
        for f in report.findings
        if f.code == "PL203"
    ]


SWEDISH = [
    # conjugation 1, present
    ("Dina uppgifter lagras i Sverige.", "lagras", WE_SV.format("lagrar")),
    ("Uppgifterna behandlas för att vi ska kunna hjälpa dig.", "behandlas", WE_SV.format("behandlar")),
    ("Kopian skickas till din e-post.", "skickas", WE_SV.format("skickar")),
    # conjugation 2a and 2b, present
    ("Din e-post används för kvitton.", "används", WE_SV.format("använder")),
    ("Adresslistan säljs aldrig.", "säljs", WE_SV.format("säljer")),
    ("Vissa uppgifter härleds från ditt köp.", "härleds", WE_SV.format("härleder")),
    ("Kontot stängs efter ett år.", "stängs", WE_SV.format("stänger")),
    ("Avgiften för ditt konto bestäms varje år.", "bestäms", WHO.format("bestämmer")),
    # stems in -r: the present is the stem
    ("Uppgifterna överförs till USA.", "överförs", WE_SV.format("överför")),
    ("Uppgifterna görs tillgängliga för banken.", "görs", WHO.format("gör")),
    # particle verbs keep the particle
    ("Uppgifterna förs över till vår leverantör.", "förs", WE_SV.format("för över")),
    ("Samtalen spelas in.", "spelas", WE_SV.format("spelar in")),
    # conjugation 3 and 4: short and strong verbs
    ("Du nås via växeln.", "nås", WHO.format("når")),
    ("Du ges möjlighet att svara.", "ges", WE_SV.format("ger")),
    ("Uppgifterna gavs till banken.", "gavs", WE_SV.format("gav")),
    ("Uppgifterna har getts till Skatteverket.", "getts", WE_SV.format("har gett")),
    ("Kunden ombeds svara inom en vecka.", "ombeds", WE_SV.format("ber")),
    # past
    ("Ärendet registrerades i januari.", "registrerades", WE_SV.format("registrerade")),
    ("Uppgifterna samlades in förra året.", "samlades", WE_SV.format("samlade in")),
    # supine with and without "har"
    ("Uppgifterna har samlats in av misstag.", "samlats", WE_SV.format("har samlat in")),
    ("Uppgifterna har använts i analysen.", "använts", WE_SV.format("har använt")),
    ("Uppgifterna har skickats till banken.", "skickats", WE_SV.format("har skickat")),
    ("Trots att uppgifterna samlats in raderar vi dem.", "samlats", WE_SV.format("har samlat in")),
    # modal or future + passive infinitive → modal + infinitive
    ("Dina vanor kan härledas från köpen.", "härledas", WE_SV.format("kan härleda")),
    ("Uppgifterna ska raderas efter två år.", "raderas", WE_SV.format("ska radera")),
    ("Uppgifterna kommer inte att lämnas ut.", "lämnas", WE_SV.format("kommer inte att lämna ut")),
    ("Om villkoren ändras kommer du att informeras.", "informeras", "say who does it: 'kommer vi att informera …'"),
    # bli-passives in every tense
    ("Uppgifterna blir raderade efter ett år.", "blir raderade", WE_SV.format("raderar")),
    ("Samtalet blev inspelat.", "blev inspelat", WE_SV.format("spelade in")),
    ("Uppgifterna har blivit raderade.", "blivit raderade", WE_SV.format("har raderat")),
    ("Uppgifterna kan bli raderade.", "bli raderade", WE_SV.format("kan radera")),
    ("Ditt ärende blir använt i statistiken.", "blir använt", WE_SV.format("använder")),
    # a noun of handling data + "sker"
    ("Behandlingen sker i Sverige.", "Behandlingen sker", WE_SV.format("behandlar")),
    ("Den insamling som sker på webbplatsen styrs av lagen.", "insamling som sker", WE_SV.format("samlar in")),
    # a wordy verb in the passive: the plain verb, inflected
    ("Uppgifterna inhämtas från Skatteverket.", "inhämtas", WE_SV.format("hämtar in")),
    ("Dina uppgifter har inhämtats från banken.", "inhämtats", WE_SV.format("har hämtat in")),
]


@pytest.mark.parametrize(("text", "matched", "suggestion"), SWEDISH, ids=[case[1] for case in SWEDISH])
def test_swedish_passive_gives_the_pasteable_active_form(text: str, matched: str, suggestion: str) -> None:
    assert passives(text, "sv") == [(matched, suggestion)]


def test_the_writer_speaking_as_jag_gets_jag() -> None:
    text = "Jag driver sajten själv. Mina besökares kommentarer sparas i ett år. Jag svarar på frågor."
    assert passives(text, "sv") == [("sparas", "say who does it: 'jag sparar …'")]


ENGLISH = [
    ("Your data is stored in the EU.", "is stored", WE_EN.format("store")),
    ("Your data will be stored in the EU.", "be stored", WE_EN.format("will store")),
    ("Your data will not be given to anyone.", "be given", WE_EN.format("will not give")),
    ("Your data is not kept after the case.", "is not kept", WE_EN.format("do not keep")),
    ("Your address was shared with the courier.", "was shared", WE_EN.format("shared")),
    ("The file was given to the bank.", "was given", WE_EN.format("gave")),
    ("Your data has been transferred to the bank.", "been transferred", WE_EN.format("have transferred")),
    ("Your messages are being reviewed.", "are being reviewed", WE_EN.format("are reviewing")),
    ("Calls are automatically recorded.", "are automatically recorded", WE_EN.format("automatically record")),
    ("Your data gets deleted after two years.", "gets deleted", WE_EN.format("delete")),
    ("Your details are described to the auditor in full.", "are described", WHO.format("describes")),
    ("Old records are purged every month.", "are purged", WE_EN.format("purge")),
    ("The accounts are tied to your email address.", "are tied", WHO.format("ties")),
    ("Your data is retained for two years.", "is retained", WE_EN.format("keep")),
    ("Sharing another user's password is forbidden.", "is forbidden", WHO.format("forbids")),
    ("Whether a post is removed will be determined case by case.", "be determined", WE_EN.format("will determine")),
]


@pytest.mark.parametrize(("text", "matched", "suggestion"), ENGLISH, ids=[case[1] for case in ENGLISH])
def test_english_passive_gives_a_real_verb(text: str, matched: str, suggestion: str) -> None:
    assert (matched, suggestion) in passives(text, "en")


BASE_FORMS = {
    "stored": "store", "used": "use", "shared": "share", "described": "describe", "purged": "purge",
    "tied": "tie", "typed": "type", "copied": "copy", "transferred": "transfer", "processed": "process",
    "collected": "collect", "deleted": "delete", "updated": "update", "created": "create",
    "provided": "provide", "included": "include", "required": "require", "secured": "secure",
    "monitored": "monitor", "ignored": "ignore", "answered": "answer", "cleared": "clear",
    "avoided": "avoid", "handled": "handle", "enabled": "enable", "called": "call", "installed": "install",
    "stopped": "stop", "submitted": "submit", "logged": "log", "engaged": "engage", "changed": "change",
    "belonged": "belong", "acknowledged": "acknowledge", "organized": "organize", "analysed": "analyse",
    "received": "receive", "enhanced": "enhance", "combined": "combine", "determined": "determine",
    "opened": "open", "mentioned": "mention", "developed": "develop", "edited": "edit", "limited": "limit",
    "invited": "invite", "targeted": "target", "completed": "complete", "promoted": "promote",
    "scheduled": "schedule", "named": "name", "invoked": "invoke", "posted": "post", "released": "release",
    "closed": "close", "agreed": "agree", "continued": "continue", "denied": "deny", "evaluated": "evaluate",
    "acquired": "acquire", "quoted": "quote", "guided": "guide", "given": "give", "sent": "send",
    "kept": "keep", "taken": "take", "held": "hold", "sold": "sell", "written": "write", "forbidden": "forbid",
    "cancelled": "cancel", "travelled": "travel", "added": "add", "focused": "focus",
}


def test_english_base_forms_are_words_not_stems() -> None:
    wrong = {p: en_base_form(p) for p, base in BASE_FORMS.items() if en_base_form(p) != base}
    assert not wrong


def test_english_forms_made_from_a_base() -> None:
    assert [en_participle(b) for b in ("keep", "change", "copy", "transfer", "consider", "get")] == [
        "kept", "changed", "copied", "transferred", "considered", "got"]
    assert [en_third_person(b) for b in ("decide", "deny", "process", "make sure", "go")] == [
        "decides", "denies", "processes", "makes sure", "goes"]
