"""Every element a privacy notice must hold (reference/gdpr-notice.md) is in the built documents.

The bundled examples are built once (``built`` fixture); a description made here covers the
branches they do not: automated decisions, data from elsewhere, special data under other Art. 9(2)
conditions, a public task, vital interests, direct marketing, other recipient roles and
safeguards, a written-out authority, no DPO.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from content_helpers import CONSENT_FILE, EXAMPLES, POLICY_FILE, FormParser, headings, section
from policygen.model.loader import load_description, load_description_text
from policygen.render.consent import policy_version

LANGS = ("sv", "en")


def policy(built: dict[str, Path], example: str, lang: str) -> str:
    return (built[example] / lang / f"{POLICY_FILE[lang]}.md").read_text(encoding="utf-8")


def linked_anchors(markdown: str) -> list[str]:
    return re.findall(r"\]\(#([a-z0-9-]+)\)", markdown)


def heading_anchors(markdown: str) -> list[str]:
    return re.findall(r"^#+ .*\{#([a-z0-9-]+)\}$", markdown, flags=re.MULTILINE)


# Independent of policygen.model.facts: the table of reference/gdpr-notice.md, by purpose id.
EXEMPEL_RIGHTS = {
    "access": ["support", "quality", "security", "newsletter", "bookkeeping"],
    "erasure": ["support", "quality", "security", "newsletter"],
    "portability": ["support", "newsletter"],
    "withdraw": ["newsletter"],
    "objection": ["quality", "security", "newsletter"],  # the newsletter: Art. 21(2), marked
}
RIGHT_ANCHORS = {
    "sv": {"access": "ratt-till-tillgang", "erasure": "ratt-till-radering",
           "portability": "ratt-till-dataportabilitet", "withdraw": "ratt-att-aterkalla",
           "objection": "ratt-att-invanda"},
    "en": {"access": "right-of-access", "erasure": "right-to-erasure",
           "portability": "right-to-data-portability", "withdraw": "right-to-withdraw",
           "objection": "right-to-object"},
}
PURPOSE_PREFIX = {"sv": "andamal-", "en": "purpose-"}


# --- structure -------------------------------------------------------------------------------

@pytest.mark.parametrize("example", ["exempel-support", "foretagsservice-art14"])
@pytest.mark.parametrize("lang", LANGS)
def test_structure_first_layer_toc_and_anchors(built, example, lang):
    text = policy(built, example, lang)
    levels = headings(text)
    assert [level for level, _ in levels].count(1) == 1 and levels[0][0] == 1
    assert levels[1][1] == {"sv": "I korthet {#i-korthet}", "en": "In brief {#in-brief}"}[lang]
    assert levels[2][1] == {"sv": "Innehåll {#innehall}", "en": "Contents {#contents}"}[lang]
    for previous, current in zip(levels, levels[1:]):
        assert current[0] <= previous[0] + 1, f"heading level jumps at {current[1]}"
    anchors = heading_anchors(text)
    assert len(anchors) == len(set(anchors))
    assert set(linked_anchors(text)) <= set(anchors)
    toc = section(text, {"sv": "innehall", "en": "contents"}[lang])
    for level, heading in levels:
        if level == 2 and "{#" in heading:
            anchor = heading.rsplit("{#", 1)[1].rstrip("}")
            if anchor not in ("i-korthet", "in-brief", "innehall", "contents"):
                assert anchor in linked_anchors(toc), f"{anchor} missing from the contents"


@pytest.mark.parametrize("lang", LANGS)
def test_effective_date_and_version(built, lang):
    description = load_description(str(EXAMPLES["exempel-support"])).description
    text = policy(built, "exempel-support", lang)
    expected = {"sv": "Gäller från 1 december 2026.", "en": "Effective 1 December 2026."}[lang]
    assert expected in text
    assert f"Version: {policy_version(description)}." in text


# --- Exempel Support (Art. 13) ---------------------------------------------------------------

def test_swedish_policy_of_exempel_support(built):
    text = policy(built, "exempel-support", "sv")
    brief = section(text, "i-korthet")
    assert "Vi är Exempel Support AB." in brief
    for title in ("Hjälpa dig med ditt supportärende", "Skicka vårt nyhetsbrev till dig",
                  "Bokföra dina betalningar"):
        assert title in brief
    assert "Sendwise Inc. i USA får uppgifter om dig." in brief
    assert "Integritetsskyddsmyndigheten (IMY)" in brief

    controller = section(text, "ansvarig")
    for value in ("Exempel Support AB är personuppgiftsansvarig: det är vi som bestämmer", "556677-8899",
                  "Storgatan 1, 111 22 Stockholm", "[dataskydd@exempel.se](mailto:dataskydd@exempel.se)",
                  "[+46 8 123 45 67](tel:+4681234567)", "[exempel.se](https://exempel.se)",
                  "dataskyddsombud (en person hos oss", "Karin Lund", "mailto:dso@exempel.se"):
        assert value in controller

    support = section(text, "andamal-support")
    assert "- ditt namn\n- din e-postadress\n- ditt telefonnummer" in support
    assert "Rättslig grund: artikel 6.1 b, avtal." in support
    assert "Vi sparar uppgifterna i 24 månader efter att ärendet har stängts." in support
    assert "Lime Technologies AB och Sendwise Inc." in support
    assert "Utan dem kan vi inte svara på ditt ärende." in support
    quality = section(text, "andamal-quality")
    assert "berättigat intresse (ett rimligt behov" in quality and "artikel 6.1 f" in quality
    assert "Vi vill veta om vår support fungerar" in quality
    assert "i 12 månader efter att ärendet har stängts" in quality
    assert "i 90 dagar efter att du loggade in" in section(text, "andamal-security")
    newsletter = section(text, "andamal-newsletter")
    assert "samtycke (att du frivilligt" in newsletter and "artikel 6.1 a" in newsletter
    assert "Vi sparar uppgifterna tills du återkallar ditt samtycke." in newsletter
    books = section(text, "andamal-bookkeeping")
    assert "Rättslig grund: artikel 6.1 c, rättslig förpliktelse." in books
    assert "Bokföringslagen (1999:1078)" in books
    assert "i 7 år efter utgången av det år då räkenskapsåret slutade" in books

    recipients = section(text, "vem-far-uppgifterna")
    assert "Lime Technologies AB är vårt personuppgiftsbiträde (ett företag som" in recipients
    assert "Lime Technologies AB finns i Sverige." in recipients
    assert "Sendwise Inc. finns i USA." in recipients

    abroad = section(text, "utanfor-eu")
    assert "tredjeland (ett land utanför EU och EES)" in abroad
    assert "standardavtalsklausuler (avtalsvillkor som EU-kommissionen" in abroad
    assert "Skriv till dataskydd@exempel.se så skickar vi en kopia." in abroad

    assert "Integritetsskyddsmyndigheten (IMY)" in section(text, "klaga")
    assert "[www.imy.se](https://www.imy.se)" in section(text, "klaga")
    requests = section(text, "sa-gor-du")
    assert "Vi svarar inom en månad." in requests and "mailto:dataskydd@exempel.se" in requests
    assert "Vi fattar inga automatiserade beslut (beslut som en dator" in section(text, "automatiska-beslut")
    assert "berättar vi det för dig innan ändringen börjar gälla" in section(text, "andringar")


def test_english_policy_of_exempel_support(built):
    text = policy(built, "exempel-support", "en")
    brief = section(text, "in-brief")
    assert "We are Exempel Support AB." in brief
    assert "Sendwise Inc. in the United States gets data about you." in brief
    controller = section(text, "who-is-responsible")
    for value in ("Exempel Support AB is the controller: we decide why and how", "556677-8899",
                  "mailto:dataskydd@exempel.se", "tel:+4681234567", "Karin Lund",
                  "We also have a data protection officer: a person at our company"):
        assert value in controller
    support = section(text, "purpose-support")
    assert "We keep the data for 24 months after the case is closed. Then we delete it." in support
    assert "Legal basis: Article 6(1)(b) of the GDPR, contract." in support
    assert "Lime Technologies AB and Sendwise Inc." in support
    assert "Article 6(1)(f)" in section(text, "purpose-quality")
    assert "We keep the data until you withdraw your consent." in section(text, "purpose-newsletter")
    books = section(text, "purpose-bookkeeping")
    assert "Article 6(1)(c)" in books and "for 7 years after" in books
    recipients = section(text, "who-gets-the-data")
    assert "Lime Technologies AB is our processor (a company that handles" in recipients
    assert "Sendwise Inc. is our processor.\n" in recipients
    assert "Sendwise Inc. is based in the United States." in recipients
    abroad = section(text, "outside-the-eu")
    assert "standard contractual clauses (contract terms" in abroad
    assert "Write to dataskydd@exempel.se and we will send you a copy." in abroad
    complain = section(text, "complain")
    assert "the Swedish Authority for Privacy Protection (IMY)" in complain
    assert "[www.imy.se](https://www.imy.se)" in complain
    assert "We answer within one month." in section(text, "how-to-use-your-rights")
    assert "We make no automated decisions (a decision that a computer" in section(text, "automated-decisions")
    assert "we tell you before the change takes effect" in section(text, "changes")


@pytest.mark.parametrize("lang", LANGS)
def test_rights_follow_the_legal_basis_of_each_purpose(built, lang):
    text = policy(built, "exempel-support", lang)
    prefix = PURPOSE_PREFIX[lang]
    for right, purposes in EXEMPEL_RIGHTS.items():
        listed = [a.removeprefix(prefix) for a in linked_anchors(section(text, RIGHT_ANCHORS[lang][right]))
                  if a.startswith(prefix)]
        assert listed == purposes, right


@pytest.mark.parametrize("lang", LANGS)
def test_objection_stands_apart_from_the_other_rights(built, lang):
    text = policy(built, "exempel-support", lang)
    rights = section(text, {"sv": "rattigheter", "en": "your-rights"}[lang])
    objection = section(text, RIGHT_ANCHORS[lang]["objection"])
    assert objection.startswith("## ")
    assert RIGHT_ANCHORS[lang]["objection"] not in rights
    assert {"sv": "invända", "en": "object"}[lang] not in rights.split("\n", 1)[1]
    assert "Article 21" in objection or "artikel 21" in objection


@pytest.mark.parametrize("lang", LANGS)
def test_consent_withdrawal(built, lang):
    text = policy(built, "exempel-support", lang)
    withdraw = section(text, {"sv": "andra-dig", "en": "change-your-mind"}[lang])
    expected = {
        "sv": ["Du kan alltid återkalla ditt samtycke", "lika enkelt som att säga ja",
               "Klicka på länken längst ner i varje nyhetsbrev",
               "Det vi gjorde innan dess var ändå tillåtet."],
        "en": ["At any time, you can withdraw your consent", "as easy as saying yes",
               "Click the link at the bottom of every newsletter",
               "What we did before that was still allowed."],
    }[lang]
    for sentence in expected:
        assert sentence in withdraw


@pytest.mark.parametrize("example", ["exempel-support", "foretagsservice-art14"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_forbidden_phrasing(built, example, lang):
    text = policy(built, example, lang).lower()
    forbidden = {
        "sv": ["kan komma att", "den registrerade", " samt ", "erhålla", "tillhandahålla",
               "i enlighet med", "huruvida", "t.ex.", "bl.a.", "regelbundet"],
        "en": [" may ", "the data subject", "in accordance with", "prior to", "in order to",
               "e.g.", "i.e.", "regularly"],
    }[lang]
    for phrase in forbidden:
        assert phrase not in text, phrase


# --- Företagsservice Norr (Art. 14, special data, adequacy) ----------------------------------

def test_art14_sources_special_data_and_adequacy_in_swedish(built):
    text = policy(built, "foretagsservice-art14", "sv")
    sources = section(text, "varifran")
    assert "- **Ditt namn och din roll på företaget.** Ditt företag, som är vår kund" in sources
    assert "Bolagsverkets företagsregister, som är offentligt. Det är en offentlig källa." in sources
    special = section(text, "extra-skyddade-uppgifter")
    assert "Lagen kallar dem särskilda kategorier av personuppgifter: uppgifter om till exempel din hälsa" in special
    assert "Behov av anpassning på grund av en funktionsnedsättning" in special
    assert "uttryckligen har sagt ja" in special and "artikel 9.2 a" in special
    abroad = section(text, "utanfor-eu")
    assert "Schweiz har en adekvat skyddsnivå (" in abroad
    assert "Kommissionens beslut 2000/518/EG" in abroad
    assert "du behöver ingen kopia" in abroad
    assert "SuperOffice AS finns i Norge." in text
    assert "dataskyddsombud" not in text


def test_art14_sources_special_data_and_adequacy_in_english(built):
    text = policy(built, "foretagsservice-art14", "en")
    sources = section(text, "where-data-comes-from")
    assert "Your company, which is our customer, names you as a contact person." in sources
    assert "This is a public source." in sources
    special = section(text, "extra-protected-data")
    assert "The law calls it special categories of personal data: data about, for example, your health" in special
    assert "Article 9(2)(a)" in special
    abroad = section(text, "outside-the-eu")
    assert "Switzerland has an adequacy decision (" in abroad
    assert "Commission Decision 2000/518/EC" in abroad and "you need no copy" in abroad
    portability = section(text, "right-to-data-portability")
    assert linked_anchors(portability) == ["purpose-accessibility"]
    objection = section(text, "right-to-object")
    assert linked_anchors(objection)[:2] == ["purpose-support", "purpose-signatory-check"]


# --- consent forms ---------------------------------------------------------------------------

@pytest.mark.parametrize("example, fields", [("exempel-support", ["newsletter"]),
                                             ("foretagsservice-art14", ["accessibility"])])
@pytest.mark.parametrize("lang", LANGS)
def test_consent_form(built, example, fields, lang):
    page = (built[example] / lang / CONSENT_FILE[lang]).read_text(encoding="utf-8")
    parser = FormParser()
    parser.feed(page)
    assert parser.h1 == 1
    boxes = [i for i in parser.inputs if i.get("type") == "checkbox"]
    assert [b["name"] for b in boxes] == fields
    assert all("checked" not in b for b in boxes)
    assert all(b["id"] in parser.labels for b in boxes)
    hidden = {i["name"]: i["value"] for i in parser.inputs if i.get("type") == "hidden"}
    assert set(hidden) == {f"{field}__version" for field in fields}
    assert all(value.startswith("sha256:") for value in hidden.values())
    assert parser.forms[0]["method"] == "post"
    assert parser.forms[0]["action"].startswith("https://")
    assert f'href="{POLICY_FILE[lang]}.html"' in page
    explained = {"sv": "samtycke (att du frivilligt", "en": "consent (your free and clear yes"}[lang]
    assert explained in page
    assert {"sv": "lika enkelt som att säga ja", "en": "as easy as saying yes"}[lang] in page


def test_consent_form_shows_the_hashed_text_exactly(built):
    page = (built["exempel-support"] / "sv" / "samtycke.html").read_text(encoding="utf-8")
    assert ("Ja, skicka Exempel Supports nyhetsbrev till min e-postadress en gång i månaden."
            in page)
    assert "ditt namn, din e-postadress</dd>" in page
    assert ("Klicka på länken längst ner i varje nyhetsbrev, eller skriv till dataskydd@exempel.se."
            in page)


# --- branches the examples do not reach ------------------------------------------------------

CONSTRUCTED = """\
format: 1
languages: [sv, en]
effective: 2027-02-01
controller:
  name: Räddningsjouren i Norr
  address: "Byvägen 2, 981 31 Kiruna"
  email: info@jouren.se
