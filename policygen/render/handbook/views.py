"""The handbook's view of a description: what support records, where, for how long, and why.

The policy's own view (:func:`policygen.render.context.document_context`) already resolves every
text to the page's language and every id to what it names; the handbook reuses it, so a purpose,
a recipient or a transfer reads the same in the routines as in the policy. What the handbook adds
comes from :class:`policygen.model.facts.HandbookFacts`: where each kind of data lives (its
holder), when it may be deleted, which rights apply to which purpose, what stays after an erasure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policygen.model.description import DataItem, Description, Purpose, Retention
from policygen.model.facts import (DeletionRule, HandbookFacts, Keeping, Right,
                                   all_rights_for_purpose, needs_consent)
from policygen.render.context import PurposeRef, PurposeView, RecipientView, RetentionView

RIGHTS_WITH_ROUTINES = (Right.access, Right.rectification, Right.erasure, Right.restriction,
                        Right.portability, Right.objection, Right.withdraw_consent)
"""The rights a person uses by asking us, in the order the routines present them. The right to
complain goes to the supervisory authority, not to us: the routines say how to point to it."""


@dataclass(frozen=True)
class KeepingView:
    """One purpose that keeps a kind of data, with its legal basis and retention."""

    purpose: PurposeRef
    legal_basis: str
    legal_obligation: str | None
    retention: RetentionView | None


@dataclass(frozen=True)
class DeletionView:
    """When a kind of data may be deleted (:class:`policygen.model.facts.DeletionRule`)."""

    own: RetentionView | None
    keepings: tuple[KeepingView, ...]
    longest: KeepingView | None
    open_ended: tuple[KeepingView, ...]
    governed_by_one: bool

    @property
    def deciding(self) -> KeepingView | None:
        """The one purpose whose retention decides, when one does and the data has none of its own."""
        if self.own is not None:
            return None
        if len(self.keepings) == 1:
            return self.keepings[0]
        return self.longest if not self.open_ended else None


@dataclass(frozen=True)
class DataRow:
    """One kind of data as support handles it."""

    id: str
    label: str
    holder: str  # contact | company | case | technical
    source: str  # data_subject | employer | public_register | other
    source_detail: str | None
    special: bool
    purposes: tuple[PurposeRef, ...]
    legal_bases: tuple[str, ...]  # of its purposes, first use first, each once
    deletion: DeletionView
    kept_despite_erasure: tuple[KeepingView, ...]  # purposes without the right to erasure


@dataclass(frozen=True)
class HandbookPurpose:
    """A purpose with what support needs beside the policy's view of it."""

    view: PurposeView
    data: tuple[DataRow, ...]
    rights: tuple[str, ...]  # every right that applies, in Right order (complaint included)
    voluntary: bool  # rests on consent: giving the data can never be required (Art. 7(4))
    indirect: tuple[DataRow, ...]  # data that comes from someone other than the person
    subjects: tuple[str, ...]  # labels of the groups of people it concerns


@dataclass(frozen=True)
class ConsentRoutine:
    """A consent as support handles it: how it is asked, proven and withdrawn."""

    purpose: PurposeRef
    channel: str  # web | phone | email | in_person
    statement: str | None
    script: str | None
    proof: str | None
    withdraw: str | None
    version: str  # the consent text's version id, as in consent.json
    only_data: tuple[str, ...]  # labels of data no other purpose uses: it goes on withdrawal
    other_purposes: tuple[PurposeRef, ...]  # purposes that keep using some of its data


@dataclass(frozen=True)
class KeptGroup:
    """A purpose without the right to erasure, and the data it keeps after an erasure request."""

    keeping: KeepingView
    data: tuple[DataRow, ...]


@dataclass(frozen=True)
class Routine:
    """One right and everything its routine names: purposes, data, places to look, what stays."""

    right: str
    anchor: str
    purposes: tuple[PurposeRef, ...]
    all_purposes: bool
    recipients: tuple[RecipientView, ...]
    data: tuple[DataRow, ...]
    kept: tuple[DataRow, ...]  # erasure: data that stays for a purpose without erasure
    portable: tuple[DataRow, ...]  # portability: data the person gave us
    balancing: tuple[PurposeRef, ...]  # objection: legitimate interests or public task (21(1))
    marketing: tuple[PurposeRef, ...]  # objection: direct marketing, absolute (21(2)-(3))
    consents: tuple[ConsentRoutine, ...]  # withdrawal: one per consent purpose


