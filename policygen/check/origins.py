"""Where the text of a finding in a built document was written: a description key, or the template.

``policygen build`` writes an *origin map* beside each document it builds from a description
(``sv/integritetspolicy.md`` → ``sv/integritetspolicy.md.map.json``): the ranges of the document
that print a description value, each with its key (``purposes[2].title``). This module reads such
a map and gives each finding its ``origin``: the key of the description text in which the finding
starts, or ``template`` when it starts in fixed text of the template or language pack. (A finding
on a whole sentence that mixes both, a long sentence, is labelled by where the sentence starts.)

A map describes one exact document: it holds the SHA-256 of the document's UTF-8 text, and a map
whose document has changed since the build (edited by hand) is not used. Neither is a map that is
not a regular file, is too large, or is not the JSON described in docs/ci.md; findings then have
no origin, as in any document policygen did not build. The map is read, never trusted: it only
adds a label to findings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from policygen.output import TEMPLATE_ORIGIN as TEMPLATE
from policygen.output import Finding
from policygen.output.report import ORIGIN_MAP_FORMAT, ORIGIN_MAP_SUFFIX

MAX_BYTES = 8 * 1024 * 1024

Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Origin:
    """A range ``[start, end)`` of a document (1-based line, code-point column) and the
    description key whose value it prints."""

    start: Position
    end: Position
    key: str


class OriginMap:
    """The origin ranges of one document, sorted and not overlapping."""

    def __init__(self, origins: Iterable[Origin]) -> None:
        self.origins = sorted(origins, key=lambda origin: (origin.start, origin.end))
        self._ends = [origin.end for origin in self.origins]

    def origin(self, finding: Finding) -> str:
        """The key of the range that holds the finding's first character, else :data:`TEMPLATE`."""
        start = (finding.line, finding.column)
        index = bisect_right(self._ends, start)
        if index < len(self.origins) and self.origins[index].start <= start:
            return self.origins[index].key
        return TEMPLATE

    def label(self, findings: Iterable[Finding]) -> list[Finding]:
        return [dataclasses.replace(finding, origin=self.origin(finding)) for finding in findings]


def map_path(document: Path) -> Path:
    return document.with_name(document.name + ORIGIN_MAP_SUFFIX)


def read_origin_map(document: Path, text: str) -> OriginMap | None:
    """The origin map beside ``document`` when there is one and it describes ``text`` exactly."""
    path = map_path(document)
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return parse_origin_map(data, text)


def parse_origin_map(data: object, text: str) -> OriginMap | None:
    """An :class:`OriginMap` from a map's JSON data, if it is well formed and made for ``text``."""
    if not isinstance(data, dict) or data.get("format") != ORIGIN_MAP_FORMAT:
        return None
    if data.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        return None
    entries = data.get("texts")
    if not isinstance(entries, list):
        return None
    origins = []
    for entry in entries:
        origin = _origin(entry)
        if origin is None:
            return None
        origins.append(origin)
    return OriginMap(origins)


def _origin(entry: object) -> Origin | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
        return None
    numbers = [entry.get(name) for name in ("line", "column", "end_line", "end_column")]
    if not all(isinstance(number, int) and not isinstance(number, bool) and number >= 1 for number in numbers):
        return None
    line, column, end_line, end_column = numbers
    if (end_line, end_column) <= (line, column):
        return None
    return Origin((line, column), (end_line, end_column), entry["key"])
