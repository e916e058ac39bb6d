"""The template context of one document: the description seen from one language.

Templates should only word things, not work them out. So everything a policy or consent form
needs is prepared here: each text resolved to the page's language, ids resolved to the things they
name, recipients with their country names, transfers with the adequacy decision they rely on, the
data that came from somewhere other than the reader (Art. 14), special-category data with its
Art. 9(2) condition, the rights per legal basis and the gaps of a draft (:mod:`policygen.model.facts`),
and the anchors of the language pack.

Optional values are ``None`` (the engine refuses to print ``None``), so a template asks
``{% if purpose.requirement %}`` before printing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policygen.data.authorities import known_authority
from policygen.data.countries import adequacy, in_eu_eea
from policygen.lang import cldr
from policygen.lang.pack import Pack
from policygen.model.description import Certification, Description, Holder, Purpose, Source, Text
from policygen.model.facts import (
    ALWAYS,
    SCC_DECISION,
    Facts,
    erasure_exception,
    needs_consent,
    objection,
    rights_by_purpose,
    rights_table,
)
from policygen.model.values import anchor_slug
from policygen.render.sanitize import MarkdownSafe, md_link
from policygen.render.terms import TermExplainer, load_terms
from policygen.render.words import pack_for, plain

# Sections whose anchors are fixed words of the pack (``anchors.<name>``); the name is also the
# block of the policy template that holds the heading.
SECTION_ANCHORS = ("policy", "in_brief", "contents", "controller", "purposes", "on_behalf",
                   "sources", "special_data", "recipients", "transfers", "rights", "objection",
                   "automated_decisions", "changes")

VERSION_SHOWN = 12
"""Hex digits of the policy version a page shows (its footer); consent.json keeps the whole id."""


@dataclass(frozen=True)
class PurposeRef:
    """A purpose as other sections mention it: its title and a link to its section."""

    id: str
    title: str
    anchor: str


@dataclass(frozen=True)
class RecipientView:
    id: str
    anchor: str
    name: str
    role: str  # processor | controller | joint_controller | authority
    description: str | None
    country: str
    country_name: str
    in_eu_eea: bool
    purposes: tuple[PurposeRef, ...]


@dataclass(frozen=True)
class RetentionView:
    period: Any  # Duration or None: print with the ``duration`` filter
    after: str | None
    criteria: str | None


@dataclass(frozen=True)
class KeptApart:
    """Data a purpose uses that is kept for a time of its own.

    Items kept alike are one group, so the policy says the time once for all of them rather
    than repeating the same sentence for each item."""
    labels: tuple[str, ...]
    retention: RetentionView


@dataclass(frozen=True)
class ConsentView:
    statement: str | None
    withdraw: str | None
    channel: str  # web | phone | email | in_person
    script: str | None
    proof: str | None


@dataclass(frozen=True)
class DataView:
    id: str
    label: str
    holder: str  # contact | company | case | technical
    source: str  # data_subject | employer | public_register | other
    source_detail: str | None
    public: bool  # from a public source (Art. 14(2)(f))
    special: bool
    retention: RetentionView | None  # only when kept differently from the purposes using it

    @property
    def about_company(self) -> bool:
        """Kept on the company's record, not the contact's: shown as information about the company."""
        return self.holder == Holder.company.value


@dataclass(frozen=True)
class PurposeView:
    id: str
    anchor: str
    title: str
    description: str | None
    data: tuple[str, ...]  # labels, in the purpose's order
    personal_data: tuple[str, ...]  # labels of the data about the person (not the company)
    company_data: tuple[str, ...]  # labels of the data kept on the company's record
    data_retention: tuple[KeptApart, ...]  # data this purpose uses that has its own retention
    subjects: tuple[str, ...]  # labels of the groups of people the purpose concerns
    legal_basis: str
    legitimate_interest: str | None
    legal_obligation: str | None
    special_condition: str | None
    special_data: tuple[str, ...]  # labels of the Art. 9 data this purpose uses
    retention: RetentionView | None
    recipients: tuple[RecipientView, ...]
    requirement: str | None
    consent: ConsentView | None
    first_of_basis: bool  # no earlier purpose has this legal basis: the policy explains it here
    asks_consent: bool  # on consent, or explicit consent for Art. 9 data (model.facts)
    erasure_exception: str | None  # legal_obligation | public_task: Art. 17(3)(b) keeps the data
    missing: frozenset[str]  # elements the law asks for that a draft lacks (model.facts)

    @property
    def ref(self) -> PurposeRef:
        return PurposeRef(self.id, self.title, self.anchor)


@dataclass(frozen=True)
class TransferView:
    anchor: str
    recipient: RecipientView
    country: str
    country_name: str
    safeguard: str  # adequacy | standard_contractual_clauses | binding_corporate_rules | derogation
    copy: str | None
    decision: str | None  # the country's adequacy decision, named in this language; None: none
    conditional: bool  # the decision covers only certified recipients (EU-US DPF)
    certified: bool  # the description says the recipient is DPF-certified (certification: dpf)
    scc_decision: str  # the Commission decision of the standard contractual clauses, named


@dataclass(frozen=True)
class SourceView:
    """Data that came from someone other than the reader (Art. 14(1)(d), 14(2)(f)): every kind of
    data with the same source and the same words about it, so a source is named once."""

    labels: tuple[str, ...]
    source: str
    detail: str | None
    public: bool
    purposes: tuple[PurposeRef, ...]


@dataclass(frozen=True)
class SpecialUse:
    """One purpose that uses a piece of special-category data, with its Art. 9(2) condition."""

    purpose: PurposeRef
    condition: str | None


@dataclass(frozen=True)
class SpecialView:
    """Special-category data (Art. 9), once per kind of data, with every purpose that uses it."""

    label: str
    uses: tuple[SpecialUse, ...]


@dataclass(frozen=True)
class RightView:
    right: str
    anchor: str
    purposes: tuple[PurposeRef, ...]
    all_purposes: bool


@dataclass(frozen=True)
class RightsRowView:
    purpose: PurposeRef
    applies: tuple[bool, ...]


@dataclass(frozen=True)
class RightsTableView:
    """The policy's one rights table (:func:`policygen.model.facts.rights_table`)."""

    always: tuple[str, ...]  # rights every purpose has: said once, not in the table
    columns: tuple[str, ...]  # rights that depend on the purpose, in table order
    present: frozenset[str]  # the columns whose right applies to some purpose (and is explained)
    rows: tuple[RightsRowView, ...]
    without: dict[str, tuple[PurposeRef, ...]]  # per column: the purposes it does not cover


