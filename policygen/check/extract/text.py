"""Plain text: blocks are separated by blank lines; every character maps 1:1 to the source."""

from __future__ import annotations

from collections.abc import Iterator

from policygen.check.document import Block
from policygen.check.extract.builder import BlockBuilder


def extract_text(source: str, first_line: int = 1) -> Iterator[Block]:
    builder: BlockBuilder | None = None
    for number, line in enumerate(source.split("\n"), start=first_line):
        line = line.removesuffix("\r")
        if not line.strip():
            if builder is not None:
                block = builder.build()
                if block is not None:
                    yield block
                builder = None
            continue
        if builder is None:
            builder = BlockBuilder("text", number)
        else:
            builder.space(number, 1)
        builder.copy(line, number, 1)
    if builder is not None:
        block = builder.build()
        if block is not None:
            yield block
