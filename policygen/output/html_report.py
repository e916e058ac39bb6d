"""The ``html`` format: a self-contained report for people who would rather look than read.

For a checked document: its text (as it was checked, carried in the report) with every finding
highlighted in its category's colour, the message and suggestion on hover (``title``) and in a
side list that links to the highlight, the document LIX on a gauge with its band, and the
per-section scores. For a description (``validate``, or ``check`` on a description): a table of
findings, and when the report holds the description's text (its language findings were checked),
that text with every finding highlighted at its line and column.

Self-contained means no external requests at all: the CSS is inline, there is no script, and a
Content-Security-Policy forbids loading anything. The checked text is data, never markup.
"""

from __future__ import annotations

from html import escape
from typing import Any

from policygen import __version__
from policygen.lang.articles import article_number
from policygen.lang.messages import N_, _, interface_language, ngettext, number
from policygen.output.common import ORIGIN_LABEL, display_path, span_of
from policygen.output.html_highlight import Mark, highlight_lines
from policygen.output.html_style import CATEGORY_COLOURS, OTHER_COLOUR, category_class, stylesheet
from policygen.output.levels import severity_label
from policygen.output.lix_bands import BANDS, lix_band, lix_gauge_svg
from policygen.output.report import FileReport, Finding, Metrics, Report, RuleInfo, Section, description_origin

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_BAND_COLOURS = {key: colour for _lower, key, _label, colour in BANDS}
# Labels shown inside f-strings: marked here, where the catalogue extraction finds them.
_CATEGORIES = N_("categories")
_NOT_SCORED = N_("not scored")
_SECTIONS = N_("Sections")
_NOT_FOUND = N_("not found in the source")
_NO_TEXT = N_("The report does not hold the text of this file; findings are listed only.")
_NA = N_("n/a")
_NO_FINDINGS = N_("No findings.")
_KINDS = {"check": N_("check"), "gdpr": N_("gdpr"), "format": N_("format"), "language": N_("language")}


