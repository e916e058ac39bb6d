"""Rights follow the legal basis (reference/gdpr-notice.md): never one that does not apply, none missing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from policygen.model.description import LegalBasis, SpecialCondition
from policygen.model.facts import RIGHTS_BY_BASIS, Right, objection, rights_by_purpose


def rights_for_basis(basis: str) -> tuple[Right, ...]:
    return RIGHTS_BY_BASIS[LegalBasis(basis)]


def is_direct_marketing(purpose) -> bool:
    return bool(objection([purpose]).direct_marketing)

R = Right


@dataclass(frozen=True)
class P:
    id: str
    legal_basis: LegalBasis
    direct_marketing: bool = False
    special_condition: SpecialCondition | None = None


@pytest.mark.parametrize(("basis", "expected"), [
    ("consent", {R.access, R.rectification, R.erasure, R.restriction, R.portability,
                 R.withdraw_consent, R.complaint}),
    ("contract", {R.access, R.rectification, R.erasure, R.restriction, R.portability, R.complaint}),
    ("legal_obligation", {R.access, R.rectification, R.restriction, R.complaint}),
    ("legitimate_interests", {R.access, R.rectification, R.erasure, R.restriction, R.objection,
                              R.complaint}),
    ("vital_interests", {R.access, R.rectification, R.erasure, R.restriction, R.complaint}),
    ("public_task", {R.access, R.rectification, R.restriction, R.objection, R.complaint}),
])
def test_rights_for_each_legal_basis(basis, expected):
    assert set(rights_for_basis(basis)) == expected


def test_every_legal_basis_has_a_row():
    for basis in LegalBasis:
        assert R.access in rights_for_basis(basis)


def test_vital_interests_erasure_but_no_objection():
    rights = rights_for_basis(LegalBasis.vital_interests)
    assert R.erasure in rights and R.objection not in rights


def test_public_task_objection_but_no_erasure():
    rights = rights_for_basis(LegalBasis.public_task)
    assert R.objection in rights and R.erasure not in rights


def test_legal_obligation_has_no_erasure_portability_or_objection():
    rights = rights_for_basis(LegalBasis.legal_obligation)
    assert not {R.erasure, R.portability, R.objection} & set(rights)


def test_rights_by_purpose_names_the_purposes_each_right_covers():
    support = P("support", LegalBasis.contract)
    quality = P("quality", LegalBasis.legitimate_interests)
    news = P("newsletter", LegalBasis.consent)
    books = P("bookkeeping", LegalBasis.legal_obligation)
    coverage = {c.right: [p.id for p in c.purposes]
                for c in rights_by_purpose([support, quality, news, books])}
    assert coverage == {
        R.access: ["support", "quality", "newsletter", "bookkeeping"],
        R.rectification: ["support", "quality", "newsletter", "bookkeeping"],
        R.erasure: ["support", "quality", "newsletter"],
        R.restriction: ["support", "quality", "newsletter", "bookkeeping"],
        R.portability: ["support", "newsletter"],
        R.withdraw_consent: ["newsletter"],
        R.complaint: ["support", "quality", "newsletter", "bookkeeping"],
    }


def test_a_right_no_purpose_has_is_never_listed():
    rights = [c.right for c in rights_by_purpose([P("books", LegalBasis.legal_obligation)])]
    assert rights == [R.access, R.rectification, R.restriction, R.complaint]


def test_objection_is_separate_and_lists_li_and_public_task_purposes():
    purposes = [P("support", LegalBasis.contract), P("quality", LegalBasis.legitimate_interests),
                P("register", LegalBasis.public_task), P("rescue", LegalBasis.vital_interests)]
    assert R.objection not in [c.right for c in rights_by_purpose(purposes)]
    result = objection(purposes)
    assert [p.id for p in result.purposes] == ["quality", "register"]
    assert result.applies
    assert result.direct_marketing == ()


def test_objection_does_not_apply_without_li_or_public_task():
    result = objection([P("support", LegalBasis.contract), P("news", LegalBasis.consent)])
    assert not result.applies and result.purposes == ()


def test_direct_marketing_on_legitimate_interests_is_absolute():
    purposes = [P("offers", LegalBasis.legitimate_interests, direct_marketing=True),
                P("support", LegalBasis.contract), P("security", LegalBasis.legitimate_interests)]
    result = objection(purposes)
    assert [p.id for p in result.direct_marketing] == ["offers"]
    assert [p.id for p in result.purposes] == ["offers", "security"]


def test_direct_marketing_on_consent_gets_the_absolute_right_only():
    # Art. 21(2) covers direct marketing whatever its basis; Art. 21(1) does not cover consent.
    result = objection([P("newsletter", LegalBasis.consent, direct_marketing=True),
                        P("support", LegalBasis.contract)])
    assert [p.id for p in result.direct_marketing] == ["newsletter"]
    assert result.purposes == () and result.applies


@pytest.mark.parametrize("purpose_id", ["newsletter", "nyhetsbrev", "email_marketing",
                                        "campaign", "utskick"])
def test_words_in_an_id_do_not_make_direct_marketing(purpose_id):
    # Only the explicit flag counts: "utskick av fakturor" is not marketing.
    assert not is_direct_marketing(P(purpose_id, LegalBasis.legitimate_interests))
    assert is_direct_marketing(P(purpose_id, LegalBasis.legitimate_interests, True))


@dataclass(frozen=True)
class Titled:
    id: str
    legal_basis: LegalBasis
    title: dict
    direct_marketing: bool = False
    special_condition: SpecialCondition | None = None


def test_a_title_that_names_marketing_is_not_enough():
    offers = Titled("courses", LegalBasis.legitimate_interests,
                    {"sv": "Skicka erbjudanden om kurser", "en": "Send you offers of courses"})
    assert not is_direct_marketing(offers)
    assert objection([offers]).direct_marketing == ()


def test_explicit_consent_for_special_data_can_be_withdrawn_whatever_the_basis():
    # Art. 9(2)(a) explicit consent on a contract purpose: withdrawal applies (Art. 7(3))
    care = P("care", LegalBasis.contract, special_condition=SpecialCondition.explicit_consent)
    coverage = {c.right: [p.id for p in c.purposes] for c in rights_by_purpose([care])}
    assert coverage[R.withdraw_consent] == ["care"]
    assert list(coverage) == [R.access, R.rectification, R.erasure, R.restriction, R.portability,
                              R.withdraw_consent, R.complaint]


# --- the policy's one rights table (model.facts.rights_table) ---------------------------------

from policygen.model.facts import ALWAYS, erasure_exception, right_applies, rights_table  # noqa: E402


def test_always_is_what_every_legal_basis_gives():
    assert set(ALWAYS) == {R.access, R.rectification, R.restriction, R.complaint}


def test_rights_table_columns_rows_and_the_rights_no_purpose_has():
    purposes = [P("support", LegalBasis.contract), P("quality", LegalBasis.legitimate_interests),
                P("news", LegalBasis.consent, direct_marketing=True),
                P("books", LegalBasis.legal_obligation)]
    table = rights_table(purposes)
    assert table.columns == (R.erasure, R.portability, R.objection, R.withdraw_consent)
    assert {row.purpose.id: row.applies for row in table.rows} == {
        "support": (True, True, False, False),
        "quality": (True, False, True, False),
        "news": (True, True, True, True),  # Art. 21(2): direct marketing on consent
        "books": (False, False, False, False),
    }
    assert [p.id for p in table.without(R.erasure)] == ["books"]
    assert table.present == {R.erasure, R.portability, R.objection, R.withdraw_consent}


def test_a_right_no_purpose_has_is_a_column_of_no_except_withdrawal():
    table = rights_table([P("books", LegalBasis.legal_obligation),
                          P("register", LegalBasis.public_task)])
    assert table.columns == (R.erasure, R.portability, R.objection)  # no consent, no withdrawal
    assert table.present == {R.objection}
    assert [row.applies for row in table.rows] == [(False, False, False), (False, False, True)]


def test_erasure_exceptions_are_art_17_3_b():
    assert erasure_exception(P("books", LegalBasis.legal_obligation)) == "legal_obligation"
    assert erasure_exception(P("register", LegalBasis.public_task)) == "public_task"
    for basis in (LegalBasis.consent, LegalBasis.contract, LegalBasis.legitimate_interests,
                  LegalBasis.vital_interests):
        assert erasure_exception(P("x", basis)) is None
        assert right_applies(P("x", basis), R.erasure)
