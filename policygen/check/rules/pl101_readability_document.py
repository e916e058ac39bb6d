"""PL101 readability.document."""

from __future__ import annotations

from collections.abc import Iterable

from policygen.check.measures import Measured
from policygen.check.rule import Rule
from policygen.check.settings import Option, Score, Settings, WordCount
from policygen.output import Finding
from policygen.lang.messages import _, number


class DocumentReadability(Rule):
    """The document as a whole is harder to read than the threshold (LIX over 45, or Flesch Reading Ease under 50 in English).

    Why
    ---
    LIX (words per sentence plus the share of words over six letters) is the measure Swedish readers
    and editors know: 30–40 is easy, 40–50 is newspaper text, over 50 is hard official text. A
    privacy notice is read by everyone, so it should not need more than a newspaper reader's effort.
    English text is also scored with Flesch Reading Ease, where below 50 is "difficult".
    The finding carries the counts, so you can see whether long sentences or long words weigh most.

    A document gets at most one readability finding. LIX is the measure the project defines for
    both languages (DESIGN.md), so it is reported first; an English document whose LIX passes is
    reported by Flesch Reading Ease when that falls below its floor. Two findings at the same
    place would say one thing twice.

    Anti-pattern
    ------------
    Personuppgiftsansvarig verksamhetsutövare tillhandahåller information avseende behandlingen av
    personuppgifter i enlighet med tillämplig dataskyddslagstiftning.

    Better
    ------
    Vi berättar här vilka uppgifter om dig vi sparar, varför vi gör det och hur länge.

    A text of fewer than 25 words (``document-min-words``) is not scored: on a sentence or two, one
    long word moves LIX by ten points, so the score says nothing about how the text reads. Single
    sentences are judged by the sentence rules instead.

    Settings: ``document-lix`` (highest LIX, default 45), ``document-flesch`` (lowest Flesch
    Reading Ease, English only, default 50) and ``document-min-words`` (default 25).
    """

    code = "PL101"
    name = "readability.document"
    category = "readability"
    severity = "error"
    options = {
        "document-lix": Option(45, Score),
        "document-flesch": Option({"en": 50}, Score),
        "document-min-words": Option(25, WordCount),
    }

    def check_measures(self, measured: Measured, settings: Settings) -> Iterable[Finding]:
        metrics = measured.metrics
        if metrics.words < (settings.option(measured.lang, "document-min-words") or 0):
            return
        where = (measured.first_line, measured.first_column, measured.first_line, measured.first_column + 1)
        limit = settings.option(measured.lang, "document-lix")
        if limit is not None and metrics.lix is not None and metrics.lix > limit:
            yield self.finding_at(
                *where,
                _("Document LIX is {lix} (limit {limit}): {words} words, {sentences} sentences, "
                  "{long_words} long words.").format(
                    lix=number(metrics.lix, 1), limit=number(limit, None), words=number(metrics.words),
                    sentences=number(metrics.sentences), long_words=number(metrics.long_words)),
                _("Use shorter sentences and shorter, everyday words."),
            )
            return  # one readability finding per document: LIX first, Flesch only when LIX passes
        floor = settings.option(measured.lang, "document-flesch")
        ease = metrics.flesch_reading_ease
        if floor is not None and ease is not None and ease < floor:
            yield self.finding_at(
                *where,
                _("Document Flesch Reading Ease is {ease} (at least {floor} expected): {words} words, "
                  "{sentences} sentences, {syllables} syllables.").format(
                    ease=number(ease, 1), floor=number(floor, None), words=number(metrics.words),
                    sentences=number(metrics.sentences), syllables=number(metrics.syllables)),
                _("Use shorter sentences and words with fewer syllables."),
            )
