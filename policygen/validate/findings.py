"""What the GDPR validator reports: one located finding per gap the law cares about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("info", "warning", "error")  # ascending


@dataclass(frozen=True)
class GdprFinding:
    """One GDPR completeness finding at an exact place in the description.

    ``article`` names the provision the finding comes from (``13(1)(d)``, ``7(3)``, ``9``); for
    data that comes from elsewhere than the person it is the Art. 14 counterpart. ``line`` and
    ``column`` are 1-based; a missing key is located at its parent mapping.
    """

    code: str
    name: str
    severity: str
    article: str
    key: str
    line: int
    column: int
    message: str
    hint: str = ""
    kind: str = "gdpr"

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.code, self.key)

    def to_dict(self) -> dict[str, Any]:
        """The finding in the ``validate --format json`` contract of DESIGN.md."""
        payload: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "article": self.article,
            "key": self.key,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }
        if self.hint:
            payload["hint"] = self.hint
        payload["kind"] = self.kind
        return payload
