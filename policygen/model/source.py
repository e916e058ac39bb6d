"""Reading a description file safely: size, encoding and binary content, before any YAML parsing.

A description is a few kilobytes of text written by hand. Anything else — a huge file, a binary
file, another encoding — is refused by the one reader of user files
(:func:`policygen.lang.datafile.read_bytes`), cheaply, so the YAML parser never sees it.
"""

from __future__ import annotations

from policygen.lang.datafile import decode_text, read_bytes
from policygen.lang.messages import _


def read_description_text(path: str) -> str:
    """The text of the description file at ``path``, read and decoded with every check above."""
    raw = read_bytes(path, hint=_("a description is a few kilobytes of YAML; check that this is the right file"))
    return decode_text(raw, path)
