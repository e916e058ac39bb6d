"""The Art. 30(1) register and the CRM catalogue: parseable, one row per purpose / kind of data,
with the right facts, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hb_helpers import DESCRIPTIONS, REPO, plain_text, read
from policygen.model.facts import HandbookFacts
from policygen.render.handbook.crm_fields import CSV_COLUMNS as CRM_COLUMNS
from policygen.render.handbook.register import CSV_COLUMNS as REGISTER_COLUMNS
from policygen.render.handbook.tables import cell


def parse(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # RFC 4180: CRLF only
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_register_has_one_row_per_purpose(handbooks, described, name):
    rows = parse(handbooks[name] / "register.csv")
    description = described[name]
    assert list(rows[0]) == list(REGISTER_COLUMNS)
    assert [row["purpose_id"] for row in rows] == [p.id for p in description.purposes]
    lang = description.languages[0]
    for row, purpose in zip(rows, description.purposes, strict=True):
        assert row["purpose"] == cell(purpose.title[lang])
        assert row["controller"] == description.controller.name
        assert row["retention"]
        facts = HandbookFacts(description)
        for item in facts.data_of(purpose):
            assert cell(item.label[lang]) in row["data_categories"]
        for recipient in purpose.recipients:
            assert facts.recipients_by_id[recipient].name in row["recipients"]
        if purpose.legitimate_interest:
            assert row["legal_basis_detail"] == cell(purpose.legitimate_interest[lang])


def test_register_of_exempel_support_in_detail(handbooks):
    rows = {row["purpose_id"]: row for row in parse(handbooks["exempel-support"] / "register.csv")}
    assert rows["support"]["legal_basis"] == "Avtal (artikel 6.1 b)."
    assert rows["support"]["dpo"] == "Karin Lund; dso@exempel.se"
    assert rows["support"]["transfers"] == ("Sendwise Inc. i USA: EU-kommissionens "
                                            "standardavtalsklausuler")
    assert rows["security"]["transfers"] == ""
    assert rows["bookkeeping"]["retention"] == ("sju år efter utgången av det år då "
                                                "räkenskapsåret slutade")
    assert rows["support"]["security"] == ""
    text = plain_text(read(handbooks["exempel-support"], "register.md"))
    assert "Vår beskrivning nämner inga säkerhetsåtgärder än." in text
    assert "Vår beskrivning säger inte det än." in text  # no subjects: a gap, not a guess


def test_register_names_safeguards_subjects_and_security(handbooks):
    rows = {row["purpose_id"]: row for row in parse(handbooks["hyrcykel-sv-en"] / "register.csv")}
    assert rows["offers"]["transfers"] == ("Textia Messaging Pvt Ltd i Indien: bindande "
                                           "företagsbestämmelser")
    assert rows["rental"]["data_subjects"] == "personer som hyr cyklar av oss"
    assert rows["accident_help"]["special_categories"] == (
        "uppgifter om skador på dig efter en olycka. Undantag: grundläggande intresse "
        "(artikel 9.2 c).")
    assert "Region Västra Götaland, personuppgiftsansvarig, i Sverige" in rows["accident_help"]["recipients"]


HOSTILE = {"=HYPERLINK(\"https://evil.example\",\"x\")": "'=HYPERLINK", "+SUM(1,2)": "'+SUM",
           "-2+3": "'-2+3", "@cmd": "'@cmd"}


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with its one ``old`` replaced: a test that edits an example fails loudly when the
    example's wording has changed, instead of silently testing the unedited example."""
    assert text.count(old) == 1, f"expected exactly one {old!r} in the example"
    return text.replace(old, new)


