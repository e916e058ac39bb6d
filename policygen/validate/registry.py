"""The registry of GDPR rules: each rule is a function declared with its code and article.

Like a linter's rules, every rule has a stable code (``G101``), a dotted name
(``legitimate_interest.missing``), a default severity and the GDPR article it comes from. When
the law has an Art. 14 counterpart (data not obtained from the person), the rule declares it too,
and a hit about such data is reported with the Art. 14 number. The rule's docstring is its
documentation: a first line (the summary), then ``Why:`` and ``Fix:`` paragraphs.

The documentation is written in English and shown in the interface language: the summary, the
text of ``Why:`` and the text of ``Fix:`` are each one catalogue key (:meth:`Rule.doc_keys`, in
``validate.po``), and the two titles are translated on their own, so a translator never has to
keep a title inside a paragraph.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policygen.lang.messages import N_, _
from policygen.output import SEVERITIES, RuleInfo, rule_info

if TYPE_CHECKING:
    from policygen.validate.context import Context

_CODE = re.compile(r"^G\d{3}$")
_NAME = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_ARTICLE = re.compile(r"^\d+(\(\d+\))?(\([a-z]\))?$")

WHY = N_("Why:")
FIX = N_("Fix:")
"""The titles of the two paragraphs of a rule's help, as users read them."""


@dataclass(frozen=True)
class Hit:
    """One occurrence of a rule: where (key path), what, and whether the data came from elsewhere."""

    key: str
    message: str
    hint: str = ""
    indirect: bool = False  # True: Art. 14 applies, report the rule's Art. 14 article
    severity: str | None = None  # overrides the rule's default severity


Check = Callable[["Context"], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    article: str
    article_14: str | None
    check: Check

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def section(self, title: str) -> str:
        """The text of the docstring paragraph that starts with ``title:`` (``Why``, ``Fix``)."""
        match = re.search(rf"^{title}:\s*(.*?)(?:\n\s*\n|\Z)", self.doc, re.S | re.M)
        return " ".join(match.group(1).split()) if match else ""

    @property
    def summary(self) -> str:
        """The first line of the docstring, in English (its catalogue key)."""
        return self.doc.splitlines()[0].strip() if self.doc else ""

    def doc_keys(self) -> list[str]:
        """The catalogue keys of the documentation: the summary, the Why text, the Fix text."""
        return [key for key in (self.summary, self.section("Why"), self.section("Fix")) if key]

    def info(self) -> RuleInfo:
        """What reports and ``policygen rules`` say about the rule, in the interface language: the
        summary, the Why and Fix paragraphs as help, and both articles when the rule has an
        Art. 14 counterpart."""
        articles = self.article + (f" / {self.article_14}" if self.article_14 else "")
        why, fix = _(self.section("Why")), _(self.section("Fix"))
        return rule_info(self.code, self.name, "gdpr", self.severity, _(self.summary), article=articles,
                         help=f"{_(WHY)} {why}\n{_(FIX)} {fix}")

    def article_for(self, hit: Hit) -> str:
        if hit.indirect and self.article_14:
            return self.article_14
        return self.article


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, *, severity: str, article: str,
         article_14: str | None = None) -> Callable[[Check], Check]:
    """Declare a rule; refuses a malformed or duplicate code or name at import time."""

    def register(check: Check) -> Check:
        if not _CODE.match(code) or code in RULES:
            raise ValueError(f"bad or duplicate rule code {code!r}")
        if not _NAME.match(name) or any(r.name == name for r in RULES.values()):
            raise ValueError(f"bad or duplicate rule name {name!r}")
        if severity not in SEVERITIES:
            raise ValueError(f"bad severity {severity!r} for {code}")
        for value in (article, article_14):
            if value is not None and not _ARTICLE.match(value):
                raise ValueError(f"bad article {value!r} for {code}")
        RULES[code] = Rule(code, name, severity, article, article_14, check)
        return check

    return register


def all_rules() -> list[Rule]:
    """Every rule, loaded and sorted by code."""
    from policygen.validate import rules as _rules  # noqa: F401  (importing registers them)

    return [RULES[code] for code in sorted(RULES)]
