"""Where each key of a JSON text was written, for located messages about a history file.

``json.loads`` gives the values but not their places. A problem found in a history ("the stored
text no longer matches its version id") must name the line and column, so this scanner walks the
same text once more, only when there is something to report, and records the position of every
key and list item under its key path (``versions[1].consents[0].text``) in the model's
:class:`~policygen.lang.locations.Locations`. It runs only on text that ``json.loads`` accepted,
and keeps its own stack, so no nesting depth can exhaust recursion.
"""

from __future__ import annotations

import json.decoder
import re

from policygen.lang.locations import Locations, join_key, offset_positions

_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


def json_locations(text: str) -> Locations:
    """Every key path of a valid JSON ``text`` → its 1-based (line, column)."""
    position = offset_positions(text)

    def space(offset: int) -> int:
        return _SPACE.match(text, offset).end()  # type: ignore[union-attr]

    locations = Locations()
    stack: list[list] = []  # [is_object, path, items so far]
    i = space(0)
    pending = ""
    locations.keys[""] = position(i)
    while True:
        locations.values.setdefault(pending, position(i))
        char = text[i]
        opened = char in "{["
        if opened:
            stack.append([char == "{", pending, 0])
            i = space(i + 1)
        elif char == '"':
            i = json.decoder.scanstring(text, i + 1)[1]
        else:
            i = _SCALAR.match(text, i).end()  # type: ignore[union-attr]
        # after a value, or just inside a container: find where the next value starts
        while True:
            if not stack:
                return locations
            is_object, path, count = stack[-1]
            if opened and text[i] in "}]":
                i, opened = i + 1, False
                stack.pop()
                i = space(i)
                continue
            if not opened:
                i = space(i)
                if text[i] in "}]":
                    i += 1
                    stack.pop()
                    continue
                i = space(i + 1)  # the comma
                stack[-1][2] = count = count + 1
            if is_object:
                key, end = json.decoder.scanstring(text, i + 1)
                pending = join_key(path, key)
                locations.keys[pending] = position(i)
                i = space(space(end) + 1)  # the colon
            else:
                pending = join_key(path, count)
                locations.keys[pending] = position(i)
            break
