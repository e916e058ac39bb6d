"""The ``human`` format: ``path:line:col: severity CODE message`` lines for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policygen.output.registry import Report

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET = "\x1b[0m"


def format_human(report: Report) -> str:
    """``path:line:col: severity CODE message`` lines, a metrics line per checked file, a summary."""
    lines: list[str] = []
    total = 0
    for file in report.payload.get("files", []):
        metrics = file.get("metrics")
        if metrics:
            lix = metrics.get("lix")
            lix_text = "n/a" if lix is None else f"{lix:.1f}"
            lines.append(
                f"{file['path']}: LIX {lix_text} ({metrics['words']} words, "
                f"{metrics['sentences']} sentences, {metrics['long_words']} long words)"
            )
        for finding in file.get("findings", []):
            total += 1
            severity = finding["severity"]
            label = severity
            if report.color:
                label = f"{_COLORS.get(severity, '')}{severity}{_RESET}"
            where = f"{file['path']}:{finding.get('line', 0)}:{finding.get('column', 0)}"
            key = f" {finding['key']}:" if finding.get("key") else ""
            article = f" (Art. {finding['article']})" if finding.get("article") else ""
            lines.append(f"{where}: {label} {finding['code']}{key} {finding['message']}{article}")
            if finding.get("suggestion"):
                lines.append(f"    suggestion: {finding['suggestion']}")
            if finding.get("hint"):
                lines.append(f"    hint: {finding['hint']}")
    files = len(report.payload.get("files", []))
    lines.append(f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines) + "\n"
