"""Small data files a user hands us (glossaries, checker configuration): read safely, errors located.

These files come from a repository or a pull request, like the description, so they get the
description's guards: only a regular file is opened (a FIFO would hang, ``/dev/zero`` never ends),
at most :data:`MAX_BYTES` are read, and YAML is built from the parser's *events*, so an anchor or an
alias is refused the moment it appears (an alias bomb fails in microseconds instead of taking
minutes and gigabytes). Scalars follow the YAML 1.2 core schema (``no`` and ``on`` are text).

The events come from libyaml's C parser (``ruamel.yaml.clib``): every check reads every shipped
glossary, and the pure-Python parser took about 0.12 s for them, against 0.01 s.

Every problem is a :class:`Located`: file, line, column, key path and a hint. This package imports
nothing else from policygen, so its callers turn them into their own error type.
"""

from __future__ import annotations

import io
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

MAX_BYTES = 1_000_000
"""The description's size cap: a glossary or a config file is a few kilobytes written by hand."""
MAX_DEPTH = 32

Position = tuple[int, int]


@dataclass(frozen=True)
class Located:
    """One problem in a data file, with the fields of :class:`policygen.errors.Problem`."""

    file: str
    message: str
    line: int = 0
    column: int = 0
    key: str = ""
    hint: str = ""


