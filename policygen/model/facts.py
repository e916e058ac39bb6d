"""What the GDPR makes of a description: the one place where validate and render ask.

The validator reports a gap and the published text shows it, so both must see the same facts:
which purposes need a consent (Art. 6(1)(a), 9(2)(a)), which recipients are abroad without a
transfer (Art. 44), which rights apply to which purpose (reference/gdpr-notice.md), which elements
the law requires that a draft lacks (Art. 13, 14). Each is decided here once; neither side may
decide it again.

Pure functions of the typed model: the model already guarantees that a text is complete and not
blank, that codes are upper-case ISO codes and that enums are enums, so nothing here re-checks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Protocol

from policygen.lang.messages import _
from policygen.data.countries import in_eu_eea
from policygen.model.description import (
    ConsentChannel,
    DataItem,
    Description,
    LegalBasis,
    Purpose,
    Recipient,
    Retention,
    Source,
    SpecialCondition,
)


class Right(str, Enum):
    """The rights of Art. 13(2)(b)–(d), in the order a policy presents them."""

    access = "access"  # Art. 15
    rectification = "rectification"  # Art. 16
    erasure = "erasure"  # Art. 17
    restriction = "restriction"  # Art. 18
    portability = "portability"  # Art. 20
    objection = "objection"  # Art. 21
    withdraw_consent = "withdraw_consent"  # Art. 7(3)
    complaint = "complaint"  # Art. 77


# reference/gdpr-notice.md: the rights to list for each legal basis. Erasure applies to vital
# interests but not to a public task; objection to a public task but not to vital interests;
# a legal obligation gives neither erasure, portability nor objection.
RIGHTS_BY_BASIS: dict[LegalBasis, tuple[Right, ...]] = {
    LegalBasis.consent: (Right.access, Right.rectification, Right.erasure, Right.restriction,
                         Right.portability, Right.withdraw_consent, Right.complaint),
    LegalBasis.contract: (Right.access, Right.rectification, Right.erasure, Right.restriction,
                          Right.portability, Right.complaint),
    LegalBasis.legal_obligation: (Right.access, Right.rectification, Right.restriction,
                                  Right.complaint),
    LegalBasis.legitimate_interests: (Right.access, Right.rectification, Right.erasure,
                                      Right.restriction, Right.objection, Right.complaint),
    LegalBasis.vital_interests: (Right.access, Right.rectification, Right.erasure,
                                 Right.restriction, Right.complaint),
    LegalBasis.public_task: (Right.access, Right.rectification, Right.restriction,
                             Right.objection, Right.complaint),
}


class PurposeLike(Protocol):
    id: str
    legal_basis: LegalBasis
    special_condition: SpecialCondition | None
    direct_marketing: bool


@dataclass(frozen=True)
class RightCoverage:
    """One right and the purposes (in description order) it applies to."""

    right: Right
    purposes: tuple[PurposeLike, ...]


@dataclass(frozen=True)
class Objection:
    """The right to object (Art. 21): the purposes it covers, and those where it is absolute.

    ``purposes`` holds every purpose on legitimate interests or a public task (Art. 21(1)): we must
    stop unless our reasons outweigh the person's. ``direct_marketing`` holds every purpose the
    description marks ``direct_marketing: true``, whatever its legal basis (Art. 21(2)–(3)): there
    we always stop. Only the writer's explicit mark counts: words in an id or a title are no proof,
    and an absolute right promised where none applies misleads as much as one left out.
    """

    purposes: tuple[PurposeLike, ...]
    direct_marketing: tuple[PurposeLike, ...]

    @property
    def applies(self) -> bool:
        """Whether the policy has a section on the right to object (Art. 21(4))."""
        return bool(self.purposes or self.direct_marketing)


def rights_for_purpose(purpose: PurposeLike) -> tuple[Right, ...]:
    """The rights to list for one purpose: its legal basis's, and withdrawal of explicit consent.

    A purpose on a contract that uses special data with explicit consent (Art. 9(2)(a)) rests on
    a consent too: the person may withdraw it at any time (Art. 7(3)).
    """
    rights = RIGHTS_BY_BASIS[purpose.legal_basis]
    if purpose.special_condition is SpecialCondition.explicit_consent:
        rights = tuple(right for right in Right
                       if right in rights or right is Right.withdraw_consent)
    return rights


def rights_by_purpose(purposes: Sequence[PurposeLike]) -> list[RightCoverage]:
    """Every right that applies to at least one purpose, with the purposes it covers.

    The right to object is left out because the policy presents it in its own section
    (:func:`objection`). A right no purpose has never appears, so the policy never promises it.
    """
    coverage = []
    for right in Right:
        covered = tuple(p for p in purposes if right in rights_for_purpose(p))
        if right is not Right.objection and covered:
            coverage.append(RightCoverage(right, covered))
    return coverage


def objection(purposes: Sequence[PurposeLike]) -> Objection:
    """The purposes the right to object covers, and the direct-marketing ones where it is absolute."""
    return Objection(
        purposes=tuple(p for p in purposes if Right.objection in RIGHTS_BY_BASIS[p.legal_basis]),
        direct_marketing=tuple(p for p in purposes if p.direct_marketing))


ALWAYS: tuple[Right, ...] = tuple(
    right for right in Right if all(right in rights for rights in RIGHTS_BY_BASIS.values()))
"""Rights every legal basis gives (access, rectification, restriction, complaint): a policy says
once that they always apply instead of repeating them for each purpose."""

VARYING: tuple[Right, ...] = (Right.erasure, Right.portability, Right.objection,
                              Right.withdraw_consent)
"""Rights that depend on the purpose, in the order of the policy's rights table."""

