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
from policygen.model.description import Description, Purpose, Source, Text
from policygen.model.facts import Facts, needs_consent, objection, rights_by_purpose
from policygen.render.terms import TermExplainer, load_terms
from policygen.render.words import pack_for, plain

# Sections whose anchors are fixed words of the pack (``anchors.<name>``); the name is also the
# block of the policy template that holds the heading.
SECTION_ANCHORS = ("policy", "in_brief", "contents", "controller", "purposes", "sources",
                   "special_data", "recipients", "transfers", "rights", "objection",
                   "withdraw_consent", "how_to_use_rights", "complaint", "automated_decisions",
                   "changes")


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
class ConsentView:
    statement: str | None
    withdraw: str | None


@dataclass(frozen=True)
class DataView:
    id: str
    label: str
    source: str  # data_subject | employer | public_register | other
    source_detail: str | None
    public: bool  # from a public source (Art. 14(2)(f))
    special: bool


@dataclass(frozen=True)
class PurposeView:
    id: str
    anchor: str
    title: str
    description: str | None
    data: tuple[str, ...]  # labels, in the purpose's order
    legal_basis: str
    legitimate_interest: str | None
    legal_obligation: str | None
    special_condition: str | None
    special_data: tuple[str, ...]  # labels of the Art. 9 data this purpose uses
    retention: RetentionView | None
    recipients: tuple[RecipientView, ...]
    requirement: str | None
    consent: ConsentView | None
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
    decision: str | None  # the adequacy decision's name in this language
    conditional: bool  # the decision covers only certified recipients (EU-US DPF)


@dataclass(frozen=True)
class SourceView:
    """Data that came from someone other than the reader (Art. 14(1)(d), 14(2)(f))."""

    label: str
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
class ObjectionView:
    purposes: tuple[PurposeRef, ...]  # Art. 21(1): legitimate interests or public task
    direct_marketing: tuple[PurposeRef, ...]  # Art. 21(2)-(3): marked direct marketing, any basis

    @property
    def applies(self) -> bool:
        """Whether the policy has a section on the right to object (Art. 21(4))."""
        return bool(self.purposes or self.direct_marketing)


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
    purposes = [_purpose_view(p, refs[p.id], data, recipients, text, facts)
                for p in description.purposes]
    coverage = rights_by_purpose(description.purposes)
    objecting = objection(description.purposes)
    consent_purposes = [view for view, model in zip(purposes, description.purposes, strict=True)
                        if needs_consent(model)]
    return {
        "lang": lang,
        "description": description,
        "organisation": description.controller.name,
        "controller": description.controller,
        "website_label": _site_label(description.controller.website),
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
        ),
        "consent_purposes": consent_purposes,
        "has_consent": bool(consent_purposes),
        "automated_decisions": [DecisionView(
            _anchor(pack, "automated_decision", number=str(number)), text(d.description),
            text(d.logic), text(d.consequences))
            for number, d in enumerate(description.automated_decisions, start=1)],
        "requests_contact": _requests_contact(description),
        "contact_url": contact_url,
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


def anchor_slug(value: str) -> str:
    """An id as an anchor: lower case, runs of anything but ``a-z0-9`` become one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


def _anchor(pack: Pack, name: str, **values: str) -> str:
    """A per-item anchor of the pack (``anchors.purpose: andamal-{id}``), ids made anchor-safe."""
    return plain(pack, f"anchors.{name}", **{key: anchor_slug(value) for key, value in values.items()})


def _data_view(item: Any, text: _Texts) -> DataView:
    return DataView(id=item.id, label=text(item.label), source=item.source.value,
                    source_detail=text.opt(item.source_detail),
                    public=item.source is Source.public_register, special=item.special)


def _purpose_ref(purpose: Purpose, text: _Texts, pack: Pack) -> PurposeRef:
    return PurposeRef(purpose.id, text(purpose.title), _anchor(pack, "purpose", id=purpose.id))


def _purpose_view(purpose: Purpose, ref: PurposeRef, data: dict[str, DataView],
                  recipients: dict[str, RecipientView], text: _Texts, facts: Facts) -> PurposeView:
    retention = purpose.retention
    consent = purpose.consent
    return PurposeView(
        id=purpose.id, anchor=ref.anchor, title=ref.title,
        description=text.opt(purpose.description),
        data=tuple(data[item].label for item in purpose.data),
        legal_basis=purpose.legal_basis.value,
        legitimate_interest=text.opt(purpose.legitimate_interest),
        legal_obligation=text.opt(purpose.legal_obligation),
        special_condition=purpose.special_condition.value if purpose.special_condition else None,
        special_data=tuple(data[item].label for item in purpose.data if data[item].special),
        retention=None if retention is None else RetentionView(
            period=retention.period, after=text.opt(retention.after),
            criteria=text.opt(retention.criteria)),
        recipients=tuple(recipients[r] for r in purpose.recipients),
        requirement=text.opt(purpose.requirement),
        consent=None if consent is None else ConsentView(
            statement=text.opt(consent.statement), withdraw=text.opt(consent.withdraw)),
        missing=facts.missing(purpose),
    )


def _transfer_view(number: int, transfer: Any, recipients: dict[str, RecipientView],
                   text: _Texts, pack: Pack) -> TransferView:
    decision = adequacy(transfer.country) if transfer.safeguard.value == "adequacy" else None
    return TransferView(
        anchor=_anchor(pack, "transfer", number=str(number)),
        recipient=recipients[transfer.recipient], country=transfer.country,
        country_name=cldr.country_name(pack, transfer.country),
        safeguard=transfer.safeguard.value, copy=text.opt(transfer.copy_),
        decision=None if decision is None else decision_name(pack, decision),
        conditional=bool(decision and decision.conditional),
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
    """Data the reader did not give us, in description order, with the purposes that use it."""
    views = []
    for item in data.values():
        if item.source == Source.data_subject.value:
            continue
        users = tuple(refs[p.id] for p in description.purposes if item.id in p.data)
        views.append(SourceView(label=item.label, source=item.source, detail=item.source_detail,
                                public=item.public, purposes=users))
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
    return AuthorityView(name=name, website=website, website_label=_site_label(website) or website)


def _site_label(url: str | None) -> str | None:
    if url is None:
        return None
    return re.sub(r"^https?://", "", url).rstrip("/")


def _requests_contact(description: Description) -> str:
    if description.requests is not None:
        return description.requests.contact
    return description.controller.email


def contact_url(contact: str) -> str:
    """A link target for a contact: an e-mail address becomes ``mailto:``, a URL stays as it is."""
    if "@" in contact and not contact.startswith(("https:", "mailto:")):
        return "mailto:" + contact
    return contact
