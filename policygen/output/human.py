"""The ``human`` format: ``path:line:col: severity CODE message`` lines for a terminal.

A description with format errors is bad input, and bad input is shown the way every command
shows it (:meth:`policygen.errors.Problem.render`, on stderr): :func:`format_malformed` gives those
lines, and :meth:`Report.without_malformed` what is left for the ordinary report.
"""

from __future__ import annotations

from policygen.errors import Problem
from policygen.output.common import ORIGIN_LABEL, display_path
from policygen.output.report import Report, description_origin

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET = "\x1b[0m"


def format_human(report: Report) -> str:
    """``path:line:col: severity CODE message`` lines, a metrics line per checked file, a summary."""
    lines: list[str] = []
    total = 0
    for file in report.files:
        path = display_path(file.path)
        metrics = file.metrics
        if metrics is not None:
            lix = "n/a" if metrics.lix is None else f"{metrics.lix:.1f}"
            lines.append(f"{path}: LIX {lix} ({metrics.words} words, "
                         f"{metrics.sentences} sentences, {metrics.long_words} long words)")
        for finding in file.findings:
            total += 1
            label = finding.severity
            if report.color:
                label = f"{_COLORS.get(label, '')}{label}{_RESET}"
            key = f" {finding.key}:" if finding.key else ""
            article = f" (Art. {finding.article})" if finding.article else ""
            lines.append(f"{path}:{finding.line}:{finding.column}: {label} {finding.code}{key} "
                         f"{finding.message}{article}")
            origin = description_origin(finding)
            if origin:
                lines.append(f"    {ORIGIN_LABEL.lower()}: {origin}")
            if finding.suggestion:
                lines.append(f"    suggestion: {finding.suggestion}")
            if finding.hint:
                lines.append(f"    hint: {finding.hint}")
    files = len(report.files)
    lines.append(f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines) + "\n"


def format_malformed(report: Report) -> str:
    """The format errors of malformed descriptions as located ``file:line:col: key: message``
    lines with their hints, as every bad input is shown."""
    return "".join(
        Problem(file=display_path(file.path), message=finding.message, line=finding.line,
                column=finding.column, key=finding.key, hint=finding.hint).render() + "\n"
        for file in report.files if file.malformed
        for finding in file.findings if finding.kind == "format"
    )
