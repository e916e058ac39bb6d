"""Markdown → prose blocks, each character mapped to its exact source line and column.

markdown-it-py gives every block its source line range (``token.map``). Inline positions are ours
to find: we walk the inline tokens in order and look for each piece of prose in the source from a
cursor that only moves forward. The cursor therefore steps over everything that is not prose:
emphasis markers, list markers, heading ``#``s, table pipes, link URLs, raw HTML and inline code
(replaced by a space). Escapes (``\\*``) and entities (``&amp;``) are decoded, and each decoded
character maps to the source characters it came from. A trailing attribute block on a heading
(``{#anchor}``) and image alt texts are not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from policygen.check.document import Block
from policygen.check.extract.builder import BlockBuilder

_HEADING_ATTRIBUTES = re.compile(r"\s*\{[#.:][^{}]*\}\s*$")


@cache
def _parser():  # noqa: ANN202 - markdown_it is imported lazily
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("text_join")  # keep escapes and entities apart, to map them back to the source
    return parser


class _Cursor:
    """A forward-only position in the source lines of one block."""

    __slots__ = ("lines", "first", "last", "line", "column")

    def __init__(self, lines: list[str], first: int, last: int) -> None:
        self.lines = lines
        self.first = first
        self.last = last
        self.line = first
        self.column = 0

    def find(self, text: str) -> tuple[int, int] | None:
        """Find ``text`` at or after the cursor, on one line of the block; move the cursor past it."""
        line, column = self.line, self.column
        while line < self.last and line < len(self.lines):
            found = self.lines[line].find(text, column)
            if found >= 0:
                self.line, self.column = line, found + len(text)
                return line, found
            line, column = line + 1, 0
        return None

    def find_pattern(self, pattern: re.Pattern[str]) -> tuple[int, int] | None:
        """Like :meth:`find`, for a regular expression."""
        line, column = self.line, self.column
        while line < self.last and line < len(self.lines):
            match = pattern.search(self.lines[line], column)
            if match:
                self.line, self.column = line, match.end()
                return line, match.start()
            line, column = line + 1, 0
        return None

    def next_line(self) -> None:
        if self.line + 1 < self.last:
            self.line += 1
            self.column = 0

    def skip_link_destination(self) -> None:
        """After a link's text: step over ``](url "title")`` or ``][ref]``."""
        if self.find("]") is None:
            return
        rest = self.lines[self.line][self.column :] if self.line < len(self.lines) else ""
        if rest.startswith("("):
            depth = 0
            for index, char in enumerate(rest):
                depth += char == "("
                depth -= char == ")"
                if depth == 0:
                    self.column += index + 1
                    return
        elif rest.startswith("["):
            end = rest.find("]")
            if end > 0:
                self.column += end + 1


@cache
def _backtick_run(length: int) -> re.Pattern[str]:
    """A run of exactly ``length`` backticks: how an inline code span opens and closes."""
    return re.compile(rf"(?<!`)`{{{length}}}(?!`)")


def _add_inline(builder: BlockBuilder, inline, cursor: _Cursor, heading: bool) -> None:  # noqa: ANN001
    children = list(inline.children or [])
    if heading and children and children[-1].type == "text":
        trimmed = _HEADING_ATTRIBUTES.sub("", children[-1].content)
        if trimmed != children[-1].content:
            children[-1] = children[-1].copy(content=trimmed)
    in_autolink = False
    for child in children:
        kind = child.type
        if kind == "text" or kind == "text_special":
            if in_autolink:
                continue
            content = child.content
            if not content:
                continue
            source_text = child.markup if kind == "text_special" and child.markup else content
            found = cursor.find(source_text)
            if found is None:
                builder.decoded(content, cursor.line + 1, cursor.column + 1, len(source_text))
            elif source_text == content:
                builder.copy(content, found[0] + 1, found[1] + 1)
            else:
                builder.decoded(content, found[0] + 1, found[1] + 1, len(source_text))
        elif kind in ("softbreak", "hardbreak"):
            builder.space(cursor.line + 1, cursor.column + 1)
            cursor.next_line()
        elif kind == "code_inline":
            run = _backtick_run(len(child.markup))
            found = cursor.find_pattern(run)
            if found is not None:
                builder.space(found[0] + 1, found[1] + 1)
                cursor.find_pattern(run)
        elif kind == "html_inline":
            cursor.find(child.content)
        elif kind == "link_open":
            if child.markup == "autolink" or child.info == "auto":
                in_autolink = True  # an autolink's text is its URL: not prose
        elif kind == "link_close":
            if in_autolink:
                in_autolink = False
                cursor.find(">")
            else:
                cursor.skip_link_destination()
        elif kind == "image":
            cursor.find("![")
            cursor.skip_link_destination()