@dataclass(frozen=True)
class ErasureException:
    """A purpose whose data cannot be erased on request (Art. 17(3)(b)), with its retention."""

    purpose: PurposeRef
    basis: str  # legal_obligation | public_task
    retention: RetentionView | None


@dataclass(frozen=True)
class ChangesView:
    notify: str | None
    notice_days: int | None


@dataclass(frozen=True)
class ObjectionView:
    """:class:`policygen.model.facts.Objection` with each purpose as a link; ``applies`` is the
    fact's own answer (whether the policy has a section on the right to object), not worked out
    again here."""

    purposes: tuple[PurposeRef, ...]  # Art. 21(1): legitimate interests or public task
    direct_marketing: tuple[PurposeRef, ...]  # Art. 21(2)-(3): marked direct marketing, any basis
    applies: bool


@dataclass(frozen=True)
class AuthorityView:
    name: str
    website: str
    website_label: str  # the address without "https://", for the link text


@dataclass(frozen=True)
class DecisionView:
    anchor: str
    description: str
    logic: str
    consequences: str


def document_context(description: Description, lang: str) -> dict[str, Any]:
    """Everything the policy and consent templates print, for one language and one document."""
    pack = pack_for(lang)
    text = _Texts(lang)
    facts = Facts(description)
    data = {item.id: _data_view(item, text) for item in description.data}
    refs = {p.id: _purpose_ref(p, text, pack) for p in description.purposes}
    recipients = {r.id: RecipientView(
        id=r.id, anchor=_anchor(pack, "recipient", id=r.id), name=r.name, role=r.role.value,
        description=text.opt(r.description), country=r.country,
        country_name=cldr.country_name(pack, r.country), in_eu_eea=in_eu_eea(r.country),
        purposes=tuple(refs[p.id] for _, p in facts.purposes_using(r.id)),
    ) for r in description.recipients}
    subjects = {subject.id: text(subject.label) for subject in description.subjects}
    purposes = [_purpose_view(p, refs[p.id], data, recipients, subjects, text, facts,
                              first_of_basis=all(earlier.legal_basis is not p.legal_basis
                                                 for earlier in description.purposes[:index]))
                for index, p in enumerate(description.purposes)]
    coverage = rights_by_purpose(description.purposes)
    objecting = objection(description.purposes)
    table = rights_table(description.purposes)
    consent_purposes = [view for view, model in zip(purposes, description.purposes, strict=True)
                        if needs_consent(model)]
    return {
        "lang": lang,
        "description": description,
        "organisation": description.controller.name,
        "controller": description.controller,
        "website_label": site_label(description.controller.website),
        "dpo": description.dpo,
        "authority": _authority(description, lang),
        "effective": description.effective,
        "record_system": description.record_system,
        "anchors": {name: plain(pack, f"anchors.{name}") for name in SECTION_ANCHORS},
        "data": list(data.values()),
        "purposes": purposes,
        "recipients": list(recipients.values()),
        "transfers": [_transfer_view(number, t, recipients, text, pack)
                      for number, t in enumerate(description.transfers, start=1)],
        # outside the EU/EEA with no transfer entry: a GDPR error (G701), so drafts only
        "unlisted_abroad": [recipients[r.id] for _, r in facts.abroad_without_transfer()],
        "sources": _sources(description, data, refs),
        "special": _special(purposes, description, data),
        "rights": [RightView(
            right=c.right.value, anchor=plain(pack, f"rights.{c.right.value}.anchor"),
            purposes=tuple(refs[p.id] for p in c.purposes),
            all_purposes=len(c.purposes) == len(purposes),
        ) for c in coverage],
        "objection": ObjectionView(
            purposes=tuple(refs[p.id] for p in objecting.purposes),
            direct_marketing=tuple(refs[p.id] for p in objecting.direct_marketing),
            applies=objecting.applies,
        ),
        "rights_table": RightsTableView(
            always=tuple(right.value for right in ALWAYS),
            columns=tuple(right.value for right in table.columns),
            present=frozenset(right.value for right in table.present),
            rows=tuple(RightsRowView(refs[row.purpose.id], row.applies) for row in table.rows),
            without={right.value: tuple(refs[p.id] for p in table.without(right))
                     for right in table.columns},
        ),
        "erasure_exceptions": [ErasureException(refs[view.id], view.erasure_exception,
                                                view.retention)
                               for view in purposes if view.erasure_exception],
        "consent_purposes": consent_purposes,
        "has_consent": bool(consent_purposes),
        "subjects": [text(subject.label) for subject in description.subjects],
        "company_data": [item for item in data.values() if item.about_company],
        "on_behalf_of_customers": text.opt(description.on_behalf_of_customers),
        "changes": ChangesView(
            notify=text.opt(description.changes.notify) if description.changes else None,
            notice_days=description.changes.notice_days if description.changes else None),
        "automated_decisions": [DecisionView(
            _anchor(pack, "automated_decision", number=str(number)), text(d.description),
            text(d.logic), text(d.consequences))
            for number, d in enumerate(description.automated_decisions, start=1)],
        "requests_contact": requests_contact(description),
        "contact_url": contact_url,
        "links_of": links_of,
        "right_anchor": lambda right: _right_anchor(pack, right),
        "term": TermExplainer(load_terms(lang)),
    }


