"""`policygen diff OLD NEW`: each kind of change is reported exactly, classified, in JSON and in
both languages, and nothing else is reported with it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import (base_data, changed, data_item, policygen, purpose,  # noqa: E402
                             recipient, write)

S, E = "substantive", "editorial"


def _set(path: str, value):  # noqa: ANN202
    """A change that sets ``path`` (dots, and [n] for list items) to ``value``."""
    def apply(data):  # noqa: ANN001, ANN202
        *parents, last = path.replace("]", "").replace("[", ".").split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return apply


_DELETE = object()


def _replace(path: str, old: str, new: str):  # noqa: ANN202
    """A change that replaces ``old`` with ``new`` in the text at ``path``; it fails when the
    example no longer contains ``old``, so the edit can never silently do nothing."""
    def apply(data):  # noqa: ANN001, ANN202
        *parents, last = path.replace("]", "").replace("[", ".").split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        text = target[last]
        assert old in text, f"{path} no longer contains {old!r}: {text!r}"
        target[last] = text.replace(old, new)
        assert target[last] != text
    return apply


def _do(*steps):  # noqa: ANN202
    def apply(data):  # noqa: ANN001, ANN202
        for step in steps:
            step(data)
    return apply


NEW_PURPOSE = {
    "id": "webinars", "title": {"sv": "Bjuda in dig till webbinarier", "en": "Invite you to webinars"},
    "data": ["name", "email"], "legal_basis": "legitimate_interests",
    "legitimate_interest": {"sv": "Vi vill visa våra kunder nya funktioner.",
                            "en": "We want to show our customers new features."},
    "retention": {"period": "12 months", "after": {"sv": "webbinariet", "en": "the webinar"}},
    "recipients": ["crm"],
}

# (name, change, expected: (element, id, action, field, class, reason) …)
CASES = [
    ("purpose added", lambda d: d["purposes"].append(NEW_PURPOSE),
     [("purpose", "webinars", "added", "", S, "new_purpose")]),
    ("purpose removed", lambda d: d["purposes"].pop(2),
     [("purpose", "security", "removed", "", E, "purpose_removed")]),
    ("title reworded", _set("purposes[0].title.sv", "Svara på dina frågor om våra tjänster"),
     [("purpose", "support", "changed", "title", S, "text_wording")]),
    ("title typo fixed", _replace("purposes[0].title.sv", "supportärende", "suportärende"),
     [("purpose", "support", "changed", "title", E, "text_spelling")]),
    ("title punctuation", _replace("purposes[0].title.en", "Help with your support case",
                                   "Help with your support case."),
     [("purpose", "support", "changed", "title", E, "text_form")]),
    ("description reworded", _set("purposes[0].description.en", "We answer every question you send us."),
     [("purpose", "support", "changed", "description", S, "text_wording")]),
    ("legal basis", _set("purposes[0].legal_basis", "legitimate_interests"),
     [("purpose", "support", "changed", "legal_basis", S, "legal_basis"),
      ("right", "portability", "changed", "", S, "right_lost"),
      ("right", "objection", "changed", "", E, "right_gained")]),
    ("legitimate interest reworded",
     _set("purposes[1].legitimate_interest.sv", "Vi vill mäta hur nöjda kunderna är."),
     [("purpose", "quality", "changed", "legitimate_interest", S, "text_wording")]),
    ("law reworded", _set("purposes[4].legal_obligation.en", "The Swedish Accounting Act requires it."),
     [("purpose", "bookkeeping", "changed", "legal_obligation", S, "text_wording")]),
    ("special condition", _set("purposes[0].special_condition", "legal_claims"),
     [("purpose", "support", "changed", "special_condition", S, "special_condition")]),
    ("retention longer", _set("purposes[1].retention.period", "18 months"),
     [("purpose", "quality", "changed", "retention", S, "retention_longer")]),
    ("retention shorter", _set("purposes[0].retention.period", "12 months"),
     [("purpose", "support", "changed", "retention", E, "retention_shorter")]),
    ("retention same length", _set("purposes[1].retention.period", "1 year"),
     [("purpose", "quality", "changed", "retention", E, "retention_same")]),
    ("retention rule", _set("purposes[1].retention", {"criteria": {"sv": "tills enkäten är klar",
                                                                 "en": "until the survey is done"}}),
     [("purpose", "quality", "changed", "retention", S, "retention_rule")]),
    ("data added to a purpose", lambda d: purpose(d, "support")["data"].append("invoice"),
     [("purpose", "support", "changed", "data", S, "more_data")]),
    ("data taken from a purpose", lambda d: purpose(d, "support")["data"].remove("phone"),
     [("purpose", "support", "changed", "data", E, "less_data")]),
    ("recipient added to a purpose", lambda d: purpose(d, "security")["recipients"].append("archive"),
     [("purpose", "security", "changed", "recipients", S, "more_recipients")]),
    ("recipient taken from a purpose", lambda d: purpose(d, "quality")["recipients"].remove("mailer"),
     [("purpose", "quality", "changed", "recipients", E, "fewer_recipients")]),
    ("group added to a purpose", lambda d: purpose(d, "support")["subjects"].append("visitors"),
     [("purpose", "support", "changed", "subjects", S, "more_subjects")]),
    ("group taken from a purpose", _set("purposes[0].subjects", []),
     [("purpose", "support", "changed", "subjects", E, "fewer_subjects")]),
    ("requirement reworded", _set("purposes[0].requirement.sv", "Du måste ge oss din e-postadress."),
     [("purpose", "support", "changed", "requirement", S, "text_wording")]),
    ("consent statement reworded",
     _set("purposes[3].consent.statement.en", "Yes, send me newsletters and webinar invitations."),
     [("purpose", "newsletter", "changed", "consent.statement", S, "text_wording")]),
    ("consent statement typo",
     _set("purposes[3].consent.statement.en", "Yes, send me Exempel Support's newsleter by e-mail once a month."),
     [("purpose", "newsletter", "changed", "consent.statement", E, "text_spelling")]),
    ("withdrawal reworded", _set("purposes[3].consent.withdraw.en", "Reply STOP to any newsletter."),
     [("purpose", "newsletter", "changed", "consent.withdraw", S, "text_wording")]),
    ("consent channel", _set("purposes[3].consent.channel", "email"),
     [("purpose", "newsletter", "changed", "consent.channel", E, "consent_channel")]),
    ("direct marketing off", _set("purposes[3].direct_marketing", False),
     [("purpose", "newsletter", "changed", "direct_marketing", S, "direct_marketing"),
      ("right", "objection", "changed", "", S, "right_lost")]),
    ("purposes reordered", lambda d: d["purposes"].insert(0, d["purposes"].pop(1)),
     [("purpose", "", "changed", "", E, "order")]),
    ("data added", lambda d: d["data"].append(
        {"id": "birthday", "label": {"sv": "din födelsedag", "en": "your birthday"},
         "holder": "contact"}),
     [("data", "birthday", "added", "", S, "data_added")]),
    ("data removed", lambda d: d["data"].pop(),
     [("data", "fax", "removed", "", E, "data_removed")]),
    ("data label reworded", _set("data[6].label.en", "the address of your computer"),
     [("data", "ip_log", "changed", "label", S, "text_wording")]),
    ("data holder", lambda d: data_item(d, "fax").update(holder="company"),
     [("data", "fax", "changed", "holder", E, "data_holder")]),
    ("data source", lambda d: data_item(d, "company").update(
        source="public_register", source_detail={"sv": "Bolagsverket", "en": "the Swedish Companies Registration Office"}),
     [("data", "company", "changed", "source", S, "data_source"),
      ("data", "company", "changed", "source_detail", S, "text_wording")]),
    ("data special", lambda d: data_item(d, "case_text").update(special=True),
     [("data", "case_text", "changed", "special", S, "special_data")]),
    ("data retention of its own", lambda d: data_item(d, "ip_log").update(
        retention={"period": "30 days", "after": {"sv": "inloggningen", "en": "the sign-in"}}),
     [("data", "ip_log", "changed", "retention", S, "retention_rule")]),
    ("recipient added", lambda d: d["recipients"].append(
        {"id": "print", "name": "Tryckeriet AB", "role": "processor", "country": "SE"}),
     [("recipient", "print", "added", "", S, "recipient_added")]),
    ("recipient removed", lambda d: d["recipients"].pop(),
     [("recipient", "archive", "removed", "", E, "recipient_removed")]),
    ("recipient renamed", lambda d: recipient(d, "crm").update(name="Upsales AB"),
     [("recipient", "crm", "changed", "name", S, "recipient_identity")]),
    ("recipient name typo", lambda d: recipient(d, "crm").update(name="Lime Tecnologies AB"),
     [("recipient", "crm", "changed", "name", E, "text_spelling")]),
    ("recipient role", lambda d: recipient(d, "archive").update(role="controller"),
     [("recipient", "archive", "changed", "role", S, "recipient_role")]),
    ("recipient country", lambda d: recipient(d, "crm").update(country="DE"),
     [("recipient", "crm", "changed", "country", S, "recipient_country")]),
    ("recipient description", _set("recipients[0].description.en", "Lime keeps our customer register."),
     [("recipient", "crm", "changed", "description", S, "text_wording")]),
    ("transfer added", lambda d: d["transfers"].append(
        {"recipient": "archive", "country": "GB", "safeguard": "adequacy"}),
     [("transfer", "archive/GB", "added", "", S, "transfer_added")]),
    ("transfer removed", _set("transfers", []),
     [("transfer", "mailer/US", "removed", "", E, "transfer_removed")]),
    ("transfer safeguard", _set("transfers[0].safeguard", "binding_corporate_rules"),
     [("transfer", "mailer/US", "changed", "safeguard", S, "safeguard")]),
    ("transfer copy", _set("transfers[0].copy.en", "Ask us for a copy."),
     [("transfer", "mailer/US", "changed", "copy", S, "text_wording")]),
    ("controller name", _set("controller.name", "Exempel Kundtjänst AB"),
     [("controller", "", "changed", "name", S, "controller_identity")]),
    ("controller e-mail", _set("controller.email", "integritet@exempel.se"),
     [("controller", "", "changed", "email", S, "rights_contact")]),
    ("controller address", _set("controller.address", "Lilla gatan 2, 111 22 Stockholm"),
     [("controller", "", "changed", "address", E, "contact_details")]),
    ("controller phone removed", _set("controller.phone", _DELETE),
     [("controller", "", "changed", "phone", E, "contact_details")]),
    ("dpo removed", _set("dpo", _DELETE),
     [("dpo", "", "removed", "", S, "dpo_removed")]),
    ("dpo e-mail", _set("dpo.email", "dpo@exempel.se"),
     [("dpo", "", "changed", "email", S, "rights_contact")]),
    ("dpo name", _set("dpo.name", "Per Berg"),
     [("dpo", "", "changed", "name", E, "contact_details")]),
    ("authority", _set("authority", {"name": {"sv": "Datatilsynet", "en": "the Norwegian Data Protection Authority"},
                                     "website": "https://www.datatilsynet.no"}),
     [("authority", "", "changed", "", S, "authority")]),
    ("record system country", _set("record_system.country", "FI"),
     [("record_system", "", "changed", "country", S, "storage_country")]),
    ("record system name", _set("record_system.name", "Lime Go"),
     [("record_system", "", "changed", "name", E, "record_system_name")]),
    ("group added", lambda d: d["subjects"].append(
        {"id": "suppliers", "label": {"sv": "leverantörer", "en": "suppliers"}}),
     [("subject", "suppliers", "added", "", E, "subject_added")]),
    ("group removed", lambda d: d["subjects"].pop(),
     [("subject", "visitors", "removed", "", E, "subject_removed")]),
    ("automated decision added", lambda d: d["automated_decisions"].append(
        {"description": {"sv": "Vi bedömer risken automatiskt.", "en": "We assess the risk automatically."},
         "logic": {"sv": "Ett program räknar poäng.", "en": "A program counts points."},
         "consequences": {"sv": "Du kan få vänta.", "en": "You may have to wait."}}),
     [("automated_decision", "2", "added", "", S, "decision_added")]),
    ("automated decision removed", _set("automated_decisions", []),
     [("automated_decision", "1", "removed", "", E, "decision_removed")]),
    ("automated decision logic", _set("automated_decisions[0].logic.en", "A person reads the subject line."),
     [("automated_decision", "1", "changed", "logic", S, "text_wording")]),
    ("requests contact", _set("requests.contact", "rattigheter@exempel.se"),
     [("requests", "", "changed", "contact", S, "rights_contact")]),
    ("form address", _set("forms.action", "https://exempel.se/ja"),
     [("forms", "", "changed", "action", E, "consent_form")]),
    ("customers' data", _set("on_behalf_of_customers", {"sv": "Vi hanterar ärenden åt våra kunder.",
                                                         "en": "We handle cases for our customers."}),
     [("on_behalf_of_customers", "", "changed", "on_behalf_of_customers", S, "customers_data")]),
    ("notice period", _set("changes.notice_days", 45),
     [("changes", "", "changed", "notice_days", E, "change_notice")]),
    ("security text", _set("security", {"sv": "Vi krypterar allt.", "en": "We encrypt everything."}),
     [("security", "", "changed", "security", E, "security")]),
    ("language removed", lambda d: _only_swedish(d),
     [("languages", "en", "removed", "", S, "language_removed")]),
]


def _only_swedish(data):  # noqa: ANN001, ANN202
    """Every text in Swedish only, and `languages: [sv]`."""
    def walk(value):  # noqa: ANN001, ANN202
        if isinstance(value, dict):
            if set(value) == {"sv", "en"}:
                return value["sv"]
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value
    cleaned = walk({key: value for key, value in data.items() if key != "languages"})
    data.clear()
    data.update(cleaned, languages=["sv"])


IDS = [name for name, *_ in CASES]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("base") / "old.yaml", base_data())


def _diff(old: Path, new: Path, *options: str):  # noqa: ANN202
    result = policygen("diff", old, new, *options)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(("name", "change", "expected"), CASES, ids=IDS)
def test_each_kind_of_change_is_reported_alone_and_classified(base: Path, tmp_path: Path, name,
                                                              change, expected) -> None:
    new = write(tmp_path / "new.yaml", changed(base_data(), change))
    for lang in ("sv", "en"):
        report = json.loads(_diff(base, new, "--format", "json", "--lang", lang))
        found = [(c["element"], c["id"], c["action"], c["field"], c["class"], c["reason"])
                 for c in report["changes"]]
        assert found == expected, name
        assert report["summary"]["substantive"] == sum(1 for e in expected if e[4] == S)
        assert report["summary"]["editorial"] == sum(1 for e in expected if e[4] == E)
        human = _diff(base, new, "--lang", lang)
        for change_entry in report["changes"]:
            assert change_entry["summary"] and change_entry["reason_text"]
            assert f"    {change_entry['summary']}\n" in human
            assert change_entry["reason_text"] in human
        heading = {"sv": "Ändringar från", "en": "Changes from"}[lang]
        assert human.startswith(heading)
        label = {"sv": {S: "väsentlig", E: "redaktionell"}, "en": {S: S, E: E}}[lang]
        assert [line.split("  ")[0] for line in human.splitlines()[3::3]][:len(expected)] == \
            [label[e[4]] for e in expected]


def test_each_sentence_differs_by_language(base: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "new.yaml", changed(base_data(), _set("purposes[1].retention.period", "18 months")))
    sv = json.loads(_diff(base, new, "--format", "json", "--lang", "sv"))["changes"][0]["summary"]
    en = json.loads(_diff(base, new, "--format", "json", "--lang", "en"))["changes"][0]["summary"]
    assert sv == ("För ”Uppföljning och statistik om vår support” sparar vi nu "
                  "uppgifterna i 18 månader i stället för i tolv månader.")
    assert en == ("For “Follow-up and statistics on our support”, we now keep the "
                  "data for 18 months instead of twelve months.")


def test_no_change_is_no_change(base: Path) -> None:
    report = json.loads(_diff(base, base, "--format", "json"))
    assert report["changes"] == [] and report["consents"] == []
    assert "Inga ändringar." in _diff(base, base)


def test_a_language_added_is_one_editorial_change(tmp_path: Path) -> None:
    swedish = write(tmp_path / "sv.yaml", changed(base_data(), _only_swedish))
    both = write(tmp_path / "both.yaml", base_data())
    report = json.loads(_diff(swedish, both, "--format", "json", "--lang", "en"))
    assert [(c["element"], c["id"], c["action"], c["class"]) for c in report["changes"]] == [
        ("languages", "en", "added", E)]
    assert report["changes"][0]["summary"] == "The policy is now also available in English."


def test_changes_are_located_in_the_new_file(base: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "new.yaml", changed(base_data(), _set("purposes[1].retention.period", "18 months")))
    change = json.loads(_diff(base, new, "--format", "json"))["changes"][0]
    assert (change["key"], change["file"]) == ("purposes[1].retention", str(new))
    line = new.read_text(encoding="utf-8").splitlines()[change["line"] - 1]
    assert line.strip().startswith('"retention"')
