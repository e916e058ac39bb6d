"""Property test: any well-formed description renders in both languages, with sound structure.

Whatever mix of legal bases, sources, special data, recipients, transfers and automated decisions a
description has, the policy renders (no missing value, no crash), every anchor is unique, every
in-page link leads to a heading, and the rights listed are exactly those the legal bases give.
"""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from policygen.model.loader import load_description_text

COUNTRIES = ["SE", "NO", "US", "CH", "IN", "GB"]
BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task",
         "legitimate_interests"]
ROLES = ["processor", "controller", "joint_controller", "authority"]
SAFEGUARDS = ["adequacy", "standard_contractual_clauses", "binding_corporate_rules", "derogation"]
CONDITIONS = ["explicit_consent", "employment", "vital_interests", "not_for_profit", "made_public",
              "legal_claims", "substantial_public_interest", "health_care", "public_health",
              "archiving_research"]
ERASURE = {"consent", "contract", "legitimate_interests", "vital_interests"}
OBJECTION = {"legitimate_interests", "public_task"}


def text(sv: str, en: str) -> dict[str, str]:
    return {"sv": sv, "en": en}


@st.composite
def descriptions(draw):
    data = []
    for i in range(draw(st.integers(1, 4))):
        item = {"id": f"d_{i}", "label": text(f"uppgift {i}", f"data {i}"), "holder": "contact",
                "source": draw(st.sampled_from(["data_subject", "employer", "public_register", "other"]))}
        if item["source"] != "data_subject" and draw(st.booleans()):
            item["source_detail"] = text("Från någon annan.", "From someone else.")
        item["special"] = draw(st.booleans())
        data.append(item)
    recipients = [{"id": f"r_{i}", "name": f"Mottagare {i} AB", "role": draw(st.sampled_from(ROLES)),
                   "country": draw(st.sampled_from(COUNTRIES))}
                  for i in range(draw(st.integers(0, 3)))]
    purposes = []
    for i in range(draw(st.integers(1, 4))):
        basis = draw(st.sampled_from(BASES))
        used = draw(st.lists(st.sampled_from([d["id"] for d in data]), min_size=1, unique=True))
        purpose = {"id": draw(st.sampled_from([f"p_{i}", f"newsletter_{i}"])),
                   "title": text(f"Ändamål {i}", f"Purpose {i}"), "data": used, "legal_basis": basis,
                   "retention": draw(st.sampled_from([
                       {"period": "1 months", "after": text("att ärendet stängdes", "the case closed")},
                       {"criteria": text("tills du säger nej", "until you say no")}]))}
        if basis == "legitimate_interests":
            purpose["legitimate_interest"] = text("Vi vill det.", "We want to.")
        if basis in ("legal_obligation", "public_task"):
            purpose["legal_obligation"] = text("En lag kräver det.", "A law requires it.")
        if any(d["special"] for d in data if d["id"] in used):
            purpose["special_condition"] = draw(st.sampled_from(CONDITIONS))
        if basis == "consent" or purpose.get("special_condition") == "explicit_consent":
            purpose["consent"] = {"statement": text("Ja.", "Yes."),
                                  "withdraw": text("Skriv till oss.", "Write to us.")}
        if recipients:
            purpose["recipients"] = draw(st.lists(st.sampled_from([r["id"] for r in recipients]),
                                                  unique=True))
        if draw(st.booleans()):
            purpose["requirement"] = text("Det är frivilligt.", "It is optional.")
        purposes.append(purpose)
    ids = [p["id"] for p in purposes]
    if len(set(ids)) != len(ids):
        for index, purpose in enumerate(purposes):
            purpose["id"] = f"p_{index}"
    transfers = []
    for recipient in recipients:
        if recipient["country"] not in ("SE", "NO") and draw(st.booleans()):
            transfer = {"recipient": recipient["id"], "country": recipient["country"],
                        "safeguard": draw(st.sampled_from(SAFEGUARDS))}
            if draw(st.booleans()):
                transfer["copy"] = text("Skriv till oss.", "Write to us.")
            transfers.append(transfer)
    description = {
        "format": 1, "languages": ["sv", "en"], "effective": "2027-02-01",
        "controller": {"name": "Test AB", "address": "Storgatan 1", "email": "info@test.se"},
        "record_system": {"name": "CRM", "country": "SE"},
        "data": data, "purposes": purposes, "recipients": recipients, "transfers": transfers,
        "automated_decisions": draw(st.sampled_from([[], [{
            "description": text("En dator sorterar.", "A computer sorts."),
            "logic": text("Den räknar.", "It counts."),
            "consequences": text("Du får vänta.", "You wait.")}]])),
    }
    if draw(st.booleans()):
        description["dpo"] = {"email": "dpo@test.se"}
    stream = io.StringIO()
    YAML().dump(description, stream)
    return stream.getvalue()


def render(source: str) -> dict[str, str]:
    from policygen.render.documents import document_context
    from policygen.render.environment import make_environment

    description = load_description_text(source, "generated.yaml").description
    return {lang: make_environment(lang, "markdown").get_template("policy.md.j2").render(
        **document_context(description, lang, ["sv", "en"], False)) for lang in ("sv", "en")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(descriptions())
def test_any_description_renders_soundly(source):
    description = load_description_text(source, "generated.yaml").description
    bases = {p.legal_basis.value for p in description.purposes}
    for lang, markdown in render(source).items():
        anchors = re.findall(r"^#+ .*\{#([a-z0-9-]+)\}$", markdown, flags=re.MULTILINE)
        assert len(anchors) == len(set(anchors))
        assert set(re.findall(r"\]\(#([a-z0-9-]+)\)", markdown)) <= set(anchors)
        assert "None" not in markdown
        erasure = {"sv": "ratt-till-radering", "en": "right-to-erasure"}[lang]
        objection = {"sv": "ratt-att-invanda", "en": "right-to-object"}[lang]
        portability = {"sv": "ratt-till-dataportabilitet", "en": "right-to-data-portability"}[lang]
        assert (erasure in anchors) == bool(bases & ERASURE)
        assert (objection in anchors) == bool(bases & OBJECTION)
        assert (portability in anchors) == bool(bases & {"consent", "contract"})
