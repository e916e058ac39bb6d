"""PL102 readability.section."""

from __future__ import annotations

from collections.abc import Iterable

from policygen.check.measures import Measured
from policygen.check.rule import Rule
from policygen.check.settings import Option, Score, Settings
from policygen.output import Finding
from policygen.lang.messages import _


class SectionReadability(Rule):
    """A section is harder to read than the threshold (LIX over 50).

    Why
    ---
    A document can pass on average while one part of it is dense: often the section on legal bases
    or transfers, exactly where readers need to understand their rights. Each section (a heading
    and the text until the next heading of the same or higher level) of at least 50 words is
    scored on its own, and the finding points at its heading.

    Anti-pattern
    ------------
    ## Rättslig grund
    Behandlingen av personuppgifter avseende kundärenden grundar sig på fullgörande av avtal
    respektive intresseavvägning, varvid den personuppgiftsansvariges berättigade intresse …

    Better
    ------
    ## Varför vi får använda uppgifterna
    Vi behöver uppgifterna för att kunna hjälpa dig enligt vårt avtal med dig.

    Setting: ``section-lix`` (highest LIX of a section, default 50).
    """

    code = "PL102"
    name = "readability.section"
    category = "readability"
    severity = "warning"
    options = {"section-lix": Option(50, Score)}

    def check_measures(self, measured: Measured, settings: Settings) -> Iterable[Finding]:
        limit = settings.option(measured.lang, "section-lix")
        if limit is None:
            return
        for section in measured.sections:
            metrics = section.metrics
            if metrics.lix is not None and metrics.lix > limit:
                yield self.finding_at(
                    section.line,
                    section.column,
                    section.end_line,
                    section.end_column,
                    _("Section '{heading}' has LIX {lix} (limit {limit}): {words} words, "
                      "{sentences} sentences, {long_words} long words.").format(
                        heading=section.heading, lix=f"{metrics.lix:.1f}", limit=f"{limit:g}",
                        words=metrics.words, sentences=metrics.sentences, long_words=metrics.long_words),
                    _("Split long sentences and replace long words in this section."),
                )
