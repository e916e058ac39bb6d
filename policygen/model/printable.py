"""Messages quote what the writer wrote; make sure a quote cannot take over the terminal.

A YAML escape such as ``"\\e[2J"`` or a right-to-left override puts control characters into a
value, and messages quote values. Every format problem passes through :func:`printable_problem`
before it leaves the loader: control and bidirectional formatting characters are shown as
``\\u{…}`` escapes, and over-long quotes are cut.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policygen.errors import Problem

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LIMITS = {"message": 300, "key": 200, "hint": 300}


def printable(text: str, limit: int) -> str:
    text = _UNSAFE.sub(lambda match: f"\\u{{{ord(match.group()):04x}}}", text)
    text = text.replace("\n", "\\n") if "\n" in text else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable_problem(problem: Problem) -> Problem:
    return replace(problem, **{name: printable(getattr(problem, name), limit)
                               for name, limit in _LIMITS.items()})
