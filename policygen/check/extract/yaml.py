"""A YAML scalar → prose blocks whose characters know their line and column in the YAML file.

A text in a YAML file is one scalar, written plain, single- or double-quoted, or as a literal
(``|``) or folded (``>``) block. The parser gives its value and where the scalar starts; a finding
inside the value needs the exact place of each character. So the scalar is decoded here once more,
from its source lines, by the rules of YAML 1.2 (line folding, ``''`` and ``\\`` escapes, block
indentation and chomping), and every decoded character remembers the source characters it came
from: a copy maps 1:1, an escape (``\\u00e9``, ``''``) maps to its whole escape sequence, and a
folded line break (a space, or a newline between paragraphs) maps to the end of its line.

The decoded text must equal the parser's value. When it does not (a YAML feature decoded
differently here), the mapping is not trusted: :func:`scalar_blocks` says so and places every
character at the scalar's start instead, which is always right, only less precise.

The value is cut into blocks at blank lines, as a built document cuts a text into paragraphs;
single line breaks inside a block are white space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygen.check.document import Block
from policygen.check.extract.builder import BlockBuilder

_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TAG = re.compile(r"!\S*[ \t]+")
HEADING_LEVEL = 3
"""The level a text read as a heading gets (a purpose's title is a third-level heading of the policy)."""
_BLOCK_HEADER = re.compile(r"^([|>])([1-9][+-]?|[+-][1-9]?)?[ \t]*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class Piece:
    """Decoded ``text`` that came from ``width`` source characters at 0-based ``row``/``column``
    (``width == len(text)``: a verbatim copy)."""

    text: str
    row: int
    column: int
    width: int


class _Mismatch(Exception):
    """The source does not decode to the expected value."""


class _Decoder:
    """Decodes one scalar from its source lines; :meth:`run` gives its pieces."""

    def __init__(self, lines: list[str], row: int, column: int, expected: str, parent_indent: int) -> None:
        self.lines = lines
        self.row = row
        self.column = column
        self.expected = expected
        self.parent_indent = parent_indent
        self.pieces: list[Piece] = []
        self.length = 0

    # -- output ------------------------------------------------------------------------------

    def emit(self, text: str, row: int, column: int, width: int | None = None) -> None:
        if not text:
            return
        if not self.expected.startswith(text, self.length):
            raise _Mismatch
        self.pieces.append(Piece(text, row, column, len(text) if width is None else width))
        self.length += len(text)

    @property
    def complete(self) -> bool:
        return self.length == len(self.expected)

    def line(self, row: int) -> str:
        if row >= len(self.lines):
            raise _Mismatch
        return self.lines[row]

    # -- styles ------------------------------------------------------------------------------

    def run(self) -> list[Piece]:
        first = self.line(self.row)
        tag = _TAG.match(first, self.column)
        if tag:  # a core tag before the value (``!!str``): the value starts after it
            self.column = tag.end()
        indicator = first[self.column:self.column + 1]
        if indicator in ('"', "'"):
            self._quoted(indicator)
        elif indicator in ("|", ">"):
            self._block(first[self.column:])
        else:
            self._plain()
        if not self.complete:
            raise _Mismatch
        return self.pieces

    def _fold(self, row: int, end: int) -> tuple[int, int]:
        """A line break inside a flow scalar, after the content that ends at ``end`` on ``row``:
        the following empty lines each give a newline, a single break gives a space. Returns where
        the next line's content starts."""
        newlines = 0
        next_row = row + 1
        while next_row < len(self.lines) and not self.lines[next_row].strip(" \t"):
            newlines += 1
            next_row += 1
        text = "\n" * newlines if newlines else " "
        self.emit(text, row, end, 0)
        following = self.line(next_row)
        return next_row, len(following) - len(following.lstrip(" \t"))

    def _quoted(self, quote: str) -> None:
        row, position = self.row, self.column + 1
        while True:
            line = self.line(row)
            start = position
            while position < len(line):
                char = line[position]
                if char == quote:
                    if quote == "'" and line[position + 1:position + 2] == "'":
                        self.emit(line[start:position], row, start)
                        self.emit("'", row, position, 2)
                        position += 2
                        start = position
                        continue
                    self.emit(line[start:position], row, start)
                    return
                if char == "\\" and quote == '"':
                    self.emit(line[start:position], row, start)
                    if position + 1 >= len(line):  # an escaped line break: joined without a space
                        row, position = self._escaped_break(row)
                        break
                    position = self._escape(line, row, position)
                    start = position
                    continue
                position += 1
            else:
                content = line[start:].rstrip(" \t")
                self.emit(content, row, start)
                row, position = self._fold(row, start + len(content))

    def _escaped_break(self, row: int) -> tuple[int, int]:
        next_row = row + 1
        while next_row < len(self.lines) and not self.lines[next_row].strip(" \t"):
            self.emit("\n", next_row, len(self.lines[next_row]), 0)
            next_row += 1
        following = self.line(next_row)
        return next_row, len(following) - len(following.lstrip(" \t"))

    def _escape(self, line: str, row: int, position: int) -> int:
        code = line[position + 1]
        if code in _SIMPLE_ESCAPES:
            self.emit(_SIMPLE_ESCAPES[code], row, position, 2)
            return position + 2
        digits = _HEX_ESCAPES.get(code)
        if digits is None:
            raise _Mismatch
        number = line[position + 2:position + 2 + digits]
        if len(number) != digits or not all(c in "0123456789abcdefABCDEF" for c in number):
            raise _Mismatch
        self.emit(chr(int(number, 16)), row, position, 2 + digits)
        return position + 2 + digits

    def _plain(self) -> None:
        """Plain scalars end at a comment, a ``: `` or a flow indicator, or where a less indented
        line begins; the parser's value says where, so decoding stops once it is reproduced."""
        row, position = self.row, self.column
        while True:
            line = self.line(row)
            content = line[position:]
            comment = re.search(r"[ \t]#", content)
            if comment:
                content = content[:comment.start()]
            content = content.rstrip(" \t")
            for index, char in enumerate(content):
                if self.complete:
                    return
                self.emit(char, row, position + index)
            if self.complete or comment:
                return
            row, position = self._fold(row, position + len(content))

    def _block(self, header: str) -> None:
        match = _BLOCK_HEADER.match(header.rstrip())
        if match is None:
            raise _Mismatch
        style, indicators = match.group(1), match.group(2) or ""
        digits = [c for c in indicators if c.isdigit()]
        chomping = "-" if "-" in indicators else "+" if "+" in indicators else ""
        rows = range(self.row + 1, len(self.lines))
        if digits:
            indent = self.parent_indent + int(digits[0])
        else:
            content_rows = [r for r in rows if self.lines[r].strip(" ")]
            if not content_rows:
                raise _Mismatch
            first = self.lines[content_rows[0]]
            indent = len(first) - len(first.lstrip(" "))
        body: list[int] = []  # rows of the scalar, empty ones included
        for r in rows:
            text = self.lines[r]
            if text.strip(" ") and len(text) - len(text.lstrip(" ")) < indent:
                break
            body.append(r)
        content = [r for r in body if len(self.lines[r]) > indent or self.lines[r][indent:].strip(" ")]
        if not content:
            raise _Mismatch
        folded = style == ">"
        breaks: list[int] = [r for r in body if r < content[0]]
        last = content[-1]
        for index, r in enumerate(content):
            for empty in breaks:
                self.emit("\n", empty, len(self.lines[empty]), 0)
            text = self.lines[r]
            self.emit(text[indent:], r, indent)
            following = content[index + 1] if index + 1 < len(content) else None
            breaks = [e for e in body if r < e < following] if following is not None else \
                [e for e in body if e > r]
            if following is None:
                break
            next_text = self.lines[following]
            if folded and text[indent:indent + 1] not in (" ", "\t") and \
                    next_text[indent:indent + 1] not in (" ", "\t"):
                if not breaks:
                    self.emit(" ", r, len(text), 0)
            else:
                self.emit("\n", r, len(text), 0)
        if chomping != "-":
            self.emit("\n", last, len(self.lines[last]), 0)
        if chomping == "+":
            for empty in breaks:
                self.emit("\n", empty, len(self.lines[empty]), 0)


def decode_scalar(lines: list[str], line: int, column: int, expected: str,
                  parent_indent: int = 0) -> list[Piece] | None:
    """The pieces of the scalar that starts at 1-based ``line``/``column`` of ``lines``, decoded
    exactly to ``expected``, or ``None`` when its source does not decode to ``expected``.

    ``parent_indent`` is the indentation of the mapping that holds the scalar (the 0-based column
    of its key), needed only for a block scalar with an explicit indentation indicator (``|2``).
    """
    try:
        return _Decoder(lines, line - 1, column - 1, expected, parent_indent).run()
    except (_Mismatch, IndexError):
        return None


def source_lines(source: str) -> list[str]:
    """The lines of a YAML source as the parser counts them (LF or CRLF)."""
    return [line.removesuffix("\r") for line in source.split("\n")]


def scalar_blocks(lines: list[str], line: int, column: int, value: str, kind: str = "paragraph",
                  parent_indent: int = 0) -> tuple[list[Block], bool]:
    """The prose blocks of a scalar's ``value`` (cut at blank lines), and whether each character
    is placed exactly (``False``: every character is placed at the scalar's start)."""
    pieces = decode_scalar(lines, line, column, value, parent_indent)
    exact = pieces is not None
    if pieces is None:
        pieces = [Piece(value, line - 1, column - 1, 1)]  # every character on the value's first one
    blocks = []
    start = 0
    for match in [*_PARAGRAPH_BREAK.finditer(value), None]:
        end = match.start() if match else len(value)
        block = _block(value, pieces, start, end, kind)
        if block is not None:
            blocks.append(block)
        start = match.end() if match else len(value)
    return blocks, exact


def _block(value: str, pieces: list[Piece], start: int, end: int, kind: str) -> Block | None:
    """The block of ``value[start:end]`` (surrounding white space left out, line breaks inside
    read as spaces)."""
    while start < end and value[start].isspace():
        start += 1
    while end > start and value[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    offset = 0
    builder: BlockBuilder | None = None
    for piece in pieces:
        piece_end = offset + len(piece.text)
        low, high = max(start, offset), min(end, piece_end)
        if low < high:
            text = piece.text[low - offset:high - offset].replace("\n", " ")
            if builder is None:
                builder = BlockBuilder(kind, piece.row + 1, HEADING_LEVEL if kind == "heading" else 0)
            if piece.width == len(piece.text):
                builder.copy(text, piece.row + 1, piece.column + 1 + (low - offset))
            else:
                builder.decoded(text, piece.row + 1, piece.column + 1, piece.width)
        offset = piece_end
        if offset >= end:
            break
    return builder.build() if builder is not None else None
