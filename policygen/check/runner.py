"""Checking files: extraction → sentences → rules → measures → one :class:`FileReport` per file.

A file is processed block by block: large sources are cut into parts at blank lines (outside code
fences), and blocks are grouped into documents of bounded size, so neither spaCy's nor our own
memory ever sees a 50 MB string at once. Measures are accumulated as counts. A file of several
documents, up to 4 MB, is checked on two processors (:func:`_checked_documents`), with the same
report.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from policygen.check.document import Block, Document, PositionMap
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
        self.add_counts(block, self.block_counts(block))

    def block_counts(self, block: Block) -> BlockCounts:
        """``(sentences, long words, syllables, lower-cased words)`` of a tokenised block."""
        lowers: list[str] = []
        long_words = syllables = 0
        known = self.known_syllables
        for sentence in block.sentences:
            sentence_lowers = sentence.lowers
            lowers.extend(sentence_lowers)
            long_words += sum([word.letters > 6 for word in sentence.words])
            if self.syllables is not None:
                for lower in sentence_lowers:
                    count = known.get(lower)
                    if count is None:
                        count = known[lower] = self.syllables(lower)
                    syllables += count
        return len(block.sentences), long_words, syllables, lowers

    def add_counts(self, block: Block, counts: BlockCounts) -> None:
        """Add one block's counts (from :meth:`block_counts`, perhaps of another process)."""
        if self.first is None:
            self.first = block.positions.start(0)
        if block.kind == "heading":
            self._close(block.level)
            span = block.span(0, len(block.text.rstrip()))
            self.open.append(_OpenSection(" ".join(block.text.split()), block.level, span))
        sentences, long_words, syllables, lowers = counts
        if sentences:
            for counter in (self.document, *(section.counter for section in self.open)):
                counter.add_sentences(sentences, lowers, long_words, syllables)

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


def _documents(path: str, lang: str, source: str, fmt: str, tokenise: bool = True) -> Iterator[Document]:
    """The file as documents of bounded size (one for any ordinary file), its blocks tokenised
    unless ``tokenise`` is false."""
    document = Document(path=path, lang=lang, source=source)
    size = 0
    yielded = False
    for part, first_line in source_parts(source, fmt):
        for block in extract(part, fmt, first_line):
            if tokenise:
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


BlockCounts = tuple[int, int, int, list[str]]
Checked = tuple[list[Finding], list[BlockCounts]]
"""What checking one document gives: its findings (sorted, severities applied) and the measure
counts of each of its blocks."""


def _check_document(document: Document, text_rules: list[Rule], settings: Settings, measurer: _Measurer) -> Checked:
    """Tokenise (if not yet done), count and run the text rules on one document, then free its words."""
    lang = document.lang
    counts = []
    for block in document.blocks:
        if not block.sentences:
            split_block(block, lang)
        counts.append(measurer.block_counts(block))
    findings: list[Finding] = []
    for rule in text_rules:
        findings.extend(_with_severity(rule.check(document, settings), rule, settings))
    findings.sort(key=_order)
    for block in document.blocks:
        block.sentences = []
    return findings, counts


def _checked_documents(
    path: str, lang: str, source: str, fmt: str, text_rules: list[Rule], settings: Settings, measurer: _Measurer
) -> Iterator[tuple[Document, Checked]]:
    """Every document of the file with what checking it gave, in file order.

    A file of several documents (from about 40,000 words up to ``PARALLEL_MAX_CHARS``) is checked on
    two processors: a forked child checks about half of the documents while this process checks
    the others, and sends its results back through a pipe. Both run the same code on the same
    documents, so the report is identical to checking them one after the other. If the child fails
    for any reason, this process checks its documents itself.
    """
    if not _parallel(source, fmt):
        for document in _documents(path, lang, source, fmt):
            yield document, _check_document(document, text_rules, settings, measurer)
        return
    from policygen.check.parallel import fork_worker

    try:
        worker = fork_worker(
            lambda: _get_ready(lang, text_rules, settings, measurer),
            lambda documents: [_check_document(document, text_rules, settings, measurer) for document in documents],
        )
    except OSError:  # the system would not start a process: check alone
        for document in _documents(path, lang, source, fmt):
            yield document, _check_document(document, text_rules, settings, measurer)
        return
    try:
        documents = list(_documents(path, lang, source, fmt, tokenise=False))
        theirs_at = _child_share(documents) if len(documents) > 1 else []
        worker.send([_without_source(documents[i]) for i in theirs_at] if theirs_at else None)
        checked = {
            i: _check_document(document, text_rules, settings, measurer)
            for i, document in enumerate(documents)
            if i not in theirs_at
        }
    finally:
        theirs = worker.result()  # also reaps the child if checking here failed
    if theirs_at and (theirs is None or len(theirs) != len(theirs_at)):
        theirs = [_check_document(documents[i], text_rules, settings, measurer) for i in theirs_at]
    checked.update(zip(theirs_at, theirs or []))
    for index, document in enumerate(documents):
        yield document, checked.pop(index)