def extract_markdown(source: str, first_line: int = 1) -> Iterator[Block]:
    """Prose blocks of a Markdown document, in source order."""
    # markdown-it treats a lone CR as a line break; we count lines by LF only, as editors do for
    # LF and CRLF files. Turning CRLF into LF and a lone CR into a space keeps every column.
    source = source.replace("\r\n", "\n").replace("\r", " ")
    if first_line == 1:
        source = _blank_front_matter(source)
    lines = source.split("\n")
    stack: list = []
    inside = {"list_item_open": 0, "blockquote_open": 0}  # how many of the stack's openers are of these types
    for token in _parser().parse(source):
        if token.nesting == 1:
            stack.append(token)
            if token.type in inside:
                inside[token.type] += 1
        elif token.nesting == -1:
            if stack:
                closed = stack.pop()
                if closed.type in inside:
                    inside[closed.type] -= 1
        if token.type == "html_block" and not stack and token.map:
            yield from _html_block(lines, token.map, first_line)
            continue
        if token.type != "inline":
            continue
        region = token.map or next((t.map for t in reversed(stack) if t.map), None)
        if region is None:
            continue
        opener = stack[-1] if stack else None
        opener_type = opener.type if opener is not None else ""
        level = 0
        if opener_type in ("th_open", "td_open"):
            kind = "table_cell"
        elif opener_type == "heading_open":
            kind = "heading"
            level = int(opener.tag[1:])
        elif inside["list_item_open"]:
            kind = "list_item"
        else:
            kind = "paragraph"
        start, end = region
        cursor = _Cursor(lines, start, max(end, start + 1))
        builder = BlockBuilder(kind, start + first_line, level)
        _add_inline(builder, token, cursor, kind == "heading")
        block = builder.build()
        if block is not None:
            block.quote = inside["blockquote_open"] > 0
            if first_line != 1:
                _shift(block, first_line - 1)
            yield block


def _blank_front_matter(source: str) -> str:
    """Blank out a YAML front matter block (``---`` … ``---``) at the top: metadata, not prose.
    Its lines stay, empty, so line numbers do not move."""
    if not source.startswith("---\n"):
        return source
    lines = source.split("\n")
    for index in range(1, min(len(lines), 200)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n" * (index + 1) + "\n".join(lines[index + 1 :])
    return source


def _html_block(lines: list[str], region: list[int], first_line: int) -> Iterator[Block]:
    """Prose of raw HTML written in Markdown (``<details>``, ``<p>`` …), with exact positions."""
    from policygen.check.extract.html import extract_html

    start, end = region
    yield from extract_html("\n".join(lines[start:end]), start + first_line)


def _shift(block: Block, lines: int) -> None:
    """Move a block parsed from a part of a file to its line numbers in the whole file."""
    from policygen.check.document import PositionMap

    shifted = PositionMap()
    for segment in block.positions.segments:
        shifted.add(segment.offset, segment.length, segment.line + lines, segment.column, segment.width)
    block.positions = shifted