authority:
  name: {sv: Testmyndigheten, en: the Test Authority}
  website: https://tillsyn.example.se
record_system: {name: Egen databas, country: SE}
data:
  - id: name
    label: {sv: ditt namn, en: your name}
    holder: contact
    source: other
    source_detail: {sv: En granne som ringde oss., en: A neighbour who called us.}
  - id: health
    label: {sv: uppgifter om din hälsa, en: information about your health}
    holder: case
    source: data_subject
    special: true
  - id: email
    label: {sv: din e-postadress, en: your e-mail address}
    holder: contact
    source: public_register
    source_detail: {sv: Ett offentligt register., en: A public register.}
purposes:
  - id: rescue
    title: {sv: Rädda dig när du är i fara, en: Rescue you when you are in danger}
    data: [name, health]
    legal_basis: vital_interests
    special_condition: vital_interests
    retention: {period: 1 months, after: {sv: att larmet avslutades, en: the alarm ended}}
    recipients: [region]
  - id: register
    title: {sv: Föra kommunens register, en: Keep the municipal register}
    data: [name]
    legal_basis: public_task
    legal_obligation: {sv: Lagen om skydd mot olyckor kräver det., en: The Civil Protection Act requires it.}
    retention: {period: 2 years, after: {sv: att ärendet avslutades, en: the case ended}}
    recipients: [cloud]
  - id: direct_marketing
    title: {sv: Skicka erbjudanden om kurser, en: Send you offers of courses}
    data: [email]
    legal_basis: legitimate_interests
    direct_marketing: true
    legitimate_interest: {sv: Vi vill berätta om våra kurser., en: We want to tell you about our courses.}
    retention: {criteria: {sv: tills du säger nej, en: until you say no}}
    recipients: [cloud]
