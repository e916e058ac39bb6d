"""The ``html`` format: a self-contained report for people who would rather look than read.

For ``check``: each document's text (read from the file at its reported ``path``) with every
finding highlighted in its category's colour, the message and suggestion on hover (``title``)
and in a side list that links to the highlight, the document LIX on a gauge with its band, and
the per-section scores. For ``validate``: a table of findings per description.

Self-contained means no external requests at all: the CSS is inline, there is no script, and a
Content-Security-Policy forbids loading anything. The checked text is data, never markup.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policygen import __version__
from policygen.output.common import Span, span_of
from policygen.output.html_highlight import Mark, highlight_lines
from policygen.output.html_style import CATEGORY_COLOURS, category_class, stylesheet
from policygen.output.lix_bands import BANDS, lix_band, lix_gauge_svg

if TYPE_CHECKING:
    from policygen.output.registry import Report

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_BAND_COLOURS = {key: colour for _, key, _, colour in BANDS}


def _page(title: str, subtitle: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{stylesheet()}</style>\n</head>\n<body>\n"
        f'<header class="page"><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></header>\n'
        f"<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_html(report: Report) -> str:
    files = report.payload.get("files", [])
    total = sum(len(file.get("findings", [])) for file in files)
    subtitle = f"{_plural(total, 'finding')} in {_plural(len(files), 'file')} · policygen {__version__}"
    if report.command == "validate":
        body = "".join(_validate_file(file) for file in files)
        return _page("policygen validate report", subtitle, body)
    body = "".join(_check_file(index, file, report.rules) for index, file in enumerate(files, 1))
    return _page("policygen check report", subtitle, body)


# ---- check ---------------------------------------------------------------------------------------

def _hover_text(finding: dict[str, Any], rules: dict[str, dict[str, Any]]) -> str:
    name = finding.get("name") or rules.get(finding.get("code", ""), {}).get("name", "")
    head = f"{finding.get('code', '?')} {name}".strip()
    text = f"{head}: {finding.get('message', '')}"
    if finding.get("suggestion"):
        text += f"\nSuggestion: {finding['suggestion']}"
    return text


def _read_source(path: str) -> str | None:
    """The file as the checker read it (UTF-8, a byte-order mark dropped), or ``None``."""
    try:
        return Path(path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None


def _metrics_table(metrics: dict[str, Any]) -> str:
    labels = (
        ("words", "words"), ("sentences", "sentences"), ("long_words", "long words"),
        ("ovix", "OVIX"), ("flesch_reading_ease", "Flesch reading ease"), ("fk_grade", "Flesch–Kincaid grade"),
    )
    rows = []
    for key, label in labels:
        value = metrics.get(key)
        if value is None:
            continue
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        rows.append(f"<tr><th>{escape(label)}</th><td>{escape(shown)}</td></tr>")
    return f'<table class="metrics">{"".join(rows)}</table>'


def _legend(findings: list[dict[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for finding in findings:
        category = finding.get("category", "other")
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
    return f'<ul class="legend" aria-label="categories">{"".join(items)}</ul>'


def _cell(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _sections_table(sections: list[dict[str, Any]], file_id: str) -> str:
    if not sections:
        return ""
    rows = []
    for section in sections:
        metrics = section.get("metrics") or {}
        lix = metrics.get("lix")
        key, label = lix_band(lix)
        line = int(section.get("line") or 0)
        heading = escape(section.get("heading", ""))
        link = f'<a href="#{file_id}-L{line}">{heading}</a>' if line else heading
        if lix is None:
            score = '<span class="unscored">not scored</span>'
        else:
            colour = _BAND_COLOURS.get(key, "#adb5bd")
            width = min(max(lix, 0.0), 80.0) * 1.2
            score = f'{lix:.1f} <span class="bar" style="width:{width:.0f}px;background:{colour}"></span>'
        rows.append(
            f"<tr><td>{link}</td><td>{line}</td><td>{_cell(metrics.get('words'))}</td>"
            f"<td>{_cell(metrics.get('sentences'))}</td><td>{_cell(metrics.get('long_words'))}</td>"
            f"<td>{score}</td><td>{escape(label) if lix is not None else ''}</td></tr>"
        )
    return (
        '<table class="sections"><caption>Sections</caption><thead><tr><th>section</th><th>line</th>'
        "<th>words</th><th>sentences</th><th>long words</th><th>LIX</th><th>band</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _marks(file_id: str, findings: list[dict[str, Any]], rules: dict[str, dict[str, Any]]) -> list[tuple[dict, Mark | None]]:
    marks = []
    for number, finding in enumerate(findings, 1):
        span: Span | None = span_of(finding)
        severity = finding.get("severity", "error")
        mark = None
        if span is not None:
            classes = f"hl {category_class(finding.get('category', 'other'))} sev-{escape(severity)}"
            mark = Mark(f"{file_id}-f{number}", classes, _hover_text(finding, rules), span)
        marks.append((finding, mark))
    return marks


def _finding_item(finding: dict[str, Any], mark: Mark | None, placed: bool) -> str:
    severity = escape(finding.get("severity", "error"))
    where = escape(f"{finding.get('line', 0)}:{finding.get('column', 0)}")
    where_html = f'<a class="where" href="#{mark.anchor}">{where}</a>' if mark and placed else f'<span class="where">{where}</span>'
    suggestion = finding.get("suggestion")
    suggestion_html = f'<span class="suggestion">→ {escape(suggestion)}</span>' if suggestion else ""
    missing = "" if placed else ' <span class="note">(not found in the source)</span>'
    return (
        f'<li class="{category_class(finding.get("category", "other"))}">{where_html} '
        f'<span class="code">{escape(finding.get("code", "?"))}</span>'
        f'<span class="sev sev-{severity}">{severity}</span> '
        f"{escape(finding.get('message', ''))}{missing}{suggestion_html}</li>"
    )


def _check_file(index: int, file: dict[str, Any], rules: dict[str, dict[str, Any]]) -> str:
    file_id = f"file{index}"
    path = file.get("path", "")
    findings = file.get("findings", [])
    metrics = file.get("metrics") or {}
    lix = metrics.get("lix")
    _, band = lix_band(lix)
    marks = _marks(file_id, findings, rules)
    source = _read_source(path)
    placed: set[str] = set()
    if source is None:
        text_html = f'<p class="note">The source file {escape(path)} could not be read; findings are listed only.</p>'
    else:
        dim = path.lower().endswith((".html", ".htm"))
        lines, placed = highlight_lines(source, [mark for _, mark in marks if mark is not None], dim_markup=dim)
        rows = "".join(
            f'<div class="line" id="{file_id}-L{n}"><span class="ln">{n}</span><span class="text">{html}</span></div>'
            for n, html in enumerate(lines, 1)
        )
        text_html = f'<div class="source" lang="{escape(file.get("lang", ""))}">{rows}</div>'
    items = "".join(_finding_item(f, m, m is not None and m.anchor in placed) for f, m in marks)
    side = f'<aside class="findings"><h3>{_plural(len(findings), "finding")}</h3><ol>{items}</ol></aside>'
    lang = escape(file.get("lang", "?"))
    return (
        f'<section class="file" id="{file_id}"><h2>{escape(path)} <small>({lang})</small></h2>\n'
        f'<div class="summary"><div class="lix">{lix_gauge_svg(lix)}'
        f'<div class="band-label">LIX {"n/a" if lix is None else f"{lix:.1f}"} — {escape(band)}</div></div>'
        f"{_metrics_table(metrics)}</div>\n{_legend(findings)}\n"
        f"{_sections_table(file.get('sections') or [], file_id)}\n"
        f'<div class="layout">{text_html}{side}</div>\n</section>\n'
    )


# ---- validate ------------------------------------------------------------------------------------

def _validate_file(file: dict[str, Any]) -> str:
    findings = file.get("findings", [])
    rows = []
    for finding in findings:
        severity = escape(finding.get("severity", "error"))
        hint = finding.get("hint")
        hint_html = f'<br><span class="note">hint: {escape(hint)}</span>' if hint else ""
        rows.append(
            f'<tr class="sev-row-{severity}"><td><span class="sev sev-{severity}">{severity}</span></td>'
            f"<td>{escape(finding.get('code', '?'))}</td><td>{escape(finding.get('kind', ''))}</td>"
            f"<td>{escape(finding.get('article') or '')}</td><td><code>{escape(finding.get('key') or '')}</code></td>"
            f"<td>{escape(str(finding.get('line', 0)))}:{escape(str(finding.get('column', 0)))}</td>"
            f"<td>{escape(finding.get('message', ''))}"
            f"{hint_html}</td></tr>"
        )
    table = (
        '<table class="findings"><thead><tr><th>severity</th><th>code</th><th>kind</th><th>GDPR article</th>'
        f"<th>key</th><th>line:col</th><th>message</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows else '<p class="note">No findings.</p>'
    )
    return f'<section class="file"><h2>{escape(file.get("path", ""))}</h2>{table}</section>\n'