class _Texts:
    """Resolve a description text ({lang: text}) to the page's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, value: Text) -> str:
        return value[self.lang]

    def opt(self, value: Text | None) -> str | None:
        return None if value is None else value[self.lang]


def _anchor(pack: Pack, name: str, **values: str) -> str:
    """A per-item anchor of the pack (``anchors.purpose: andamal-{id}``), ids made anchor-safe."""
    return plain(pack, f"anchors.{name}", **{key: anchor_slug(value) for key, value in values.items()})


def _data_view(item: Any, text: _Texts) -> DataView:
    return DataView(id=item.id, label=text(item.label), holder=item.holder.value,
                    source=item.source.value, source_detail=text.opt(item.source_detail),
                    public=item.source is Source.public_register, special=item.special,
                    retention=_retention_view(item.retention, text))


def _retention_view(retention: Any, text: _Texts) -> RetentionView | None:
    if retention is None:
        return None
    return RetentionView(period=retention.period, after=text.opt(retention.after),
                         criteria=text.opt(retention.criteria))


def _kept_apart(items: list[DataView]) -> tuple[KeptApart, ...]:
    """The purpose's data with a retention of its own, grouped by that retention in first-seen order."""
    groups: dict[RetentionView, list[str]] = {}
    for item in items:
        if item.retention is not None:
            groups.setdefault(item.retention, []).append(item.label)
    return tuple(KeptApart(tuple(labels), retention) for retention, labels in groups.items())


