"""What changed between two versions of a description, element by element, and how it matters.

Each :class:`Change` names one element (a purpose, a kind of data, a recipient, a transfer, the
controller …), what happened to it (added, removed, changed, and for a change which field), the
values before and after, and a class: **substantive** — it must be announced actively, before it
takes effect (WP260 rev.01, paras. 29–31; a new purpose before it starts, Art. 13(3), 14(4)) — or
**editorial** — the policy is updated, but nothing new happens to people that they would need
time to react to. ``reason`` is a code (:data:`REASONS`) that the words explain in each language.

The rule of thumb the classes follow: what widens the processing or changes what people can do
about it is substantive (a new purpose, more data, more recipients, a transfer, a longer
retention, another legal basis, a right lost, a new contact for rights); what narrows it (less
data, fewer recipients, a shorter retention, a purpose stopped) or only touches the form of a
text (:mod:`policygen.history.textdiff`) is editorial. New wording of a text is substantive,
because a program cannot tell a clearer sentence from one that says something new.

Rights are compared through :mod:`policygen.model.facts`, the same facts the policy prints: a
right that no longer applies to a purpose that continues is a substantive change. The comparison
itself is :func:`policygen.history.differ.compare`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from policygen.history.textdiff import TextChange
from policygen.model.description import Duration

SUBSTANTIVE = "substantive"
EDITORIAL = "editorial"

REASONS: dict[str, str] = {
    # reason code → class
    "new_purpose": SUBSTANTIVE, "purpose_removed": EDITORIAL,
    "legal_basis": SUBSTANTIVE, "special_condition": SUBSTANTIVE,
    "direct_marketing": SUBSTANTIVE, "consent_request": SUBSTANTIVE,
    "consent_channel": EDITORIAL, "consent_proof": EDITORIAL,
    "text_wording": SUBSTANTIVE, "text_spelling": EDITORIAL, "text_form": EDITORIAL,
    "retention_longer": SUBSTANTIVE, "retention_shorter": EDITORIAL,
    "retention_same": EDITORIAL, "retention_rule": SUBSTANTIVE,
    "more_data": SUBSTANTIVE, "less_data": EDITORIAL,
    "more_recipients": SUBSTANTIVE, "fewer_recipients": EDITORIAL,
    "more_subjects": SUBSTANTIVE, "fewer_subjects": EDITORIAL,
    "data_added": SUBSTANTIVE, "data_removed": EDITORIAL, "data_holder": EDITORIAL,
    "data_source": SUBSTANTIVE, "special_data": SUBSTANTIVE,
    "recipient_added": SUBSTANTIVE, "recipient_removed": EDITORIAL,
    "recipient_identity": SUBSTANTIVE, "recipient_role": SUBSTANTIVE,
    "recipient_country": SUBSTANTIVE,
    "transfer_added": SUBSTANTIVE, "transfer_removed": EDITORIAL, "safeguard": SUBSTANTIVE,
    "controller_identity": SUBSTANTIVE, "rights_contact": SUBSTANTIVE,
    "contact_details": EDITORIAL,
    "dpo_added": EDITORIAL, "dpo_removed": SUBSTANTIVE,
    "authority": SUBSTANTIVE,
    "record_system_name": EDITORIAL, "storage_country": SUBSTANTIVE,
    "language_added": EDITORIAL, "language_removed": SUBSTANTIVE,
    "subject_added": EDITORIAL, "subject_removed": EDITORIAL,
    "decision_added": SUBSTANTIVE, "decision_removed": EDITORIAL,
    "right_lost": SUBSTANTIVE, "right_gained": EDITORIAL, "right_follows": EDITORIAL,
    "consent_form": EDITORIAL, "change_notice": EDITORIAL, "security": EDITORIAL,
    "customers_data": SUBSTANTIVE,
    "order": EDITORIAL,
}

ELEMENTS = ("controller", "dpo", "authority", "record_system", "languages", "subject", "data",
            "purpose", "recipient", "transfer", "right", "automated_decision", "requests",
            "forms", "on_behalf_of_customers", "changes", "security")
"""The elements a change can be about, in the order a diff lists them."""


@dataclass(frozen=True)
class Change:
    """One change to one element.

    ``id`` names the element within its kind (a purpose id, ``mailer/US`` for a transfer, a
    right's name, a language code; empty for the controller and other single elements).
    ``field`` is the changed field (``retention``, ``consent.statement``) or empty for an
    element added or removed; ``detail`` refines it (``wording``, ``longer``, ``added`` for items
    added to a list). ``before``/``after`` are JSON values. ``old_key``/``new_key`` are the key
    paths in the two descriptions (``None`` where the element does not exist).
    """

    element: str
    id: str
    action: str  # added | removed | changed
    reason: str
    field: str = ""
    detail: str = ""
    before: Any = None
    after: Any = None
    old_key: str | None = None
    new_key: str | None = None

    @property
    def kind(self) -> str:
        return REASONS[self.reason]

    @property
    def substantive(self) -> bool:
        return self.kind == SUBSTANTIVE

    @property
    def key(self) -> str:
        """Where the change shows in the new description, else where it was in the old one."""
        return self.new_key if self.new_key is not None else (self.old_key or "")


def text_reason(change: TextChange) -> str:
    return {TextChange.form: "text_form", TextChange.spelling: "text_spelling"}.get(
        change, "text_wording")


def value_of(value: Any) -> Any:
    """A model value as JSON (texts stay ``{lang: text}``), keys sorted as the history keeps them."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {key: value_of(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [value_of(item) for item in value]
    if value is None or isinstance(value, (str, int, bool, float)):
        return value
    if isinstance(value, Duration):
        return str(value)
    if hasattr(value, "model_dump"):
        return value_of(value.model_dump(mode="json", by_alias=True, exclude_defaults=True))
    return str(value)


_MONTH_UNITS = {"months": 1, "years": 12}
_DAY_UNITS = {"days": 1, "weeks": 7}
_DAYS_PER_MONTH = 365.25 / 12


def compare_periods(old: Duration, new: Duration) -> int:
    """-1 shorter, 0 as long, 1 longer; exact within months/years and within days/weeks."""
    def measure(period: Duration, exact: dict[str, int]) -> float | None:
        return period.amount * exact[period.unit.value] if period.unit.value in exact else None

    for exact in (_MONTH_UNITS, _DAY_UNITS):
        a, b = measure(old, exact), measure(new, exact)
        if a is not None and b is not None:
            return (b > a) - (b < a)
    days = {"days": 1, "weeks": 7, "months": _DAYS_PER_MONTH, "years": 365.25}
    a, b = old.amount * days[old.unit.value], new.amount * days[new.unit.value]
    return (b > a) - (b < a)
