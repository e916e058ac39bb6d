"""Inline suppressions: ``<!-- policygen: disable=CODE -->`` comments in the checked text itself.

A writer who deliberately keeps a flagged phrase (a term the law requires, a quoted clause) says
so beside it, where the next reader sees it, instead of in a configuration file:

- ``<!-- policygen: disable=PL203,wordy.word -->`` … ``<!-- policygen: enable=PL203 -->``:
  findings of those rules (codes or dotted names) that *start* between the end of the first
  comment and the start of the second are dropped. ``disable`` without codes means every rule,
  ``enable`` without codes ends every open ``disable``; a ``disable`` never enabled runs to the
  end of the file.
- ``<!-- policygen: disable-next-line=PL111 -->``: findings that start on the line after the
  comment (without codes: every rule); ``disable-line`` the same for the comment's own line.

In a YAML description the same directives are YAML comments, ``# policygen: disable-next-line=PL201``
on the line above a text or ``# policygen: disable-line=PL201`` at the end of its line (fmt
``yaml``). A ``#`` starts a comment at the start of a line or after white space; the caller names
the source ranges of the texts themselves (``skip``), where a ``#`` is text, not a comment.

A suppression that suppresses nothing is itself reported (PL001 ``suppression.unused``, a
warning at the comment; :mod:`policygen.check.rules.pl001_unused_suppression`), so stale
exceptions do not pile up; so is a directive policygen does not understand and an ``enable`` that
ends nothing. Comments inside fenced code blocks of Markdown are examples, not directives, and
are ignored.

The text is scanned once and the findings are matched in one sweep: a file is hostile input, and
a thousand unclosed comments must not cost a thousand passes over it. The directives of a file may
name at most :data:`MAX_NAMED` rules, which bounds the ranges they open and reopen.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from policygen.check.rules.pl001_unused_suppression import UnusedSuppression
from policygen.output import Finding
from policygen.lang.messages import _, number

CODE = UnusedSuppression.code
SEVERITY = UnusedSuppression.severity

_OPENING = re.compile(r"<!--\s*policygen\s*:\s*")
_YAML_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*policygen[ \t]*:[ \t]*(?P<body>[^\n]*)", re.MULTILINE)
_BODY = re.compile(r"^(?P<action>[A-Za-z-]+)\s*(?:=\s*(?P<codes>.*))?$", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ACTIONS = ("disable", "enable", "disable-next-line", "disable-line")
ALL = "*"
MAX_NAMED = 500
"""Rule names (codes, dotted names, or "every rule") the directives of one file may name in all.
Directives past the limit are ignored and reported: no real text needs as many, and the ranges
that directives open and reopen could otherwise grow with the square of their number."""

Position = tuple[int, int]
_END = (1 << 62, 0)  # the end of any file


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


def _yaml_comments(source: str) -> Iterator[tuple[int, str, int]]:
    """``(start, body, end)`` of each ``# policygen: …`` comment of a YAML source, in order."""
    for match in _YAML_COMMENT.finditer(source):
        body = match.group("body").rstrip(" \t\r")
        yield match.start(), body, match.start("body") + len(body)


def scan_directives(source: str, fmt: str = "md", skip: Collection[tuple[Position, Position]] = ()) -> list[Directive]:
    """Every policygen directive in ``source``, in order (fenced code skipped in Markdown, and in
    YAML the ``[start, end)`` ranges of ``skip``: texts, where ``#`` is not a comment)."""
    comments = list(_yaml_comments(source) if fmt == "yaml" else _comments(source))
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
        where = position(start)
        if any(low <= where < high for low, high in skip):
            continue
        directive = _directive(source[start:end], body, where, position(end))
        named += len(directive.tokens)
        if named > MAX_NAMED:
            directive.problem = _("The policygen comments of this file name more than {limit} rules: "
                                  "this comment and the {after} after it are ignored.").format(
                limit=number(MAX_NAMED), after=number(len(comments) - index - 1))
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
        problem = _("Unknown policygen directive {action}: use disable, enable, disable-next-line or "
                    "disable-line.").format(action=repr(action))
    return Directive(text, action, codes, start, end, problem)


def _regions(directives: list[Directive]) -> tuple[list[Region], list[Directive]]:
    """Suppression regions, and the ``enable`` directives that ended nothing."""
    regions: list[Region] = []
    open_regions: list[Region] = []
    idle_enables = []
    for directive in directives:
        if directive.problem:
            continue
        if directive.action in ("disable-next-line", "disable-line"):
            line = directive.end[0] + 1 if directive.action == "disable-next-line" else directive.start[0]
            codes = frozenset(directive.codes) or None
            regions.append(Region(directive, codes, (line, 1), (line + 1, 1)))
        elif directive.action == "disable":
            region = Region(directive, frozenset(directive.codes) or None, directive.end)
            regions.append(region)
            open_regions.append(region)
        else:
            open_regions, reopened, ended = _enable(open_regions, directive)
            regions.extend(reopened)
            if not ended:
                idle_enables.append(directive)
    return regions, idle_enables


