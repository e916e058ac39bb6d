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

from policygen.lang.errors import Problem, UserError
from policygen.lang.locations import Locations, Position, parent_key
from policygen.lang.messages import _, number
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
                size=number(status.st_size), limit=number(limit)), hint=hint)
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        raise UserError.single(file, _("cannot read the file: {reason}").format(reason=os_reason(error))) from None
    finally:
        os.close(descriptor)
    if len(raw) > limit:  # it grew after the check, or reports no size (a /proc file)
        raise UserError.single(file, _("file is too large (over {limit} bytes)").format(limit=number(limit)), hint=hint)
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
    """Plain data (dict, list, str, int, float, bool, None) and where each key and value is written."""

    data: Any
    locations: Locations = field(default_factory=Locations)

    def where(self, key: str) -> Position:
        """Line and column of ``key`` (``entries[3].phrase``), else of its nearest located parent."""
        while key not in self.locations and key:
            key = parent_key(key)
        return self.locations.keys.get(key, (0, 0))


def load_yaml(path: Path) -> YamlData:
    """Read ``path`` with :func:`read_text` and parse it as one YAML 1.2 document of plain data."""
    data, locations = parse_yaml(read_text(path), str(path), pure=False)
    return YamlData(data, locations)
