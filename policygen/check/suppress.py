"""Inline suppressions: ``<!-- policygen: disable=CODE -->`` comments in the checked text itself.

A writer who deliberately keeps a flagged phrase (a term the law requires, a quoted clause) says
so beside it, where the next reader sees it, instead of in a configuration file:

- ``<!-- policygen: disable=PL203,wordy.word -->`` … ``<!-- policygen: enable=PL203 -->``:
  findings of those rules (codes or dotted names) that *start* between the end of the first
  comment and the start of the second are dropped. ``disable`` without codes means every rule,
  ``enable`` without codes ends every open ``disable``; a ``disable`` never enabled runs to the
  end of the file.
- ``<!-- policygen: disable-next-line=PL111 -->``: findings that start on the line after the
  comment (without codes: every rule).

A suppression that suppresses nothing is itself reported (PL001 ``suppression.unused``, a
warning at the comment; :mod:`policygen.check.rules.pl001_unused_suppression`), so stale
exceptions do not pile up; so is a directive policygen does not understand and an ``enable`` that
ends nothing. Comments inside fenced code blocks of Markdown are examples, not directives, and
are ignored.

Every step is linear in the text and in the findings (up to a logarithm): a file is hostile
input, and a thousand unclosed comments must not cost a thousand passes over it.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

from policygen.check.rules.pl001_unused_suppression import UnusedSuppression
from policygen.output import Finding

CODE = UnusedSuppression.code
SEVERITY = UnusedSuppression.severity

_OPENING = re.compile(r"<!--\s*policygen\s*:\s*")
_BODY = re.compile(r"^(?P<action>[A-Za-z-]+)\s*(?:=\s*(?P<codes>.*))?$", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ACTIONS = ("disable", "enable", "disable-next-line")
ALL = "*"
MAX_NAMED = 500
"""Rule names (codes, dotted names, or "every rule") the directives of one file may name in all.
Directives past the limit are ignored and reported: no real text needs as many, and the ranges
that directives open and reopen could otherwise grow with the square of their number."""

Position = tuple[int, int]


@dataclass(eq=False)
class Directive:
    """One ``<!-- policygen: … -->`` comment, located in the source (end column exclusive)."""

    text: str
    action: str
    codes: tuple[str, ...]
    start: Position
    end: Position
    problem: str = ""
    used: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.codes or (ALL,)


@dataclass(eq=False)
class Region:
    """Where one directive suppresses: ``[start, end)`` positions, for some codes or all."""

    origin: Directive
    codes: frozenset[str] | None  # None: every rule …
    start: Position
    end: Position | None = None  # None: to the end of the file
    except_codes: frozenset[str] = frozenset()  # … except these, re-enabled by name
    active: bool = False


def _normalise(token: str) -> str:
    """Codes compare in upper case (``pl203`` = ``PL203``), dotted names in lower case."""
    return token.lower() if "." in token else token.upper()


def _finding_keys(finding: Finding) -> frozenset[str]:
    return frozenset({_normalise(finding.code), _normalise(finding.name or finding.code)})


class _Positions:
    """Offset → (line, column), 1-based, columns in code points."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def __call__(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset)
        return (line, offset - self.starts[line - 1] + 1)


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Offset ranges of Markdown fenced code blocks, in order (an unclosed fence runs to the end)."""
    ranges = []
    offset = 0
    opening: tuple[str, int] | None = None
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
            if opening is None:
                opening = (fence[0] * len(fence), offset)
            elif fence[0] == opening[0][0] and len(fence) >= len(opening[0]) and not line[match.end():].strip():
                ranges.append((opening[1], offset + len(line)))
                opening = None
        offset += len(line)
    if opening is not None:
        ranges.append((opening[1], len(text)))
    return ranges


def _comments(source: str) -> Iterator[tuple[int, str, int]]:
    """``(start, body, end)`` of each ``<!-- policygen: … -->`` comment, in order.

    A comment runs to the first ``-->``; when none follows an opening, none follows any later
    opening either, so the scan stops instead of searching the rest of the text again for each.
    """
    position = 0
    while (start := source.find("<!--", position)) >= 0:
        opening = _OPENING.match(source, start)
        if opening is None:
            position = start + 4
            continue
        close = source.find("-->", opening.end())
        if close < 0:
            return
        yield start, source[opening.end():close].rstrip(), close + 3
        position = close + 3


def scan_directives(source: str, fmt: str = "md") -> list[Directive]:
    """Every policygen directive in ``source``, in order (fenced code skipped in Markdown)."""
    comments = list(_comments(source))
    if not comments:
        return []
    position = _Positions(source)
    fences = _fenced_ranges(source) if fmt == "md" else []
    fence_starts = [lo for lo, _ in fences]
    directives: list[Directive] = []
    named = 0
    for index, (start, body, end) in enumerate(comments):
        inside = bisect_right(fence_starts, start) - 1
        if inside >= 0 and start < fences[inside][1]:
            continue
        directive = _directive(source[start:end], body, position(start), position(end))
        named += len(directive.tokens)
        if named > MAX_NAMED:
            directive.problem = (f"The policygen comments of this file name more than {MAX_NAMED:,} rules: "
                                 f"this comment and the {len(comments) - index - 1:,} after it are ignored.")
            directives.append(directive)
            break
        directives.append(directive)
    return directives


def _directive(text: str, body_text: str, start: Position, end: Position) -> Directive:
    body = _BODY.match(body_text)
    action = body.group("action").lower() if body else body_text
    codes = tuple(_normalise(token) for token in re.split(r"[,\s]+", (body.group("codes") or "") if body else "") if token)
    problem = ""
    if body is None or action not in ACTIONS:
        problem = f"Unknown policygen directive {action!r}: use disable, enable or disable-next-line."
    return Directive(text, action, codes, start, end, problem)


def _regions(directives: list[Directive]) -> tuple[list[Region], list[Directive]]:
    """Suppression regions, and the ``enable`` directives that ended nothing.

    Open ranges are indexed by the codes they name, so an ``enable`` touches only the ranges it
    ends; a range is ended once, and an index entry of an ended range is dropped when met.
    """
    regions: list[Region] = []
    by_token: dict[str, list[Region]] = {}  # open ranges of listed codes, under each code
    every: list[Region] = []  # open ranges of every rule
    idle_enables = []

    def open_range(region: Region) -> None:
        regions.append(region)
        if region.codes is None:
            every.append(region)
        for token in region.codes or ():
            by_token.setdefault(token, []).append(region)

    for directive in directives:
        if directive.problem:
            continue
        if directive.action == "disable-next-line":
            line = directive.end[0] + 1
            regions.append(Region(directive, frozenset(directive.codes) or None, (line, 1), (line + 1, 1)))
        elif directive.action == "disable":
            open_range(Region(directive, frozenset(directive.codes) or None, directive.end))
        elif not _enable(directive, by_token, every, open_range):
            idle_enables.append(directive)
    return regions, idle_enables


def _enable(directive: Directive, by_token: dict[str, list[Region]], every: list[Region],
            open_range: Callable[[Region], None]) -> bool:
    """End the open ranges ``directive`` re-enables, reopen what it leaves disabled, and say
    whether it ended anything."""
    codes = frozenset(directive.codes)
    if codes:
        touched = [region for token in codes for region in by_token.pop(token, ())]
    else:
        touched = [region for regions in by_token.values() for region in regions]
        by_token.clear()
    ended = False
    for region in touched:
        if region.end is None:
            region.end, ended = directive.start, True
            if codes and region.codes - codes:
                open_range(Region(region.origin, region.codes - codes, directive.end))
    reopened = []
    kept = []
    for region in every:
        if codes and not codes - region.except_codes:
            kept.append(region)  # re-enables nothing this range still hides
            continue
        region.end, ended = directive.start, True
        if codes:
            reopened.append(Region(region.origin, None, directive.end, None, region.except_codes | codes))
    every[:] = kept
    for region in reopened:
        open_range(region)
    return ended


def _suppress(findings: list[Finding], regions: list[Region]) -> list[Finding]:
    """The findings no region covers, marking in each region the tokens that matched.

    One sweep in source order: ranges open and close as the findings pass, open ranges are
    counted per listed code and grouped by what they except, and a range waits in ``pending``
    only until a finding first matches it, so each finding costs a few look-ups, not a pass over
    every range.
    """
    starts = sorted(regions, key=lambda region: region.start)
    ends: list[tuple[Position, int, Region]] = []
    counts: dict[str, int] = {}  # listed code → open ranges that list it
    pending: dict[str, list[Region]] = {}  # listed code → open ranges not yet matched through it
    groups: dict[frozenset[str], tuple[list[int], list[Region]]] = {}  # except codes → (open count, pending)
    kept = []
    next_start = 0
    for finding in sorted(findings, key=lambda f: (f.line, f.column)):
        position = (finding.line, finding.column)
        while next_start < len(starts) and starts[next_start].start <= position:
            region = starts[next_start]
            next_start += 1
            region.active = True
            heapq.heappush(ends, (region.end or (float("inf"), 0), next_start, region))
            if region.codes is None:
                count, waiting = groups.setdefault(region.except_codes, ([0], []))
                count[0] += 1
                waiting.append(region)
            for token in region.codes or ():
                counts[token] = counts.get(token, 0) + 1
                pending.setdefault(token, []).append(region)
        while ends and ends[0][0] <= position:
            region = heapq.heappop(ends)[2]
            region.active = False
            if region.codes is None:
                count = groups[region.except_codes][0]
                count[0] -= 1
                if not count[0]:
                    del groups[region.except_codes]
            for token in region.codes or ():
                counts[token] -= 1
        keys = _finding_keys(finding)
        suppressed = False
        for key in keys:
            suppressed = suppressed or counts.get(key, 0) > 0
            for region in pending.pop(key, ()):
                if region.active:
                    region.origin.used.add(min(region.codes & keys))  # type: ignore[operator]
        for except_codes, (count, waiting) in groups.items():
            if count[0] and not except_codes & keys:
                suppressed = True
                for region in waiting:
                    if region.active:
                        region.origin.used.add(ALL)
                waiting.clear()
        if not suppressed:
            kept.append(finding)
    return kept


def _warning(directive: Directive, message: str, severity: str) -> Finding:
    return Finding(
        line=directive.start[0], column=directive.start[1], end_line=directive.end[0],
        end_column=directive.end[1], code=CODE, name=UnusedSuppression.name,
        category=UnusedSuppression.category, severity=severity, message=message,
        suggestion="Remove the comment, or correct the codes it lists.",
    )


def rule_keys(rules: Iterable[object]) -> frozenset[str]:
    """The normalised codes and names of ``rules`` (anything with ``code`` and ``name``)."""
    return frozenset(_normalise(key) for rule in rules for key in (rule.code, rule.name))  # type: ignore[attr-defined]


def apply_suppressions(source: str, findings: Iterable[Finding], fmt: str = "md",
                       inline_config: bool = True, unused_severity: str | None = SEVERITY,
                       ran: Collection[str] | None = None) -> list[Finding]:
    """The findings of ``source`` no inline directive suppresses, plus a PL001 finding for each
    directive that suppressed nothing, in source order.

    ``inline_config=False`` (``--no-inline-config``) ignores the directives and returns the
    findings unchanged. ``unused_severity`` is PL001's severity (``None``: PL001 is switched off).
    ``ran`` holds the keys (:func:`rule_keys`) of the rules that checked this file: a directive
    naming a rule that did not run (deselected, or not for this language) cannot be judged unused.
    """
    findings = list(findings)
    if not inline_config:
        return findings
    directives = scan_directives(source, fmt)
    if not directives:
        return findings
    regions, idle_enables = _regions(directives)
    kept = _suppress(findings, regions)
    if unused_severity is None:
        return kept
    warnings = [_warning(d, d.problem, unused_severity) for d in directives if d.problem]
    warnings += [_warning(d, f"{d.text} ends no disabled range.", unused_severity) for d in idle_enables]
    for directive in directives:
        if directive.problem or directive.action == "enable":
            continue
        unused = [token for token in directive.tokens if token not in directive.used]
        judged = [token for token in unused if ran is None or token == ALL or token in ran]
        if not judged:
            continue
        if len(judged) == len(directive.tokens):
            message = f"{directive.text} suppresses nothing."
        else:
            message = f"{directive.text} suppresses nothing for {', '.join(judged)}."
        warnings.append(_warning(directive, message, unused_severity))
    return sorted(kept + warnings, key=lambda f: (f.line, f.column))
