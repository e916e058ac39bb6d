"""Source text → analysed :class:`Document` (blocks, sentences, words): the input every rule reads."""

from __future__ import annotations

from policygen.check.document import Document
from policygen.check.extract import extract
from policygen.check.tokens import split_block


def analyse(source: str, lang: str, fmt: str = "txt", path: str = "<text>", first_line: int = 1) -> Document:
    """Extract the prose blocks of ``source`` (``md``, ``html`` or ``txt``) and split them into
    sentences and words for ``lang``."""
    document = Document(path=path, lang=lang, source=source)
    for block in extract(source, fmt, first_line):
        split_block(block, lang)
        document.blocks.append(block)
    return document
