"""Checking files: extraction → sentences → rules → measures → one :class:`FileReport` per file.

A file is processed block by block: large sources are cut into parts at blank lines (outside code
fences), and blocks are grouped into documents of bounded size, so neither spaCy's nor our own
memory ever sees a 50 MB string at once. Measures are accumulated as counts.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from policygen.check.arbitrate import arbitrate
from policygen.check.document import Block, Document
from policygen.check.extract import extract
from policygen.check.measures import MIN_SECTION_WORDS, Counter, Measured, MeasuredSection
from policygen.check.rule import Rule
from policygen.check.settings import ENGINE_OPTIONS, Settings
from policygen.check.tokens import split_block
from policygen.output import FileReport, Finding, Section

PART_CHARS = 1 << 19  # source characters per parsed part of a large file
DOCUMENT_CHARS = 1 << 18  # block characters per document given to rules


_BREAKS = re.compile(r"\n[ \t]*\n|^[ \t]*(```|~~~)", re.MULTILINE)


def source_parts(source: str, fmt: str) -> Iterator[tuple[str, int]]:
    """``(part, first line)`` pieces of ``source``, cut at blank lines outside fenced code.

    Scans with one regular expression instead of splitting the file into lines, so a 50 MB file
    costs no more than its parts.
    """
    if len(source) <= PART_CHARS or fmt == "html":
        yield source, 1
        return
    start = 0
    line = 1
    fence = ""
    for match in _BREAKS.finditer(source):
        marker = match.group(1)
        if marker:
            if fmt == "md":
                fence = "" if fence == marker else (fence or marker)
            continue
        cut = match.start() + 1  # keep the first line break in this part
        if cut - start >= PART_CHARS and not fence:
            yield source[start:cut], line
            line += source.count("\n", start, cut)
            start = cut
    if start < len(source):
        yield source[start:], line


@dataclass
class _OpenSection:
    heading: str
    level: int
    span: tuple[int, int, int, int]
    counter: Counter = field(default_factory=Counter)


class _Measurer:
    """Accumulates document and section counts sentence by sentence."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.document = Counter()
        self.open: list[_OpenSection] = []
        self.closed: list[MeasuredSection] = []
        self.first: tuple[int, int] | None = None
        self.known_syllables: dict[str, int] = {}  # word → syllables, without a call per word
        if lang == "en":
            from policygen.check.syllables import syllables

            self.syllables = syllables
        else:
            self.syllables = None

    def add_block(self, block: Block) -> None:
        """Count one tokenised block into the document and every open section."""
        if self.first is None:
            self.first = block.positions.start(0)
        if block.kind == "heading":
            self._close(block.level)
            span = block.span(0, len(block.text.rstrip()))
            self.open.append(_OpenSection(" ".join(block.text.split()), block.level, span))
        if not block.sentences:
            return
        lowers: list[str] = []
        long_words = syllables = 0
        for sentence in block.sentences:
            lowers.extend(sentence.lowers)
            long_words += sum([word.letters > 6 for word in sentence.words])
        if self.syllables is not None:
            known = self.known_syllables
            for lower in set(lowers).difference(known):  # each new word once
                known[lower] = self.syllables(lower)
            syllables = sum(map(known.__getitem__, lowers))
        for counter in (self.document, *(section.counter for section in self.open)):
            counter.add_sentences(len(block.sentences), lowers, long_words, syllables)

    def _close(self, level: int) -> None:
        while self.open and self.open[-1].level >= level:
            section = self.open.pop()
            if section.counter.words >= MIN_SECTION_WORDS:
                self.closed.append(
                    MeasuredSection(section.heading, section.level, *section.span, section.counter.metrics(self.lang))
                )

    def result(self, path: str) -> Measured:
        self._close(0)
        line, column = self.first or (1, 1)
        sections = tuple(sorted(self.closed, key=lambda s: (s.line, s.column)))
        return Measured(path, self.lang, self.document.metrics(self.lang), sections, line, column)


def _documents(path: str, lang: str, source: str, fmt: str) -> Iterator[Document]:
    """The file as documents of bounded size (one for any ordinary file), their blocks tokenised."""
    document = Document(path=path, lang=lang, source=source)
    size = 0
    yielded = False
    for part, first_line in source_parts(source, fmt):
        for block in extract(part, fmt, first_line):
            split_block(block, lang)
            document.blocks.append(block)
            size += len(block.text)
            if size >= DOCUMENT_CHARS:
                yield document
                yielded = True
                document = Document(path=path, lang=lang, source=source)
                size = 0
    if document.blocks or not yielded:
        yield document


