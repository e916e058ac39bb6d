"""The training part of the routines: the basic terms, and a quiz built from this organisation.

The terms come from the glossaries (``glossary/<lang>/terms.yaml``, read by
:func:`policygen.render.terms.load_terms`, the loader the policy and the checker use), each with its
plain explanation and what it means here ("Hos oss: Lime Technologies AB"). A term the description
gives no example of (no processor, no transfer) is left out rather than explained in the abstract.

Each quiz question is a pack phrase with its answer, filled with this organisation's facts. Ten
questions always apply; the others only when the description has what they ask about (direct
marketing, consent on the phone, data portability …), so no question asks about something the
organisation does not do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policygen.render.handbook.views import HandbookView
from policygen.render.handbook.words import join, retention_text, say_plain
from policygen.render.terms import load_terms

TRAINING_CONCEPTS = ("personal_data", "processing", "controller", "processor", "recipient",
                     "legal_basis", "legitimate_interest", "consent", "special_categories",
                     "third_country", "dpo", "supervisory_authority", "portability", "automated")
"""The concepts a new member of support learns, in teaching order; each names its glossary term
in the handbook pack (``hb.training.terms.<concept>``)."""


@dataclass(frozen=True)
class TrainingTerm:
    concept: str
    term: str  # the glossary's term, as its table cell shows it
    explanation: str  # the glossary's plain explanation
    fact: str  # what it means here (a handbook phrase, filled in)


@dataclass(frozen=True)
class Question:
    """One quiz question: the pack keys ``hb.quiz.<key>.question`` and ``.<answer>``."""

    key: str
    answer: str = "answer"
    values: dict[str, Any] = field(default_factory=dict)
    items: tuple[str, ...] = ()  # a list after the answer, one item per line


def quoted(lang: str, text: str) -> str:
    return say_plain(lang, "hb.quote", text=text)


def quoted_list(lang: str, texts: list[str], conjunction: str = "and") -> str:
    return join(lang, [quoted(lang, text) for text in texts], conjunction)


def titles(lang: str, refs: Any) -> str:
    return quoted_list(lang, [ref.title for ref in refs])


def escalation_values(view: HandbookView) -> dict[str, str]:
    """Who support asks when unsure, as ``kind`` (dpo_named, dpo, contact) and the values."""
    dpo = view.description.dpo
    if dpo is not None and dpo.name:
        return {"kind": "dpo_named", "name": dpo.name, "email": dpo.email}
    if dpo is not None:
        return {"kind": "dpo", "email": dpo.email}
    contact = view.base["requests_contact"]
    return {"kind": "contact" if "@" in contact else "contact_page", "contact": contact}


def escalation(view: HandbookView) -> str:
    """Who support asks when unsure: the DPO if there is one, else where requests go."""
    lang, dpo = view.lang, view.description.dpo
    if dpo is not None and dpo.name:
        return say_plain(lang, "hb.escalate.dpo_named", name=dpo.name, email=dpo.email)
    if dpo is not None:
        return say_plain(lang, "hb.escalate.dpo", email=dpo.email)
    contact = view.base["requests_contact"]
    return say_plain(lang, "hb.escalate.contact" if "@" in contact else "hb.escalate.contact_page",
                     contact=contact)


def training_terms(view: HandbookView) -> list[TrainingTerm]:
    lang, base, description = view.lang, view.base, view.description
    glossary = {term.term: term for term in load_terms(lang)}
    processors = [r.name for r in base["recipients"] if r.role == "processor"]
    recipients = [r.name for r in base["recipients"]]
    special = [row for row in view.rows.values() if row.special]
    purposes = description.purposes
    from policygen.render.handbook.quiz import abroad_names

    abroad = abroad_names(view)
    portable = view.facts.portable_data()

    def of(basis: str) -> str:
        return titles(lang, [view.refs[p.id] for p in purposes if p.legal_basis.value == basis])

    facts: dict[str, tuple[str, dict[str, Any]] | None] = {
        "personal_data": ("personal_data", {"examples": quoted_list(
            lang, [row.label for row in list(view.rows.values())[:2]])}),
        "processing": ("processing", {"system": description.record_system.name}),
        "controller": ("controller", {"organisation": description.controller.name}),
        "processor": ("processor", {"names": join(lang, processors)}) if processors else None,
        "recipient": ("recipient", {"names": join(lang, recipients)}) if recipients else None,
        "legal_basis": ("legal_basis", {}),
        "legitimate_interest": ("legitimate_interest", {"purposes": of("legitimate_interests")})
        if any(p.legal_basis.value == "legitimate_interests" for p in purposes) else None,
        "consent": ("consent", {"purposes": titles(lang, [p.ref for p in base["consent_purposes"]])})
        if base["consent_purposes"] else None,
        "special_categories": ("special_some", {}) if special else ("special_none", {}),
        "third_country": ("third_country", {"where": join(lang, abroad)}) if abroad else None,
        "dpo": ("dpo_external" if description.dpo.external else "dpo", {"who": escalation(view)})
        if description.dpo is not None else None,
        "supervisory_authority": ("supervisory_authority", {"authority": base["authority"].name}),
        "portability": ("portability", {"data": quoted_list(lang, [i.label[lang] for i in portable])})
        if portable else None,
        "automated": ("automated", {}) if description.automated_decisions else None,
    }
    terms = []
    for concept in TRAINING_CONCEPTS:
        chosen = facts[concept]
        if chosen is None:
            continue
        name = say_plain(lang, f"hb.training.terms.{concept}")
        entry = glossary[name]
        fact_key, values = chosen
        terms.append(TrainingTerm(concept=concept, term=entry.term, explanation=entry.explanation,
                                  fact=say_plain(lang, f"hb.training.facts.{fact_key}", **values)))
    return terms
