"""Which findings of a document stand: one finding per span, and quoted law treated apart.

Rules run independently, so two of them can flag the same words: "etc." is vague (PL201) and an
abbreviation (PL204); "inhämtas" is wordy (PL202) and passive (PL203); "kan även användas" is a
possibility (PL212) and a passive (PL203). A writer needs one finding there, the most useful one:
the one whose fix also removes the other's problem. :data:`SUPERSEDES` says which rule's finding
wins over which when their spans overlap; any two findings of different rules on exactly the
same span keep only the one of the rule earlier in :data:`PRIORITY`.

Quoted law (a block quotation, a long passage in quotation marks, the title of a cited
regulation: "förordning (EU) 2018/1725 av den 23 oktober 2018 om skydd för …", the name of a
statute: "lagen om tillhandahållande av digitala tjänster", or the law's own words for strictly
necessary cookies quoted without quotation marks: "to transmit, carry out or facilitate the
transmission of communications over a network") is the law's wording, which the writer cannot change. The ``quoted-law`` setting decides what its findings
become: ``skip`` (the default) drops them, ``info`` keeps them at severity info, ``keep`` leaves
them as they are. Readability and sentence-length findings are never changed here.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left

from policygen.check.document import Block, Document, Sentence
from policygen.output import Finding

SUPERSEDES: dict[str, frozenset[str]] = {
    "PL212": frozenset({"PL203"}),  # "kan även användas": say whether it happens covers who does it
    "PL201": frozenset({"PL204", "PL212"}),  # "etc.": list them all, rather than spell out "etc."
    "PL203": frozenset({"PL202"}),  # "inhämtas": the active form the passive rule proposes is plain
    "PL206": frozenset({"PL201", "PL212"}),  # consent by use says more than a hedge inside it
}
"""Rule → the rules whose overlapping findings its own finding replaces."""

PRIORITY = ("PL206", "PL212", "PL201", "PL203", "PL208", "PL213", "PL205", "PL207", "PL202", "PL210",
            "PL209", "PL204", "PL211")
"""Which rule's finding stays when two rules flag exactly the same span, most useful first."""

_UNCHANGED = ("readability", "long-sentence")
_QUOTES = "”“\"«»„"
_QUOTED = re.compile(r"[”“\"«„]([^”“\"«»„]+)[”“\"»]")
_MIN_QUOTED_WORDS = 5
_LEGAL_TITLE = re.compile(
    r"\b(?:förordning|direktiv|Regulation|Directive|Decision|beslut)\s*\((?:EU|EG|EC|EEC|EEG|Euratom)\)\s*"
    r"(?:nr\s*|No\.?\s*)?\d{2,4}/\d+(?:/\w+)?\]?(?:\([^)]*\))?\s*(?:av den|of)\s+(?:the\s+)?\d{1,2}\s+\w+\s+\d{4}"
    r"\s+(?:om|on)\s",
    re.IGNORECASE,
)
# The name of a national statute ("lagen om tillhandahållande av digitala tjänster", "the Act on
# the Provision of Digital Services"): the words after "om"/"on" up to punctuation or a word that
# ends the name (a verb, a pronoun, a conjunction of clauses), at most eight.
_STATUTE_NAME = re.compile(r"\b(?:lagen|lag|förordningen|Act)\s+(?:\(\d{4}:\d+\)\s+)?(?:om|on)\s+", re.IGNORECASE)
_NAME_ENDS = frozenset(
    "ska skall kan får måste är var har och samt som där när vi du man men eftersom att "
    "shall will can may must is are was has have and which that where when we you but because".split()
)
_NAME_WORDS = 8
# The exemption for strictly necessary cookies in the law's own words (ePrivacy Directive art.
# 5.3; LEK 9 kap. 28 §; PECR reg. 6), which cookie notices quote without quotation marks.
_COOKIE_EXEMPTION = (
    re.compile(
        r"\b(?:(?:transmit|carry(?:ing)? out|facilitat\w*)(?:,\s*|\s+or\s+|\s+)){1,3}the transmission of "
        r"(?:an? )?(?:electronic )?communications? over (?:an? )?(?:electronic communications? )?network",
        re.IGNORECASE),
    re.compile(
        r"\bnecessary (?:in order )?to provide (?:an? )?(?:information society )?service (?:that was |which was )?"
        r"explicitly requested by the (?:subscriber or user|user or subscriber|user|subscriber)",
        re.IGNORECASE),
    re.compile(
        r"\b(?:(?:utföra|underlätta|genomföra)(?:,\s*|\s+eller\s+|\s+)){1,3}överföringen av (?:ett )?"
        r"elektroniskt? meddelanden? (?:via|över|i) (?:ett )?elektroniskt kommunikationsnät",
        re.IGNORECASE),
    re.compile(
        r"\bför att tillhandahålla en tjänst som (?:abonnenten eller användaren|användaren eller abonnenten|"
        r"användaren|abonnenten) uttryckligen (?:har )?begärt",
        re.IGNORECASE),
)


