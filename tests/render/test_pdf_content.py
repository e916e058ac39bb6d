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
        "Exempel Support AB är personuppgiftsansvarig: det är vi som bestämmer", "556677-8899",
        "Storgatan 1, 111 22 Stockholm", "dataskydd@exempel.se", "+46 8 123 45 67",
        "dataskyddsombud (en person hos oss", "Karin Lund",
        "Hjälpa dig med ditt supportärende", "Följa upp hur bra vi hjälper dig och ta fram statistik",
        "Skydda våra system och dina uppgifter mot intrång", "Skicka vårt nyhetsbrev till dig",
        "Bokföra dina betalningar", "artikel 6.1 b", "artikel 6.1 f", "artikel 6.1 a", "artikel 6.1 c",
        "Vi sparar uppgifterna i 24 månader efter att ärendet har stängts.",
        "Vi sparar uppgifterna tills du återkallar ditt samtycke.",
        "Bokföringslagen (1999:1078)", "Lime Technologies AB är vårt personuppgiftsbiträde (",
        "Sendwise Inc. finns i USA.", "standardavtalsklausuler (", "så skickar vi en kopia",
        "Dina rättigheter", "(dataportabilitet)", "Din rätt att invända",
        "Så ändrar du dig när du har sagt ja", "Om du säger nej till reklam från oss, slutar vi alltid", "lika enkelt som att säga ja",
        "Vi svarar inom en månad.", "Integritetsskyddsmyndigheten (IMY)", "www.imy.se",
        "Vi fattar inga automatiserade beslut", "När vi ändrar policyn",
    ],
    ("exempel-support", "en"): [
        "Privacy policy of Exempel Support AB", "Effective 1 December 2026.", "In brief",
        "Contents", "Exempel Support AB is the controller: we decide why and how", "Karin Lund",
        "Help you with your support case", "Keep accounts of your payments",
        "Article 6(1)(b)", "Article 6(1)(f)", "Article 6(1)(a)", "Article 6(1)(c)",
        "We keep the data for 24 months after the case is closed.",
        "Sendwise Inc. is based in the United States.", "standard contractual clauses (",
        "we will send you a copy", "(data portability)", "Your right to object",
        "If you tell us to stop sending you marketing, we always stop",
        "as easy as saying yes", "We answer within one month.",
        "the Swedish Authority for Privacy Protection (IMY)", "www.imy.se",
        "We make no automated decisions", "When we change this policy",
    ],
    ("foretagsservice-art14", "sv"): [
        "Integritetspolicy för Företagsservice Norr AB", "Gäller från 1 januari 2027.",
        "Var vi får uppgifterna ifrån", "Ditt företag, som är vår kund, anmäler dig som kontaktperson.",
        "Det är en offentlig källa.", "Lagen kallar dem särskilda kategorier av personuppgifter: uppgifter om",
        "artikel 9.2 a", "Schweiz har en adekvat skyddsnivå (", "Kommissionens beslut 2000/518/EG",
        "Vi sparar uppgifterna i 10 år efter att avtalet har upphört.",
        "Integritetsskyddsmyndigheten (IMY)",
    ],
    ("foretagsservice-art14", "en"): [
        "Privacy policy of Företagsservice Norr AB", "Effective 1 January 2027.",
        "Where we get the data from", "This is a public source.",
        "The law calls it special categories of personal data: data about", "Article 9(2)(a)",
        "Switzerland has an adequacy decision (", "Commission Decision 2000/518/EC",
        "We keep the data for 10 years after the contract ends.",
    ],
}


@pytest.mark.parametrize(("example", "lang"), list(REQUIRED))
def test_pdf_holds_every_required_element(built, example, lang):
    text = pdf_text(built, example, lang)
    missing = [element for element in REQUIRED[(example, lang)] if element not in text]
    assert not missing, f"missing from the PDF: {missing}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pdf_carries_the_version_and_title(built, lang):
    description = load_description(str(EXAMPLES["exempel-support"])).description
    reader = PdfReader(built["exempel-support"] / lang / f"{POLICY_FILE[lang]}.pdf")
    text = pdf_text(built, "exempel-support", lang).replace(" ", "")
    assert policy_version(description) in text
    assert reader.metadata.title.endswith("Exempel Support AB")