ONLY_WITH_CONSENT: tuple[Right, ...] = (Right.withdraw_consent,)
"""Table columns shown only when some purpose has them: withdrawal means nothing without a consent.
The other rights of :data:`VARYING` are always columns, so that a right a reader looks for is never
silently missing: where it does not apply, the table says so and the policy says why."""

SCC_DECISION = "(EU) 2021/914"
"""Commission Implementing Decision (EU) 2021/914 of 4 June 2021 on standard contractual clauses
for the transfer of personal data to third countries (OJ L 199, 7.6.2021): the clauses a
``standard_contractual_clauses`` transfer relies on (Art. 46(2)(c))."""


def right_applies(purpose: PurposeLike, right: Right) -> bool:
    """Whether ``right`` applies to ``purpose``: its legal basis's rights, withdrawal of explicit
    consent (:func:`rights_for_purpose`), and objection to direct marketing on any basis (21(2))."""
    if right is Right.objection and purpose.direct_marketing:
        return True
    return right in rights_for_purpose(purpose)


@dataclass(frozen=True)
class RightsRow:
    """One purpose of the rights table: for each column, whether the right applies."""

    purpose: PurposeLike
    applies: tuple[bool, ...]


@dataclass(frozen=True)
class RightsTable:
    """Rights that depend on the purpose × purposes: the policy's one rights table.

    ``columns`` holds each right of :data:`VARYING`, except withdrawal when no purpose rests on a
    consent (:data:`ONLY_WITH_CONSENT`); a column whose right applies to no purpose shows only
    "no", with the reason below the table, and promises nothing. The rights of :data:`ALWAYS` are
    not columns, since they apply to every purpose.
    """

    columns: tuple[Right, ...]
    rows: tuple[RightsRow, ...]
    present: frozenset[Right]  # the columns' rights that apply to at least one purpose

    def without(self, right: Right) -> tuple[PurposeLike, ...]:
        """The purposes a column's right does not apply to (the table explains why below it)."""
        index = self.columns.index(right)
        return tuple(row.purpose for row in self.rows if not row.applies[index])


