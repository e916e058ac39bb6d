"""Where each key of a description was written: key path → 1-based (line, column).

Key paths use dots for mapping keys and 0-based brackets for list items
(``purposes[1].retention``), exactly as messages show them. A path that does not exist — a
missing key — is located at its nearest existing parent, as DESIGN.md asks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

Position = tuple[int, int]

_LAST_SEGMENT = re.compile(r"(\.[^.\[\]]*|\[\d+\])$")


def offset_positions(text: str) -> Callable[[int], Position]:
    """A function from a character offset in ``text`` to its 1-based (line, column)."""
    starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(offset: int) -> Position:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    return position


def join_key(parent: str, segment: str | int) -> str:
    """Append a mapping key or a list index to a key path."""
    if isinstance(segment, int):
        return f"{parent}[{segment}]"
    return f"{parent}.{segment}" if parent else segment


def parent_key(path: str) -> str:
    """``purposes[1].retention`` → ``purposes[1]`` → ``purposes`` → ``""`` (the whole file)."""
    match = _LAST_SEGMENT.search(path)
    if match is None:
        return ""
    parent = path[: match.start()]
    return parent


@dataclass
class Locations:
    """Positions of every key (where the key is written) and value (where its value starts)."""

    keys: dict[str, Position] = field(default_factory=dict)
    values: dict[str, Position] = field(default_factory=dict)

    def find(self, key: str) -> Position:
        """Position of ``key``'s name in the file, or of its nearest existing parent."""
        return self._nearest(self.keys, key)

    def find_value(self, key: str) -> Position:
        """Position where ``key``'s value starts (falls back like :meth:`find`)."""
        if key in self.values:
            return self.values[key]
        return self.find(key)

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def _nearest(self, table: dict[str, Position], key: str) -> Position:
        path = key
        while True:
            if path in table:
                return table[path]
            if not path:
                return (1, 1)
            path = parent_key(path)