def _enable(open_regions: list[Region], directive: Directive) -> tuple[list[Region], list[Region], bool]:
    """End the open regions ``directive`` re-enables and reopen what it leaves disabled:
    ``(still open, newly reopened, whether anything ended)``."""
    codes = frozenset(directive.codes)
    still_open: list[Region] = []
    reopened: list[Region] = []
    ended = False
    for region in open_regions:
        if not codes:
            region.end, ended = directive.start, True
            continue
        if region.codes is None:
            if codes - region.except_codes:
                region.end, ended = directive.start, True
                reopened.append(Region(region.origin, None, directive.end, None, region.except_codes | codes))
            else:
                still_open.append(region)
        elif region.codes & codes:
            region.end, ended = directive.start, True
            if region.codes - codes:
                reopened.append(Region(region.origin, region.codes - codes, directive.end))
        else:
            still_open.append(region)
    return still_open + reopened, reopened, ended


def _suppress(findings: list[Finding], regions: list[Region]) -> list[Finding]:
    """The findings no region covers, marking in each directive the tokens that matched.

    One sweep in source order: ranges open and close as the findings pass, and open ranges are
    counted per *slot*, a code they list, or for an every-rule range the codes it excepts. A
    finding looks at the open slots, not at every range, and a range waits in ``pending`` only
    until a finding first matches it.
    """
    starts = sorted(regions, key=lambda region: region.start, reverse=True)
    ends: list[tuple[Position, int, Region]] = []
    open_slots: dict[str | frozenset[str], int] = {}
    pending: dict[str | frozenset[str], list[Region]] = {}
    kept = []
    for finding in sorted(findings, key=lambda f: (f.line, f.column)):
        position = (finding.line, finding.column)
        while starts and starts[-1].start <= position:
            region = starts.pop()
            region.active = True
            heapq.heappush(ends, (region.end or _END, len(starts), region))
            for slot in region.codes or (region.except_codes,):
                open_slots[slot] = open_slots.get(slot, 0) + 1
                pending.setdefault(slot, []).append(region)
        while ends and ends[0][0] <= position:
            region = heapq.heappop(ends)[2]
            region.active = False
            for slot in region.codes or (region.except_codes,):
                open_slots[slot] -= 1
                if not open_slots[slot]:
                    del open_slots[slot]
        keys = _finding_keys(finding)
        matched = [slot for slot in open_slots if (slot in keys if isinstance(slot, str) else not slot & keys)]
        for slot in matched:
            for region in pending.pop(slot, ()):
                if region.active:
                    region.origin.used.add(min(region.codes & keys) if region.codes else ALL)
        if not matched:
            kept.append(finding)
    return kept


def _warning(directive: Directive, message: str, severity: str) -> Finding:
    return Finding(
        line=directive.start[0], column=directive.start[1], end_line=directive.end[0],
        end_column=directive.end[1], code=CODE, name=UnusedSuppression.name,
        category=UnusedSuppression.category, severity=severity, message=message,
        suggestion=_("Remove the comment, or correct the codes it lists."),
    )


def rule_keys(rules: Iterable[object]) -> frozenset[str]:
    """The normalised codes and names of ``rules`` (anything with ``code`` and ``name``)."""
    return frozenset(_normalise(key) for rule in rules for key in (rule.code, rule.name))  # type: ignore[attr-defined]


def apply_suppressions(source: str, findings: Iterable[Finding], fmt: str = "md",
                       inline_config: bool = True, unused_severity: str | None = SEVERITY,
                       ran: Collection[str] | None = None,
                       skip: Collection[tuple[Position, Position]] = ()) -> list[Finding]:
    """The findings of ``source`` no inline directive suppresses, plus a PL001 finding for each
    directive that suppressed nothing, in source order.

    ``inline_config=False`` (``--no-inline-config``) ignores the directives and returns the
    findings unchanged. ``unused_severity`` is PL001's severity (``None``: PL001 is switched off).
    ``ran`` holds the keys (:func:`rule_keys`) of the rules that checked this file: a directive
    naming a rule that did not run (deselected, or not for this language) cannot be judged unused.
    ``skip`` is for YAML (:func:`scan_directives`).
    """
    findings = list(findings)
    if not inline_config:
        return findings
    directives = scan_directives(source, fmt, skip)
    if not directives:
        return findings
    regions, idle_enables = _regions(directives)
    kept = _suppress(findings, regions)
    if unused_severity is None:
        return kept
    warnings = [_warning(d, d.problem, unused_severity) for d in directives if d.problem]
    warnings += [_warning(d, _("{comment} ends no disabled range.").format(comment=d.text), unused_severity)
                 for d in idle_enables]
    for directive in directives:
        if directive.problem or directive.action == "enable":
            continue
        unused = [token for token in directive.tokens if token not in directive.used]
        judged = [token for token in unused if ran is None or token == ALL or token in ran]
        if not judged:
            continue
        if len(judged) == len(directive.tokens):
            message = _("{comment} suppresses nothing.").format(comment=directive.text)
        else:
            message = _("{comment} suppresses nothing for {keys}.").format(comment=directive.text, keys=", ".join(judged))
        warnings.append(_warning(directive, message, unused_severity))
    return sorted(kept + warnings, key=lambda f: (f.line, f.column))
