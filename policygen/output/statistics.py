"""``--statistics``: how many findings each rule produced, printed after the findings.

Shown on stdout after the human format, and on stderr after machine formats (json, sarif,
github, html) so that their output stays parseable.
"""

from __future__ import annotations

from collections import Counter

from policygen.lang.messages import _, ngettext, number
from policygen.output.levels import severity_label, severity_rank
from policygen.output.report import Report


def rule_counts(report: Report) -> list[tuple[str, str, int]]:
    """``(code, severity, count)`` per rule, most frequent first, then by code.

    A rule's severity is the highest it was reported with (configuration may change it per file).
    """
    counts: Counter[str] = Counter()
    severities: dict[str, str] = {}
    for _file, finding in report.findings():
        code = finding.code
        counts[code] += 1
        severity = finding.severity
        if code not in severities or severity_rank(severity) > severity_rank(severities[code]):
            severities[code] = severity
    return sorted(((code, severities[code], n) for code, n in counts.items()), key=lambda row: (-row[2], row[0]))


def format_statistics(report: Report) -> str:
    """A small aligned table: count, code, name (from the report's rules), severity; a total line."""
    rows = rule_counts(report)
    if not rows:
        return ngettext("{count} finding", "{count} findings", 0).format(count=0) + "\n"
    width = max(len(str(count)) for _code, _severity, count in rows)
    code_width = max(len(code) for code, _, _ in rows)
    lines = []
    for code, severity, count in rows:
        info = report.rules.get(code)
        name = info.name if info else ""
        lines.append(f"{count:>{width}}  {code:<{code_width}}  {severity_label(severity):<7}  {name}".rstrip())
    total = sum(count for _code, _severity, count in rows)
    lines.append(ngettext("{count} finding", "{count} findings", total).format(count=number(total)) + " "
                 + ngettext("from {rules} rule", "from {rules} rules", len(rows)).format(rules=len(rows)))
    return "\n".join(lines) + "\n"
