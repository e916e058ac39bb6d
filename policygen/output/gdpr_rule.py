"""What the GDPR rules of ``validate`` (G1xx–G8xx) and of ``build`` (G9xx) have in common.

Each is a check function declared with a stable code, a dotted name, a default severity and the
GDPR article it comes from (and its Art. 14 counterpart, for data not obtained from the person).
The function's docstring is the rule's documentation: a first line (the summary), then ``Why:``
and ``Fix:`` paragraphs. The documentation is written in English and shown in the interface
language: the summary, the text of ``Why:`` and the text of ``Fix:`` are each one catalogue key
(:meth:`GdprRule.doc_keys`), and the two titles are translated on their own, so a translator
never has to keep a title inside a paragraph.

It lives beside the report model, which both read, because ``history`` may not import
``validate``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from policygen.lang.messages import N_, _
from policygen.output.report import RuleInfo, rule_info

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


@dataclass(frozen=True)
class GdprRule:
    """A declared rule; ``reference`` names guidance beyond the regulation itself."""

    code: str
    name: str
    severity: str
    article: str
    article_14: str | None
    check: Callable[[Any], Iterator[Hit]]
    reference: str = ""

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

    @property
    def articles(self) -> str:
        return self.article + (f" / {self.article_14}" if self.article_14 else "")

    def doc_keys(self) -> list[str]:
        """The catalogue keys of the documentation: the summary, the Why text, the Fix text."""
        return [key for key in (self.summary, self.section("Why"), self.section("Fix")) if key]

    def info(self) -> RuleInfo:
        """What reports and ``policygen rules`` say about the rule, in the interface language: the
        summary, the Why and Fix paragraphs (and the reference) as help, and both articles when
        the rule has an Art. 14 counterpart."""
        reference = "\n" + _("Reference: {reference}").format(reference=_(self.reference)) if self.reference else ""
        why, fix = _(self.section("Why")), _(self.section("Fix"))
        return rule_info(self.code, self.name, "gdpr", self.severity, _(self.summary), article=self.articles,
                         help=f"{_(WHY)} {why}\n{_(FIX)} {fix}{reference}")

    def article_for(self, hit: Hit) -> str:
        if hit.indirect and self.article_14:
            return self.article_14
        return self.article