def rights_table(purposes: Sequence[PurposeLike]) -> RightsTable:
    """The rights table of a policy (see :class:`RightsTable`)."""
    present = frozenset(right for right in VARYING
                        if any(right_applies(p, right) for p in purposes))
    columns = tuple(right for right in VARYING
                    if right in present or right not in ONLY_WITH_CONSENT)
    rows = tuple(RightsRow(p, tuple(right_applies(p, right) for right in columns))
                 for p in purposes)
    return RightsTable(columns, rows, present)


def erasure_exception(purpose: PurposeLike) -> str | None:
    """Why erasure does not apply to a purpose, as its legal basis: Art. 17(3)(b) keeps data that
    a legal obligation or a public task needs; ``None`` when erasure applies."""
    if right_applies(purpose, Right.erasure):
        return None
    return purpose.legal_basis.value


def needs_consent(purpose: Purpose) -> bool:
    """A purpose asks for consent when it rests on consent, or on explicit consent for Art. 9 data."""
    return (purpose.legal_basis is LegalBasis.consent
            or purpose.special_condition is SpecialCondition.explicit_consent)


def consent_gap(purpose: Purpose) -> str | None:
    """The key path (below the purpose) of a consent request that is missing or incomplete.

    ``None`` when the purpose needs no consent or its request is complete (Art. 7(1)–(3)).
    """
    if not needs_consent(purpose):
        return None
    if purpose.consent is None:
        return "consent"
    if purpose.consent.statement is None:
        return "consent.statement"
    if purpose.consent.withdraw is None:
        return "consent.withdraw"
    return None


SCRIPTED_CHANNELS = frozenset({ConsentChannel.phone, ConsentChannel.in_person})
"""Channels where a person asks out loud: the agent needs the words to say (``consent.script``)."""


def consent_channel(purpose: Purpose) -> ConsentChannel:
    """How a purpose's consent is asked: ``web`` unless its consent request says otherwise."""
    return purpose.consent.channel if purpose.consent is not None else ConsentChannel.web


def on_the_form(purpose: Purpose) -> bool:
    """A purpose whose consent is asked on the web: it gets a box on the consent form."""
    return needs_consent(purpose) and consent_channel(purpose) is ConsentChannel.web


def channel_gaps(purpose: Purpose) -> tuple[str, ...]:
    """Key paths (below the purpose) that the consent's channel needs and the request lacks.

    Asked out loud (phone, in person), the agent needs the exact words (``consent.script``);
    asked anywhere but on the form, nothing records the answer by itself, so the description
    must say how it is recorded (``consent.proof``). Both serve Art. 7(1): showing later what
    the person said yes to, and that they did.
    """
    if not needs_consent(purpose) or purpose.consent is None:
        return ()
    channel = purpose.consent.channel
    gaps = []
    if channel in SCRIPTED_CHANNELS and purpose.consent.script is None:
        gaps.append("consent.script")
    if channel is not ConsentChannel.web and purpose.consent.proof is None:
        gaps.append("consent.proof")
    return tuple(gaps)


def consent_recordable(purpose: Purpose) -> bool:
    """Whether a consent request is complete enough to be offered, recorded and archived."""
    return needs_consent(purpose) and consent_gap(purpose) is None and not channel_gaps(purpose)


INTENT_FIELD = "intent"
"""The name of the consent form's two buttons: ``give`` says yes to the ticked purposes,
``withdraw`` takes back a yes given before (docs/build.md, "The consent form")."""


