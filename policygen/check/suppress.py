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
warning at the comment), so stale exceptions do not pile up; so is a directive policygen does not
understand and an ``enable`` that ends nothing. PL001 uses the category ``readability`` — the
nearest of the fixed categories of the JSON contract: a stale directive is clutter in the source.
Comments inside fenced code blocks of Markdown are examples, not directives, and are ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from policygen.check.findings import Finding

CODE = "PL001"
NAME = "suppression.unused"
CATEGORY = "readability"
SEVERITY = "warning"

RULE_METADATA = {
    "name": NAME,
    "category": CATEGORY,
    "severity": SEVERITY,
    "summary": "An inline suppression comment suppresses nothing.",
    "help": (
        "Why: a `<!-- policygen: disable=… -->` comment that no longer matches any finding hides "
        "nothing today but will silently hide a real problem tomorrow.\n"
        "Better: remove the comment, or correct the code or dotted name it lists. "
        "Run with --no-inline-config to see what the comments suppress."
    ),
}



@dataclass(frozen=True)
class RuleIdentity:
    """What settings need to select, ignore or re-grade a rule (PL001 is no :class:`Rule`: it never
    reads the document, and keeping it out of the registry keeps the rule meta-tests honest)."""

    code: str
    name: str
    category: str
    severity: str


UNUSED_SUPPRESSION = RuleIdentity(CODE, NAME, CATEGORY, SEVERITY)

_DIRECTIVE = re.compile(r"<!--\s*policygen\s*:\s*(?P<body>.*?)\s*-->", re.DOTALL)
_BODY = re.compile(r"^(?P<action>[A-Za-z-]+)\s*(?:=\s*(?P<codes>.*))?$", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ACTIONS = ("disable", "enable", "disable-next-line")
ALL = "*"

Position = tuple[int, int]


@dataclass
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


@dataclass
class Region:
    """Where one directive suppresses: ``[start, end)`` positions, for some codes or all."""

    origin: Directive
    codes: frozenset[str] | None  # None: every rule …
    start: Position
    end: Position | None = None  # None: to the end of the file
    except_codes: frozenset[str] = frozenset()  # … except these, re-enabled by name

    def matching_token(self, finding: Finding) -> str | None:
        keys = _finding_keys(finding)
        if self.codes is None:
            return None if keys & self.except_codes else ALL
        for token in sorted(self.codes):
            if token in keys:
                return token
        return None

    def covers(self, position: Position) -> bool:
        return self.start <= position and (self.end is None or position < self.end)


def _normalise(token: str) -> str:
    """Codes compare in upper case (``pl203`` = ``PL203``), dotted names in lower case."""
    return token.lower() if "." in token else token.upper()


def _finding_keys(finding: Finding) -> frozenset[str]:
    return frozenset({_normalise(finding.code), _normalise(finding.name or finding.code)})


class _Positions:
    """Offset → (line, column), 1-based, columns in code points."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]

    def __call__(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset)
        return (line, offset - self.starts[line - 1] + 1)


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Offset ranges of Markdown fenced code blocks (an unclosed fence runs to the end)."""
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


def scan_directives(source: str, fmt: str = "md") -> list[Directive]:
    """Every policygen directive in ``source``, in order (fenced code skipped in Markdown)."""
    position = _Positions(source)
    fenced = _fenced_ranges(source) if fmt == "md" else []
    directives = []
    for match in _DIRECTIVE.finditer(source):
        if any(lo <= match.start() < hi for lo, hi in fenced):
            continue
        body = _BODY.match(match.group("body"))
        action = body.group("action").lower() if body else match.group("body")
        codes = tuple(
            _normalise(token) for token in re.split(r"[,\s]+", (body.group("codes") or "") if body else "") if token
        )
        problem = ""
        if body is None or action not in ACTIONS:
            problem = f"Unknown policygen directive {action!r}: use disable, enable or disable-next-line."
        directives.append(
            Directive(match.group(0), action, codes, position(match.start()), position(match.end()), problem)
        )
    return directives


def _regions(directives: list[Directive]) -> tuple[list[Region], list[Directive]]:
    """Suppression regions, and the ``enable`` directives that ended nothing."""
    regions: list[Region] = []
    open_regions: list[Region] = []
    idle_enables = []
    for directive in directives:
        if directive.problem:
            continue
        if directive.action == "disable-next-line":
            line = directive.end[0] + 1
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


def _warning(directive: Directive, message: str, severity: str) -> Finding:
    return Finding(
        line=directive.start[0], column=directive.start[1], end_line=directive.end[0],
        end_column=directive.end[1], code=CODE, name=NAME, category=CATEGORY, severity=severity,
        message=message, suggestion="Remove the comment, or correct the codes it lists.",
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
    kept = []
    for finding in findings:
        suppressed = False
        for region in regions:
            token = region.matching_token(finding) if region.covers((finding.line, finding.column)) else None
            if token is not None:
                region.origin.used.add(token)
                suppressed = True
        if not suppressed:
            kept.append(finding)
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