recipients:
  - id: region
    name: Region Norr
    role: controller
    country: SE
  - id: cloud
    name: Cloudy Ltd
    role: processor
    country: IN
transfers:
  - recipient: cloud
    country: IN
    safeguard: binding_corporate_rules
automated_decisions:
  - description: {sv: En dator sorterar larmen efter hur bråttom de är., en: A computer sorts alarms by urgency.}
    logic: {sv: Den tittar på vilka ord du använder., en: It looks at the words you use.}
    consequences: {sv: Ett larm kan få vänta längre., en: An alarm can wait longer.}
"""


@pytest.fixture(scope="module")
def constructed() -> dict[str, str]:
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    description = load_description_text(CONSTRUCTED, "constructed.yaml").description
    return {lang: make_environment(lang, "markdown").get_template("policy.md.j2").render(
        **document_context(description, lang, ["sv", "en"], False)) for lang in LANGS}


def test_constructed_swedish_branches(constructed):
    text = constructed["sv"]
    assert "Gäller från 1 februari 2027." in text
    rescue = section(text, "andamal-rescue")
    assert "skydda ditt liv eller din hälsa" in rescue and "artikel 6.1 d" in rescue
    assert "Vi sparar uppgifterna i 1 månad efter att larmet avslutades." in rescue
    register = section(text, "andamal-register")
    assert "artikel 6.1 e" in register and "Lagen om skydd mot olyckor kräver det." in register
    assert "Vi sparar uppgifterna i 2 år efter att ärendet avslutades. Sedan raderar vi dem." in register
    sources = section(text, "varifran")
    assert "En granne som ringde oss." in sources and "Det är en offentlig källa." in sources
    special = section(text, "extra-skyddade-uppgifter")
    assert "Uppgifter om din hälsa" in special and "artikel 9.2 c" in special
    recipients = section(text, "vem-far-uppgifterna")
    assert "Region Norr bestämmer själv över uppgifterna" in recipients
    assert "Cloudy Ltd finns i Indien." in recipients
    abroad = section(text, "utanfor-eu")
    assert "bindande företagsbestämmelser" in abroad
    assert "Skriv till oss på [info@jouren.se](mailto:info@jouren.se) om du vill ha en kopia" in abroad
    # vital interests: erasure yes, objection no; public task: objection yes, erasure no
    erasure = linked_anchors(section(text, "ratt-till-radering"))
    assert "andamal-rescue" in erasure and "andamal-register" not in erasure
    objection = section(text, "ratt-att-invanda")
    assert [a for a in linked_anchors(objection) if a.startswith("andamal-")][:2] == [
        "andamal-register", "andamal-direct-marketing"]
    assert "andamal-rescue" not in linked_anchors(objection)
    assert "För reklam gäller något annat. Om du säger nej till reklam från oss, slutar vi alltid, direkt." in objection
    assert "ratt-till-dataportabilitet" not in text and "andra-dig" not in text
    decisions = section(text, "automatiska-beslut")
    for sentence in ("automatiserade beslut (beslut som en dator", "En dator sorterar larmen",
                     "Den tittar på vilka ord du använder.", "Ett larm kan få vänta längre.",
                     "få en människa att titta på beslutet"):
        assert sentence in decisions
    complain = section(text, "klaga")
    assert "Testmyndigheten" in complain and "(https://tillsyn.example.se)" in complain
    assert "dataskyddsombud" not in text
    assert "En dator avgör saker om dig på egen hand." in section(text, "i-korthet")
    brief = section(text, "i-korthet")
    objectable = brief.split("Du kan invända när vi använder uppgifterna till det här:", 1)[1]
    assert [a for a in linked_anchors(objectable) if a.startswith("andamal-")][:2] == [
        "andamal-register", "andamal-direct-marketing"]
    assert "Du kan alltid säga nej till reklam från oss." in brief


def test_constructed_english_branches(constructed):
    text = constructed["en"]
    assert "Effective 1 February 2027." in text
    assert "Article 6(1)(d)" in section(text, "purpose-rescue")
    assert "We keep the data for 1 month after the alarm ended." in section(text, "purpose-rescue")
    assert "Article 6(1)(e)" in section(text, "purpose-register")
    assert "A neighbour who called us." in section(text, "where-data-comes-from")
    assert "Article 9(2)(c)" in section(text, "extra-protected-data")
    assert "Region Norr decides for itself" in section(text, "who-gets-the-data")
    assert "binding corporate rules" in section(text, "outside-the-eu")
    objection = section(text, "right-to-object")
    assert "Marketing is different. If you tell us to stop sending you marketing, we always stop" in objection
    assert "purpose-rescue" not in linked_anchors(objection)
    decisions = section(text, "automated-decisions")
    assert "A computer sorts alarms by urgency." in decisions
    assert "It looks at the words you use." in decisions
    assert "An alarm can wait longer." in decisions
    assert "[https://tillsyn.example.se]" not in text and "the Test Authority" in text


# --- our own documents pass our own checker --------------------------------------------------

# Categories of findings the fixed template text could cause. Passive voice is left out: the only
# passive verbs in the built documents come from the descriptions' own texts.
TEMPLATE_CATEGORIES = {"readability", "long-sentence", "vague", "wordy", "abbreviation",
                       "reader-address", "consent-by-use", "check-regularly", "jargon",
                       "nominalisation"}


@pytest.mark.parametrize("example", ["exempel-support", "foretagsservice-art14"])
def test_built_documents_pass_policygen_check(built, example):
    folder = built[example]
    files = [folder / "sv" / "integritetspolicy.md", folder / "sv" / "samtycke.html",
             folder / "en" / "privacy-policy.md", folder / "en" / "consent.html"]
    run = subprocess.run(
        [sys.executable, "-c", "from policygen.cli.main import main; main()", "check",
         "--format", "json", *map(str, files)],
        capture_output=True, text=True, cwd=folder, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout)
    by_path = {Path(entry["path"]).name: entry for entry in report["files"]}
    assert by_path["integritetspolicy.md"]["metrics"]["lix"] <= 40
    assert by_path["privacy-policy.md"]["metrics"]["lix"] <= 40
    ours = [(name, f["line"], f["code"], f["message"]) for name, entry in by_path.items()
            for f in entry["findings"] if f["category"] in TEMPLATE_CATEGORIES
            and not _from_description(folder / entry["path"], f, EXAMPLES[example])]
    assert not ours


def _from_description(path: Path, finding: dict, description_path: Path) -> bool:
    """Whether the flagged words are the description's own text (the examples' writers own those)."""
    if finding["line"] != finding["end_line"]:
        return False
    line = path.read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
    flagged = line[finding["column"] - 1:finding["end_column"] - 1]
    source = " ".join(description_path.read_text(encoding="utf-8").split())
    return len(flagged) > 3 and flagged in source


def test_an_override_replaces_one_block_and_keeps_the_rest(tmp_path):
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "policy.md.j2").write_text(
        '{% extends "builtin/sv/policy.md.j2" %}\n'
        "{% block changes %}\n## När vi ändrar policyn {#andringar}\n\n"
        "Vi mejlar alla kunder 30 dagar innan.\n{% endblock %}\n", encoding="utf-8")
    description = load_description(str(EXAMPLES["exempel-support"])).description
    text = make_environment("sv", "markdown", tmp_path).get_template("policy.md.j2").render(
        **document_context(description, "sv", ["sv"], False))
    assert section(text, "andringar").endswith("Vi mejlar alla kunder 30 dagar innan.")
    assert "berättar vi det för dig innan" not in text
    assert "Vi sparar uppgifterna i 24 månader efter att ärendet har stängts." in text
    assert "Exempel Support AB är personuppgiftsansvarig: det är vi som" in text


@pytest.mark.parametrize(("lang", "names"), [
    ("sv", ["(rätt till tillgång)", "(rätt till rättelse)", "(rätt till radering)",
            "(rätt till begränsning)", "(dataportabilitet)", "Din rätt att invända"]),
    ("en", ["(right of access)", "(right to rectification)", "(right to erasure)",
            "(right to restriction)", "(data portability)", "Your right to object"]),
])
def test_rights_carry_their_legal_names(built, lang, names):
    text = policy(built, "exempel-support", lang)
    for name in names:
        assert name in text


def test_legal_obligation_alone_gives_no_erasure_portability_or_objection():
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    only_law = CONSTRUCTED.split("purposes:")[0] + """purposes:
  - id: books
    title: {sv: Bokföra, en: Keep accounts}
    data: [name]
    legal_basis: legal_obligation
    legal_obligation: {sv: Bokföringslagen kräver det., en: The Bookkeeping Act requires it.}
    retention: {period: 7 years, after: {sv: årets slut, en: the end of the year}}