def form_field_names(description: Description) -> dict[str, list[str]]:
    """Every name the consent form sends, with what sends it: a purpose's box (its id), the
    purpose's version (``<id>__version``), the identifier (the data's id) and the buttons
    (:data:`INTENT_FIELD`). A name with two senders would make an answer ambiguous."""
    names: dict[str, list[str]] = {}
    for purpose in description.purposes:
        if on_the_form(purpose):
            names.setdefault(purpose.id, []).append(_("the box of purpose `{purpose}`").format(purpose=purpose.id))
            names.setdefault(f"{purpose.id}__version", []).append(
                _("the version of purpose `{purpose}`").format(purpose=purpose.id))
    if description.forms is not None and description.forms.identifier is not None:
        identifier = description.forms.identifier
        names.setdefault(identifier, []).append(_("the identifier `{identifier}`").format(identifier=identifier))
    names.setdefault(INTENT_FIELD, []).append(_("the buttons"))
    return names


class ContactKind(str, Enum):
    """What a data item is, as far as a form field is concerned (``forms.identifier``)."""

    email = "email"
    phone = "phone"
    other = "other"


_EMAIL_WORDS = frozenset({"email", "mail", "epost", "mejl"})
_PHONE_WORDS = frozenset({"phone", "telephone", "tel", "telefon", "mobile", "mobil"})
_EMAIL_IN_LABEL = ("e-mail", "email", "e-post", "epost", "mejl")
_PHONE_IN_LABEL = ("phone", "telefon", "mobil")


def contact_kind(item: DataItem) -> ContactKind:
    """Whether a data item is an e-mail address, a phone number or something else.

    Read from the item's id first, the name the writer chose (its parts split at ``_`` and
    ``-``: ``newsletter_email``, ``work-phone``), then from its labels in every language
    (``din e-postadress``, ``your mobile number``). A label that names both an e-mail address
    and a phone number says neither for sure: ``other``. docs/description-format.md lists the
    words.
    """
    parts = set(_split_id(item.id))
    by_id = _kind_of(bool(parts & _EMAIL_WORDS), bool(parts & _PHONE_WORDS))
    if by_id is not None:
        return by_id
    labels = " ".join(item.label.values()).casefold()
    by_label = _kind_of(any(word in labels for word in _EMAIL_IN_LABEL),
                        any(word in labels for word in _PHONE_IN_LABEL))
    return by_label or ContactKind.other


def _split_id(identifier: str) -> list[str]:
    return [part for part in identifier.replace("-", "_").split("_") if part]


def _kind_of(email: bool, phone: bool) -> ContactKind | None:
    if email and not phone:
        return ContactKind.email
    if phone and not email:
        return ContactKind.phone
    return ContactKind.other if email and phone else None


def is_indirect(item: DataItem) -> bool:
    """Data not obtained from the person: Art. 14 applies to it."""
    return item.source is not Source.data_subject


