"""The registry of output formats: name → function(report) → text."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Report:
    """What a command found, in the JSON contract's shape, plus what formats may need to show it.

    ``payload`` is exactly the ``{"files": [...]}`` object of DESIGN.md. ``rules`` maps a finding's
    code to its metadata (``name``, ``summary``, ``help``, ``category``) for formats that describe
    rules (SARIF, HTML). ``command`` is ``"check"`` or ``"validate"``.
    """

    command: str
    payload: dict[str, Any]
    rules: dict[str, dict[str, str]] = field(default_factory=dict)
    color: bool = False


Formatter = Callable[[Report], str]


def format_json(report: Report) -> str:
    return json.dumps(report.payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


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


FORMATS: dict[str, Formatter] = {
    "human": format_human,
    "json": format_json,
}


def render(name: str, report: Report) -> str:
    """Render ``report`` in the format ``name`` (a key of :data:`FORMATS`)."""
    return FORMATS[name](report)
