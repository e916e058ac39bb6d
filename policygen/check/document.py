"""The analysed document every rule reads: blocks of prose, sentences and words, with source positions.

Extraction (``policygen.check.extract``) turns a ``.md``, ``.html`` or ``.txt`` file into
:class:`Block` objects. A block's ``text`` is its prose only (no markup, code or URLs of links), and
its :class:`PositionMap` maps every character offset of that text back to the exact (line, column)
of the *source file*, so a rule that matches anything inside a block can report it precisely.
Tokenisation (``policygen.check.tokens``) splits each block into :class:`Sentence` objects holding
:class:`Word` objects, exactly as DESIGN.md defines words and sentences for LIX.

All offsets (``start``, ``end``) are offsets into the block text, ``end`` exclusive. Lines and
columns are 1-based and count Unicode code points.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

@dataclass(slots=True)
class Segment:
    """A run of block text that came from one place in the source. Not changed once made (not
    declared frozen: a frozen dataclass is about four times slower to make, and a file has one
    segment per piece of inline text).

    When ``width == length`` the run is a 1:1 copy of the source (character ``i`` of the run sits at
    ``column + i``). Otherwise the run stands for ``width`` source characters it was decoded from
    (an HTML entity ``&amp;`` → ``&``, a Markdown escape, a line break joined to a space): every
    character maps to ``column`` and the run ends at ``column + width``.
    """

    offset: int
    length: int
    line: int
    column: int
    width: int


class PositionMap:
    """Block-text offset → source (line, column), stored as a few segments, looked up by bisection."""

    __slots__ = ("segments", "_offsets")

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self._offsets: list[int] = []

    def add(self, offset: int, length: int, line: int, column: int, width: int | None = None) -> None:
        """Record that block text ``[offset, offset+length)`` came from ``line``/``column`` on."""
        if length <= 0:
            return
        segment = Segment(offset, length, line, column, length if width is None else width)
        self.segments.append(segment)
        self._offsets.append(offset)

    def _segment(self, offset: int) -> Segment:
        index = bisect_right(self._offsets, offset) - 1
        return self.segments[max(index, 0)]

    def start(self, offset: int) -> tuple[int, int]:
        """Source position of the character at ``offset``."""
        if not self.segments:
            return (1, 1)
        segment = self._segment(offset)
        inside = offset - segment.offset
        if segment.width == segment.length:
            return (segment.line, segment.column + min(inside, segment.length))
        return (segment.line, segment.column)

    def end(self, offset: int) -> tuple[int, int]:
        """Source position just after the character before ``offset`` (an exclusive end)."""
        if not self.segments:
            return (1, 1)
        if offset <= 0:
            return self.start(0)
        segment = self._segment(offset - 1)
        inside = offset - segment.offset
        if segment.width == segment.length:
            return (segment.line, segment.column + inside)
        return (segment.line, segment.column + segment.width)


@dataclass(slots=True)
class Word:
    """A word as DESIGN.md defines it: a white-space token stripped of surrounding punctuation,
    holding at least one letter. ``lower`` is its lower-cased form (glossaries match on it);
    ``letters`` counts letters only (a long word has more than 6)."""

    text: str
    lower: str
    start: int
    end: int
    letters: int

    @property
    def is_long(self) -> bool:
        return self.letters > 6


@dataclass(slots=True)
class Sentence:
    """A sentence inside one block: ``block.text[start:end]``, with its words.

    ``text`` and ``lowers`` (the lower-cased words) are made once, when tokenisation makes the
    sentence with its final end and words, and shared by every rule, which reads them many times
    (do not modify them)."""

    block: "Block"
    start: int
    end: int
    words: list[Word] = field(default_factory=list)
    text: str = field(init=False, repr=False, compare=False)
    lowers: list[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.block.text[self.start : self.end]
        self.lowers = [word.lower for word in self.words]


@dataclass(slots=True)
class Block:
    """One unit of prose: a heading, paragraph, list item, table cell or ``.txt`` block.

    ``level`` is the heading level (1–6) for headings and 0 otherwise. ``line`` is the source line
    where the block starts. ``sentences`` is filled by tokenisation. ``quote`` marks a block
    quotation.
    """

    kind: str
    text: str
    positions: PositionMap
    line: int
    level: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    quote: bool = False
    """Inside a block quotation (Markdown ``>``, HTML ``<blockquote>``): text the writer quotes,
    such as an article of law, which the rules report at a lower severity or not at all."""

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Source ``(line, column, end_line, end_column)`` of block text ``[start, end)``."""
        line, column = self.positions.start(start)
        end_line, end_column = self.positions.end(end if end > start else start + 1)  # never empty
        return line, column, end_line, end_column

    @property
    def words(self) -> list[Word]:
        return [word for sentence in self.sentences for word in sentence.words]


@dataclass(slots=True)
class Document:
    """A checked file: its path (as the user named it), language, source text and prose blocks."""

    path: str
    lang: str
    source: str
    blocks: list[Block] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)
    """Facts about the document that several rules need (who the writer speaks as, which block
    follows which), computed by the first rule that asks and shared by the rest."""
    _sentences: tuple[int, list[Sentence]] | None = field(default=None, init=False, repr=False, compare=False)
    _words: tuple[int, list[Word]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence, in order: one list shared by every rule that reads the document (do not
        modify it), made again only when blocks were added or removed."""
        if self._sentences is None or self._sentences[0] != len(self.blocks):
            self._sentences = (len(self.blocks), [sentence for block in self.blocks for sentence in block.sentences])
        return self._sentences[1]

    def release(self) -> None:
        """Let go of the blocks, their sentences and words, and the rules' notes: the document has
        been checked."""
        for block in self.blocks:
            block.sentences = []  # a sentence refers to its block: break the cycle
        self.blocks.clear()
        self.notes.clear()
        self._sentences = self._words = None

    @property
    def words(self) -> list[Word]:
        """Every word, in order: shared like :attr:`sentences`."""
        if self._words is None or self._words[0] != len(self.blocks):
            self._words = (len(self.blocks), [word for sentence in self.sentences for word in sentence.words])
        return self._words[1]
