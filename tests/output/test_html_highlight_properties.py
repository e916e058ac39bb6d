"""Any text, any finding ranges: the highlighted source keeps every character, escaped, and every
finding that lies inside the text gets its anchor."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policygen.output.common import Span
from policygen.output.html_highlight import Mark, highlight_lines

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@st.composite
def text_and_marks(draw):
    text = draw(TEXT)
    lines = text.split("\n")
    marks = []
    for number in range(draw(st.integers(0, 6))):
        line = draw(st.integers(1, len(lines) + 1))
        column = draw(st.integers(1, 40))
        end_line = draw(st.integers(line, line + 2))
        end_column = draw(st.integers(column + 1 if end_line == line else 1, 60))
        marks.append(Mark(f"f{number}", "hl cat-vague", "t", Span(line, column, end_line, end_column)))
    return text, marks


def strip_tags(fragment: str) -> str:
    out, inside = [], False
    for char in fragment:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return html.unescape("".join(out))


@settings(max_examples=200, deadline=None)
@given(text_and_marks())
def test_highlighting_keeps_the_text_and_places_every_mark_inside_it(case) -> None:
    text, marks = case
    rendered, placed = highlight_lines(text, marks, dim_markup=True)
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    assert [strip_tags(line) for line in rendered] == lines
    for mark in marks:
        assert (mark.anchor in placed) == (mark.span.line <= len(lines))
    tags = {tag.split()[0].rstrip(">") for line in rendered for tag in re.findall(r"<[^>]*>", line)}
    assert tags <= {"<mark", "</mark", "<span", "</span"}
