"""Questions the rules ask about one description, answered once.

Which data a purpose uses, whether that data came from the person (Art. 13) or from elsewhere
(Art. 14), which purposes send data to a recipient, whether data is special (Art. 9). Rules stay
short declarations because the cross-referencing lives here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policygen.model.description import DataItem, Description, Purpose


def enum_value(value: Any) -> Any:
    """The plain value of an enum member (``LegalBasis.consent`` → ``"consent"``), else ``value``."""
    return getattr(value, "value", value)


def has_text(text: dict[str, str] | None) -> bool:
    """True when a text exists and at least one translation is not blank."""
    return bool(text) and any(part.strip() for part in text.values())


def joined(text: dict[str, str] | None) -> str:
    """Every translation of a text, lower-cased, for word heuristics across languages."""
    return " ".join(text.values()).lower() if text else ""


@dataclass
class Context:
    description: Description
    today: dt.date
    data_by_id: dict[str, DataItem] = field(init=False)
    recipients_by_id: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.data_by_id = {item.id: item for item in self.description.data}
        self.recipients_by_id = {r.id: r for r in self.description.recipients}

    # purposes and their data

    def purposes(self) -> list[tuple[int, Purpose]]:
        return list(enumerate(self.description.purposes))

    def data_of(self, purpose: Purpose) -> list[DataItem]:
        """The data items a purpose uses (unknown ids are format errors, reported elsewhere)."""
        return [self.data_by_id[i] for i in purpose.data if i in self.data_by_id]

    def is_indirect(self, item: DataItem) -> bool:
        """Data not obtained from the person: Art. 14 applies to it."""
        return enum_value(item.source) != "data_subject"

    def uses_indirect(self, purpose: Purpose) -> bool:
        return any(self.is_indirect(item) for item in self.data_of(purpose))

    def uses_direct(self, purpose: Purpose) -> bool:
        return any(not self.is_indirect(item) for item in self.data_of(purpose))

    def special_data(self, purpose: Purpose) -> list[DataItem]:
        return [item for item in self.data_of(purpose) if item.special]

    def basis(self, purpose: Purpose) -> str:
        return enum_value(purpose.legal_basis)

    def condition(self, purpose: Purpose) -> str | None:
        return enum_value(purpose.special_condition)

    # recipients

    def purposes_using(self, recipient_id: str) -> list[tuple[int, Purpose]]:
        return [(i, p) for i, p in self.purposes() if recipient_id in p.recipients]

    def recipient_gets_indirect(self, recipient_id: str) -> bool:
        return any(self.uses_indirect(p) for _, p in self.purposes_using(recipient_id))

    def any_indirect(self) -> bool:
        return any(self.is_indirect(item) for item in self.description.data)

    def transfers_for(self, recipient_id: str) -> list[tuple[int, Any]]:
        return [(i, t) for i, t in enumerate(self.description.transfers)
                if t.recipient == recipient_id]
