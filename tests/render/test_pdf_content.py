"""The PDFs hold every required element: their text, extracted with pypdf, is searched for each one.

Lines are joined with single spaces before searching, because the PDF breaks lines where the page
is full, not where the text has its sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from content_helpers import EXAMPLES, POLICY_FILE
from policygen.model.loader import load_description
from policygen.render.consent import policy_version


def pdf_text(built: dict[str, Path], example: str, lang: str) -> str:
    reader = PdfReader(built[example] / lang / f"{POLICY_FILE[lang]}.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text)


REQUIRED = {
    ("exempel-support", "sv"): [
        "Integritetspolicy för Exempel Support AB", "Gäller från 1 december 2026.",
        "I korthet", "Innehåll",
        "Exempel Support AB är personuppgiftsansvarig: vi bestämmer varför och hur", "556677-8899",
        "Storgatan 1, 111 22 Stockholm", "dataskydd@exempel.se", "+46 8 123 45 67",
        "någon som övervakar hur vi följer dataskyddsreglerna och ger oss råd om dem (artikel 39)",
        "Karin Lund",
        "Hjälp med ditt supportärende", "Uppföljning och statistik om vår support",
        "Skydd mot intrång i våra system", "Nyhetsbrev", "Fakturor och bokföring",
        "(artikel 6.1 b)", "(artikel 6.1 f)", "(artikel 6.1 a)", "(artikel 6.1 c)",
        "Vi sparar uppgifterna i 24 månader efter att ärendet har stängts.",
        "Vi sparar uppgifterna tills du återkallar ditt samtycke.",
        "Vi sparar uppgifterna i sju år efter utgången av det år då räkenskapsåret slutade.",
        "Bokföringslagen (1999:1078)", "Lime Technologies AB är vårt personuppgiftsbiträde och finns i Sverige.",
        "vårt avtal (artikel 28)", "Kommissionens genomförandebeslut (EU) 2023/1795",
        "Kommissionens genomförandebeslut (EU) 2021/914",
        "De ger dig också rättigheter som du själv kan göra gällande",
        "Dina rättigheter", "Rätt till radering", "(dataportabilitet, artikel 20)", "Rätt att invända",
        "(artikel 17.3 b)", "tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter",
        "då slutar vi utan undantag (artikel 21.2 och 21.3)",
        "vi svarar inom en månad", "Integritetsskyddsmyndigheten (IMY)", "www.imy.se",
        "Vi fattar inga automatiserade beslut", "Ändringar i policyn",
        "Överst i policyn står från vilket datum den här versionen gäller.",
    ],
    ("exempel-support", "en"): [
        "Privacy policy of Exempel Support AB", "Effective from 1 December 2026.", "In brief",
        "Contents", "Exempel Support AB is the controller: we decide why and how", "Karin Lund",
        "Help with your support case", "Invoices and bookkeeping",
        "(Article 6(1)(b))", "(Article 6(1)(f))", "(Article 6(1)(a))", "(Article 6(1)(c))",
        "We will keep the data for 24 months after the case is closed.",
        "Sendwise Inc. is our processor and is based in the United States.",
        "For Sendwise Inc., we do not rely on that decision.",
        "Commission Implementing Decision (EU) 2021/914", "we will send you a copy",
        "(data portability, Article 20)", "Your right to object",
        "compelling legitimate grounds that override your interests, rights and freedoms",
        "we will answer within one month", "the Swedish Authority for Privacy Protection (IMY)",
        "www.imy.se", "We make no automated decisions", "Changes to this policy",
    ],
    ("foretagsservice-art14", "sv"): [
        "Integritetspolicy för Företagsservice Norr AB", "Gäller från 1 januari 2027.",
        "Uppgifter från andra än dig", "Ditt företag, som är vår kund, anmäler dig som kontaktperson.",
        "Källan är offentlig.", "Lagen kallar dem särskilda kategorier av personuppgifter: uppgifter om",
        "(artikel 9.2 a)", "motsvarar det i EU (adekvat skyddsnivå)", "Beslutet heter Kommissionens beslut 2000/518/",
        "Överföringen bygger på beslutet (artikel 45).",
        "Vi sparar uppgifterna i tio år efter att avtalet har upphört.",
        "Integritetsskyddsmyndigheten (IMY)",
    ],
    ("foretagsservice-art14", "en"): [
        "Privacy policy of Företagsservice Norr AB", "Effective from 1 January 2027.",
        "Data from other sources", "The source is public.",
        "The law calls it special categories of personal data: data about", "(Article 9(2)(a))",
        "essentially as well as the EU does (an adequacy decision)", "Commission Decision 2000/518/EC",
        "We will keep the data for ten years after the contract ends.",
    ],
    ("kundnara-saas", "sv"): [
        "Policyn gäller kontaktpersoner hos våra kunder", "Vi har anlitat dataskyddsombudet utifrån.",
        "Vi frågar om ditt samtycke i telefon.", "Det är frivilligt att ge ditt samtycke.",
        "Ticketly Inc. är ett av dem, och överföringen bygger på beslutet (artikel 45).",
        "Uppgifter som vi hanterar åt våra kunder",
        "Uppgifterna om företaget finns kvar på företaget i Nordkund CRM",
        "Större ändringar berättar vi om minst 30 dagar innan de börjar gälla.",
    ],
    ("kundnara-saas", "en"): [
        "It covers contact persons at our customers", "We ask for your consent on the phone.",
        "Giving your consent is voluntary.", "Ticketly Inc. is one of them, and the transfer relies",
        "Data we handle for our customers",
        "Information about the company stays on the company's record in Nordkund CRM",
    ],
}


@pytest.mark.parametrize(("example", "lang"), list(REQUIRED))
def test_pdf_holds_every_required_element(built, example, lang):
    text = pdf_text(built, example, lang)
    missing = [element for element in REQUIRED[(example, lang)] if element not in text]
    assert not missing, f"missing from the PDF: {missing}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pdf_carries_the_version_and_title(built, lang):
    """The version id once, short, in the footer at the end; never the 64-digit hash."""
    description = load_description(str(EXAMPLES["exempel-support"])).description
    reader = PdfReader(built["exempel-support"] / lang / f"{POLICY_FILE[lang]}.pdf")
    version = policy_version(description).removeprefix("sha256:")
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]
    assert [page.count(version[:12]) for page in pages] == [0] * (len(pages) - 1) + [1]
    assert version not in "".join(pages)
    assert reader.metadata.title.endswith("Exempel Support AB")


@pytest.mark.parametrize("example", list(EXAMPLES))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_struck_sentences_are_not_in_the_pdf_either(built, example, lang):
    from test_policy_content import STRUCK

    text = pdf_text(built, example, lang)
    assert [phrase for phrase in STRUCK[lang] if phrase in text] == []
