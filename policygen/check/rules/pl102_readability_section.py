"""PL102 readability.section."""

from __future__ import annotations

from collections.abc import Iterable

from policygen.check.measures import Measured
from policygen.check.rule import Rule
from policygen.check.settings import Option, Score, Settings
from policygen.output import Finding
from policygen.lang.messages import _, number


class SectionReadability(Rule):
    """A section is harder to read than the threshold (LIX over 50).

    Why
    ---
    A document can pass on average while one part of it is dense: often the section on legal bases
    or transfers, exactly where readers need to understand their rights. Each section (a heading
    and the text until the next heading of the same or higher level) of at least 50 words is
    scored on its own, and the finding points at its heading.

    A section that is (nearly) the whole document is not reported again: when its words are at
    least 90 % of the document's words and the document's own LIX is over this section limit too,
    PL101 (whose limit is lower) already reports the same text, so a second or third finding (an
    H1 holding everything, and one H2 under it holding nearly all the text) would only repeat it.

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
        document = measured.metrics
        for section in measured.sections:
            metrics = section.metrics
            if _is_the_document(metrics.words, document.words, document.lix, limit):
                continue
            if metrics.lix is not None and metrics.lix > limit:
                yield self.finding_at(
                    section.line,
                    section.column,
                    section.end_line,
                    section.end_column,
                    _("Section '{heading}' has LIX {lix} (limit {limit}): {words} words, "
                      "{sentences} sentences, {long_words} long words.").format(
                        heading=section.heading, lix=number(metrics.lix, 1), limit=number(limit, None),
                        words=number(metrics.words), sentences=number(metrics.sentences), long_words=number(metrics.long_words)),
                    _("Split long sentences and replace long words in this section."),
                )


# A section with at least this share of the document's words is the document, for reporting.
WHOLE_DOCUMENT_SHARE = 0.9


def _is_the_document(words: int, document_words: int, document_lix: float | None, limit: float) -> bool:
    """Does the document finding (PL101) already say what this section's would? Only when the
    section holds nearly all the words and the document as a whole is over the section limit
    (PL101's own default limit, 45, is lower), so no hard text goes unreported."""
    return (
        document_words > 0
        and words >= WHOLE_DOCUMENT_SHARE * document_words
        and document_lix is not None
        and document_lix > limit
    )
