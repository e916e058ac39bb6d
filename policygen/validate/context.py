"""The description as the rules see it: the GDPR facts of :mod:`policygen.model.facts`, and today.

Rules stay short declarations because the cross-referencing lives in the facts, which the
renderer reads too: the validator cannot report one thing while the published text shows another.
"""

from __future__ import annotations

import datetime as dt

from policygen.model.description import Description
from policygen.model.facts import Facts


def joined(text: dict[str, str] | None) -> str:
    """Every translation of a text, lower-cased, for word heuristics across languages."""
    return " ".join(text.values()).lower() if text else ""


class Context(Facts):
    """One description's facts, with the date the currency check compares against."""

    def __init__(self, description: Description, today: dt.date) -> None:
        super().__init__(description)
        self.today = today
