"""Characters no text of a description may hold: control characters and bidirectional overrides.

Every string of a description ends up in a published page, a PDF (whose XMP metadata is XML, where
a NUL or an ESC makes the file malformed) and a Markdown file. A control character there is at
best garbage and at worst breaks the file; a right-to-left override (U+202E) makes a name show
as something else than it is ("Exempel AB" that reads backwards, a spoofed recipient). No one
needs these in a privacy policy, so they are refused while loading, in every text, name, address
and id, each with its position, rather than silently removed from a legal text.

Tab and newline stay allowed (YAML block scalars are made of lines).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from policygen.errors import Problem
from policygen.lang.messages import _
from policygen.lang.locations import Locations, join_key

# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings and overrides
# (U+202A–U+202E) and isolates (U+2066–U+2069).
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ENOUGH = 100


def forbidden_character(text: str) -> tuple[int, str] | None:
    """(1-based position in ``text``, description) of the first forbidden character, if any."""
    match = FORBIDDEN.search(text)
    if match is None:
        return None
    return match.start() + 1, describe_character(match.group())


def describe_character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    if not name:
        name = {"\x00": "NUL", "\x1b": "ESCAPE", "\x08": "BACKSPACE", "\r": "CARRIAGE RETURN",
                "\x7f": "DELETE"}.get(char, "control character")
    return f"{code} {name}"


def hygiene_problems(data: Any, locations: Locations, file: str) -> list[Problem]:
    """A located problem for every string value in ``data`` that holds a forbidden character."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack and len(problems) < _ENOUGH:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((join_key(key, str(name)), item) for name, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((join_key(key, index), item) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            found = forbidden_character(value)
            if found is not None:
                problems.append(_problem(key, value, found, locations, file))
    return problems


def _problem(key: str, value: str, found: tuple[int, str], locations: Locations,
             file: str) -> Problem:
    position, character = found
    line, column = locations.find_value(key)
    bidi = character.split()[0] in {f"U+{code:04X}" for code in (*range(0x202A, 0x202F),
                                                                  *range(0x2066, 0x206A))}
    why = (_("a bidirectional override can make a name read as something it is not") if bidi
           else _("control characters break the published pages and PDFs"))
    return Problem(file=file, line=line, column=column, key=key,
                   message=_("`{excerpt}` holds {character} at character {position}; {why}").format(
                       excerpt=_excerpt(value, position), character=character, position=position, why=why),
                   hint=_("remove it (a YAML escape such as \"\\e\" or \"\\u202e\" in quotes, or a "
                          "character pasted from another program); only tab and newline are allowed"))


def _excerpt(value: str, position: int) -> str:
    """The value, or the part of it around ``position`` when it is long (the loader escapes the
    forbidden characters in every message, so quoting them is safe)."""
    if len(value) <= 60:
        return value
    start = max(position - 30, 0)
    return ("…" if start else "") + value[start:start + 60] + ("…" if start + 60 < len(value) else "")
