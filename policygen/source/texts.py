"""The texts of a description as the checker reads them: each translation of each text people
read, as prose blocks placed at their exact line and column in the YAML file.

Which values are texts comes from the model (:func:`policygen.model.reader_texts`); where each
character of a value was written comes from decoding its YAML scalar once more
(:mod:`policygen.check.extract.yaml`). A text is read the way a built document prints it: a title
as a heading, a data or subject label as a list item, anything else as paragraphs cut at blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from policygen.check.document import Block
from policygen.check.extract.yaml import scalar_blocks, source_lines
from policygen.model import LoadedDescription, reader_texts
from policygen.lang.locations import Position

KINDS = {"title": "heading", "label": "list_item"}
"""How a built document prints a field (its block kind for the checker); any other field is
paragraphs."""


@dataclass(frozen=True)
class SourceText:
    """One translation of one text: ``key`` as the YAML writes it (``purposes[2].title.sv``, or
    ``purposes[2].title`` for a plain string in a one-language description), its language, its
    blocks, and whether every character is placed exactly. ``start``/``end`` bound the scalar in
    the source (``end`` exclusive), for telling comments from text."""

    key: str
    lang: str
    blocks: list[Block]
    exact: bool
    start: Position
    end: Position


def source_texts(loaded: LoadedDescription, source: str) -> list[SourceText]:
    """Every translation of every text people read, in file order."""
    lines = source_lines(source)
    locations = loaded.locations
    found = []
    for text in reader_texts(loaded.description):
        for lang, value in text.text.items():
            key = f"{text.key}.{lang}"
            if key not in locations.values:
                key = text.key  # one language, written as a plain string
            if key not in locations.values:
                continue
            line, column = locations.values[key]
            parent_indent = locations.keys.get(key, (line, 1))[1] - 1
            blocks, exact = scalar_blocks(lines, line, column, value, KINDS.get(text.field, "paragraph"),
                                          parent_indent)
            start, end = _bounds(blocks, (line, column))
            found.append(SourceText(key, lang, blocks, exact, start, end))
    found.sort(key=lambda item: item.start)
    return found


def _bounds(blocks: list[Block], value: Position) -> tuple[Position, Position]:
    """From the first to just after the last placed character of ``blocks`` (a block scalar's
    header, which may carry a comment, is before the first)."""
    if not blocks:
        return value, (value[0], value[1] + 1)
    start = min(block.positions.start(0) for block in blocks)
    end = max(block.positions.end(len(block.text)) for block in blocks)
    return start, max(end, (start[0], start[1] + 1))