def _purpose_ref(purpose: Purpose, text: _Texts, pack: Pack) -> PurposeRef:
    return PurposeRef(purpose.id, text(purpose.title), _anchor(pack, "purpose", id=purpose.id))


def _purpose_view(purpose: Purpose, ref: PurposeRef, data: dict[str, DataView],
                  recipients: dict[str, RecipientView], subjects: dict[str, str], text: _Texts,
                  facts: Facts, first_of_basis: bool) -> PurposeView:
    consent = purpose.consent
    items = [data[item] for item in purpose.data]
    return PurposeView(
        id=purpose.id, anchor=ref.anchor, title=ref.title,
        description=text.opt(purpose.description),
        data=tuple(item.label for item in items),
        personal_data=tuple(item.label for item in items if not item.about_company),
        company_data=tuple(item.label for item in items if item.about_company),
        data_retention=_kept_apart(items),
        subjects=tuple(subjects[subject] for subject in purpose.subjects),
        legal_basis=purpose.legal_basis.value,
        legitimate_interest=text.opt(purpose.legitimate_interest),
        legal_obligation=text.opt(purpose.legal_obligation),
        special_condition=purpose.special_condition.value if purpose.special_condition else None,
        special_data=tuple(data[item].label for item in purpose.data if data[item].special),
        retention=_retention_view(purpose.retention, text),
        recipients=tuple(recipients[r] for r in purpose.recipients),
        requirement=text.opt(purpose.requirement),
        consent=None if consent is None else ConsentView(
            statement=text.opt(consent.statement), withdraw=text.opt(consent.withdraw),
            channel=consent.channel.value, script=text.opt(consent.script),
            proof=text.opt(consent.proof)),
        first_of_basis=first_of_basis,
        asks_consent=needs_consent(purpose),
        erasure_exception=erasure_exception(purpose),
        missing=facts.missing(purpose),
    )