def _get_ready(lang: str, text_rules: list[Rule], settings: Settings, measurer: _Measurer) -> None:
    """Build what checking needs before the first document arrives (in the child, while the
    parent extracts the file): the tokenizer, pyphen, the rules' indexes (an empty document)."""
    split_block(Block("paragraph", "Ready.", PositionMap(), 1), lang)
    if measurer.syllables is not None:
        measurer.syllables("ready")
    empty = Document(path="", lang=lang, source="")
    for rule in text_rules:
        for _ in rule.check(empty, settings):
            pass


def _without_source(document: Document) -> Document:
    """The document to send to the child: rules never read the whole source, so it stays here."""
    return Document(path=document.path, lang=document.lang, source="", blocks=document.blocks)


PARALLEL_MAX_CHARS = 4_000_000
"""Largest source checked on two processors. A larger file is read and checked part by part in
one process, so its memory stays bounded (all blocks of a parallel check are held at once)."""


def _parallel(source: str, fmt: str) -> bool:
    from policygen.check.parallel import available

    return fmt != "html" and DOCUMENT_CHARS <= len(source) <= PARALLEL_MAX_CHARS and available()


def _child_share(documents: list[Document]) -> list[int]:
    """Indexes of the documents the child checks: about half of the text, balanced greedily from
    the largest document down (a file's last document is usually small). Never all, never none."""
    sizes = [sum(len(block.text) for block in document.blocks) for document in documents]
    mine = theirs = 0
    child: list[int] = []
    for index in sorted(range(len(documents)), key=lambda i: (-sizes[i], i)):
        if theirs < mine:
            child.append(index)
            theirs += sizes[index]
        else:
            mine += sizes[index]
    return sorted(child) or [len(documents) - 1]


def check_source(
    source: str, path: str, lang: str, fmt: str, rules: Iterable[Rule], settings: Settings
) -> FileReport:
    """Check one file's text with ``rules`` (already filtered by settings and language)."""
    rules = [rule for rule in rules if rule.applies_to(lang)]
    text_rules = [rule for rule in rules if type(rule).check is not Rule.check]
    measure_rules = [rule for rule in rules if type(rule).check_measures is not Rule.check_measures]
    limit = settings.option(lang, "max-findings") or ENGINE_OPTIONS["max-findings"]
    measurer = _Measurer(lang)
    findings: list[Finding] = []
    omitted = 0
    omitted_severities: set[str] = set()
    for document, (part, counts) in _checked_documents(path, lang, source, fmt, text_rules, settings, measurer):
        for block, block_counts in zip(document.blocks, counts):
            measurer.add_counts(block, block_counts)
        room = max(limit - len(findings), 0)
        findings.extend(part[:room])
        for finding in part[room:]:
            omitted += 1
            omitted_severities.add(finding.severity)
        document.blocks.clear()
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


def _order(finding: Finding) -> tuple:
    return (finding.line, finding.column, finding.code, finding.end_line, finding.end_column, finding.message)


def _with_severity(findings: Iterable[Finding], rule: Rule, settings: Settings) -> Iterator[Finding]:
    severity = settings.severity(rule)
    for finding in findings:
        if severity != rule.severity and finding.severity == rule.severity:
            finding = dataclasses.replace(finding, severity=severity)
        yield finding
