"""``--statistics``: how many findings each rule produced, printed after the findings.

Shown on stdout after the human format, and on stderr after machine formats (json, sarif,
github, html) so that their output stays parseable.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from policygen.output.levels import iter_findings, severity_rank


def rule_counts(payload: dict[str, Any]) -> list[tuple[str, str, int]]:
    """``(code, severity, count)`` per rule, most frequent first, then by code.

    A rule's severity is the highest it was reported with (configuration may change it per file).
    """
    counts: Counter[str] = Counter()
    severities: dict[str, str] = {}
    for _, finding in iter_findings(payload):
        code = finding.get("code", "?")
        counts[code] += 1
        severity = finding.get("severity", "error")
        if code not in severities or severity_rank(severity) > severity_rank(severities[code]):
            severities[code] = severity
    return sorted(((code, severities[code], n) for code, n in counts.items()), key=lambda row: (-row[2], row[0]))


def format_statistics(payload: dict[str, Any], rules: dict[str, dict[str, Any]] | None = None) -> str:
    """A small aligned table: count, code, name (from ``rules``), severity; then a total line."""
    rules = rules or {}
    rows = rule_counts(payload)
    if not rows:
        return "0 findings\n"
    width = max(len(str(count)) for _, _, count in rows)
    code_width = max(len(code) for code, _, _ in rows)
    lines = []
    for code, severity, count in rows:
        name = rules.get(code, {}).get("name", "")
        lines.append(f"{count:>{width}}  {code:<{code_width}}  {severity:<7}  {name}".rstrip())
    total = sum(count for _, _, count in rows)
    lines.append(f"{total} finding{'s' if total != 1 else ''} from {len(rows)} rule{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines) + "\n"