def _transfer_view(number: int, transfer: Any, recipients: dict[str, RecipientView],
                   text: _Texts, pack: Pack) -> TransferView:
    """A transfer with the country's adequacy decision, whatever the safeguard: a policy says
    whether one exists (and, for the US, whom it covers) before naming what the transfer uses."""
    decision = adequacy(transfer.country)
    return TransferView(
        anchor=_anchor(pack, "transfer", number=str(number)),
        recipient=recipients[transfer.recipient], country=transfer.country,
        country_name=cldr.country_name(pack, transfer.country),
        safeguard=transfer.safeguard.value, copy=text.opt(transfer.copy_),
        decision=None if decision is None else decision_name(pack, decision),
        conditional=bool(decision and decision.conditional),
        certified=transfer.certification is Certification.dpf,
        scc_decision=plain(pack, "adequacy_decisions.implementing", number=SCC_DECISION),
    )


def decision_name(pack: Pack, decision: Any) -> str:
    """An adequacy decision's name as the Official Journal writes it in the pack's language."""
    number = decision.number
    for english, own in (pack.data.get("decision_words") or {}).items():
        number = re.sub(rf"/{re.escape(english)}$", f"/{own}", number)
    name = plain(pack, f"adequacy_decisions.{decision.kind}", number=number)
    if decision.renewed:
        name = plain(pack, "adequacy_decisions.renewed", name=name, year=str(decision.renewed))
    return name


def _sources(description: Description, data: dict[str, DataView],
             refs: dict[str, PurposeRef]) -> list[SourceView]:
    """Data the reader did not give us, grouped by source, in description order, with the
    purposes that use it."""
    groups: dict[tuple[str, str | None], list[DataView]] = {}
    for item in data.values():
        if item.source != Source.data_subject.value:
            groups.setdefault((item.source, item.source_detail), []).append(item)
    views = []
    for (source, detail), items in groups.items():
        ids = {item.id for item in items}
        users = tuple(refs[p.id] for p in description.purposes if ids & set(p.data))
        views.append(SourceView(labels=tuple(item.label for item in items), source=source,
                                detail=detail, public=any(item.public for item in items),
                                purposes=users))
    return views


def _special(purposes: list[PurposeView], description: Description,
             data: dict[str, DataView]) -> list[SpecialView]:
    """Special-category data in description order, each with the purposes that use it."""
    views = []
    for item in data.values():
        if not item.special:
            continue
        uses = tuple(SpecialUse(purpose=view.ref, condition=view.special_condition)
                     for view, model in zip(purposes, description.purposes, strict=True)
                     if item.id in model.data)
        if uses:
            views.append(SpecialView(label=item.label, uses=uses))
    return views


def _authority(description: Description, lang: str) -> AuthorityView:
    authority = description.authority
    if isinstance(authority, str):
        known = known_authority(authority)
        if known is None:
            raise ValueError(f"unknown supervisory authority {authority!r}")
        name, website = known.name[lang], known.website
    else:
        name, website = authority.name[lang], authority.website
    return AuthorityView(name=name, website=website, website_label=site_label(website) or website)


def site_label(url: str | None) -> str | None:
    """A web address as link text: without ``https://`` and a final slash."""
    if url is None:
        return None
    return re.sub(r"^https?://", "", url).rstrip("/")


def requests_contact(description: Description) -> str:
    """Where people send requests about their data: ``requests.contact``, else the controller's e-mail."""
    if description.requests is not None:
        return description.requests.contact
    return description.controller.email


def _right_anchor(pack: Pack, right: str) -> str:
    """Where a right is explained: its own subsection, or for objection its own section (21(4))."""
    if right == "objection":
        return plain(pack, "anchors.objection")
    return plain(pack, f"rights.{right}.anchor")


def links_of(items: Any, text: str = "title") -> list[MarkdownSafe]:
    """Markdown links to the sections of purposes (``text="title"``) or recipients (``"name"``),
    for a sentence that names them: "[Lime Technologies AB](#mottagare-crm) och …"."""
    return [md_link(getattr(item, text), "#" + item.anchor) for item in items]


def contact_url(contact: str) -> str:
    """A link target for a contact: an e-mail address becomes ``mailto:``, a URL stays as it is."""
    if "@" in contact and not contact.startswith(("https:", "mailto:")):
        return "mailto:" + contact
    return contact
