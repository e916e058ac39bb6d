"""What the checker reports: findings, metrics and per-file reports (the JSON contract of DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = (
    "readability",
    "long-sentence",
    "vague",
    "wordy",
    "passive",
    "abbreviation",
    "reader-address",
    "consent-by-use",
    "check-regularly",
    "vague-purpose",
    "jargon",
    "nominalisation",
)

SEVERITIES = ("info", "warning", "error")  # ascending


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at an exact place in the source file.

    Lines and columns are 1-based, columns count Unicode code points, ``end_column`` is exclusive.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: str
    message: str
    suggestion: str = ""


@dataclass(frozen=True)
class Metrics:
    """Readability counts. ``lix`` is ``None`` for a text without words."""

    words: int
    sentences: int
    long_words: int
    lix: float | None
    ovix: float | None = None
    flesch_reading_ease: float | None = None
    fk_grade: float | None = None
    syllables: int | None = None


@dataclass(frozen=True)
class Section:
    heading: str
    line: int
    metrics: Metrics


@dataclass
class FileReport:
    """One checked file. ``omitted`` counts findings beyond the per-file limit (kept out of the
    report so a huge file cannot exhaust memory); ``omitted_severities`` says how severe they were."""

    path: str
    lang: str
    metrics: Metrics
    sections: list[Section] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    omitted: int = 0
    omitted_severities: frozenset[str] = frozenset()