def _page(title: str, subtitle: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{interface_language()}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{stylesheet()}</style>\n</head>\n<body>\n"
        f'<header class="page"><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></header>\n'
        f"<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _findings(count: int) -> str:
    return ngettext("{count} finding", "{count} findings", count).format(count=number(count))


def format_html(report: Report) -> str:
    """The report as one page, its labels in the interface language (``<html lang>`` says which)."""
    files = report.files
    total = sum(len(file.findings) for file in files)
    subtitle = (_findings(total) + " " + ngettext("in {files} file", "in {files} files", len(files)).format(files=len(files))
                + f" · policygen {__version__}")
    body = "".join(_check_file(index, file, report.rules) if file.metrics is not None
                   else _description_file(index, file, report.rules)
                   for index, file in enumerate(files, 1))
    return _page(_("policygen {command} report").format(command=report.command), subtitle, body)


# ---- check ---------------------------------------------------------------------------------------

def _hover_text(finding: Finding, rules: dict[str, RuleInfo]) -> str:
    name = finding.name or (rules[finding.code].name if finding.code in rules else "")
    head = f"{finding.code} {name}".strip()
    text = f"{head}: {finding.message}"
    if finding.suggestion:
        text += "\n" + _("Suggestion: {suggestion}").format(suggestion=finding.suggestion)
    return text


def _metrics_table(metrics: Metrics) -> str:
    labels = (
        ("words", N_("words")), ("sentences", N_("sentences")), ("long_words", N_("long words")),
        ("ovix", "OVIX"), ("flesch_reading_ease", N_("Flesch reading ease")), ("fk_grade", N_("Flesch–Kincaid grade")),
    )
    rows = []
    for key, label in labels:
        value = getattr(metrics, key)
        if value is None:
            continue
        shown = number(value, 1 if isinstance(value, float) else 0)
        rows.append(f"<tr><th>{escape(_(label))}</th><td>{escape(shown)}</td></tr>")
    return f'<table class="metrics">{"".join(rows)}</table>'


def _legend(findings: list[Finding]) -> str:
    counts: dict[str, int] = {}
    for finding in findings:
        category = finding.category or "other"
        counts[category] = counts.get(category, 0) + 1
    categories = list(CATEGORY_COLOURS) + sorted(set(counts) - set(CATEGORY_COLOURS))
    items = []
    for category in categories:
        count = counts.get(category, 0)
        absent = "" if count else ' class="absent"'
        items.append(
            f'<li{absent}><span class="swatch {category_class(category)}"></span>'
            f"{escape(category)} ({count})</li>"
        )
    return f'<ul class="legend" aria-label="{escape(_(_CATEGORIES))}">{"".join(items)}</ul>'


def _cell(value: Any) -> str:
    return "" if value is None else escape(number(value) if isinstance(value, int) else str(value))


def _sections_table(sections: list[Section], file_id: str) -> str:
    if not sections:
        return ""
    rows = []
    for section in sections:
        metrics = section.metrics
        lix = metrics.lix
        key, label = lix_band(lix)
        line = section.line
        heading = escape(section.heading)
        link = f'<a href="#{file_id}-L{line}">{heading}</a>' if line else heading
        if lix is None:
            score = f'<span class="unscored">{escape(_(_NOT_SCORED))}</span>'
        else:
            colour = _BAND_COLOURS.get(key, OTHER_COLOUR)
            width = min(max(lix, 0.0), 80.0) * 1.2
            score = f'{number(lix, 1)} <span class="bar" style="width:{width:.0f}px;background:{colour}"></span>'
        rows.append(
            f"<tr><td>{link}</td><td>{line}</td><td>{_cell(metrics.words)}</td>"
            f"<td>{_cell(metrics.sentences)}</td><td>{_cell(metrics.long_words)}</td>"
            f"<td>{score}</td><td>{escape(label) if lix is not None else ''}</td></tr>"
        )
    head = "".join(f"<th>{escape(_(label))}</th>" for label in _SECTION_COLUMNS)
    return (
        f'<table class="sections"><caption>{escape(_(_SECTIONS))}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


_SECTION_COLUMNS = (N_("section"), N_("line"), N_("words"), N_("sentences"), N_("long words"), "LIX", N_("band"))


def _marks(file_id: str, findings: list[Finding], rules: dict[str, RuleInfo]) -> list[tuple[Finding, Mark | None]]:
    marks = []
    for number, finding in enumerate(findings, 1):
        span = span_of(finding)
        mark = None
        if span is not None:
            classes = f"hl {category_class(finding.category or 'other')} sev-{escape(finding.severity)}"
            mark = Mark(f"{file_id}-f{number}", classes, _hover_text(finding, rules), span)
        marks.append((finding, mark))
    return marks


def _origin_html(finding: Finding) -> str:
    origin = description_origin(finding)
    return f' <span class="note">({escape(_(ORIGIN_LABEL).lower())}: <code>{escape(origin)}</code>)</span>' \
        if origin else ""


def _finding_item(finding: Finding, mark: Mark | None, placed: bool) -> str:
    severity = escape(finding.severity)
    label = escape(severity_label(finding.severity))
    where = escape(f"{finding.line}:{finding.column}")
    where_html = f'<a class="where" href="#{mark.anchor}">{where}</a>' if mark and placed else f'<span class="where">{where}</span>'
    suggestion = finding.suggestion
    suggestion_html = f'<span class="suggestion">→ {escape(suggestion)}</span>' if suggestion else ""
    missing = "" if placed else f' <span class="note">({escape(_(_NOT_FOUND))})</span>'
    return (
        f'<li class="{category_class(finding.category or "other")}">{where_html} '
        f'<span class="code">{escape(finding.code)}</span>'
        f'<span class="sev sev-{severity}">{label}</span> '
        f"{escape(finding.message)}{missing}{_origin_html(finding)}{suggestion_html}</li>"
    )


_NO_METRICS = Metrics(words=0, sentences=0, long_words=0, lix=None)


def _check_file(index: int, file: FileReport, rules: dict[str, RuleInfo]) -> str:
    file_id = f"file{index}"
    path = display_path(file.path)
    findings = file.findings
    metrics = file.metrics or _NO_METRICS
    lix = metrics.lix
    band = lix_band(lix)[1]
    marks = _marks(file_id, findings, rules)
    placed: set[str] = set()
    if file.source is None:
        text_html = f'<p class="note">{escape(_(_NO_TEXT))}</p>'
    else:
        dim = path.lower().endswith((".html", ".htm"))
        lines, placed = highlight_lines(file.source, [mark for _finding, mark in marks if mark is not None], dim_markup=dim)
        rows = "".join(
            f'<div class="line" id="{file_id}-L{n}"><span class="ln">{n}</span><span class="text">{html}</span></div>'
            for n, html in enumerate(lines, 1)
        )
        text_html = f'<div class="source" lang="{escape(file.lang)}">{rows}</div>'
    items = "".join(_finding_item(f, m, m is not None and m.anchor in placed) for f, m in marks)
    side = f'<aside class="findings"><h3>{escape(_findings(len(findings)))}</h3><ol>{items}</ol></aside>'
    lang = escape(file.lang or "?")
    return (
        f'<section class="file" id="{file_id}"><h2>{escape(path)} <small>({lang})</small></h2>\n'
        f'<div class="summary"><div class="lix">{lix_gauge_svg(lix)}'
        f'<div class="band-label">LIX {escape(_(_NA)) if lix is None else number(lix, 1)} — {escape(band)}</div></div>'
        f"{_metrics_table(metrics)}</div>\n{_legend(findings)}\n"
        f"{_sections_table(file.sections, file_id)}\n"
        f'<div class="layout">{text_html}{side}</div>\n</section>\n'
    )


# ---- descriptions --------------------------------------------------------------------------------

def _source_html(file_id: str, file: FileReport, marks: list[tuple[Finding, Mark | None]]) -> tuple[str, set[str]]:
    """The file's text with the findings highlighted (empty when the report does not hold it)."""
    if file.source is None:
        return "", set()
    lines, placed = highlight_lines(file.source, [mark for _finding, mark in marks if mark is not None])
    rows = "".join(
        f'<div class="line" id="{file_id}-L{n}"><span class="ln">{n}</span><span class="text">{html}</span></div>'
        for n, html in enumerate(lines, 1)
    )
    return f'<div class="source">{rows}</div>', placed


def _description_file(index: int, file: FileReport, rules: dict[str, RuleInfo]) -> str:
    file_id = f"file{index}"
    marks = _marks(file_id, file.findings, rules)
    source_html, placed = _source_html(file_id, file, marks)
    rows = []
    for finding, mark in marks:
        severity = escape(finding.severity)
        hint = _("hint: {hint}").format(hint=finding.hint) if finding.hint else ""
        hint_html = f'<br><span class="note">{escape(hint)}</span>' if hint else ""
        suggestion_html = (f'<br><span class="suggestion">→ {escape(finding.suggestion)}</span>'
                           if finding.suggestion else "")
        where = escape(f"{finding.line}:{finding.column}")
        if mark is not None and mark.anchor in placed:
            where = f'<a class="where" href="#{mark.anchor}">{where}</a>'
        rows.append(
            f'<tr class="sev-row-{severity}"><td><span class="sev sev-{severity}">'
            f"{escape(severity_label(finding.severity))}</span></td>"
            f"<td>{escape(finding.code)}</td><td>{escape(_(_KINDS.get(finding.kind, finding.kind)))}</td>"
            f"<td>{escape(article_number(finding.article or ''))}</td><td><code>{escape(finding.key)}</code></td>"
            f"<td>{where}</td>"
            f"<td>{escape(finding.message)}"
            f"{suggestion_html}{hint_html}</td></tr>"
        )
    head = "".join(f"<th>{escape(_(label))}</th>" for label in _FINDING_COLUMNS)
    table = (
        f'<table class="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        if rows else f'<p class="note">{escape(_(_NO_FINDINGS))}</p>'
    )
    return (f'<section class="file" id="{file_id}"><h2>{escape(display_path(file.path))}</h2>'
            f"{table}{source_html}</section>\n")


_FINDING_COLUMNS = (N_("severity"), N_("code"), N_("kind"), N_("GDPR article"), N_("key"), N_("line:col"),
                    N_("message"))