"""
    description = load_description_text(only_law, "only-law.yaml").description
    for lang in LANGS:
        text = make_environment(lang, "markdown").get_template("policy.md.j2").render(
            **document_context(description, lang, [lang], False))
        for absent in {"sv": ["artikel 17", "artikel 20", "artikel 21", "rätt till radering",
                              "ataportabilitet", "invända", "återkalla"],
                       "en": ["Article 17", "Article 20", "Article 21", "right to erasure",
                              "ata portability", "object", "withdraw"]}[lang]:
            assert absent not in text, (lang, absent)
        for present in {"sv": ["artikel 15", "artikel 16", "artikel 18", "artikel 6.1 c"],
                        "en": ["Article 15", "Article 16", "Article 18", "Article 6(1)(c)"]}[lang]:
            assert present in text, (lang, present)


@pytest.mark.parametrize("example", ["exempel-support", "foretagsservice-art14"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_term_of_art_is_explained_where_it_is_first_used(built, example, lang):
    from policygen.render.terms import load_terms

    text = policy(built, example, lang)
    prose = re.sub(r"\]\([^)]*\)|\{#[a-z0-9-]+\}|[*#\\]", "", text)
    for term in load_terms(lang):
        first = term.pattern.search(prose)
        if first is None:
            continue
        # docs/rules.md (PL209): the glossary's parenthesis after the term, a definition after a
        # colon, or the term in parentheses after the template's own explanation
        after = prose[first.end():]
        in_parentheses_after_explanation = prose[first.start() - 1] == "(" and after.startswith(")")
        assert (after.startswith(f" ({term.explanation})") or after.startswith(": ")
                or in_parentheses_after_explanation), (
            f"{term.term!r} first used unexplained: …{prose[max(0, first.start() - 60):first.end() + 40]}…")
        assert prose.count(f"({term.explanation})") <= 1, term.term


def test_a_purpose_without_data_says_so_and_paragraphs_stay_apart():
    """A draft may have a purpose with no data (G502): the heading is never left empty. A blank
    line in a description text starts a new paragraph instead of running into the previous one."""
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    source = CONSTRUCTED.replace(
        "    data: [name]\n    legal_basis: public_task\n",
        "    data: []\n    legal_basis: public_task\n"
        "    description:\n      sv: \"Första stycket.\\n\\nAndra stycket.\"\n"
        "      en: \"First paragraph.\\n\\nSecond paragraph.\"\n", 1)
    assert source != CONSTRUCTED
    description = load_description_text(source, "empty.yaml").description
    for lang, nothing, first, second in (
            ("sv", "Vi använder inga personuppgifter för det här ändamålet.", "Första stycket.",
             "Andra stycket."),
            ("en", "We use no personal data for this purpose.", "First paragraph.",
             "Second paragraph.")):
        text = make_environment(lang, "markdown").get_template("policy.md.j2").render(
            **document_context(description, lang, ["sv", "en"], False))
        register = section(text, {"sv": "andamal-register", "en": "purpose-register"}[lang])
        assert nothing in register
        assert f"\n{first}\n\n{second}\n" in register


def test_a_draft_shows_each_missing_required_element_instead_of_leaving_it_out():
    """GDPR errors (Art. 13(2)(a), 13(1)(d), 9) build only with --draft; a reviewer must see the
    gap in the draft rather than a policy that silently says less."""
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    source = (CONSTRUCTED
              .replace("    retention: {period: 1 months, after: {sv: att larmet avslutades, en: the alarm ended}}\n", "", 1)
              .replace("    special_condition: vital_interests\n", "", 1)
              .replace("    legitimate_interest: {sv: Vi vill berätta om våra kurser., en: We want to tell you about our courses.}\n", "", 1))
    assert source.count("\n") == CONSTRUCTED.count("\n") - 3
    description = load_description_text(source, "gaps.yaml").description
    notes = {"sv": ["UTKAST:** Beskrivningen säger inte hur länge vi sparar uppgifterna.",
                    "UTKAST:** Beskrivningen anger inte vilket undantag i artikel 9.2 som gäller.",
                    "UTKAST:** Beskrivningen säger inte vilket vårt intresse är."],
             "en": ["DRAFT:** The description does not say how long we keep the data.",
                    "DRAFT:** The description does not name the exception in Article 9(2) that applies.",
                    "DRAFT:** The description does not say what our interest is."]}
    for lang in LANGS:
        text = make_environment(lang, "markdown").get_template("policy.md.j2").render(
            **document_context(description, lang, ["sv", "en"], True))
        retention, condition, interest = notes[lang]
        prefix = {"sv": "andamal-", "en": "purpose-"}[lang]
        assert retention in section(text, prefix + "rescue")
        assert condition in section(text, {"sv": "extra-skyddade-uppgifter", "en": "extra-protected-data"}[lang])
        assert interest in section(text, prefix + "direct-marketing")


def test_a_draft_never_claims_no_transfers_while_a_recipient_is_abroad():
    """A recipient outside the EU/EEA without a transfer entry (G701, drafts only) must not
    produce "we send no data outside the EU"; the gap shows instead."""
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    source = CONSTRUCTED.replace(
        "transfers:\n  - recipient: cloud\n    country: IN\n    safeguard: binding_corporate_rules\n",
        "transfers: []\n", 1)
    assert source != CONSTRUCTED
    description = load_description_text(source, "abroad.yaml").description
    for lang, none, gap in (("sv", "Vi skickar inga uppgifter", "UTKAST:** Cloudy Ltd i Indien får uppgifter om dig."),
                            ("en", "We send no data", "DRAFT:** Cloudy Ltd in India gets data about you.")):
        text = make_environment(lang, "markdown").get_template("policy.md.j2").render(
            **document_context(description, lang, ["sv", "en"], True))
        assert none not in text
        assert gap in section(text, {"sv": "utanfor-eu", "en": "outside-the-eu"}[lang])
        assert gap in section(text, {"sv": "i-korthet", "en": "in-brief"}[lang])
