"""The registry of output formats: name → function(report) → text.

Each format is one small function in its own module; ``check`` and ``validate`` offer every name
in :data:`FORMATS` through ``--format``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policygen.output.github import format_github
from policygen.output.html_report import format_html
from policygen.output.human import format_human
from policygen.output.json_format import format_json
from policygen.output.sarif import format_sarif


@dataclass
class Report:
    """What a command found, in the JSON contract's shape, plus what formats may need to show it.

    ``payload`` is exactly the ``{"files": [...]}`` object of DESIGN.md. ``rules`` maps a finding's
    code to its metadata (``name``, ``summary``, ``help``, ``category``, optionally ``severity``,
    the rule's default) for formats that describe rules (SARIF, HTML). ``command`` is ``"check"``
    or ``"validate"``.
    """

    command: str
    payload: dict[str, Any]
    rules: dict[str, dict[str, str]] = field(default_factory=dict)
    color: bool = False


Formatter = Callable[[Report], str]

FORMATS: dict[str, Formatter] = {
    "human": format_human,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "html": format_html,
}

# Formats a program reads: anything else printed (``--statistics``) goes to stderr instead.
MACHINE_FORMATS = frozenset({"json", "sarif", "github", "html"})


def render(name: str, report: Report) -> str:
    """Render ``report`` in the format ``name`` (a key of :data:`FORMATS`)."""
    return FORMATS[name](report)


__all__ = ["FORMATS", "MACHINE_FORMATS", "Formatter", "Report", "format_human", "format_json", "render"]