class Facts:
    """The facts of one description that need cross-references (data of a purpose, recipients)."""

    def __init__(self, description: Description) -> None:
        self.description = description

    @cached_property
    def data_by_id(self) -> dict[str, DataItem]:
        return {item.id: item for item in self.description.data}

    @cached_property
    def recipients_by_id(self) -> dict[str, Recipient]:
        return {recipient.id: recipient for recipient in self.description.recipients}

    def purposes(self) -> list[tuple[int, Purpose]]:
        return list(enumerate(self.description.purposes))

    def data_of(self, purpose: Purpose) -> list[DataItem]:
        """The data a purpose uses (the model guarantees every id exists)."""
        return [self.data_by_id[data_id] for data_id in purpose.data]

    def uses_indirect(self, purpose: Purpose) -> bool:
        return any(is_indirect(item) for item in self.data_of(purpose))

    def uses_direct(self, purpose: Purpose) -> bool:
        return any(not is_indirect(item) for item in self.data_of(purpose))

    def special_data(self, purpose: Purpose) -> list[DataItem]:
        return [item for item in self.data_of(purpose) if item.special]

    def form_purposes(self) -> list[tuple[int, Purpose]]:
        """The purposes whose consent is asked on the consent form, by index."""
        return [(i, p) for i, p in self.purposes() if on_the_form(p)]

    @cached_property
    def identifier(self) -> DataItem | None:
        """The data item ``forms.identifier`` names: who consents on the form (or ``None``)."""
        forms = self.description.forms
        if forms is None or forms.identifier is None:
            return None
        return self.data_by_id.get(forms.identifier)

    def withdrawal_on_form(self) -> bool:
        """Whether the consent form can also withdraw consent: it posts to ``forms.action`` and
        says who answers (``forms.identifier``). Only then is withdrawing on the same page, as
        easy as saying yes, something a text may promise."""
        forms = self.description.forms
        return (bool(self.form_purposes()) and forms is not None and forms.action is not None
                and self.identifier is not None)

    def purposes_using(self, recipient_id: str) -> list[tuple[int, Purpose]]:
        return [(i, p) for i, p in self.purposes() if recipient_id in p.recipients]

    def recipient_gets_indirect(self, recipient_id: str) -> bool:
        return any(self.uses_indirect(p) for _, p in self.purposes_using(recipient_id))

    def any_indirect(self) -> bool:
        return any(is_indirect(item) for item in self.description.data)

    def transfers_for(self, recipient_id: str) -> list[tuple[int, object]]:
        return [(i, t) for i, t in enumerate(self.description.transfers)
                if t.recipient == recipient_id]

    def abroad_without_transfer(self) -> list[tuple[int, Recipient]]:
        """Recipients outside the EU/EEA with no transfer entry (Art. 44, 13(1)(f)), by index."""
        return [(i, r) for i, r in enumerate(self.description.recipients)
                if not in_eu_eea(r.country) and not self.transfers_for(r.id)]

    def missing(self, purpose: Purpose) -> frozenset[str]:
        """The elements the law asks for that the purpose lacks: a draft shows each as a gap.

        ``legitimate_interest`` (Art. 13(1)(d)), ``legal_obligation`` (the law of Art. 6(1)(c)),
        ``retention`` (13(2)(a)), ``requirement`` (13(2)(e): only for data from the person, on a
        contract or a legal obligation), ``special_condition`` (Art. 9(2)), and the consent
        request's key (:func:`consent_gap`).
        """
        basis = purpose.legal_basis
        retention = purpose.retention
        gaps = {
            "legitimate_interest": basis is LegalBasis.legitimate_interests
            and purpose.legitimate_interest is None,
            "legal_obligation": basis is LegalBasis.legal_obligation
            and purpose.legal_obligation is None,
            "retention": retention is None
            or (retention.period is None and retention.criteria is None),
            "requirement": basis in (LegalBasis.contract, LegalBasis.legal_obligation)
            and purpose.requirement is None and self.uses_direct(purpose),
            "special_condition": bool(self.special_data(purpose))
            and purpose.special_condition is None,
        }
        found = {name for name, lacking in gaps.items() if lacking}
        consent = consent_gap(purpose)
        if consent is not None:
            found.add(consent)
        return frozenset(found)


# --- Facts the support handbook needs (issue 12). Additive: the policy asks the functions above.

def all_rights_for_purpose(purpose: PurposeLike) -> tuple[Right, ...]:
    """Every right a person has for one purpose, in :class:`Right` order.

    :func:`rights_for_purpose` plus the absolute right to object to direct marketing
    (Art. 21(2)), which the policy presents in its own section and which applies whatever the
    legal basis. The support routines list exactly these rights for the purpose.
    """
    rights = rights_for_purpose(purpose)
    if purpose.direct_marketing and Right.objection not in rights:
        rights = tuple(right for right in Right if right in rights or right is Right.objection)
    return rights


# For ranking retention periods only, never for computing a date: a month as 31 days and a year as
# 366 days, so that "12 months" ranks after "365 days" and "1 year" after "52 weeks".
_DAYS_PER_UNIT = {"days": 1, "weeks": 7, "months": 31, "years": 366}


