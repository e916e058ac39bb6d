"""Where each key of a TOML file is written: ``tomllib`` parses but keeps no positions, and a
configuration error must name its line and column."""

from __future__ import annotations

import re

_KEY = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = re.compile(rf"\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*")
_HEADER = re.compile(rf"^\s*\[\[?({_DOTTED.pattern})\]\]?")
_ASSIGN = re.compile(rf"^({_DOTTED.pattern})=")
_INLINE_KEY = re.compile(rf"[{{,]\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=")


def toml_positions(text: str) -> dict[str, tuple[int, int]]:
    """Line and column of every table header and key in TOML ``text``, by dotted key path.

    ``tomllib`` keeps no positions, so this reads the lines again: table headers, ``key = value``
    lines (bare, quoted and dotted keys) and the keys of inline tables. Lines inside multi-line
    strings and arrays are skipped. A key it cannot place is located at its nearest parent.
    """
    positions: dict[str, tuple[int, int]] = {}
    table: list[str] = []
    skip_until = ""  # the closing quotes of a multi-line string
    depth = 0  # open brackets of a multi-line array
    for number, line in enumerate(text.splitlines(), start=1):
        if skip_until:
            if skip_until in line:
                skip_until = ""
            continue
        if depth:
            depth = max(depth + _bracket_balance(line), 0)
            continue
        header = _HEADER.match(line)
        if header:
            table = _split_key(header.group(1))
            positions.setdefault(".".join(table), (number, header.start(1) + 1 + _indent(header.group(1))))
            continue
        assign = _ASSIGN.match(line)
        if not assign:
            continue
        path = table + _split_key(assign.group(1))
        positions.setdefault(".".join(path), (number, _indent(line) + 1))
        value = line[assign.end():].lstrip()
        for quotes in ('"""', "'''"):
            if value.startswith(quotes) and quotes not in value[3:]:
                skip_until = quotes
        if value.startswith("["):
            depth = max(_bracket_balance(value), 0)
        if value.startswith("{"):
            offset = assign.end() + (len(line[assign.end():]) - len(value))
            for inner in _INLINE_KEY.finditer(value):
                key = ".".join(path + _split_key(inner.group(1)))
                positions.setdefault(key, (number, offset + inner.start(1) + 1))
    return positions


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(_KEY, dotted)
    return [part[1:-1] if part[:1] in "\"'" else part for part in parts]


def _bracket_balance(text: str) -> int:
    """Opened minus closed square brackets outside quoted strings and comments."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text).split("#", 1)[0]
    return text.count("[") - text.count("]")
