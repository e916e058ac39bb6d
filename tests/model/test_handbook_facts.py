"""The facts the handbook states (policygen.model.facts, HandbookFacts): rights with the absolute
objection to direct marketing, deletion rules, what stays after an erasure, portable data."""

from __future__ import annotations

from pathlib import Path

from policygen.model import load_description
from policygen.model.facts import (HandbookFacts, Right, all_rights_for_purpose, period_rank,
                                   rights_for_purpose)

REPO = Path(__file__).resolve().parents[2]


def facts(name: str) -> HandbookFacts:
    return HandbookFacts(load_description(str(REPO / "examples" / f"{name}.yaml")).description)


def purpose(f: HandbookFacts, purpose_id: str):
    return next(p for p in f.description.purposes if p.id == purpose_id)


def item(f: HandbookFacts, data_id: str):
    return f.data_by_id[data_id]


def test_direct_marketing_adds_objection_whatever_the_basis():
    f = facts("exempel-support")
    newsletter = purpose(f, "newsletter")  # consent, direct_marketing: true
    assert Right.objection not in rights_for_purpose(newsletter)
    assert all_rights_for_purpose(newsletter) == (
        Right.access, Right.rectification, Right.erasure, Right.restriction, Right.portability,
        Right.objection, Right.withdraw_consent, Right.complaint)
    assert all_rights_for_purpose(purpose(f, "support")) == rights_for_purpose(purpose(f, "support"))


def test_deletion_rule_longest_fixed_period_decides():
    f = facts("exempel-support")
    rule = f.deletion_rule(item(f, "case_text"))  # support 24 months, quality 12 months
    assert rule.longest.purpose.id == "support" and rule.open_ended == () and rule.governed_by_one
    rule = f.deletion_rule(item(f, "name"))  # support, newsletter (criteria), bookkeeping 7 years
    assert rule.longest.purpose.id == "bookkeeping"
    assert [k.purpose.id for k in rule.open_ended] == ["newsletter"]
    assert not rule.governed_by_one  # a criterion cannot be ranked against a period
    assert f.deletion_rule(item(f, "invoice")).keepings[0].purpose.id == "bookkeeping"


def test_periods_rank_by_their_longest_length():
    f = facts("exempel-support")
    periods = {p.id: period_rank(p.retention) for p in f.description.purposes}
    assert periods["bookkeeping"] > periods["support"] > periods["quality"] > periods["security"]
    assert periods["newsletter"] is None


def test_what_stays_after_erasure_is_what_a_law_keeps():
    f = facts("exempel-support")
    assert [p.id for p in f.kept_despite_erasure(item(f, "name"))] == ["bookkeeping"]
    assert f.kept_despite_erasure(item(f, "email")) == []


def test_portable_data_is_what_the_person_gave_on_consent_or_contract():
    f = facts("foretagsservice-art14")  # contact data comes from the employer
    assert [i.id for i in f.portable_data()] == ["accessibility"]
    assert [i.id for i in f.used_only_by(purpose(f, "accessibility"))] == ["accessibility"]


def test_own_retention_replaces_the_purposes():
    text = (REPO / "examples" / "exempel-support.yaml").read_text(encoding="utf-8").replace(
        "    holder: technical\n    source: data_subject\n",
        "    holder: technical\n    source: data_subject\n    retention: {period: 7 days, "
        "after: {sv: inloggningen, en: the sign-in}}\n")
    from policygen.model import load_description_text

    f = HandbookFacts(load_description_text(text).description)
    rule = f.deletion_rule(f.data_by_id["ip_log"])
    assert str(rule.own.period) == "7 days" and rule.governed_by_one
