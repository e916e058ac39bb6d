"""The checked text as HTML lines, with every finding marked at its exact line/column range.

The source text is data, never markup: every character goes through :func:`html.escape`. Findings
may overlap (a wordy phrase inside a long sentence), so each line is cut at every finding
boundary and each piece is wrapped in one ``<mark>`` per finding covering it, the longest finding
outermost. The first piece of a finding carries its anchor id, which the side list links to. In
HTML sources the markup (tags, comments) is dimmed so that the prose stands out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from policygen.output.common import Span

_WORD_END = re.compile(r"\S*")


@dataclass(frozen=True)
class Mark:
    """One finding to mark: its anchor id, CSS classes, hover text and place in the source."""

    anchor: str
    classes: str
    title: str
    span: Span


def _line_intervals(lines: list[str], span: Span) -> dict[int, tuple[int, int]]:
    """0-based line index → ``[start, end)`` code-point interval the span covers on that line."""
    first = span.line - 1
    if first >= len(lines):
        return {}
    start = min(span.column - 1, len(lines[first]))
    if span.end_line is None:
        end = start + len(_WORD_END.match(lines[first], start).group(0))
        return {first: (start, max(end, start))}
    last = min(span.end_line - 1, len(lines) - 1)
    intervals = {}
    for index in range(first, last + 1):
        line = lines[index]
        begin = start if index == first else 0
        finish = min(span.end_column - 1, len(line)) if index == span.end_line - 1 else len(line)
        intervals[index] = (begin, max(finish, begin))
    return intervals


def _markup_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each HTML comment or tag, as ``<!--.*?-->|<[^>]*>`` finds them, in one
    pass: that pattern searched to the end of the text for every unclosed opener (quadratic), but
    a closer missing once is missing for every later opener too."""
    comments_close = True
    position = 0
    while (start := text.find("<", position)) >= 0:
        if comments_close and text.startswith("<!--", start):
            close = text.find("-->", start + 4)
            if close >= 0:
                yield start, close + 3
                position = close + 3
                continue
            comments_close = False
        close = text.find(">", start + 1)
        if close < 0:
            return
        yield start, close + 1
        position = close + 1


def markup_intervals(lines: list[str]) -> dict[int, list[tuple[int, int]]]:
    """0-based line index → intervals holding HTML tags or comments (for dimming), in order."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found: dict[int, list[tuple[int, int]]] = {}
    line_index = 0
    for begin, end in _markup_spans(text):
        while starts[line_index + 1] <= begin:
            line_index += 1
        index = line_index
        while index < len(lines) and starts[index] < end:
            lo = max(begin, starts[index]) - starts[index]
            hi = min(end, starts[index] + len(lines[index])) - starts[index]
            if hi > lo:
                found.setdefault(index, []).append((lo, hi))
            index += 1
    return found


def _open_mark(mark: Mark, first: bool) -> str:
    anchor = f' id="{mark.anchor}"' if first else ""
    return f'<mark class="{mark.classes}"{anchor} data-finding="{mark.anchor}" title="{escape(mark.title)}">'


def highlight_lines(text: str, marks: list[Mark], dim_markup: bool = False) -> tuple[list[str], set[str]]:
    """HTML for each source line, and the anchors of the marks that found their place."""
    lines = text.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    per_line: dict[int, list[tuple[int, int, int, Mark]]] = {}
    for order, mark in enumerate(marks):
        for index, (start, end) in _line_intervals(lines, mark.span).items():
            per_line.setdefault(index, []).append((start, end, order, mark))
    dimmed = markup_intervals(lines) if dim_markup else {}
    # Longest finding outermost; ties in report order, so nesting is stable.
    outer_first = sorted(range(len(marks)), key=lambda i: (-_extent(marks[i].span), i))
    rank = {order: position for position, order in enumerate(outer_first)}
    opened: set[str] = set()
    html_lines = [
        _render_line(line, per_line.get(index, []), dimmed.get(index, []), rank, opened)
        for index, line in enumerate(lines)
    ]
    return html_lines, opened


def _extent(span: Span) -> int:
    if span.end_line is None:
        return 0
    return (span.end_line - span.line) * 10_000 + (span.end_column or 0) - span.column


def _render_line(line: str, covering: list[tuple[int, int, int, Mark]], markup: list[tuple[int, int]],
                 rank: dict[int, int], opened: set[str]) -> str:
    """One line cut at every boundary; the pieces are visited left to right while the marks and
    the markup interval around the current piece are kept up to date, so the time grows with the
    number of pieces and the marks around each, never with pieces times all marks."""
    cuts = {0, len(line)}
    for start, end, _, _ in covering:
        cuts.update((start, end))
    for start, end in markup:
        cuts.update((start, end))
    points = sorted(cuts)
    empties: dict[int, list[str]] = {}
    for start, end, _, mark in covering:
        if start == end and mark.anchor not in opened:
            empties.setdefault(start, []).append(_empty_mark(mark))
            opened.add(mark.anchor)
    by_start = sorted((item for item in covering if item[0] < item[1]), key=lambda item: item[0])
    active: dict[int, tuple[int, Mark]] = {}  # report order → (end, mark)
    next_mark = next_markup = 0
    out: list[str] = []
    for lo, hi in zip(points, points[1:]):
        if lo in empties:
            out.extend(empties.pop(lo))
        while next_mark < len(by_start) and by_start[next_mark][0] <= lo:
            _, end, order, mark = by_start[next_mark]
            active[order] = (end, mark)
            next_mark += 1
        while next_markup < len(markup) and markup[next_markup][1] <= lo:
            next_markup += 1
        chunk = escape(line[lo:hi], quote=False)
        if next_markup < len(markup) and markup[next_markup][0] <= lo:
            chunk = f'<span class="markup">{chunk}</span>'
        if active:
            for order in [order for order, (end, _) in active.items() if end <= lo]:
                del active[order]
            for order in sorted(active, key=rank.__getitem__, reverse=True):
                mark = active[order][1]
                first = mark.anchor not in opened
                opened.add(mark.anchor)
                chunk = _open_mark(mark, first) + chunk + "</mark>"
        out.append(chunk)
    for rest in empties.values():
        out.extend(rest)
    return "".join(out)


def _empty_mark(mark: Mark) -> str:
    """A finding with an empty range (end of line, empty line) still gets a visible marker."""
    return _open_mark(mark, True).replace('class="', 'class="empty ', 1) + "</mark>"
