"""Text extraction: a source file → prose blocks whose characters know their source line and column.

One module per input format (``markdown``, ``html``, ``text``); :func:`extract` picks by format.
"""

from __future__ import annotations

from collections.abc import Iterator

from policygen.check.document import Block

FORMATS = ("md", "html", "txt")


def extract(source: str, fmt: str, first_line: int = 1) -> Iterator[Block]:
    """Prose blocks of ``source`` (in format ``md``, ``html`` or ``txt``); ``first_line`` is the
    source line number of ``source``'s first line (when a large file is read in parts)."""
    if fmt == "md":
        from policygen.check.extract.markdown import extract_markdown

        return extract_markdown(source, first_line)
    if fmt == "html":
        from policygen.check.extract.html import extract_html

        return extract_html(source, first_line)
    from policygen.check.extract.text import extract_text

    return extract_text(source, first_line)
