"""PL111 sentence.too_long."""

from __future__ import annotations

from collections.abc import Iterable

from policygen.check.document import Document
from policygen.check.rule import Rule
from policygen.check.settings import Option, Settings, WordCount
from policygen.output import Finding


class LongSentence(Rule):
    """A sentence has more words than the limit (25 by default).

    Why
    ---
    Long sentences make the reader hold many parts in mind before the point arrives. Swedish and
    English plain-language guidance both advise about 15–20 words on average, and splitting a
    sentence of more than 25 words. A privacy notice must be "concise … intelligible" (GDPR Art.
    12(1)); long sentences are the most common reason a notice is hard to read.

    Anti-pattern
    ------------
    Vi behandlar dina personuppgifter för att kunna hantera ditt ärende, och om du har gett ditt
    samtycke kan vi också komma att använda uppgifterna för att skicka nyhetsbrev till dig, vilket
    du när som helst kan avstå från genom att kontakta oss.

    Better
    ------
    Vi använder dina uppgifter för att hjälpa dig med ditt ärende. Om du har sagt ja skickar vi
    också nyhetsbrev. Du kan säga nej till dem när du vill.

    Setting: ``sentence-words`` (the most words a sentence may have).
    """

    code = "PL111"
    name = "sentence.too_long"
    category = "long-sentence"
    severity = "warning"
    options = {"sentence-words": Option(25, WordCount)}

    def check(self, document: Document, settings: Settings) -> Iterable[Finding]:
        limit = settings.option(document.lang, "sentence-words")
        if not limit:
            return
        for block in document.blocks:
            for sentence in block.sentences:
                count = len(sentence.words)
                if count > limit:
                    yield self.finding(
                        block,
                        sentence.words[0].start,
                        sentence.words[-1].end,
                        f"Sentence has {count} words (limit {limit:g}); split it.",
                        "One idea per sentence: end where a new point starts.",
                    )
