"""Small data files a user hands us (glossaries, checker configuration): read safely, errors located.

These files come from a repository or a pull request, like the description, so they get the
description's guards: only a regular file is opened (a FIFO would hang, ``/dev/zero`` never ends),
at most :data:`MAX_BYTES` are read, and the YAML is read by the description's own loader
(:mod:`policygen.lang.yaml_tree`: anchors, aliases, tags and duplicate keys refused, YAML 1.2
scalars, every key located).

The events come from libyaml's C parser (``ruamel.yaml.clib``): every check reads every shipped
glossary, and the pure-Python parser took about 0.12 s for them, against 0.01 s.

Every problem is a located :class:`~policygen.lang.errors.Problem` in a
:class:`~policygen.lang.errors.UserError`: file, line, column, key path and a hint.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policygen.lang.errors import Problem, UserError
from policygen.lang.locations import Position, join_key, parent_key
from policygen.lang.yaml_tree import parse_yaml

MAX_BYTES = 1_000_000
"""The size cap of a description, a glossary and a config file: each is a few kilobytes written by hand."""


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of the regular file ``path`` (``what`` names it in messages: "glossary")."""
    file = str(path)
    try:
        status = os.stat(path)
    except OSError as error:
        raise UserError.single(file, f"cannot read the {what} file: {error.strerror or error}",
                                   hint="check the path") from None
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a device, pipe or socket"
        raise UserError.single(file, f"the {what} file is {kind}, not a regular file",
                                   hint=f"name a {what} file written as text")
    if status.st_size > MAX_BYTES:
        raise UserError.single(file, f"the {what} file is too large ({status.st_size:,} bytes; "
                                         f"the limit is {MAX_BYTES:,})", hint="check that this is the right file")
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise UserError.single(file, f"cannot read the {what} file: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise UserError.single(file, f"the {what} file is too large (over {MAX_BYTES:,} bytes)")
    if b"\x00" in raw:
        line, column = position_of_byte(raw, raw.index(b"\x00"))
        raise UserError.single(file, "binary data (a NUL byte), not text", line=line, column=column,
                                   hint="save the file as UTF-8 text")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = position_of_byte(raw, error.start)
        raise UserError.single(file, "not valid UTF-8 text", line=line, column=column,
                                   hint="save the file as UTF-8") from None


def position_of_byte(raw: bytes, offset: int) -> Position:
    """1-based line and column (in code points, as far as the prefix decodes) of a byte offset."""
    before = raw[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


@dataclass
class YamlData:
    """Plain data (dict, list, str, int, float, bool, None) and the position of every key path."""

    data: Any
    positions: dict[str, Position] = field(default_factory=dict)

    def where(self, key: str) -> Position:
        """Line and column of ``key`` (``entries[3].phrase``), else of its nearest located parent."""
        while key not in self.positions and key:
            key = parent_key(key)
        return self.positions.get(key, (0, 0))


def load_yaml(path: Path, what: str) -> YamlData:
    """Read ``path`` with :func:`read_text` and parse it as one YAML 1.2 document of plain data."""
    data, locations = parse_yaml(read_text(path, what), str(path), pure=False)
    return YamlData(data, locations.keys)


_TYPE_WORDS = {
    "string_type": "must be text", "int_type": "must be a whole number", "float_type": "must be a number",
    "bool_type": "must be true or false", "list_type": "must be a list", "dict_type": "must be a mapping",
    "model_type": "must be a mapping", "finite_number": "must be a finite number, not nan or infinity",
    "int_from_float": "must be a whole number", "missing": "missing required key",
    "string_pattern_mismatch": "is not of the expected form", "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}


def validation_problems(error: ValidationError, file: str, where: Any, prefix: str = "",
                        hints: dict[str, str] | None = None, known: dict[str, list[str]] | None = None) -> list[Problem]:
    """Pydantic's errors as located problems in the file's own key paths.

    ``where(key)`` gives a key's position; ``prefix`` is prepended to every key (``tool.policygen.check``);
    ``hints`` maps a key path or an error type to a hint; ``known`` maps a key path to the keys allowed there (for
    did-you-mean on an unknown key).
    """
    import difflib

    problems = []
    for item in error.errors(include_url=False):
        key = ""
        for segment in item["loc"]:
            key = join_key(key, segment if isinstance(segment, int) else str(segment))
        kind = item["type"]
        context = item.get("ctx") or {}
        hint = (hints or {}).get(key) or (hints or {}).get(kind, "")
        if kind == "extra_forbidden":
            name = str(item["loc"][-1])
            message = f"unknown key {name!r}"
            close = difflib.get_close_matches(name, (known or {}).get(parent_key(key), []), n=1)
            hint = f"did you mean {close[0]!r}?" if close else hint
        elif kind == "literal_error":
            message = "must be one of " + str(context.get("expected", "")).replace("'", "").replace(" or ", ", ")
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            words = {"greater_than": "more than", "greater_than_equal": "at least",
                     "less_than": "less than", "less_than_equal": "at most"}[kind]
            bound = next(iter(context.values()), "")
            bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound
            message = f"must be {words} {bound}"
        elif kind in _TYPE_WORDS:
            message = _TYPE_WORDS[kind]
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
        if kind not in ("missing", "extra_forbidden") and "input" in item:
            message += f" (found {_shown(item['input'])})"
        line, column = where(key)
        problems.append(Problem(file, message, line, column, _prefixed(prefix, key), hint))
    return problems


def _prefixed(prefix: str, key: str) -> str:
    if not prefix or not key:
        return prefix or key
    return prefix + key if key.startswith("[") else f"{prefix}.{key}"


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