def arbitrate(document: Document, findings: list[Finding], quoted_law: str = "skip",
              one_per_span: bool = True) -> list[Finding]:
    """The findings that stand, in their order (see the module's docstring). With
    ``one_per_span`` false (the ``one-per-span`` setting), overlapping findings all stay."""
    if not findings:
        return findings
    if quoted_law != "keep":
        findings = _quoted_law(document, findings, quoted_law)
    return _one_per_span(findings) if one_per_span else findings


# -- one finding per span ----------------------------------------------------------------------


def _span(finding: Finding) -> tuple[tuple[int, int], tuple[int, int]]:
    return (finding.line, finding.column), (finding.end_line, finding.end_column)


def _overlap(a: Finding, b: Finding) -> bool:
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    return a_start < b_end and b_start < a_end


def _rank(code: str) -> int:
    return PRIORITY.index(code) if code in PRIORITY else len(PRIORITY)


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    word_level = [f for f in findings if f.category not in _UNCHANGED]
    if len(word_level) < 2:
        return findings
    dropped: set[int] = set()
    by_line: dict[int, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.category not in _UNCHANGED:
            for line in range(finding.line, finding.end_line + 1):
                by_line.setdefault(line, []).append(index)
    for index, finding in enumerate(findings):
        if finding.category in _UNCHANGED:
            continue
        others = {i for line in range(finding.line, finding.end_line + 1) for i in by_line.get(line, ())}
        for other_index in sorted(others):
            other = findings[other_index]
            if other_index == index or other.code == finding.code or not _overlap(finding, other):
                continue
            if finding.code in SUPERSEDES.get(other.code, ()):
                dropped.add(index)
            elif _span(finding) == _span(other) and (_rank(other.code), other_index) < (_rank(finding.code), index):
                dropped.add(index)
    return [finding for index, finding in enumerate(findings) if index not in dropped]


# -- quoted law --------------------------------------------------------------------------------


def quoted_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Block offsets of the quoted law inside ``sentence``: the whole sentence in a block
    quotation or in a block that is one quotation, a passage of five words or more in
    quotation marks, and the title of a cited regulation up to the sentence's end."""
    block = sentence.block
    if block.quote or _whole_block_quoted(block.text):
        return [(sentence.start, sentence.end)]
    text = sentence.text
    spans: list[tuple[int, int]] = []
    if any(mark in text for mark in _QUOTES):
        for match in _QUOTED.finditer(text):
            if len(match.group(1).split()) >= _MIN_QUOTED_WORDS:
                spans.append((sentence.start + match.start(), sentence.start + match.end()))
    if "(" in text and "/" in text:  # both are in every title it matches
        for match in _LEGAL_TITLE.finditer(text):
            spans.append((sentence.start + match.end(), sentence.end))
    for match in _STATUTE_NAME.finditer(text):
        spans.append((sentence.start + match.start(), sentence.start + _name_end(text, match.end())))
    for formula in _COOKIE_EXEMPTION:
        for match in formula.finditer(text):
            spans.append((sentence.start + match.start(), sentence.start + match.end()))
    return spans


def _name_end(text: str, start: int) -> int:
    """Where the statute name that starts at ``start`` ends (see :data:`_STATUTE_NAME`)."""
    end = start
    for count, word in enumerate(re.finditer(r"[^\s]+", text[start:])):
        token = word.group()
        bare = token.strip(".,;:()[]”“\"'")
        if count >= _NAME_WORDS or bare.lower() in _NAME_ENDS or not bare:
            break
        end = start + word.start() + len(token.rstrip(".,;:()[]”“\"'"))
        if token[-1:] in ".,;:()":
            break
    return end


def _lines(block: Block) -> tuple[int, int]:
    """The first and last source line of ``block``'s text."""
    lines = [segment.line for segment in block.positions.segments] or [1]
    return min(lines), max(lines)


def _whole_block_quoted(text: str) -> bool:
    stripped = text.strip(" *_\u00a0\t\n")
    return len(stripped) > 2 and stripped[0] in _QUOTES and stripped.rstrip(".")[-1] in _QUOTES


def _quoted_law(document: Document, findings: list[Finding], choice: str) -> list[Finding]:
    # Only a block where a finding it could hold starts is searched for quoted law: a region lies
    # within the lines of its block, and most blocks have no finding at all.
    lines = sorted({finding.line for finding in findings if finding.category not in _UNCHANGED})
    regions: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for block in document.blocks:
        first, last = _lines(block)
        index = bisect_left(lines, first)
        if index == len(lines) or lines[index] > last:
            continue
        for sentence in block.sentences:
            for start, end in quoted_spans(sentence):
                line, column, end_line, end_column = block.span(start, end)
                regions.append(((line, column), (end_line, end_column)))
    if not regions:
        return findings
    kept: list[Finding] = []
    for finding in findings:
        start, end = _span(finding)
        inside = finding.category not in _UNCHANGED and any(a <= start and end <= b for a, b in regions)
        if not inside:
            kept.append(finding)
        elif choice == "info":
            kept.append(dataclasses.replace(finding, severity="info"))
    return kept
