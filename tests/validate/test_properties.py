"""Property tests: for any well-formed description, the validator is total, located and consistent."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from policygen.model import load_description_text
from policygen.validate import run
from policygen.output import SEVERITIES
from policygen.validate.registry import RULES

from .helpers import TODAY

COUNTRIES = ["SE", "NO", "DE", "US", "GB", "CH", "IN", "BR"]
BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"]
SOURCES = ["data_subject", "employer", "public_register", "other"]
CONDITIONS = [None, "explicit_consent", "legal_claims", "substantial_public_interest"]
SAFEGUARDS = ["adequacy", "standard_contractual_clauses", "binding_corporate_rules", "derogation"]


@st.composite
def descriptions(draw):
    n_data = draw(st.integers(1, 4))
    data = []
    for i in range(n_data):
        item = {"id": f"d{i}", "label": f"data {i}", "holder": "contact",
                "source": draw(st.sampled_from(SOURCES))}
        if draw(st.booleans()):
            item["source_detail"] = "Your employer tells us."
        if draw(st.booleans()):
            item["special"] = True
        data.append(item)
    n_recipients = draw(st.integers(0, 2))
    recipients = [{"id": f"r{i}", "name": f"R{i} AB", "role": "processor",
                   "country": draw(st.sampled_from(COUNTRIES))} for i in range(n_recipients)]
    purposes = []
    for i in range(draw(st.integers(1, 3))):
        purpose = {"id": f"p{i}", "title": f"Purpose {i}",
                   "data": draw(st.lists(st.sampled_from([d["id"] for d in data]), unique=True)),
                   "legal_basis": draw(st.sampled_from(BASES))}
        if draw(st.booleans()):
            purpose["legitimate_interest"] = "We want our support to work."
        obligation = draw(st.sampled_from([None, "We must.", "The Bookkeeping Act (1999:1078)."]))
        if obligation:
            purpose["legal_obligation"] = obligation
        condition = draw(st.sampled_from(CONDITIONS))
        if condition:
            purpose["special_condition"] = condition
        retention = draw(st.sampled_from([None, "period", "criteria"]))
        if retention == "period":
            purpose["retention"] = {"period": "24 months", "after": "the case is closed"}
        elif retention == "criteria":
            purpose["retention"] = {"criteria": "until you withdraw your consent"}
        if recipients:
            purpose["recipients"] = draw(st.lists(st.sampled_from([r["id"] for r in recipients]), unique=True))
        requirement = draw(st.sampled_from([None, "We need it.", "It is optional."]))
        if requirement:
            purpose["requirement"] = requirement
        consent = draw(st.sampled_from([None, "full", "statement", "withdraw"]))
        if consent:
            purpose["consent"] = {key: "Text." for key in ("statement", "withdraw")
                                  if consent in ("full", key)}
        purposes.append(purpose)
    transfers = []
    if recipients:
        for _ in range(draw(st.integers(0, 2))):
            transfer = {"recipient": draw(st.sampled_from([r["id"] for r in recipients])),
                        "country": draw(st.sampled_from(COUNTRIES)),
                        "safeguard": draw(st.sampled_from(SAFEGUARDS))}
            if draw(st.booleans()):
                transfer["copy"] = "Write to us for a copy."
            transfers.append(transfer)
    description = {
        "format": 1, "languages": ["en"],
        "effective": draw(st.sampled_from(["2020-01-01", "2026-12-01"])),
        "controller": {"name": "Test AB", "address": "Storgatan 1", "email": "privacy@test.se"},
        "record_system": {"name": "CRM", "country": draw(st.sampled_from(COUNTRIES))},
        "data": data, "purposes": purposes, "recipients": recipients, "transfers": transfers,
    }
    if draw(st.booleans()):
        description["automated_decisions"] = [
            {"description": "We sort cases.", "logic": "Keywords.", "consequences": "A queue."}]
    if draw(st.booleans()):
        description["requests"] = {"contact": "privacy@test.se"}
    stream = io.StringIO()
    YAML().dump(description, stream)
    return stream.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(descriptions())
def test_validator_is_total_located_sorted_and_consistent(text):
    loaded = load_description_text(text, "generated.yaml")
    findings = run(loaded, today=TODAY)
    assert findings == run(loaded, today=TODAY)
    assert findings == sorted(findings, key=lambda f: (f.line, f.column, f.code, f.key))
    for finding in findings:
        declared = RULES[finding.code]
        assert finding.article in (declared.article, declared.article_14)
        assert finding.severity in SEVERITIES and finding.kind == "gdpr"
        assert (finding.line, finding.column) == loaded.locations.find(finding.key)
        assert finding.line >= 1 and finding.message
    description = loaded.description
    codes = {f.code for f in findings}
    assert ("G801" in codes) == (description.requests is None)
    by_id = {item.id: item for item in description.data}
    for index, purpose in enumerate(description.purposes):
        missing_interest = (purpose.legal_basis.value == "legitimate_interests"
                            and purpose.legitimate_interest is None)
        hits = [f for f in findings if f.code == "G101" and f.key == f"purposes[{index}].legitimate_interest"]
        assert len(hits) == (1 if missing_interest else 0)
        if hits:
            indirect = any(by_id[d].source.value != "data_subject" for d in purpose.data)
            assert hits[0].article == ("14(2)(b)" if indirect else "13(1)(d)")
        missing_retention = purpose.retention is None
        assert any(f.code == "G401" and f.key == f"purposes[{index}].retention" for f in findings) \
            == missing_retention
