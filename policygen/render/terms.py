"""Explain each term of art the first time a document uses it, from the glossary.

A privacy policy cannot avoid words like *personuppgiftsbiträde* or *controller*: they are the
law's words, and a reader meets them elsewhere. Plain language asks that each is explained where
the reader first meets it (reference/plain-language.md, the jargon rule). The explanation comes
from ``glossary/<lang>/terms.yaml``, read by the loader the checker's rule PL209 reads too
(:mod:`policygen.lang.glossary`), and is written directly after the term in parentheses:
"personuppgiftsbiträde (ett företag som …)".

One :class:`TermExplainer` belongs to one rendered document: it remembers which terms it has
explained. The engine renders the policy and the consent form from the same context, so each
template starts with ``{% set term = term.fresh() %}``: the explainer it then uses (and the
``explain_terms`` filter, which looks ``term`` up in the template context) starts empty.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import pass_context
from jinja2.runtime import Context

from policygen.lang import glossary
from policygen.lang.glossary import Term
from policygen.resources import glossary_dir


@cache
def forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the forms as a whole word, case-insensitive; a space in a form matches any white space."""
    alternatives = sorted(forms, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def load_terms(lang: str, root: Path | None = None) -> tuple[Term, ...]:
    """The glossary terms of ``lang``, in file order, from the loader the checker's PL209 reads."""
    return glossary.load_terms(root or glossary_dir(), lang)


class TermExplainer:
    """Prints a term with its explanation the first time, and the bare term after that."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self._terms = {term.term: term for term in terms}
        self._explained: set[str] = set()

    def fresh(self) -> "TermExplainer":
        """A new explainer over the same glossary that has explained nothing yet."""
        return TermExplainer(tuple(self._terms.values()))

    def __call__(self, term: str, form: str | None = None) -> str:
        """``term`` (or the inflected ``form`` to print), explained on its first use."""
        entry = self._terms.get(term)
        if entry is None:
            raise KeyError(f"{term!r} is not in the glossary; add it to glossary/<lang>/terms.yaml")
        shown = form or term
        if term in self._explained:
            return shown
        self._explained.add(term)
        return f"{shown} ({self.explain_in(entry.explanation)})"

    def as_defined(self, term: str, form: str | None = None) -> str:
        """``term`` (or ``form``) bare, marked as explained: the template explains it right there.

        For a sentence that defines the term in its own words after a colon or in the same
        sentence (docs/rules.md, PL209 conventions), where the glossary's parenthesis would make
        the sentence too long.
        """
        if term not in self._terms:
            raise KeyError(f"{term!r} is not in the glossary; add it to glossary/<lang>/terms.yaml")
        self._explained.add(term)
        return form or term

    def used_in(self, texts: list[str]) -> list[tuple[str, str]]:
        """(term, explanation) for each term the texts use that is not explained yet, now marked.

        For text that must be shown exactly as written (a consent statement, whose hash proves
        what a person saw): instead of inserting explanations into it, the template explains
        these terms before it.
        """
        found = []
        for entry in self._terms.values():
            if entry.term in self._explained:
                continue
            if any(forms_pattern(entry.forms).search(text) for text in texts):
                self._explained.add(entry.term)
                found.append((entry.term, entry.explanation))
        return found

    def explained(self, term: str) -> bool:
        return term in self._explained

    def explain_in(self, text: str) -> str:
        """Explain, inside ``text``, the first use of every term the document has not explained yet.

        Used for text from the description, which may use a term before the fixed text has: the
        explanation is inserted after the term's first occurrence, unless a parenthesis follows it.
        """
        for entry in self._terms.values():
            match = forms_pattern(entry.forms).search(text)
            if match is None:
                continue
            if entry.term not in self._explained and not text[match.end():].lstrip().startswith("("):
                text = f"{text[:match.end()]} ({entry.explanation}){text[match.end():]}"
            self._explained.add(entry.term)
        return text


@pass_context
def explain_terms(context: Context, text: str) -> str:
    """Template filter: ``{{ purpose.description|explain_terms }}``."""
    return context["term"].explain_in(text)
