"""The comparison itself: two descriptions walked element by element into :class:`Change` objects.

Elements with ids (purposes, data, recipients, groups, transfers by recipient and country) are
matched by id: added, removed, and for the ones both versions have, each field compared — a text
by how much it changed (:mod:`policygen.history.textdiff`), a retention by its length, a list of
ids by what was added and what was taken away, and the order of what both have. Rights are
compared through :mod:`policygen.model.facts`. Every text is compared in the languages both
versions have, so a language added or removed is one change, not one per text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policygen.history.changes import ELEMENTS, Change, compare_periods, text_reason, value_of
from policygen.history.textdiff import TextChange, compare_text, compare_texts
from policygen.model.description import Description, Purpose, Retention
from policygen.model.facts import Right, all_rights_for_purpose


@dataclass
class _Diff:
    old: Description
    new: Description
    changes: list[Change] = field(default_factory=list)

    def add(self, element: str, id_: str, action: str, reason: str, **values: Any) -> None:
        self.changes.append(Change(element, id_, action, reason, **values))

    # -- fields -------------------------------------------------------------------------------
    def text(self, element: str, id_: str, name: str, old: Any, new: Any, old_key: str | None,
             new_key: str | None, wording_reason: str = "text_wording",
             other_reason: str | None = None) -> None:
        """A text field (``{lang: text}`` or a plain string) compared by how much it changed."""
        kind = (compare_text(old, new) if isinstance(old, str) or isinstance(new, str)
                else compare_texts(old, new))
        if kind is TextChange.same:
            return
        reason = wording_reason if kind is TextChange.wording else (other_reason or text_reason(kind))
        self.add(element, id_, "changed", reason, field=name, detail=kind.name,
                 before=value_of(old), after=value_of(new),
                 old_key=_join(old_key, name), new_key=_join(new_key, name))

    def value(self, element: str, id_: str, name: str, old: Any, new: Any, old_key: str | None,
              new_key: str | None, reason: str) -> None:
        if value_of(old) == value_of(new):
            return
        self.add(element, id_, "changed", reason, field=name, before=value_of(old), after=value_of(new),
                 old_key=_join(old_key, name), new_key=_join(new_key, name))

    def retention(self, element: str, id_: str, old: Retention | None, new: Retention | None,
                  old_key: str, new_key: str) -> None:
        if value_of(old) == value_of(new) or (
                old is not None and new is not None and value_of(old.period) == value_of(new.period)
                and compare_texts(old.after, new.after) is TextChange.same
                and compare_texts(old.criteria, new.criteria) is TextChange.same):
            return  # the same, in the languages both versions have
        keys = {"old_key": f"{old_key}.retention", "new_key": f"{new_key}.retention",
                "before": value_of(old), "after": value_of(new), "field": "retention"}
        if (old is not None and new is not None and old.period is not None
                and new.period is not None
                and compare_texts(old.after, new.after) <= TextChange.spelling):
            order = compare_periods(old.period, new.period)
            if order == 0:
                kind = compare_texts(old.after, new.after)
                reason = "retention_same" if kind is TextChange.same else text_reason(kind)
                self.add(element, id_, "changed", reason, detail="same", **keys)
            else:
                self.add(element, id_, "changed",
                         "retention_longer" if order > 0 else "retention_shorter",
                         detail="longer" if order > 0 else "shorter", **keys)
            return
        if (old is not None and new is not None and old.criteria is not None
                and new.criteria is not None):
            kind = compare_texts(old.criteria, new.criteria)
            reason = "retention_rule" if kind is TextChange.wording else text_reason(kind)
            self.add(element, id_, "changed", reason, detail=kind.name, **keys)
            return
        self.add(element, id_, "changed", "retention_rule", detail="rule", **keys)

    def id_list(self, element: str, id_: str, name: str, old: list[str], new: list[str],
                old_key: str, new_key: str, more: str, fewer: str) -> None:
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        keys = {"field": name, "old_key": f"{old_key}.{name}", "new_key": f"{new_key}.{name}"}
        if added:
            self.add(element, id_, "changed", more, detail="added", before=[], after=added, **keys)
        if removed:
            self.add(element, id_, "changed", fewer, detail="removed", before=removed, after=[],
                     **keys)
        self.order(element, id_, name, old, new, keys["old_key"], keys["new_key"])

    # -- elements -----------------------------------------------------------------------------
    def keyed(self, element: str, path: str, olds: list[Any], news: list[Any],
              key: Callable[[Any], str], added: str, removed: str,
              fields: Callable[[str, Any, Any, str, str], None]) -> None:
        """Elements of a list matched by id: added, removed, and each common one's fields."""
        old_by = _by_key(olds, key)
        new_by = _by_key(news, key)
        for id_, (index, item) in new_by.items():
            if id_ not in old_by:
                self.add(element, id_, "added", added, after=value_of(item),
                         new_key=f"{path}[{index}]")
        for id_, (index, item) in old_by.items():
            if id_ not in new_by:
                self.add(element, id_, "removed", removed, before=value_of(item),
                         old_key=f"{path}[{index}]")
        for id_, (new_index, new_item) in new_by.items():
            if id_ in old_by:
                old_index, old_item = old_by[id_]
                fields(id_, old_item, new_item, f"{path}[{old_index}]", f"{path}[{new_index}]")
        self.order(element, "", "", list(old_by), list(new_by), path, path)

    def order(self, element: str, id_: str, name: str, olds: list[str], news: list[str],
              old_key: str, new_key: str) -> None:
        """The items both versions have, listed in another order (the policy's order)."""
        common_old = [item for item in olds if item in news]
        common_new = [item for item in news if item in olds]
        if common_old != common_new:
            self.add(element, id_, "changed", "order", field=name, detail="order",
                     before=common_old, after=common_new, old_key=old_key, new_key=new_key)

    def controller(self) -> None:
        old, new = self.old.controller, self.new.controller
        self.text("controller", "", "name", old.name, new.name, "controller", "controller",
                  wording_reason="controller_identity")
        self.value("controller", "", "org_number", old.org_number, new.org_number,
                   "controller", "controller", "controller_identity")
        self.value("controller", "", "email", old.email, new.email, "controller", "controller",
                   "rights_contact")
        for detail in ("address", "phone", "website"):
            self.value("controller", "", detail, getattr(old, detail), getattr(new, detail),
                       "controller", "controller", "contact_details")

    def dpo(self) -> None:
        old, new = self.old.dpo, self.new.dpo
        if old is None and new is None:
            return
        if old is None:
            self.add("dpo", "", "added", "dpo_added", after=value_of(new), new_key="dpo")
            return
        if new is None:
            self.add("dpo", "", "removed", "dpo_removed", before=value_of(old), old_key="dpo")
            return
        self.value("dpo", "", "email", old.email, new.email, "dpo", "dpo", "rights_contact")
        for detail in ("name", "phone", "external"):
            self.value("dpo", "", detail, getattr(old, detail), getattr(new, detail), "dpo", "dpo",
                       "contact_details")

    def singles(self) -> None:
        if _authority_differs(self.old.authority, self.new.authority):
            self.add("authority", "", "changed", "authority", before=value_of(self.old.authority),
                     after=value_of(self.new.authority), old_key="authority", new_key="authority")
        old, new = self.old.record_system, self.new.record_system
        self.value("record_system", "", "name", old.name, new.name, "record_system",
                   "record_system", "record_system_name")
        self.value("record_system", "", "country", old.country, new.country, "record_system",
                   "record_system", "storage_country")
        for index, lang in enumerate(self.new.languages):
            if lang not in self.old.languages:
                self.add("languages", lang, "added", "language_added", after=lang,
                         new_key=f"languages[{index}]")
        for index, lang in enumerate(self.old.languages):
            if lang not in self.new.languages:
                self.add("languages", lang, "removed", "language_removed", before=lang,
                         old_key=f"languages[{index}]")
        self.order("languages", "", "", list(self.old.languages), list(self.new.languages),
                   "languages", "languages")

    def subjects(self) -> None:
        def fields(id_: str, old: Any, new: Any, old_key: str, new_key: str) -> None:
            self.text("subject", id_, "label", old.label, new.label, old_key, new_key)

        self.keyed("subject", "subjects", self.old.subjects, self.new.subjects, lambda s: s.id,
                   "subject_added", "subject_removed", fields)

    def data(self) -> None:
        def fields(id_: str, old: Any, new: Any, old_key: str, new_key: str) -> None:
            self.text("data", id_, "label", old.label, new.label, old_key, new_key)
            self.value("data", id_, "holder", old.holder, new.holder, old_key, new_key,
                       "data_holder")
            self.value("data", id_, "source", old.source, new.source, old_key, new_key,
                       "data_source")
            self.text("data", id_, "source_detail", old.source_detail, new.source_detail,
                      old_key, new_key)
            self.value("data", id_, "special", old.special, new.special, old_key, new_key,
                       "special_data")
            self.retention("data", id_, old.retention, new.retention, old_key, new_key)

        self.keyed("data", "data", self.old.data, self.new.data, lambda d: d.id,
                   "data_added", "data_removed", fields)

    def purposes(self) -> None:
        def fields(id_: str, old: Purpose, new: Purpose, old_key: str, new_key: str) -> None:
            for name in ("title", "description"):
                self.text("purpose", id_, name, getattr(old, name), getattr(new, name),
                          old_key, new_key)
            self.value("purpose", id_, "legal_basis", old.legal_basis, new.legal_basis,
                       old_key, new_key, "legal_basis")
            for name in ("legitimate_interest", "legal_obligation"):
                self.text("purpose", id_, name, getattr(old, name), getattr(new, name),
                          old_key, new_key)
            self.value("purpose", id_, "special_condition", old.special_condition,
                       new.special_condition, old_key, new_key, "special_condition")
            self.retention("purpose", id_, old.retention, new.retention, old_key, new_key)
            self.id_list("purpose", id_, "data", old.data, new.data, old_key, new_key,
                         "more_data", "less_data")
            self.id_list("purpose", id_, "subjects", old.subjects, new.subjects, old_key, new_key,
                         "more_subjects", "fewer_subjects")
            self.id_list("purpose", id_, "recipients", old.recipients, new.recipients, old_key,
                         new_key, "more_recipients", "fewer_recipients")
            self.text("purpose", id_, "requirement", old.requirement, new.requirement,
                      old_key, new_key)
            self.consent(id_, old, new, old_key, new_key)
            self.value("purpose", id_, "direct_marketing", old.direct_marketing,
                       new.direct_marketing, old_key, new_key, "direct_marketing")

        self.keyed("purpose", "purposes", self.old.purposes, self.new.purposes, lambda p: p.id,
                   "new_purpose", "purpose_removed", fields)

    def consent(self, id_: str, old: Purpose, new: Purpose, old_key: str, new_key: str) -> None:
        if old.consent is None or new.consent is None:
            self.value("purpose", id_, "consent", old.consent, new.consent, old_key, new_key,
                       "consent_request")
            return
        old_key, new_key = f"{old_key}.consent", f"{new_key}.consent"
        for name in ("statement", "withdraw", "script"):
            before, after = getattr(old.consent, name), getattr(new.consent, name)
            kind = compare_texts(before, after)
            if kind is TextChange.same:
                continue
            self.add("purpose", id_, "changed", text_reason(kind), field=f"consent.{name}",
                     detail=kind.name, before=value_of(before), after=value_of(after),
                     old_key=f"{old_key}.{name}", new_key=f"{new_key}.{name}")
        for name, reason in (("channel", "consent_channel"), ("proof", "consent_proof")):
            before, after = getattr(old.consent, name), getattr(new.consent, name)
            if value_of(before) != value_of(after):
                self.add("purpose", id_, "changed", reason, field=f"consent.{name}",
                         before=value_of(before), after=value_of(after),
                         old_key=f"{old_key}.{name}", new_key=f"{new_key}.{name}")

    def recipients(self) -> None:
        def fields(id_: str, old: Any, new: Any, old_key: str, new_key: str) -> None:
            self.text("recipient", id_, "name", old.name, new.name, old_key, new_key,
                      wording_reason="recipient_identity")
            self.value("recipient", id_, "role", old.role, new.role, old_key, new_key,
                       "recipient_role")
            self.text("recipient", id_, "description", old.description, new.description,
                      old_key, new_key)
            self.value("recipient", id_, "country", old.country, new.country, old_key, new_key,
                       "recipient_country")

        self.keyed("recipient", "recipients", self.old.recipients, self.new.recipients,
                   lambda r: r.id, "recipient_added", "recipient_removed", fields)

    def transfers(self) -> None:
        def fields(id_: str, old: Any, new: Any, old_key: str, new_key: str) -> None:
            self.value("transfer", id_, "safeguard", old.safeguard, new.safeguard, old_key,
                       new_key, "safeguard")
            self.value("transfer", id_, "certification", old.certification, new.certification,
                       old_key, new_key, "safeguard")
            self.text("transfer", id_, "copy", old.copy_, new.copy_, old_key, new_key)

        self.keyed("transfer", "transfers", self.old.transfers, self.new.transfers,
                   transfer_id, "transfer_added", "transfer_removed", fields)

    def rights(self) -> None:
        old_purposes = {p.id: p for p in self.old.purposes}
        new_purposes = {p.id: p for p in self.new.purposes}
        common = [pid for pid in new_purposes if pid in old_purposes]
        for right in Right:
            before = [p.id for p in self.old.purposes if right in all_rights_for_purpose(p)]
            after = [p.id for p in self.new.purposes if right in all_rights_for_purpose(p)]
            lost = [pid for pid in common if pid in before and pid not in after]
            gained = [pid for pid in common if pid in after and pid not in before]
            if not lost and not gained and bool(before) == bool(after):
                continue
            action = ("added" if after and not before else
                      "removed" if before and not after else "changed")
            reason = "right_lost" if lost else ("right_gained" if gained else "right_follows")
            self.add("right", right.value, action, reason, detail="lost" if lost else "gained",
                     before=before, after=after)

    def decisions(self) -> None:
        olds, news = self.old.automated_decisions, self.new.automated_decisions
        for index in range(max(len(olds), len(news))):
            key = f"automated_decisions[{index}]"
            if index >= len(olds):
                self.add("automated_decision", str(index + 1), "added", "decision_added",
                         after=value_of(news[index]), new_key=key)
            elif index >= len(news):
                self.add("automated_decision", str(index + 1), "removed", "decision_removed",
                         before=value_of(olds[index]), old_key=key)
            else:
                for name in ("description", "logic", "consequences"):
                    self.text("automated_decision", str(index + 1), name,
                              getattr(olds[index], name), getattr(news[index], name), key, key)

    def rest(self) -> None:
        old_contact = self.old.requests.contact if self.old.requests else None
        new_contact = self.new.requests.contact if self.new.requests else None
        self.value("requests", "", "contact", old_contact, new_contact, "requests", "requests",
                   "rights_contact")
        old_forms = value_of(self.old.forms) or {}
        new_forms = value_of(self.new.forms) or {}
        for name in ("action", "identifier"):
            self.value("forms", "", name, old_forms.get(name), new_forms.get(name), "forms",
                       "forms", "consent_form")
        self.text("on_behalf_of_customers", "", "on_behalf_of_customers",
                  self.old.on_behalf_of_customers, self.new.on_behalf_of_customers, "", "",
                  wording_reason="customers_data")
        old_changes = value_of(self.old.changes) or {}
        new_changes = value_of(self.new.changes) or {}
        if compare_texts(old_changes.get("notify"), new_changes.get("notify")) is not TextChange.same:
            self.add("changes", "", "changed", "change_notice", field="notify",
                     before=old_changes.get("notify"), after=new_changes.get("notify"),
                     old_key="changes.notify", new_key="changes.notify")
        self.value("changes", "", "notice_days", old_changes.get("notice_days"),
                   new_changes.get("notice_days"), "changes", "changes", "change_notice")
        if compare_texts(self.old.security, self.new.security) is not TextChange.same:
            self.add("security", "", "changed", "security", field="security",
                     before=self.old.security, after=self.new.security,
                     old_key="security", new_key="security")


