"""The ``human`` format: ``path:line:col: severity CODE message`` lines for a terminal.

A description with format errors is bad input, and bad input is shown the way every command
shows it (:meth:`policygen.errors.Problem.render`, on stderr): :func:`format_malformed` gives those
lines, and :meth:`Report.without_malformed` what is left for the ordinary report.
"""

from __future__ import annotations

from policygen.errors import Problem
from policygen.lang.articles import cited_article
from policygen.lang.messages import _, ngettext, number
from policygen.output.common import ORIGIN_LABEL, display_path
from policygen.output.levels import severity_label
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
            lix = _("n/a") if metrics.lix is None else number(metrics.lix, 1)
            counts = (ngettext("{count} word", "{count} words", metrics.words).format(count=number(metrics.words)),
                      ngettext("{count} sentence", "{count} sentences", metrics.sentences).format(
                          count=number(metrics.sentences)),
                      ngettext("{count} long word", "{count} long words", metrics.long_words).format(
                          count=number(metrics.long_words)))
            lines.append(_("{path}: LIX {lix} ({counts})").format(path=path, lix=lix, counts=", ".join(counts)))
        for finding in file.findings:
            total += 1
            label = severity_label(finding.severity)
            if report.color:
                label = f"{_COLORS.get(finding.severity, '')}{label}{_RESET}"
            key = f" {finding.key}:" if finding.key else ""
            article = " " + cited_article(finding.article) if finding.article else ""
            lines.append(f"{path}:{finding.line}:{finding.column}: {label} {finding.code}{key} "
                         f"{finding.message}{article}")
            origin = description_origin(finding)
            if origin:
                lines.append(f"    {_(ORIGIN_LABEL).lower()}: {origin}")
            if finding.suggestion:
                lines.append("    " + _("suggestion: {suggestion}").format(suggestion=finding.suggestion))
            if finding.hint:
                lines.append("    " + _("hint: {hint}").format(hint=finding.hint))
    files = len(report.files)
    lines.append(ngettext("{count} finding", "{count} findings", total).format(count=number(total)) + " "
                 + ngettext("in {files} file", "in {files} files", files).format(files=files))
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