def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path):
    from policygen.model import load_description_text
    from policygen.render.handbook.writer import write_handbook

    text = (REPO / "examples" / "exempel-support.yaml").read_text(encoding="utf-8")
    titles = iter(HOSTILE)
    for old in ("Hjälp med ditt supportärende", "Nyhetsbrev"):
        text = replace_once(text, f"sv: {old}\n", f"sv: '{next(titles)}'\n")
    text = replace_once(text, "label: {sv: ditt namn, en: your name}", "label: {sv: '+SUM(1,2)', en: your name}")
    text = replace_once(text, "sv: Vi vill skydda våra system och dina uppgifter mot intrång och missbruk.",
                        "sv: '@cmd Vi vill hålla våra system säkra.'")
    write_handbook(load_description_text(text), tmp_path / "hb")
    register = parse(tmp_path / "hb" / "register.csv")
    assert register[0]["purpose"].startswith("'=HYPERLINK(")
    assert register[3]["purpose"] == "'+SUM(1,2)"
    assert register[2]["legal_basis_detail"].startswith("'@cmd")
    fields = parse(tmp_path / "hb" / "crm-fields.csv")
    assert fields[0]["label"] == "'+SUM(1,2)"
    for table in (register, fields):
        for row in table:
            assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())
    markdown = read(tmp_path / "hb", "register.md")
    assert "=HYPERLINK(" in markdown  # Markdown shows the text as it is: it is not a formula there


def test_cell_neutralises_every_formula_start():
    for given, start in HOSTILE.items():
        assert cell(given).startswith(start)
    assert cell("\t=1") == "'=1"  # white space first does not hide it
    assert cell("Kungsgatan 1, 411 19") == "Kungsgatan 1, 411 19"
    assert cell("a\nb") == "a b"


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_crm_catalogue_has_one_row_per_kind_of_data(handbooks, described, name):
    description = described[name]
    rows = parse(handbooks[name] / "crm-fields.csv")
    assert list(rows[0]) == list(CRM_COLUMNS)
    assert [(row["id"], row["holder"]) for row in rows] == \
        [(item.id, item.holder.value) for item in description.data]
    document = json.loads((handbooks[name] / "crm-fields.json").read_text(encoding="utf-8"))
    assert [(f["id"], f["holder"]) for f in document["fields"]] == \
        [(item.id, item.holder.value) for item in description.data]
    facts = HandbookFacts(description)
    for field, item in zip(document["fields"], description.data, strict=True):
        assert field["purposes"] == [p.id for p in facts.purposes_of(item)]
        assert set(field["label"]) == set(description.languages)
        assert all(field["deletion"]["rule"].values())


EXEMPEL_DELETION = {  # data id → (who decides, words the Swedish rule must contain)
    "invoice": ("bookkeeping", ["Sju år efter utgången", "Det är tiden för ”Fakturor och bokföring”"]),
    "case_text": ("support", ["24 månader efter att ärendet har stängts",
                              "Hjälp med ditt supportärende", "behöver uppgiften längst"]),
    "name": (None, ["Tills alla de här tiderna har gått ut.",
                    "”Fakturor och bokföring”: sju år", "”Nyhetsbrev”: tills du återkallar"]),
    "ip_log": ("security", ["90 dagar efter att du loggade in"]),
}


def test_deletion_rules_of_exempel_support(handbooks):
    rows = {row["id"]: row for row in parse(handbooks["exempel-support"] / "crm-fields.csv")}
    fields = {f["id"]: f for f in json.loads(
        (handbooks["exempel-support"] / "crm-fields.json").read_text(encoding="utf-8"))["fields"]}
    for data_id, (decided_by, words) in EXEMPEL_DELETION.items():
        assert fields[data_id]["deletion"]["decided_by"] == decided_by, data_id
        for word in words:
            assert word in rows[data_id]["deletion_rule"], (data_id, word)
    assert rows["name"]["kept_despite_erasure"] == "bookkeeping"
    assert rows["email"]["kept_despite_erasure"] == ""
    assert rows["case_text"]["location"] == "Ärendet"
    assert "Bokföringslagen" in rows["invoice"]["deletion_reason"]


def test_own_retention_decides(handbooks):
    fields = {f["id"]: f for f in json.loads(
        (handbooks["hyrcykel-sv-en"] / "crm-fields.json").read_text(encoding="utf-8"))["fields"]}
    lock = fields["lock_log"]
    assert lock["deletion"]["decided_by"] == "own_retention"
    assert lock["own_retention"] == {"period": "30 days", "after": {"sv": "att hyran slutade",
                                                                   "en": "the rental ended"},
                                     "criteria": None}
    assert lock["deletion"]["rule"]["en"].startswith("30 days after the rental ended.")
