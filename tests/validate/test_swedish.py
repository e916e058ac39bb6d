"""The validator in Swedish: findings' messages and hints, the rules' documentation, and English
left as it was when nobody asks for Swedish.

The completeness test in ``tests/lang`` covers every text marked with ``_()``; the rules'
documentation is not marked in code (each docstring paragraph is a catalogue key), so it is
checked here, rule by rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.data.countries import ADEQUACY
from policygen.lang import catalogues
from policygen.lang.messages import interface_language, speaking
from policygen.validate import all_rules, catalogue

from .helpers import describe, findings_of, line_of, with_code

SWEDISH_LOCALE = {"LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}

ON_THE_PHONE = """\
  - id: calls
    title: Call you back
    data: [email]
    legal_basis: consent
    retention: {criteria: until you withdraw your consent}
    requirement: It is your choice.
    consent:
      channel: phone
      statement: Yes, you may call me back.
      withdraw: Say so on the phone or write to us.
"""

WITHOUT_CONSENT = """\
  - id: news
    title: Send you our newsletter
    data: [email]
    legal_basis: consent
    retention: {criteria: until you withdraw your consent}
    requirement: It is your choice.
"""

ABROAD = """\
  - id: mailer
    name: Mailer Inc
    role: processor
    country: US
"""


def one(findings, code: str):
    [finding] = with_code(findings, code)
    return finding


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_documents_itself_in_swedish(rule) -> None:
    keys = rule.doc_keys()
    assert len(keys) == 3, f"{rule.code}: a summary, a Why and a Fix paragraph"
    assert catalogues.missing(keys, "sv") == []
    with speaking("sv"):
        info = rule.info()
    english = rule.info()
    assert info.summary != english.summary
    assert info.help.startswith("Varför: ") and "\nSå åtgärdar du: " in info.help
    assert english.help.startswith("Why: ") and "\nFix: " in english.help


def test_every_scope_of_an_adequacy_decision_has_its_swedish_text() -> None:
    """G705 names the scope of the decision inside its message (from ``policygen.data.countries``)."""
    scopes = sorted({decision.scope for decision in ADEQUACY.values() if decision.scope})
    assert scopes and catalogues.missing(scopes, "sv") == []


def test_a_rules_documentation_in_swedish_word_for_word() -> None:
    [g201] = [rule for rule in all_rules() if rule.code == "G201"]
    with speaking("sv"):
        info = g201.info()
    assert info.summary == "Ett ändamål som bygger på samtycke har ingen samtyckestext."
    assert info.help == (
        "Varför: personen måste tillfrågas på ett klart och tydligt språk, skilt från andra frågor "
        "(artikel 7.2), och du måste kunna visa vad hen har samtyckt till (artikel 7.1). Samtyckestexten "
        "är texten bredvid den tomma rutan i samtyckesformuläret.\n"
        "Så åtgärdar du: Lägg till `consent.statement` i ändamålet: en mening i jagform som säger vad "
        "personen samtycker till (\"Ja, skicka nyhetsbrevet till mig en gång i månaden\").")
    assert g201.info().summary == "A purpose on consent has no consent statement."
    with speaking("sv"):
        assert catalogue()[0].summary == "Beskrivningen är inte korrekt uppbyggd."
    assert catalogue()[0].summary == "The description is not well formed."


def test_findings_speak_swedish_at_their_lines() -> None:
    text = describe(purposes=WITHOUT_CONSENT + ON_THE_PHONE, recipients=ABROAD)
    with speaking("sv"):
        findings = findings_of(text)
    g201 = one(findings, "G201")
    assert (g201.line, g201.key) == (line_of(text, "- id: news"), "purposes[0].consent")
    assert g201.message == "ändamålet `news` bygger på samtycke men har ingen samtyckestext"
    assert g201.hint == "lägg till `consent:` med `statement:` och `withdraw:`"
    g209 = one(findings, "G209")
    assert (g209.line, g209.key) == (line_of(text, "    consent:"), "purposes[1].consent.script")
    assert g209.message == "ändamålet `calls` ber om samtycke i telefon men har inget manus för medarbetaren"
    assert g209.hint == ("lägg till `script:` med det medarbetaren säger när hen ber om samtycket, "
                         "på varje språk")
    g701 = one(findings, "G701")
    assert (g701.line, g701.key) == (line_of(text, "country: US"), "recipients[0].country")
    assert g701.message == ("mottagaren `mailer` finns i US, utanför EU/EES, men `transfers:` har ingen "
                            "post för den")
    assert g701.hint == ("lägg till en post i `transfers:` med `recipient: mailer`, `country: US` "
                         "och `safeguard:`")
    assert g701.article == "13(1)(f)"  # the machine field keeps its form


def test_english_is_unchanged_by_default() -> None:
    assert interface_language() == "en"
    text = describe(purposes=WITHOUT_CONSENT + ON_THE_PHONE, recipients=ABROAD)
    findings = findings_of(text)
    assert one(findings, "G201").message == "purpose `news` rests on consent but has no consent statement"
    assert one(findings, "G209").message == "purpose `calls` asks for consent on the phone but has no script for the agent"
    assert one(findings, "G701").hint == ("add to `transfers:` an entry with `recipient: mailer`, "
                                          "`country: US` and `safeguard:`")


def test_purposes_on_the_form_are_listed_in_the_right_number() -> None:
    second = WITHOUT_CONSENT.replace("id: news", "id: offers").replace(
        "    requirement: It is your choice.\n",
        "    requirement: It is your choice.\n    consent:\n      statement: Yes.\n      withdraw: Click the link.\n")
    first = second.replace("id: offers", "id: news")
    text = describe(purposes=first + second)
    with speaking("sv"):
        g206 = one(findings_of(text), "G206")
    assert g206.message == ("ändamålen `news` och `offers` ber om samtycke på webben, men `forms.action` "
                            "säger inte vart samtyckesformuläret skickas")
    with speaking("sv"):
        alone = one(findings_of(describe(purposes=first)), "G206")
    assert alone.message.startswith("ändamålet `news` ber om samtycke på webben")
    assert one(findings_of(text), "G206").message.startswith("purposes `news` and `offers` ask for consent")


def test_what_the_form_would_send_twice_is_named_in_swedish() -> None:
    data = "  - id: intent\n    label: e-mail address\n    holder: contact\n"
    purposes = (WITHOUT_CONSENT.replace("data: [email]", "data: [intent]")
                .replace("    requirement: It is your choice.\n",
                         "    requirement: It is your choice.\n    consent:\n      statement: Yes.\n"
                         "      withdraw: Click the link.\n"))
    text = describe(data=data, purposes=purposes,
                    extra="forms:\n  action: https://test.se/consent\n  identifier: intent\n")
    with speaking("sv"):
        g212 = one(findings_of(text), "G212")
    assert g212.message == ("samtyckesformuläret skulle skicka identifieraren `intent` och knapparna "
                            "under samma namn, `intent`")


def test_validate_speaks_the_locales_language_in_json(tmp_path: Path) -> None:
    path = tmp_path / "desc.yaml"
    text = describe(purposes=WITHOUT_CONSENT)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(path)], env=SWEDISH_LOCALE)
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["files"][0]["findings"]
    g202 = next(f for f in findings if f["code"] == "G202")
    assert g202["message"] == "ändamålet `news` bygger på samtycke men säger inte hur man återkallar det"
    assert (g202["line"], g202["column"], g202["article"]) == (line_of(text, "- id: news"), 5, "7(3)")
    english = CliRunner().invoke(main, ["validate", "--format", "json", str(path)],
                                 env={"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""})
    g202 = next(f for f in json.loads(english.stdout)["files"][0]["findings"] if f["code"] == "G202")
    assert g202["message"] == "purpose `news` rests on consent but does not say how to withdraw it"


def test_sarif_rule_descriptions_follow_the_interface_language(tmp_path: Path) -> None:
    path = tmp_path / "desc.yaml"
    path.write_text(describe(purposes=WITHOUT_CONSENT), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--format", "sarif", str(path)], env=SWEDISH_LOCALE)
    rules = {rule["id"]: rule for rule in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["G201"]["shortDescription"]["text"] == "Ett ändamål som bygger på samtycke har ingen samtyckestext."
    assert rules["G201"]["fullDescription"]["text"].startswith("Varför: personen måste tillfrågas")
