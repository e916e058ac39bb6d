"""The ``json`` format: the payload exactly as DESIGN.md's JSON contract defines it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policygen.output.registry import Report


def format_json(report: Report) -> str:
    return json.dumps(report.payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
