"""What earlier publications add to a build: plain values, worked out by :mod:`policygen.history`.

The renderer does not read the published history itself (``render`` never imports ``history``):
the command that builds hands it a :class:`Published`, and the renderer only prints it. Without
one — a first build, or a caller that has no history — every document is as it always was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from policygen.model.description import Description


@dataclass(frozen=True)
class HistoryEntry:
    """One row of "Changes to this policy": a version's date and its substantive changes."""

    effective: dt.date
    lines: tuple[str, ...]  # one sentence per substantive change, plain text
    current: bool = False  # the version this page shows


@dataclass(frozen=True)
class VersionLink:
    effective: dt.date
    href: str  # relative to the page: integritetspolicy-2026-12-01.html


@dataclass(frozen=True)
class HistorySection:
    """The section "Ändringar i policyn" / "Changes to this policy" of one page, in its language."""

    heading: str
    anchor: str
    intro: str
    this_version: str
    previous_label: str
    entries: tuple[HistoryEntry, ...]
    previous: tuple[VersionLink, ...]


@dataclass(frozen=True)
class EarlierNote:
    """The note at the top of an earlier version's page, with the link to the current one."""

    text: str
    link_label: str
    href: str


@dataclass(frozen=True)
class PreviousVersion:
    """An earlier published version, rendered again from its description as md and html."""

    description: Description
    effective: dt.date
    files: dict[str, str]  # lang → the file name without suffix (integritetspolicy-2026-12-01)
    sections: dict[str, HistorySection]  # lang → its own section
    notes: dict[str, EarlierNote]  # lang → the note that it is an earlier version


@dataclass
class Published:
    """Everything a build takes from the description's published history."""

    sections: dict[str, HistorySection] = field(default_factory=dict)  # lang → section
    previous: list[PreviousVersion] = field(default_factory=list)
    archive: list[dict[str, Any]] = field(default_factory=list)  # archive records to restore
    valid_since: dict[str, dict[str, Any]] = field(default_factory=dict)  # purpose → validity
