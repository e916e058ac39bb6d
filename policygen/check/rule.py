"""The rule base class: a rule has an identity (code, dotted name, category), a default severity and
documentation, and turns an analysed :class:`~policygen.check.document.Document` into findings.

Rules written in Python live one per module in ``policygen/check/rules/`` (``pl111_long_sentence.py``)
and subclass :class:`Rule`; defining the subclass registers it. Rules declared as data in glossary
files are instances of the generic types in :mod:`policygen.check.glossary_rules`. The class
docstring (or the glossary file's fields) is the documentation ``policygen rules CODE`` prints: a
summary line, then the sections "Why", "Anti-pattern" and "Better".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from policygen.check.findings import CATEGORIES, SEVERITIES
from policygen.lang import LANGUAGES
from policygen.output import Finding, RuleInfo, rule_info

if TYPE_CHECKING:
    from policygen.check.document import Block, Document
    from policygen.check.measures import Measured
    from policygen.check.settings import Option, Settings

CODE_PATTERN = re.compile(r"^PL\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$")
DOC_SECTIONS = ("Why", "Anti-pattern", "Better")

_CLASS_RULES: dict[str, type["Rule"]] = {}


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
    def doc(self) -> str:
        """The full documentation: the docstring of the rule class, dedented."""
        import inspect

        return inspect.cleandoc(type(self).__doc__ or "")

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
