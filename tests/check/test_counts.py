"""LIX counts against paragraphs counted by hand, word by word (DESIGN.md's definition)."""

from __future__ import annotations

import pytest

from policygen.check.api import load_settings
from policygen.check.runner import check_source

SV_MARKDOWN = """\
# Så använder vi dina uppgifter

Vi sparar t.ex. ditt namn och din e-postadress. Det behövs för att hjälpa dig!

- Du kan när som helst be oss radera uppgifterna.
- Läs mer i art. 17 dataskyddsförordningen.
"""
# heading:  Så använder* vi dina uppgifter*                        5 words, 2 long, 1 sentence
# para:     Vi sparar t.ex. ditt namn och din e-postadress*.       8 words, 1 long, 1 sentence
#           Det behövs för att hjälpa dig!                         6 words, 0 long, 1 sentence
# item 1:   Du kan när som helst be oss radera uppgifterna*.       9 words, 1 long, 1 sentence
# item 2:   Läs mer i art. [17] dataskyddsförordningen*.           5 words, 1 long, 1 sentence
#           (art. is listed: no sentence end; 17 is not a word)
# total 33 words, 5 sentences, 5 long: LIX = 33/5 + 100·5/33 = 21.75

EN_MARKDOWN = """\
## How we use your data

We keep your name, e.g. for support. Under Art. 6 we need it!

| Purpose | Legal basis |
|---|---|
| Support cases | Contract |

Contact us at privacy@example.com or https://example.com/privacy. Don't wait.
"""
# heading:  How we use your data                                   5 words, 0 long, 1 sentence
# para:     We keep your name, e.g. for support*.                  7 words, 1 long, 1 sentence
#           Under Art. [6] we need it!                             5 words, 0 long, 1 sentence
# cells:    Purpose* | Legal basis | Support* cases | Contract*    6 words, 3 long, 4 sentences
# para:     Contact* us at [e-mail] or [URL].                      4 words, 1 long, 1 sentence
#           Don't wait.                                            2 words, 0 long, 1 sentence
# total 29 words, 9 sentences, 5 long: LIX = 29/9 + 100·5/29 = 20.46

SV_TEXT = """\
Hej!

Ärendet stängs fr.o.m. i morgon, enl. avtalet. Ring ca. kl. 9 om du undrar
något. Tack.
"""
# block 1:  Hej!                                                   1 word, 0 long, 1 sentence
# block 2:  Ärendet* stängs fr.o.m. i morgon, enl. avtalet*.       7 words, 2 long, 1 sentence
#           Ring ca. kl. [9] om du undrar något.                   7 words, 0 long, 1 sentence
#           Tack.                                                  1 word, 0 long, 1 sentence
# total 16 words, 4 sentences, 2 long: LIX = 16/4 + 100·2/16 = 16.5

SV_HTML = """\
<html lang="sv"><body><nav>Meny med många ordval</nav>
<main><h2>Dina rättigheter</h2>
<p>Du har rätt att få veta vad vi sparar&nbsp;om dig. <code>GET /me</code></p>
<ul><li>Rättelse</li><li>Radering</li></ul></main>
<script>var skip = "Nej. Nej.";</script></body></html>
"""
# heading:  Dina rättigheter*                                      2 words, 1 long, 1 sentence
# para:     Du har rätt att få veta vad vi sparar om dig. [code]   11 words, 0 long, 1 sentence
# items:    Rättelse* | Radering*                                  2 words, 2 long, 2 sentences
# total 15 words, 4 sentences, 3 long: LIX = 15/4 + 100·3/15 = 23.75 (nav and script not prose)


SV_ABBREVIATIONS = """\
Vi sparar uppgifterna p.g.a. lagen. Pga. lagen sparar vi dem i.o.m. att du, fr.a. som kund, o.a.
banker och s.a.s. alla. M.a.o. sparar vi t. ex. namn, ex. adress. Vi betalar för el. Sedan slut.
"""
# Vi sparar uppgifterna* p.g.a. lagen.                                  5 words, 1 long, 1 sentence
# Pga. lagen sparar vi dem i.o.m. att du, fr.a. som kund, o.a. banker
#   och s.a.s. alla.                                                     16 words, 0 long, 1 sentence
# M.a.o. sparar vi t. ex. namn, ex. adress.                             8 words, 0 long, 1 sentence
# Vi betalar* för el.        ("el" is electricity: el. is not listed)   4 words, 1 long, 1 sentence
# Sedan slut.                                                           2 words, 0 long, 1 sentence
# total 35 words, 5 sentences, 2 long: LIX = 35/5 + 100·2/35 = 12.71

EN_ABBREVIATIONS = """\
We keep data esp. names, w.r.t. your case. It is a.k.a. the file, with misc. notes for approx.
ten days. Done.
"""
# We keep data esp. names, w.r.t. your case.                            8 words, 0 long, 1 sentence
# It is a.k.a. the file, with misc. notes for approx. ten days.         12 words, 0 long, 1 sentence
#   (approx. has 6 letters: not long)
# Done.                                                                 1 word, 0 long, 1 sentence
# total 21 words, 3 sentences, 0 long: LIX = 21/3 = 7.0


@pytest.fixture(scope="module")
def settings_and_rules():
    return load_settings()


@pytest.mark.parametrize(
    ("source", "lang", "fmt", "words", "sentences", "long_words", "lix"),
    [
        (SV_MARKDOWN, "sv", "md", 33, 5, 5, 21.75),
        (EN_MARKDOWN, "en", "md", 29, 9, 5, 20.46),
        (SV_TEXT, "sv", "txt", 16, 4, 2, 16.5),
        (SV_HTML, "sv", "html", 15, 4, 3, 23.75),
        (SV_ABBREVIATIONS, "sv", "txt", 35, 5, 2, 12.71),
        (EN_ABBREVIATIONS, "en", "txt", 21, 3, 0, 7.0),
    ],
    ids=["sv-markdown", "en-markdown", "sv-text", "sv-html", "sv-abbreviations", "en-abbreviations"],
)
def test_hand_counted(settings_and_rules, source, lang, fmt, words, sentences, long_words, lix) -> None:
    settings, rules = settings_and_rules
    report = check_source(source, "x", lang, fmt, rules, settings)
    metrics = report.metrics
    assert (metrics.words, metrics.sentences, metrics.long_words) == (words, sentences, long_words)
    assert metrics.lix == lix


def test_a_text_without_words_has_no_lix(settings_and_rules) -> None:
    settings, rules = settings_and_rules
    report = check_source("```\ncode only\n```\n\n123 456.\n", "x", "sv", "md", rules, settings)
    assert (report.metrics.words, report.metrics.sentences, report.metrics.lix) == (0, 0, None)


def test_english_abbreviations_do_not_end_sentences_in_swedish_lists_only(settings_and_rules) -> None:
    settings, rules = settings_and_rules
    sv = check_source("Se t.ex. avtalet. Klart.", "x", "sv", "txt", rules, settings)
    en = check_source("See t.ex. the contract. Done.", "x", "en", "txt", rules, settings)
    assert sv.metrics.sentences == 2
    assert en.metrics.sentences == 3  # t.ex. is not an English abbreviation
