"""The rule base class: a rule has an identity (code, dotted name, category), a default severity and
documentation, and turns an analysed :class:`~policygen.check.document.Document` into findings.

Rules written in Python live one per module in ``policygen/check/rules/`` (``pl111_long_sentence.py``)
and subclass :class:`Rule`; defining the subclass registers it. Rules declared as data in glossary
files are instances of the generic types in :mod:`policygen.check.glossary_rules`. The class
docstring (or the glossary file's fields) is the documentation ``policygen rules CODE`` prints: a
summary line, then the sections "Why", "Anti-pattern" and "Better".

The documentation is written in English and shown in the interface language
(:func:`interface_doc`): each prose paragraph is a catalogue key of its own, and the first
paragraph under "Anti-pattern" and under "Better" is the example, document text in the
documents' languages, shown as written.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from policygen.check.findings import CATEGORIES, SEVERITIES
from policygen.lang import LANGUAGES
from policygen.lang.messages import N_, _, paragraph_keys
from policygen.output import Finding, RuleInfo, rule_info

if TYPE_CHECKING:
    from policygen.check.document import Block, Document
    from policygen.check.measures import Measured
    from policygen.check.settings import Option, Settings

CODE_PATTERN = re.compile(r"^PL\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$")
DOC_SECTIONS = ("Why", "Anti-pattern", "Better")
SECTION_TITLES = {"Why": N_("Why"), "Anti-pattern": N_("Anti-pattern"), "Better": N_("Better")}
EXAMPLE_SECTIONS = ("Anti-pattern", "Better")
"""Sections whose first paragraph is the example: sentences a writer would find in, or write
into, a policy, in its own language. They are never translated."""
DOC_WIDTH = 96
"""Line width of translated documentation paragraphs (the docstrings' own width)."""
_HEADING = re.compile(r"^(?P<title>[^\n]+)\n-{3,}[ \t]*(?:\n|$)")

_CLASS_RULES: dict[str, type["Rule"]] = {}


def doc_parts(doc: str) -> list[tuple[str, str]]:
    """A rule's documentation as ``(kind, text)`` pairs in order: ``heading`` (a section title),
    ``example`` (the first paragraph of an example section) or ``prose`` (any other paragraph)."""
    parts: list[tuple[str, str]] = []
    awaiting_example = False
    for block in re.split(r"\n[ \t]*\n", inspect.cleandoc(doc)):
        heading = _HEADING.match(block)
        if heading and heading.group("title").strip() in SECTION_TITLES:
            title = heading.group("title").strip()
            parts.append(("heading", title))
            awaiting_example = title in EXAMPLE_SECTIONS
            block = block[heading.end():]
        if not block.strip():
            continue
        parts.append(("example" if awaiting_example else "prose", block))
        awaiting_example = False
    return parts


def doc_keys(doc: str) -> list[str]:
    """The catalogue keys of a rule's documentation: its prose paragraphs and section titles."""
    keys = []
    for kind, text in doc_parts(doc):
        if kind == "heading":
            keys.append(SECTION_TITLES[text])
        elif kind == "prose":
            keys.extend(paragraph_keys(text))
    return keys


def _prose(paragraph: str) -> str:
    """One prose paragraph in the interface language, wrapped like the source (a translation
    written with its own line breaks, a list, keeps them)."""
    (key,) = paragraph_keys(paragraph)
    translated = _(key)
    if translated == key:
        return paragraph  # English, or a text the catalogue does not know (a user's glossary)
    lines = []
    for line in translated.split("\n"):  # a list in a translation: one item a line
        marker = re.match(r"(?:- |\d+\. )", line)
        lines.append(textwrap.fill(line, width=DOC_WIDTH, subsequent_indent=" " * (marker.end() if marker else 0),
                                   break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


def interface_doc(doc: str) -> str:
    """A rule's documentation in the interface language: titles and prose translated, the
    examples as written. In English it is ``doc`` itself (dedented)."""
    out: list[str] = []
    after_heading = False
    for kind, text in doc_parts(doc):
        if kind == "heading":
            title = _(SECTION_TITLES[text])
            out.append(f"{title}\n{'-' * len(title)}")
            after_heading = True
            continue
        shown = text if kind == "example" else _prose(text)
        if after_heading:
            out[-1] += "\n" + shown
        else:
            out.append(shown)
        after_heading = False
    return "\n\n".join(out)


class RuleDefinitionError(Exception):
    """A rule is declared wrongly (bad or duplicate code, unknown category, missing documentation)."""


def validate_identity(code: str, name: str, category: str, severity: str, where: str) -> None:
    if not CODE_PATTERN.match(code or ""):
        raise RuleDefinitionError(f"{where}: rule code {code!r} is not of the form PL123")
    if not NAME_PATTERN.match(name or ""):
        raise RuleDefinitionError(f"{where}: rule name {name!r} is not dotted lower case (sentence.too_long)")
    if category not in CATEGORIES:
        raise RuleDefinitionError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    if severity not in SEVERITIES:
        raise RuleDefinitionError(f"{where}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")


class Rule:
    """Base class of every plain-language rule. Subclasses set the class attributes below."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    languages: ClassVar[tuple[str, ...]] = LANGUAGES
    options: ClassVar[dict[str, "Option"]] = {}
    """Settings this rule reads, with their defaults and kinds: ``{"sentence-words": Option(25,
    WordCount)}``, or per language ``{"document-flesch": Option({"en": 50}, Score)}``. Users
    override them in configuration, which checks each value against its kind."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__dict__.get("code"):
            return  # an intermediate base class (a generic rule type), not a rule
        where = f"{cls.__module__}.{cls.__qualname__}"
        validate_identity(cls.code, cls.name, cls.category, cls.severity, where)
        if cls.code in _CLASS_RULES and _CLASS_RULES[cls.code] is not cls:
            other = _CLASS_RULES[cls.code]
            raise RuleDefinitionError(f"{where}: code {cls.code} is already used by {other.__module__}")
        _CLASS_RULES[cls.code] = cls

    # -- documentation -------------------------------------------------------------------------

    @property
    def source_doc(self) -> str:
        """The documentation as written: the docstring of the rule class, dedented."""
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def doc(self) -> str:
        """The full documentation, in the interface language."""
        return interface_doc(self.source_doc)

    @property
    def summary(self) -> str:
        return self.info().summary

    def info(self) -> RuleInfo:
        """What reports and ``policygen rules`` say about the rule; the help is the whole doc."""
        return rule_info(self.code, self.name, self.category, self.severity, self.doc)

    # -- checking -----------------------------------------------------------------------------

    def applies_to(self, lang: str) -> bool:
        return lang in self.languages

    def check(self, document: "Document", settings: "Settings") -> Iterable[Finding]:
        """Findings in ``document`` (a whole file, or one part of a very large file)."""
        return ()

    def check_measures(self, measured: "Measured", settings: "Settings") -> Iterable[Finding]:
        """Findings from a file's readability measures (document and sections), after all its text."""
        return ()

    # -- helpers ------------------------------------------------------------------------------

    def finding(
        self,
        block: "Block",
        start: int,
        end: int,
        message: str,
        suggestion: str = "",
        severity: str | None = None,
    ) -> Finding:
        """A finding for block text ``[start, end)``, located exactly in the source file."""
        line, column, end_line, end_column = block.span(start, end)
        return self.finding_at(line, column, end_line, end_column, message, suggestion, severity)

    def finding_at(
        self,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        message: str,
        suggestion: str = "",
        severity: str | None = None,
    ) -> Finding:
        """A finding at an explicit source position (for measures of a whole document or section)."""
        return Finding(
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            suggestion=suggestion,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} {self.name}>"


def class_rules() -> dict[str, type[Rule]]:
    """Every rule class defined so far (import ``policygen.check.registry`` to load them all)."""
    return dict(_CLASS_RULES)
