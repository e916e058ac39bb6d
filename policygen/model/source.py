"""Reading a description file safely: size, encoding and binary content, before any YAML parsing.

A description is a few kilobytes of text written by hand. Anything else — a huge file, a binary
file, another encoding — is refused here with a clear message, cheaply, so the YAML parser never
sees it.
"""

from __future__ import annotations

import codecs
import os
import stat

from policygen.errors import UserError
from policygen.lang.datafile import MAX_BYTES, position_of_byte
from policygen.lang.messages import _
from policygen.lang.parser_reasons import os_reason

_OTHER_UNICODE = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_description_bytes(path: str) -> bytes:
    """Return the file's bytes, refusing a missing, unreadable or oversized file (size from stat)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise UserError.single(path, _("file not found"), hint=_("check the path and the file name")) from None
    except OSError as error:
        raise UserError.single(path, _("cannot read the file: {reason}").format(reason=os_reason(error))) from None
    if stat.S_ISDIR(status.st_mode):
        raise UserError.single(path, _("this is a folder, not a description file"),
                               hint=_("give the path of a .yaml file"))
    if not stat.S_ISREG(status.st_mode):
        raise UserError.single(path, _("this is not a regular file (a device, pipe or socket)"),
                               hint=_("give the path of a .yaml file"))
    size = status.st_size
    if size > MAX_BYTES:
        raise UserError.single(
            path, _("file is too large ({size} bytes; the limit is {limit})").format(size=f"{size:,}", limit=f"{MAX_BYTES:,}"),
            hint=_("a description is a few kilobytes of YAML; check that this is the right file"),
        )
    try:
        with open(path, "rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise UserError.single(path, _("cannot read the file: {reason}").format(reason=os_reason(error))) from None


def read_description_text(path: str) -> str:
    """The text of the description file at ``path``, read and decoded with every check above."""
    return decode_description(read_description_bytes(path), path)


def decode_description(raw: bytes, path: str) -> str:
    """Decode UTF-8 (an optional BOM is dropped); refuse binary content and other encodings."""
    if len(raw) > MAX_BYTES:
        raise UserError.single(path, _("file is too large (over {limit} bytes)").format(limit=f"{MAX_BYTES:,}"),
                               hint=_("a description is a few kilobytes of YAML"))
    for bom, name in _OTHER_UNICODE:
        if raw.startswith(bom):
            raise UserError.single(path, _("file is encoded as {encoding}, not UTF-8").format(encoding=name),
                                   line=1, column=1, hint=_("save the file as UTF-8"))
    if b"\x00" in raw:
        line, column = position_of_byte(raw, raw.index(b"\x00"))
        raise UserError.single(
            path, _("file holds binary data (a NUL byte), not text"), line=line, column=column,
            hint=_("a description is a UTF-8 text file written in YAML"),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position_of_byte(raw, error.start)
        raise UserError.single(
            path, _("file is not valid UTF-8 (byte {byte})").format(byte=f"0x{raw[error.start]:02x}"),
            line=line, column=column,
            hint=_("save the file as UTF-8 (Latin-1 or Windows-1252 text must be converted)"),
        ) from None
    return text.removeprefix("\ufeff")