def _by_key(items: list[Any], key: Callable[[Any], str]) -> dict[str, tuple[int, Any]]:
    """Items by their identity; a second item with the same identity gets ``#2`` and so on."""
    found: dict[str, tuple[int, Any]] = {}
    for index, item in enumerate(items):
        name = key(item)
        number = 1
        while name in found:
            number += 1
            name = f"{key(item)}#{number}"
        found[name] = (index, item)
    return found


def transfer_id(transfer: Any) -> str:
    """A transfer's identity: its recipient and country (``mailer/US``)."""
    return f"{transfer.recipient}/{transfer.country}"


def _authority_differs(old: Any, new: Any) -> bool:
    """A built-in code or a named authority; a name compared in the languages both have."""
    if isinstance(old, str) or isinstance(new, str):
        return value_of(old) != value_of(new)
    return old.website != new.website or compare_texts(old.name, new.name) is not TextChange.same


def _join(parent: str | None, name: str) -> str | None:
    """The key path of field ``name`` below ``parent`` (``""``: the top level; ``None``: absent)."""
    if parent is None:
        return None
    return f"{parent}.{name}" if parent else name


def compare(old: Description, new: Description) -> list[Change]:
    """Every change from ``old`` to ``new``, in the order of :data:`ELEMENTS`.

    ``effective`` is not a change of its own: it is the date the changes take effect.
    """
    diff = _Diff(old, new)
    diff.controller()
    diff.dpo()
    diff.singles()
    diff.subjects()
    diff.data()
    diff.purposes()
    diff.recipients()
    diff.transfers()
    diff.rights()
    diff.decisions()
    diff.rest()
    order = {element: index for index, element in enumerate(ELEMENTS)}
    return sorted(diff.changes, key=lambda change: order[change.element])
