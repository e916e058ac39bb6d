"""What the routines say: what support records and where, what never goes into a case, phone
scripts, a contact person leaving, training and the quiz; and that every document passes
``policygen check`` at its default thresholds, in Markdown, HTML and PDF."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from hb_helpers import DESCRIPTIONS, LANGUAGES, ROUTINES, plain_text, read, say, section, unescape
from policygen.render.terms import load_terms


def routines(handbooks, name, lang):
    return read(handbooks[name], f"{ROUTINES[lang]}.md")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_records_say_where_each_kind_of_data_lives(handbooks, described, lang):
    text = routines(handbooks, "exempel-support", lang)
    records = section(text, say(lang, "hb.records.heading"), 2)
    for item in described["exempel-support"].data:
        where = say(lang, f"hb.holders.{item.holder.value}.where")
        label = item.label[lang][:1].upper() + item.label[lang][1:]
        assert f"  - {label}: {where}" in records, item.id
    assert "Lime CRM" in records and {"sv": "Sverige", "en": "Sweden"}[lang] in records


@pytest.mark.parametrize("lang", LANGUAGES)
def test_company_data_stays_on_the_company(handbooks, lang):
    text = routines(handbooks, "exempel-support", lang)
    company = section(text, say(lang, "hb.company_data.heading"), 3)
    assert {"sv": "- Fakturaadress och betalningar",
            "en": "- Billing address and payments"}[lang] in company
    assert say(lang, "hb.company_data.stays") in company
    hyr = routines(handbooks, "hyrcykel-sv-en", lang)
    assert say(lang, "hb.company_data.heading") not in hyr  # no company data, no such rule


@pytest.mark.parametrize("lang", LANGUAGES)
def test_never_record_lists_the_built_in_kinds_and_the_description_s_own(handbooks, lang):
    text = plain_text(section(routines(handbooks, "hyrcykel-sv-en", lang),
                              say(lang, "hb.never.heading"), 2))
    for kind in ("special", "identity_number", "password", "card_number"):
        assert say(lang, f"hb.never.builtin.{kind}.label") in text
    own = {"sv": ["Bankkontonummer.", "Vi betalar aldrig tillbaka till ett bankkonto",
                  "Bilder på andra personer."],
           "en": ["Bank account numbers.", "We never pay refunds into a bank account",
                  "Photos of other people."]}[lang]
    assert all(item in text for item in own)
    # the description lists a personal identity number and health data: allowed, only there
    assert {"sv": "Undantag: ”ditt personnummer” får du spara, men bara för ”Hyra ut cyklar till dig”.",
            "en": "Exception: you may record “your personal identity number”, but only for "
                  "“Rent bikes to you”."}[lang] in text
    assert {"sv": "”uppgifter om skador på dig efter en olycka” får du spara, men bara för "
                  "”Hjälpa dig efter en olycka”.",
            "en": "“information about your injuries after an accident”, but only for "
                  "“Help you after an accident”."}[lang] in text
    sent = section(routines(handbooks, "hyrcykel-sv-en", lang), say(lang, "hb.sent_anyway.heading"), 3)
    assert "Zendesk Sell" in sent and "Region Västra Götaland" not in sent  # processors only


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_listed_kinds_there_are_no_exceptions(handbooks, lang):
    text = section(routines(handbooks, "exempel-support", lang), say(lang, "hb.never.heading"), 2)
    assert say(lang, "hb.never.allowed", data="x", purposes="y").split(" ")[0] not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_consent_asked_in_person_has_its_script(handbooks, described, lang):
    text = plain_text(section(routines(handbooks, "hyrcykel-sv-en", lang),
                              say(lang, "hb.spoken.heading"), 2))
    consent = next(p for p in described["hyrcykel-sv-en"].purposes if p.id == "interviews").consent
    for part in (consent.script, consent.statement, consent.proof, consent.withdraw):
        assert " ".join(part[lang].split()) in text
    assert say(lang, "hb.channels.in_person") in text
    from policygen.render.consent import consent_items

    version = next(item["version"] for item in consent_items(described["hyrcykel-sv-en"], lang)
                   if item["purpose"] == "interviews")
    assert say(lang, "hb.spoken.version", version=version) in text  # the text's id, as consent.json


def test_descriptions_without_spoken_consent_have_no_script_section(handbooks):
    assert say("sv", "hb.spoken.heading") not in routines(handbooks, "exempel-support", "sv")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contact_person_leaves(handbooks, lang):
    text = plain_text(section(routines(handbooks, "exempel-support", lang),
                              say(lang, "hb.leaves.heading"), 2))
    for key in ("hb.leaves.stop", "hb.leaves.company", "hb.leaves.cases", "hb.leaves.law"):
        assert say(lang, key, system="Lime CRM") in text, key
    assert {"sv": "Bokföringslagen (1999:1078)", "en": "The Swedish Bookkeeping Act (1999:1078)"}[lang] in text
    assert "Lime Technologies AB" in text and "Sendwise Inc." in text


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_training_terms_come_from_the_glossary_and_the_quiz_has_ten_questions(handbooks, described,
                                                                               name, lang):
    if lang not in described[name].languages:
        pytest.skip(f"{name} is not written in {lang}")
    text = routines(handbooks, name, lang)
    terms = section(text, say(lang, "hb.training.terms_heading"), 3)
    glossary = {term.term: term.explanation for term in load_terms(lang)}
    rows = [line.split(" | ") for line in terms.splitlines() if line.startswith("| ")][2:]
    assert len(rows) >= 8
    for row in rows:
        term = row[0].removeprefix("| ")
        assert term in glossary
        assert unescape(row[1]).rstrip(".") == glossary[term][:1].upper() + glossary[term][1:]
    quiz = section(text, say(lang, "hb.quiz.heading"), 3)
    questions = [line for line in quiz.splitlines() if line.startswith("**")]
    answers = [line for line in quiz.splitlines() if line.startswith(say(lang, "hb.quiz.answer_label"))]
    assert len(questions) == len(answers) >= 10
    for number, question in enumerate(questions, start=1):
        assert question.startswith(f"**{say(lang, 'hb.quiz.number', number=str(number))}** ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_answers_use_this_organisation_s_facts(handbooks, lang):
    quiz = plain_text(section(routines(handbooks, "exempel-support", lang), say(lang, "hb.quiz.heading"), 3))
    for fact in ("Lime CRM", "dataskydd@exempel.se", "Sendwise Inc.", "Karin Lund",
                 {"sv": "USA", "en": "the United States"}[lang],
                 {"sv": "Fakturor och bokföring", "en": "Invoices and bookkeeping"}[lang]):
        assert fact in quiz, fact
    assert say(lang, "hb.quiz.health_document.question") in quiz
    assert say(lang, "hb.quiz.marketing.question") in quiz


CHECK_CLEAN = ("exempel-support", "hyrcykel-sv-en")


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_every_document_passes_policygen_check(handbooks, name):
    result = subprocess.run(
        [sys.executable, "-c", "from policygen.cli.main import main; main()", "check",
         "--format", "json", str(handbooks[name])], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    report = json.loads(result.stdout)
    checked = {entry["path"].split(handbooks[name].name + "/", 1)[1] for entry in report["files"]}
    assert {"register.md", "sv/rutiner.md", "en/procedures.md", "sv/svarsbrev/access.md"} <= checked \
        or name not in CHECK_CLEAN
    for entry in report["files"]:
        assert entry["metrics"]["lix"] is None or entry["metrics"]["lix"] <= 45, entry["path"]
        if name in CHECK_CLEAN:  # descriptions whose own texts are plain: no finding at all
            assert entry["findings"] == [], (entry["path"], entry["findings"][:3])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_holds_the_routines(handbooks, described, lang):
    reader = PdfReader(handbooks["exempel-support"] / f"{ROUTINES[lang]}.pdf")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert say(lang, "hb.title", organisation="Exempel Support AB") in text
    assert say(lang, "hb.internal") in text
    for purpose in described["exempel-support"].purposes:
        assert purpose.title[lang] in text
    assert reader.metadata.title == say(lang, "hb.title", organisation="Exempel Support AB")
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_page_is_the_shared_layout_linked_to_the_other_language(handbooks, lang):
    html = read(handbooks["exempel-support"], f"{ROUTINES[lang]}.html")
    other = {"sv": "en/procedures.html", "en": "sv/rutiner.html"}[lang]
    assert f'<html lang="{lang}">' in html
    assert f'hreflang="{"en" if lang == "sv" else "sv"}" href="../{other}"' in html
    assert "<script" not in html and "javascript:" not in html
    assert f'href="{ROUTINES[lang].split("/")[1]}.pdf"' in html


def test_hostile_text_stays_text(tmp_path):
    from policygen.model import load_description_text
    from policygen.render.handbook.writer import write_handbook

    text = (DESCRIPTIONS["exempel-support"]).read_text(encoding="utf-8").replace(
        "label: {sv: ditt namn, en: your name}",
        "label: {sv: '[x](javascript:alert(1)) <script>', en: '# heading *bold*'}")
    write_handbook(load_description_text(text), tmp_path / "hb")
    for path in (tmp_path / "hb").rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert "<script>" not in page and 'href="javascript:' not in page
    routines_md = (tmp_path / "hb" / "sv" / "rutiner.md").read_text(encoding="utf-8")
    assert "\\[x\\](javascript:alert(1)) \\<script\\>" in routines_md
