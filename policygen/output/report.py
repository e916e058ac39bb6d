"""The one report model: what ``check``, ``validate`` and ``build`` found, typed.

Each command turns its results into a :class:`Report` (one :class:`FileReport` per input, each
with its :class:`Finding` objects) and hands it to the formats of :mod:`policygen.output`, which
read nothing else: not the rules, not the files on disk. The JSON contract of DESIGN.md is one
serialisation of this model (:mod:`policygen.output.json_format`), not the model itself.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from policygen.errors import Problem

SEVERITIES = ("info", "warning", "error")  # ascending
TEMPLATE_ORIGIN = "template"
"""The ``origin`` of a finding in a built document whose text is fixed text of the templates or
the language pack, not a value of the description (docs/ci.md, "Origins")."""
ORIGIN_MAP_SUFFIX, ORIGIN_MAP_FORMAT = ".map.json", 1
"""The origin map ``build`` writes beside a document (``<document>.map.json``) and ``check`` reads."""
KINDS = ("check", "gdpr", "format", "language")
"""Where a finding comes from: a plain-language rule on a text (``check``), a GDPR completeness
rule on a description (``gdpr``), a description that is not well formed (``format``, always bad
input), or a plain-language rule on a description's own text (``language``)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at a place in a file.

    Lines and columns are 1-based and count Unicode code points; ``end_column`` is exclusive. A
    finding that names only a start (a key in a description) has no ``end_line``/``end_column``;
    line 0 means the file as a whole. ``key`` is the description key path the finding is about,
    ``article`` the GDPR provision it comes from. ``origin`` says where the text a finding is
    about was written when that is not the reported place: in a built document, the description
    key the text came from (``purposes[2].title``) or :data:`TEMPLATE_ORIGIN`; empty when unknown.
    """

    code: str
    severity: str
    message: str
    line: int = 0
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None
    kind: str = "check"
    name: str = ""
    category: str = ""
    suggestion: str = ""
    hint: str = ""
    article: str | None = None
    key: str = ""
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Metrics:
    """Readability counts of a text or a section. ``lix`` is ``None`` for a text without words;
    the other scores are ``None`` where they do not apply (Flesch and syllables outside English).
    Syllables are counted for the rules' messages; the JSON contract does not carry them."""

    words: int
    sentences: int
    long_words: int
    lix: float | None
    ovix: float | None = None
    flesch_reading_ease: float | None = None
    fk_grade: float | None = None
    syllables: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    line: int
    metrics: Metrics


@dataclass
class FileReport:
    """One input file and what was found in it.

    ``lang``, ``metrics`` and ``sections`` describe a checked text (``metrics`` is ``None`` for a
    description). ``omitted`` counts findings beyond the per-file limit, kept out of the report so
    a huge file cannot exhaust memory; ``omitted_severities`` says how severe they were, so they
    still count for the fail level. ``source`` is the text as it was checked, for formats that
    show it (the HTML report), so no format reads the file again.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    lang: str = ""
    metrics: Metrics | None = None
    sections: list[Section] = field(default_factory=list)
    omitted: int = 0
    omitted_severities: frozenset[str] = frozenset()
    source: str | None = None

    @property
    def malformed(self) -> bool:
        """Is the file itself bad input (a description with format errors)?"""
        return any(f.kind == "format" for f in self.findings)


@dataclass(frozen=True)
class RuleInfo:
    """What formats and ``policygen rules`` say about a code: its dotted name, category, default
    severity, a one-line summary, the full help and, for GDPR rules, the article(s)."""

    code: str
    name: str
    category: str = ""
    severity: str = ""
    summary: str = ""
    help: str = ""
    article: str = ""


def rule_info(code: str, name: str, category: str, severity: str, doc: str, *,
              help: str | None = None, article: str = "") -> RuleInfo:
    """The metadata of any rule from its documentation: the first line is the summary, the whole
    text the help unless ``help`` says otherwise. Every kind of rule is described through here."""
    doc = inspect.cleandoc(doc)
    summary = doc.splitlines()[0].strip() if doc else ""
    return RuleInfo(code, name, category, severity, summary, doc if help is None else help, article)


@dataclass
class Report:
    """What one command found: ``command`` is ``check``, ``validate`` or ``build``.

    ``rules`` holds the metadata of the codes used (formats that describe rules read it);
    ``problems`` are inputs that could not be read at all (a missing or binary file): they have
    no entry in ``files`` and make the run exit 2. ``skipped`` says which entries of a folder were
    not read (links, special files), and why. ``color`` asks the human format for colour.
    """

    command: str
    files: list[FileReport] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    color: bool = False

    def findings(self) -> Iterator[tuple[FileReport, Finding]]:
        """Every ``(file, finding)`` pair, in report order."""
        for file in self.files:
            for finding in file.findings:
                yield file, finding

    @property
    def bad_input(self) -> bool:
        return bool(self.problems) or any(file.malformed for file in self.files)

    def without_malformed(self) -> Report:
        """The report of the files that are not malformed descriptions."""
        return replace(self, files=[file for file in self.files if not file.malformed])


def used_rules(files: Iterable[FileReport], catalogue: Iterable[RuleInfo]) -> dict[str, RuleInfo]:
    """The entries of ``catalogue`` whose codes occur in ``files``, by code."""
    used = {finding.code for file in files for finding in file.findings}
    return {info.code: info for info in catalogue if info.code in used}


def description_origin(finding: Finding) -> str:
    """The description key a finding's text came from, or ``""`` (template text, or unknown)."""
    return finding.origin if finding.origin and finding.origin != TEMPLATE_ORIGIN else ""
