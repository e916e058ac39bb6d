"""The registry of output formats: name → function(report) → text.

Each format is one small function in its own module; ``check`` and ``validate`` offer every name
in :data:`FORMATS` through ``--format``.
"""

from __future__ import annotations

from collections.abc import Callable

from policygen.output.github import format_github
from policygen.output.html_report import format_html
from policygen.output.human import format_human
from policygen.output.json_format import format_json
from policygen.output.report import Report
from policygen.output.sarif import format_sarif

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
