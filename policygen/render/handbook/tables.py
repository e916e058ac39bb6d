"""CSV for spreadsheets: RFC 4180, UTF-8, and no cell a spreadsheet would run as a formula.

A description is written by people, and a text that begins with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return) becomes a formula when a spreadsheet opens the CSV file: ``=HYPERLINK
(…)`` in a purpose's title would run on the DPO's machine. Such a cell gets a leading apostrophe,
which spreadsheets show as text (OWASP, "CSV Injection"). Runs of white space become one space, so
a cell is one line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_WHITESPACE = re.compile(r"\s+")


def cell(value: object) -> str:
    """One cell: text on one line, neutralised when a spreadsheet would read it as a formula."""
    text = _WHITESPACE.sub(" ", "" if value is None else str(value)).strip()
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line break."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow([cell(name) for name in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8")
