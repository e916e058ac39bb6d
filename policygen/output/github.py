"""The ``github`` format: GitHub Actions workflow commands that annotate a pull request.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`` per finding (warning →
``::warning``, info → ``::notice``). GitHub reads these from the step's output and shows them on the
changed lines. Values are escaped as the Actions toolkit does: ``%``, ``\\r`` and ``\\n`` in the
message, and also ``:`` and ``,`` in properties.

The GitHub runner refuses ``col``/``endColumn`` when ``line`` and ``endLine`` differ (the
annotation is then dropped), so a multi-line finding gets ``line``/``endLine`` only. ``endColumn``
is passed as our exclusive end column, which is how GitHub highlights the range.
"""

from __future__ import annotations

from policygen.output.common import display_path, full_message, span_of
from policygen.output.report import Finding, Report

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message (the toolkit's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (the toolkit's ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(path: str, finding: Finding) -> list[tuple[str, str]]:
    props = [("file", path)]
    span = span_of(finding)
    if span is not None:
        props.append(("line", str(span.line)))
        single_line = span.end_line is None or span.end_line == span.line
        if single_line:
            props.append(("col", str(span.column)))
        if span.end_line is not None:
            props.append(("endLine", str(span.end_line)))
            if single_line:
                props.append(("endColumn", str(span.end_column)))
    props.append(("title", finding.code))
    return props


def annotation(path: str, finding: Finding) -> str:
    """One workflow command line for one finding."""
    command = _COMMANDS.get(finding.severity, "error")
    props = ",".join(f"{name}={escape_property(value)}" for name, value in _properties(path, finding))
    return f"::{command} {props}::{escape_data(full_message(finding))}"


def format_github(report: Report) -> str:
    lines = [annotation(display_path(file.path), finding) for file, finding in report.findings()]
    return "".join(line + "\n" for line in lines)
