"""Building a block's prose text together with its map back to the source."""

from __future__ import annotations

from policygen.check.document import Block, PositionMap


class BlockBuilder:
    """Accumulates prose pieces, each with the source (line, column) it came from."""

    __slots__ = ("parts", "positions", "length", "kind", "line", "level")

    def __init__(self, kind: str, line: int, level: int = 0) -> None:
        self.parts: list[str] = []
        self.positions = PositionMap()
        self.length = 0
        self.kind = kind
        self.line = line
        self.level = level

    def copy(self, text: str, line: int, column: int) -> None:
        """Append ``text`` that appears verbatim at ``line``/``column`` of the source."""
        if text:
            self.positions.add(self.length, len(text), line, column)
            self.parts.append(text)
            self.length += len(text)

    def decoded(self, text: str, line: int, column: int, width: int) -> None:
        """Append ``text`` decoded from ``width`` source characters at ``line``/``column``."""
        if text:
            self.positions.add(self.length, len(text), line, column, width)
            self.parts.append(text)
            self.length += len(text)

    def space(self, line: int, column: int) -> None:
        """Append one separating space (a line break, removed code) unless one is already there."""
        if self.parts and not self.parts[-1][-1:].isspace():
            self.decoded(" ", line, column, 0)

    def build(self) -> Block | None:
        text = "".join(self.parts)
        if not text.strip():
            return None
        return Block(kind=self.kind, text=text, positions=self.positions, line=self.line, level=self.level)
