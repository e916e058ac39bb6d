"""PL111 sentence.too_long."""

from __future__ import annotations

from collections.abc import Iterable

from policygen.check.document import Document, Sentence
from policygen.check.rule import Rule
from policygen.check.settings import Option, Settings, WordCount
from policygen.output import Finding
from policygen.lang.messages import _


LABEL_WORDS = 6
"""The most words a label before a colon may have ("Right to Knowledge:")."""


def label_words(sentence: Sentence) -> int:
    """How many words at the start of ``sentence`` form a label ending with a colon (0: none)."""
    text = sentence.block.text
    for index, word in enumerate(sentence.words[:LABEL_WORDS]):
        if text[word.end : word.end + 3].lstrip("*_ ")[:1] == ":" and index + 1 < len(sentence.words):
            return index + 1
    return 0


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

    A label that opens a list item or paragraph and ends with a colon ("**Right to access:** You
    can …", "Syfte: …") is not counted: it names the item, the sentence starts after it.

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
                if len(sentence.words) <= limit:
                    continue  # short with or without its label
                count = len(sentence.words) - label_words(sentence)
                if count > limit:
                    yield self.finding(
                        block,
                        sentence.words[0].start,
                        sentence.words[-1].end,
                        _("Sentence has {count} words (limit {limit}); split it.").format(
                            count=count, limit=f"{limit:g}"),
                        _("One idea per sentence: end where a new point starts."),
                    )