class DataFileError(Exception):
    """A data file is unreadable or invalid; ``problems`` say where and why."""

    def __init__(self, problems: list[Located]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{p.file}:{p.line}:{p.column}: {p.key}: {p.message}" for p in problems))

    @classmethod
    def single(cls, file: str, message: str, **where: Any) -> "DataFileError":
        return cls([Located(file, message, **where)])


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of the regular file ``path`` (``what`` names it in messages: "glossary")."""
    file = str(path)
    try:
        status = os.stat(path)
    except OSError as error:
        raise DataFileError.single(file, f"cannot read the {what} file: {error.strerror or error}",
                                   hint="check the path") from None
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a device, pipe or socket"
        raise DataFileError.single(file, f"the {what} file is {kind}, not a regular file",
                                   hint=f"name a {what} file written as text")
    if status.st_size > MAX_BYTES:
        raise DataFileError.single(file, f"the {what} file is too large ({status.st_size:,} bytes; "
                                         f"the limit is {MAX_BYTES:,})", hint="check that this is the right file")
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise DataFileError.single(file, f"cannot read the {what} file: {error.strerror or error}") from None
    if len(raw) > MAX_BYTES:
        raise DataFileError.single(file, f"the {what} file is too large (over {MAX_BYTES:,} bytes)")
    if b"\x00" in raw:
        line, column = _position_of(raw, raw.index(b"\x00"))
        raise DataFileError.single(file, "binary data (a NUL byte), not text", line=line, column=column,
                                   hint="save the file as UTF-8 text")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = _position_of(raw, error.start)
        raise DataFileError.single(file, "not valid UTF-8 text", line=line, column=column,
                                   hint="save the file as UTF-8") from None


def _position_of(raw: bytes, offset: int) -> Position:
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
    text = read_text(path, what)
    file = str(path)
    builder = _Builder(file)
    try:
        for event in YAML(typ="safe", pure=False).parse(io.StringIO(text)):
            builder.feed(event)
    except ReaderError as error:
        line, column = _position_of(text.encode("utf-8"), len(text[: error.position].encode("utf-8")))
        raise DataFileError.single(file, "a control character is not allowed in YAML", line=line, column=column,
                                   hint="remove it; save the file as plain UTF-8 text") from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (error.problem or error.context or "not valid YAML").strip()
        raise DataFileError.single(file, f"YAML syntax error: {problem}", line=line, column=column,
                                   hint="check the indentation, colons and quotes on this line") from None
    except (YAMLError, ValueError) as error:
        raise DataFileError.single(file, f"YAML syntax error: {error}".strip()) from None
    return YamlData(builder.root, builder.positions)


def join_key(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def parent_key(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


class _Builder:
    """Parser events → data and positions; refuses anchors, aliases, tags, duplicate keys, depth."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.stack: list[list[Any]] = []  # [container, key path, pending key]
        self.root: Any = None
        self.documents = 0
        self.positions: dict[str, Position] = {}

    def feed(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._fail(event, "only one YAML document is allowed", "remove the `---` line and what follows")
        elif isinstance(event, ev.AliasEvent):
            self._fail(event, f"aliases (*{event.anchor}) are not allowed",
                       "write the value out in full; anchors and aliases are refused for safety")
        elif isinstance(event, ev.NodeEvent) and event.anchor:
            self._fail(event, f"anchors (&{event.anchor}) are not allowed",
                       "write the value out in full; anchors and aliases are refused for safety")
        if isinstance(event, ev.NodeEvent) and event.tag not in (None, "!") and not (
            isinstance(event, ev.ScalarEvent) and event.tag == "tag:yaml.org,2002:str"
        ):
            self._fail(event, f"YAML tags such as `{event.tag}` are not allowed", "remove the tag (the part starting with `!`)")
        if isinstance(event, ev.ScalarEvent):
            plain = not event.style and event.tag is None  # the C parser's plain style is "", not None
            self._place(event, _resolve_plain(event.value) if plain else event.value)
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self._fail(event, f"nesting is deeper than {MAX_DEPTH} levels", "check the indentation")
            container: Any = {} if isinstance(event, ev.MappingStartEvent) else []
            path = self._place(event, container)
            self.stack.append([container, path, None])
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self.stack.pop()

    def _place(self, event: ev.NodeEvent, value: Any) -> str:
        """Attach ``value`` where the stack says it belongs; return its key path."""
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.root = value
            self.positions[""] = position
            return ""
        frame = self.stack[-1]
        container, path, pending = frame
        if isinstance(container, list):
            path = join_key(path, len(container))
            container.append(value)
        elif pending is None:
            if not isinstance(event, ev.ScalarEvent):
                self._fail(event, "a key must be plain text, not a list or mapping", "write `key: value`")
            key = str(value)
            if key in container:
                self._fail(event, f"duplicate key `{key}`", "each key may appear once in a mapping", join_key(path, key))
            frame[2] = key
            self.positions[join_key(path, key)] = position
            return ""
        else:
            path = join_key(path, pending)
            container[pending] = value
            frame[2] = None
            return path
        self.positions.setdefault(path, position)
        return path

    def _fail(self, event: ev.Event, message: str, hint: str, key: str = "") -> None:
        mark = event.start_mark
        if self.stack and not key:
            container, path, pending = self.stack[-1]
            if isinstance(container, list):
                key = join_key(path, len(container))
            else:
                key = join_key(path, pending) if pending is not None else path
        raise DataFileError.single(self.file, message, line=mark.line + 1, column=mark.column + 1, key=key, hint=hint)


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}


def _resolve_plain(value: str) -> Any:
    """A plain scalar read by the YAML 1.2 core schema (no yes/no/on/off booleans)."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if len(value) <= 100:
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        if value.lower() in _SPECIAL:
            return _SPECIAL[value.lower()]
    return value


_TYPE_WORDS = {
    "string_type": "must be text", "int_type": "must be a whole number", "float_type": "must be a number",
    "bool_type": "must be true or false", "list_type": "must be a list", "dict_type": "must be a mapping",
    "model_type": "must be a mapping", "finite_number": "must be a finite number, not nan or infinity",
    "int_from_float": "must be a whole number", "missing": "missing required key",
    "string_pattern_mismatch": "is not of the expected form", "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}


def validation_problems(error: ValidationError, file: str, where: Any, prefix: str = "",
                        hints: dict[str, str] | None = None, known: dict[str, list[str]] | None = None) -> list[Located]:
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
        problems.append(Located(file, message, line, column, _prefixed(prefix, key), hint))
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