def _check_document(document: Document, text_rules: list[Rule], settings: Settings, measurer: _Measurer) -> list[Finding]:
    """Count and run the text rules on one document (findings sorted, severities applied)."""
    for block in document.blocks:
        measurer.add_block(block)
    findings: list[Finding] = []
    for rule in text_rules:
        findings.extend(_with_severity(rule.check(document, settings), rule, settings))
    findings.sort(key=_order)
    findings = arbitrate(
        document,
        findings,
        settings.option(document.lang, "quoted-law") or "skip",
        settings.option(document.lang, "one-per-span") is not False,
    )
    return findings


def check_source(
    source: str, path: str, lang: str, fmt: str, rules: Iterable[Rule], settings: Settings
) -> FileReport:
    """Check one file's text with ``rules`` (already filtered by settings and language)."""
    rules = [rule for rule in rules if rule.applies_to(lang)]
    text_rules = [rule for rule in rules if type(rule).check is not Rule.check]
    measure_rules = [rule for rule in rules if type(rule).check_measures is not Rule.check_measures]
    limit = settings.option(lang, "max-findings") or ENGINE_OPTIONS["max-findings"].default
    measurer = _Measurer(lang)
    findings: list[Finding] = []
    omitted = 0
    omitted_severities: set[str] = set()
    collecting = gc.isenabled()
    gc.disable()  # see _collect: the words of a document are freed without the collector
    try:
        for document in _documents(path, lang, source, fmt):
            part = _check_document(document, text_rules, settings, measurer)
            room = max(limit - len(findings), 0)
            findings.extend(part[:room])
            for finding in part[room:]:
                omitted += 1
                omitted_severities.add(finding.severity)
            document.release()
            _collect()
    finally:
        if collecting:
            gc.enable()
    measured = measurer.result(path)
    for rule in measure_rules:
        findings.extend(_with_severity(rule.check_measures(measured, settings), rule, settings))
    findings.sort(key=_order)
    sections = [Section(s.heading, s.line, s.metrics) for s in measured.sections]
    return FileReport(
        path=path,
        lang=lang,
        metrics=measured.metrics,
        sections=sections,
        findings=findings,
        omitted=omitted,
        omitted_severities=frozenset(omitted_severities),
    )


def _collect() -> None:
    """Free the reference cycles a checked document left, once.

    A document's blocks, sentences and words (a hundred thousand objects for 100k words) live
    until the document is checked; then :meth:`Document.release` breaks their one cycle (block ↔
    sentence) and reference counting frees them. With the collector on, the generational
    collections walked them again and again while they were made (about a fifth of the checking
    time), to find a few thousand cyclic objects at most (rules' temporaries). So the collector is
    paused while a document is read and checked, and its youngest generation, which holds all that
    the document made, is collected once after it: memory stays bounded by one document."""
    gc.collect(0)


def check_texts(texts: Iterable[list[Block]], path: str, lang: str, rules: Iterable[Rule],
                settings: Settings) -> list[list[Finding]]:
    """The findings of each of several short texts (their blocks, already placed in the source),
    each read as a document of its own, by the text rules of ``rules`` (already filtered by
    settings). Measures are not taken: a text this short is one part of a document, and is
    measured there. Findings of each text are sorted, severities applied."""
    rules = [rule for rule in rules if rule.applies_to(lang) and type(rule).check is not Rule.check]
    results = []
    for blocks in texts:
        document = Document(path=path, lang=lang, source="", blocks=list(blocks))
        for block in document.blocks:
            split_block(block, lang)
        findings: list[Finding] = []
        for rule in rules:
            findings.extend(_with_severity(rule.check(document, settings), rule, settings))
        results.append(sorted(findings, key=_order))
    return results


def _order(finding: Finding) -> tuple:
    return (finding.line, finding.column, finding.code, finding.end_line, finding.end_column, finding.message)


def _with_severity(findings: Iterable[Finding], rule: Rule, settings: Settings) -> Iterator[Finding]:
    severity = settings.severity(rule)
    for finding in findings:
        if severity != rule.severity and finding.severity == rule.severity:
            finding = dataclasses.replace(finding, severity=severity)
        yield finding