class HandbookView:
    """Builds the views of one description in one language from the policy's context."""

    def __init__(self, description: Description, base: dict[str, Any]) -> None:
        self.description = description
        self.base = base
        self.facts = HandbookFacts(description)
        self.lang: str = base["lang"]
        self.refs = {view.id: view.ref for view in base["purposes"]}
        self.purpose_views = {view.id: view for view in base["purposes"]}
        self.recipient_views = {view.id: view for view in base["recipients"]}
        self.rows = {item.id: self._data_row(item) for item in description.data}

    def _text(self, value: Any) -> str | None:
        return None if value is None else value[self.lang]

    def retention(self, retention: Retention | None) -> RetentionView | None:
        if retention is None or (retention.period is None and retention.criteria is None):
            return None
        return RetentionView(period=retention.period, after=self._text(retention.after),
                             criteria=self._text(retention.criteria))

    def keeping(self, keeping: Keeping) -> KeepingView:
        purpose = keeping.purpose
        return KeepingView(purpose=self.refs[purpose.id], legal_basis=purpose.legal_basis.value,
                           legal_obligation=self._text(purpose.legal_obligation),
                           retention=self.retention(keeping.retention))

    def _deletion(self, rule: DeletionRule) -> DeletionView:
        return DeletionView(
            own=self.retention(rule.own),
            keepings=tuple(self.keeping(k) for k in rule.keepings),
            longest=None if rule.longest is None else self.keeping(rule.longest),
            open_ended=tuple(self.keeping(k) for k in rule.open_ended),
            governed_by_one=rule.governed_by_one)

    def _data_row(self, item: DataItem) -> DataRow:
        purposes = self.facts.purposes_of(item)
        return DataRow(
            id=item.id, label=item.label[self.lang], holder=item.holder.value,
            source=item.source.value, source_detail=self._text(item.source_detail),
            special=item.special, purposes=tuple(self.refs[p.id] for p in purposes),
            legal_bases=tuple(dict.fromkeys(p.legal_basis.value for p in purposes)),
            deletion=self._deletion(self.facts.deletion_rule(item)),
            kept_despite_erasure=tuple(self.keeping(Keeping(p, p.retention))
                                       for p in self.facts.kept_despite_erasure(item)))

    def purposes(self) -> list[HandbookPurpose]:
        subjects = {s.id: s.label[self.lang] for s in self.description.subjects}
        return [HandbookPurpose(
            view=self.purpose_views[p.id],
            data=tuple(self.rows[d] for d in p.data),
            rights=tuple(r.value for r in all_rights_for_purpose(p)),
            voluntary=needs_consent(p),
            indirect=tuple(self.rows[d] for d in p.data if self.rows[d].source != "data_subject"),
            subjects=tuple(subjects[s] for s in p.subjects),
        ) for p in self.description.purposes]

    def consent_routines(self, versions: dict[str, str]) -> list[ConsentRoutine]:
        routines = []
        for purpose in self.description.purposes:
            if not needs_consent(purpose):
                continue
            consent = purpose.consent
            routines.append(ConsentRoutine(
                purpose=self.refs[purpose.id],
                channel=consent.channel.value if consent else "web",
                statement=self._text(consent.statement) if consent else None,
                script=self._text(consent.script) if consent else None,
                proof=self._text(consent.proof) if consent else None,
                withdraw=self._text(consent.withdraw) if consent else None,
                version=versions[purpose.id],
                only_data=tuple(item.label[self.lang] for item in self.facts.used_only_by(purpose)),
                other_purposes=tuple(self.refs[other.id] for other in self.description.purposes
                                     if other is not purpose
                                     and set(other.data) & set(purpose.data))))
        return routines

    def kept_groups(self) -> list[KeptGroup]:
        """Each purpose that keeps data despite an erasure request, with that data (Art. 17(3)(b))."""
        groups = []
        for purpose in self.description.purposes:
            if Right.erasure in all_rights_for_purpose(purpose) or not purpose.data:
                continue
            groups.append(KeptGroup(keeping=self.keeping(Keeping(purpose, purpose.retention)),
                                    data=tuple(self.rows[d] for d in purpose.data)))
        return groups

    def routines(self, anchors: dict[str, str], versions: dict[str, str]) -> list[Routine]:
        """One routine per right that applies to at least one purpose; none for any other right."""
        consents = self.consent_routines(versions)
        routines = []
        for right in RIGHTS_WITH_ROUTINES:
            covered = self.facts.purposes_with(right)
            if not covered:
                continue
            used = {d for p in covered for d in p.data}
            routines.append(Routine(
                right=right.value, anchor=anchors[right.value],
                purposes=tuple(self.refs[p.id] for p in covered),
                all_purposes=len(covered) == len(self.description.purposes),
                recipients=tuple(self.recipient_views[r.id] for r in self.facts.recipients_of(covered)),
                data=tuple(row for item_id, row in self.rows.items() if item_id in used),
                kept=tuple(row for item_id, row in self.rows.items()
                           if item_id in used and row.kept_despite_erasure)
                if right is Right.erasure else (),
                portable=tuple(self.rows[item.id] for item in self.facts.portable_data())
                if right is Right.portability else (),
                balancing=tuple(self.refs[p.id] for p in covered if not p.direct_marketing)
                if right is Right.objection else (),
                marketing=tuple(self.refs[p.id] for p in covered if p.direct_marketing)
                if right is Right.objection else (),
                consents=tuple(consents) if right is Right.withdraw_consent else ()))
        return routines

    def has_contact_persons(self) -> bool:
        """Whether support deals with contact persons at customer companies: the description keeps
        data about companies, or has data that an employer gives us."""
        return any(row.holder == "company" or row.source == "employer" for row in self.rows.values())

    def holders(self) -> list[str]:
        """The holders the description uses, in the order contact, company, case, technical."""
        used = {row.holder for row in self.rows.values()}
        return [holder for holder in ("contact", "company", "case", "technical") if holder in used]

    def rows_held_by(self, holder: str) -> list[DataRow]:
        return [row for row in self.rows.values() if row.holder == holder]

    def recipients_of_holder(self, holder: str) -> list[RecipientView]:
        """Recipients that get data of this holder for some purpose (where a case also lives)."""
        purposes = [p for p in self.description.purposes
                    if any(self.rows[d].holder == holder for d in p.data)]
        return [self.recipient_views[r.id] for r in self.facts.recipients_of(purposes)]
