"""Files a user hands us (descriptions, histories, glossaries, configs): read safely, errors located.

These files come from a repository or a pull request, so one reader guards them all: only a
regular file is read (a FIFO would hang, ``/dev/zero`` never ends), at most a size cap
(:data:`MAX_BYTES` unless the caller names another), and the text is decoded as UTF-8 with one
located message for each way it can fail. Glossaries and configs are then read as YAML by the
description's own loader (:mod:`policygen.lang.yaml_tree`: anchors, aliases, tags and duplicate
keys refused, YAML 1.2 scalars, every key located).

The events come from libyaml's C parser (``ruamel.yaml.clib``): every check reads every shipped
glossary, and the pure-Python parser took about 0.12 s for them, against 0.01 s.

Every problem is a located :class:`~policygen.lang.errors.Problem` in a
:class:`~policygen.lang.errors.UserError`: file, line, column, key path and a hint.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policygen.lang.errors import Problem, UserError
from policygen.lang.locations import Position, join_key, parent_key
from policygen.lang.messages import _
from policygen.lang.parser_reasons import os_reason
from policygen.lang.yaml_tree import parse_yaml

MAX_BYTES = 1_000_000
"""The size cap of a description, a glossary and a config file: each is a few kilobytes written by hand."""

_OTHER_UNICODE = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_bytes(path: Path | str, *, limit: int = MAX_BYTES, hint: str = "", follow_links: bool = True,
               missing_ok: bool = False) -> bytes | None:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or a located :class:`UserError`.

    The file is opened without blocking and checked on the open descriptor, so a FIFO swapped in
    never hangs the run and a file replaced after a check is not read. ``hint`` says what the file
    should be when it is of the wrong kind or too large; ``missing_ok`` makes a missing file
    ``None``; ``follow_links=False`` refuses a symbolic link (a file we later write back).
    """
    file = str(path)
    flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | (0 if follow_links else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise UserError.single(file, _("file not found"), hint=_("check the path and the file name")) from None
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_links:
            raise UserError.single(file, _("{kind}, not a regular file").format(kind=_("a symbolic link")),
                                   hint=hint) from None
        raise UserError.single(file, _("cannot read the file: {reason}").format(reason=os_reason(error))) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise UserError.single(file, _("{kind}, not a regular file").format(kind=file_kind(status.st_mode)),
                                   hint=hint)
        if status.st_size > limit:
            raise UserError.single(file, _("file is too large ({size} bytes; the limit is {limit})").format(
                size=f"{status.st_size:,}", limit=f"{limit:,}"), hint=hint)
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        raise UserError.single(file, _("cannot read the file: {reason}").format(reason=os_reason(error))) from None
    finally:
        os.close(descriptor)
    if len(raw) > limit:  # it grew after the check, or reports no size (a /proc file)
        raise UserError.single(file, _("file is too large (over {limit} bytes)").format(limit=f"{limit:,}"), hint=hint)
    return raw


def decode_text(raw: bytes, path: Path | str) -> str:
    """Decode UTF-8 (an optional BOM is dropped); refuse binary content and other encodings, located."""
    file = str(path)
    for bom, name in _OTHER_UNICODE:
        if raw.startswith(bom):
            raise UserError.single(file, _("file is encoded as {encoding}, not UTF-8").format(encoding=name),
                                   line=1, column=1, hint=_("save the file as UTF-8"))
    if b"\x00" in raw:
        line, column = position_of_byte(raw, raw.index(b"\x00"))
        raise UserError.single(file, _("file holds binary data (a NUL byte), not text"), line=line, column=column,
                               hint=_("save the file as UTF-8"))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = position_of_byte(raw, error.start)
        raise UserError.single(
            file, _("file is not valid UTF-8 (byte {byte})").format(byte=f"0x{raw[error.start]:02x}"),
            line=line, column=column, hint=_("save the file as UTF-8 (Latin-1 or Windows-1252 text must be converted)"),
        ) from None


def read_text(path: Path | str) -> str:
    """The UTF-8 text of the regular file ``path``, read with :func:`read_bytes` and :func:`decode_text`."""
    return decode_text(read_bytes(path, hint=_("check that this is the right file")), path)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages ("a named pipe")."""
    if stat.S_ISLNK(mode):
        return _("a symbolic link")
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("a special file")


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


def load_yaml(path: Path) -> YamlData:
    """Read ``path`` with :func:`read_text` and parse it as one YAML 1.2 document of plain data."""
    data, locations = parse_yaml(read_text(path), str(path), pure=False)
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
