"""Two versions of a description side by side: every change, the consents it touches, the dates.

A :class:`Comparison` is what ``policygen diff`` prints and what ``build`` judges against the
last published version (:mod:`policygen.history.rules`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from policygen.history.changes import Change
from policygen.history.consents import ConsentChange, consent_changes
from policygen.history.differ import compare
from policygen.model.description import Description
from policygen.render.consent import policy_version


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the description and where it comes from."""

    description: Description
    source: str  # a file name, or the history's name for a published version
    locations: object | None = None  # the loader's Locations, when read from a file

    @cached_property
    def version(self) -> str:
        return policy_version(self.description)

    @property
    def effective(self) -> dt.date:
        return self.description.effective


@dataclass
class Comparison:
    old: Side
    new: Side
    changes: list[Change] = field(default_factory=list)
    consents: list[ConsentChange] = field(default_factory=list)

    @property
    def substantive(self) -> list[Change]:
        return [change for change in self.changes if change.substantive]

    @property
    def editorial(self) -> list[Change]:
        return [change for change in self.changes if not change.substantive]

    @property
    def same_version(self) -> bool:
        """Nothing at all differs, the effective date included."""
        return self.old.version == self.new.version

    @property
    def renewals(self) -> list[ConsentChange]:
        return [change for change in self.consents if change.status == "renew"]


def compare_sides(old: Side, new: Side) -> Comparison:
    return Comparison(old, new, compare(old.description, new.description),
                      consent_changes(old.description, new.description))
