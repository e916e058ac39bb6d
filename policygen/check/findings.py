"""The categories of plain-language findings (the ``category`` field of the JSON contract).

The finding itself, the metrics and the per-file report are the report model of
:mod:`policygen.output`, shared with ``validate`` and ``build``.
"""

from __future__ import annotations

from policygen.output import SEVERITIES

CATEGORIES = (
    "readability",
    "long-sentence",
    "vague",
    "wordy",
    "passive",
    "abbreviation",
    "reader-address",
    "consent-by-use",
    "check-regularly",
    "vague-purpose",
    "jargon",
    "nominalisation",
)

__all__ = ["CATEGORIES", "SEVERITIES"]