def period_rank(retention: Retention | None) -> int | None:
    """An upper bound in days of a fixed period, to rank periods; ``None`` for criteria or none."""
    if retention is None or retention.period is None:
        return None
    return retention.period.amount * _DAYS_PER_UNIT[retention.period.unit.value]


@dataclass(frozen=True)
class Keeping:
    """One reason to keep a kind of data: a purpose that uses it, with that purpose's retention."""

    purpose: Purpose
    retention: Retention | None


@dataclass(frozen=True)
class DeletionRule:
    """When a kind of data may be deleted: only when no purpose that uses it needs it any more.

    ``own`` is the retention the description gives the data itself (``data[].retention``): it
    replaces the purposes' retentions for this data. Otherwise every purpose that uses the data
    keeps it for its own retention, and the data goes when the last of them ends: ``longest`` is
    the purpose with the longest fixed period (ties: the first in the description), and
    ``open_ended`` the purposes whose retention is a criterion (or missing), which cannot be
    ranked against a period, so the data also waits for them.
    """

    item: DataItem
    own: Retention | None
    keepings: tuple[Keeping, ...]
    longest: Keeping | None
    open_ended: tuple[Keeping, ...]

    @property
    def governed_by_one(self) -> bool:
        """One retention decides: the data's own, or the only purpose's, or one fixed period alone."""
        return self.own is not None or len(self.keepings) == 1 or not self.open_ended


class HandbookFacts(Facts):
    """The facts of one description that the internal handbook states.

    Each is derived here once, so the routines, the reply letters, the register and the CRM
    catalogue never disagree with each other or with the policy.
    """

    def purposes_of(self, item: DataItem) -> list[Purpose]:
        """The purposes that use a kind of data, in description order."""
        return [p for p in self.description.purposes if item.id in p.data]

    def deletion_rule(self, item: DataItem) -> DeletionRule:
        """How long a kind of data is kept: its own retention, else the longest of its purposes'."""
        keepings = tuple(Keeping(p, p.retention) for p in self.purposes_of(item))
        ranked = [k for k in keepings if period_rank(k.retention) is not None]
        # max() returns the first of equal maxima: ties go to the first purpose in the description
        longest = max(ranked, key=lambda k: period_rank(k.retention) or 0, default=None)
        open_ended = tuple(k for k in keepings if period_rank(k.retention) is None)
        return DeletionRule(item=item, own=item.retention, keepings=keepings, longest=longest,
                            open_ended=open_ended)

    def kept_despite_erasure(self, item: DataItem) -> list[Purpose]:
        """Purposes that use the data and give no right to erasure (a legal obligation, a public
        task): when a person asks for erasure, the data stays for them until their retention ends
        (Art. 17(3)(b))."""
        return [p for p in self.purposes_of(item) if Right.erasure not in all_rights_for_purpose(p)]

    def used_only_by(self, purpose: Purpose) -> list[DataItem]:
        """The data no other purpose uses: it goes when this purpose ends for the person."""
        return [item for item in self.data_of(purpose)
                if all(other is purpose or item.id not in other.data
                       for other in self.description.purposes)]

    def portable_data(self) -> list[DataItem]:
        """Data the person gave us that a purpose with the right to data portability uses (Art. 20:
        only what the person provided, and only on consent or a contract)."""
        return [item for item in self.description.data if not is_indirect(item)
                and any(Right.portability in all_rights_for_purpose(p) for p in self.purposes_of(item))]

    def purposes_with(self, right: Right) -> list[Purpose]:
        """The purposes a right applies to, in description order (:func:`all_rights_for_purpose`)."""
        return [p for p in self.description.purposes if right in all_rights_for_purpose(p)]

    def recipients_of(self, purposes: Sequence[Purpose]) -> list[Recipient]:
        """Every recipient that gets data for any of the purposes, in description order."""
        wanted = {r for p in purposes for r in p.recipients}
        return [r for r in self.description.recipients if r.id in wanted]
