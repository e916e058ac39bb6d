"""The template context of one document: the description seen from one language.

Templates should only word things, not work them out. So everything a policy or consent form
needs is prepared here: each text resolved to the page's language, ids resolved to the things they
name, recipients with their country names, transfers with the adequacy decision they rely on, the
data that came from somewhere other than the reader (Art. 14), special-category data with its
Art. 9(2) condition, and the rights per legal basis (:mod:`policygen.render.rights`).

Optional values are ``None`` (the engine refuses to print ``None``), so a template asks
``{% if purpose.requirement %}`` before printing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policygen.data.authorities import known_authority
from policygen.data.countries import adequacy, country_name, in_eu_eea
from policygen.model.description import Description, Purpose, Source, Text
from policygen.render import rights as rights_logic
from policygen.render.terms import TermExplainer, load_terms

# Fixed anchors of the purposes, per language ("#andamal-support" / "#purpose-support").
_PURPOSE_ANCHOR_PREFIX = {"sv": "andamal-", "en": "purpose-"}
_RECIPIENT_ANCHOR_PREFIX = {"sv": "mottagare-", "en": "recipient-"}
_RIGHT_ANCHORS = {
    "sv": {"access": "ratt-till-tillgang", "rectification": "ratt-till-rattelse",
           "erasure": "ratt-till-radering", "restriction": "ratt-till-begransning",
           "portability": "ratt-till-dataportabilitet", "withdraw_consent": "ratt-att-aterkalla",
           "complaint": "ratt-att-klaga"},
    "en": {"access": "right-of-access", "rectification": "right-to-rectification",
           "erasure": "right-to-erasure", "restriction": "right-to-restriction",
           "portability": "right-to-data-portability", "withdraw_consent": "right-to-withdraw",
           "complaint": "right-to-complain"},
}


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

    @property
    def ref(self) -> PurposeRef:
        return PurposeRef(self.id, self.title, self.anchor)


@dataclass(frozen=True)
class TransferView:
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
    description: str
    logic: str
    consequences: str


def document_context(description: Description, lang: str) -> dict[str, Any]:
    """Everything the policy and consent templates print, for one language and one document."""
    text = _Texts(lang)
    data = {item.id: _data_view(item, text) for item in description.data}
    recipient_purposes = _purposes_by_recipient(description, text, lang)
    recipients = {r.id: RecipientView(
        id=r.id, anchor=_RECIPIENT_ANCHOR_PREFIX[lang] + anchor_slug(r.id), name=r.name, role=r.role.value, description=text.opt(r.description),
        country=r.country, country_name=country_name(r.country, lang),
        in_eu_eea=in_eu_eea(r.country), purposes=tuple(recipient_purposes.get(r.id, ())),
    ) for r in description.recipients}
    purposes = [_purpose_view(p, data, recipients, text, lang) for p in description.purposes]
    refs = {p.id: p.ref for p in purposes}
    coverage = rights_logic.rights_by_purpose(description.purposes)
    objection = rights_logic.objection(description.purposes)
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
        "data": list(data.values()),
        "purposes": purposes,
        "recipients": list(recipients.values()),
        "transfers": [_transfer_view(t, recipients, text, lang) for t in description.transfers],
        # outside the EU/EEA with no transfer entry: a GDPR error (G701), so drafts only
        "unlisted_abroad": [r for r in recipients.values() if not r.in_eu_eea
                            and r.id not in {t.recipient for t in description.transfers}],
        "sources": _sources(description, data, refs),
        "special": _special(purposes, description, data),
        "rights": [RightView(
            right=c.right.value, anchor=_RIGHT_ANCHORS[lang][c.right.value],
            purposes=tuple(refs[p.id] for p in c.purposes),
            all_purposes=len(c.purposes) == len(purposes),
        ) for c in coverage],
        "objection": ObjectionView(
            purposes=tuple(refs[p.id] for p in objection.purposes),
            direct_marketing=tuple(refs[p.id] for p in objection.direct_marketing),
        ),
        "consent_purposes": [p for p in purposes if p.legal_basis == "consent"
                             or p.special_condition == "explicit_consent"],
        "automated_decisions": [DecisionView(text(d.description), text(d.logic),
                                             text(d.consequences))
                                for d in description.automated_decisions],
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


def _data_view(item: Any, text: _Texts) -> DataView:
    return DataView(id=item.id, label=text(item.label), source=item.source.value,
                    source_detail=text.opt(item.source_detail),
                    public=item.source is Source.public_register, special=item.special)


def _purpose_ref(purpose: Purpose, text: _Texts, lang: str) -> PurposeRef:
    return PurposeRef(purpose.id, text(purpose.title),
                      _PURPOSE_ANCHOR_PREFIX[lang] + anchor_slug(purpose.id))


def _purposes_by_recipient(description: Description, text: _Texts,
                           lang: str) -> dict[str, list[PurposeRef]]:
    by_recipient: dict[str, list[PurposeRef]] = {}
    for purpose in description.purposes:
        for recipient in purpose.recipients:
            by_recipient.setdefault(recipient, []).append(_purpose_ref(purpose, text, lang))
    return by_recipient


def _purpose_view(purpose: Purpose, data: dict[str, DataView], recipients: dict[str, RecipientView],
                  text: _Texts, lang: str) -> PurposeView:
    retention = purpose.retention
    consent = purpose.consent
    ref = _purpose_ref(purpose, text, lang)
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
        recipients=tuple(recipients[r] for r in purpose.recipients if r in recipients),
        requirement=text.opt(purpose.requirement),
        consent=None if consent is None else ConsentView(
            statement=text.opt(consent.statement), withdraw=text.opt(consent.withdraw)),
    )


def _transfer_view(transfer: Any, recipients: dict[str, RecipientView], text: _Texts,
                   lang: str) -> TransferView:
    decision = adequacy(transfer.country) if transfer.safeguard.value == "adequacy" else None
    return TransferView(
        recipient=recipients[transfer.recipient], country=transfer.country,
        country_name=country_name(transfer.country, lang), safeguard=transfer.safeguard.value,
        copy=text.opt(transfer.copy_),
        decision=None if decision is None else decision_name(decision.decision, lang),
        conditional=bool(decision and decision.conditional),
    )


_DECISION_WORDS_SV = (
    ("Commission Implementing Decision", "Kommissionens genomförandebeslut"),
    ("Commission Decision", "Kommissionens beslut"),
    ("/EC", "/EG"),
    (", renewed", ", förnyat"),
)


def decision_name(name: str, lang: str) -> str:
    """An adequacy decision's name as the Official Journal writes it in ``lang``."""
    if lang == "sv":
        for english, swedish in _DECISION_WORDS_SV:
            name = name.replace(english, swedish)
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
