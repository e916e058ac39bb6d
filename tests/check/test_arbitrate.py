"""Which findings stand (policygen.check.arbitrate): one finding per span, the most useful one,
and quoted law skipped, lowered to info, or kept, as the ``quoted-law`` setting says. The whole
checker runs with every rule, as ``policygen check`` does. Every sentence was written here."""

from __future__ import annotations

import pytest

from policygen.check.api import check_text
from policygen.check.registry import all_rules, option_defaults
from policygen.check.settings import Settings

RULES = all_rules()


def findings(text: str, lang: str, fmt: str = "txt", **options: object) -> list[tuple[str, str, str, str]]:
    """``(code, matched text, severity, suggestion)`` of every word-level finding."""
    settings = Settings(defaults=option_defaults(RULES), options=dict(options))
    report = check_text(text, "case", lang, fmt, RULES, settings)
    lines = text.split("\n")
    return [
        (f.code, lines[f.line - 1][f.column - 1 : f.end_column - 1], f.severity, f.suggestion)
        for f in report.findings
        if f.category not in ("readability", "long-sentence") and f.line == f.end_line
    ]


def codes_on(text: str, lang: str, word: str, **options: object) -> list[str]:
    return [code for code, matched, _, _ in findings(text, lang, **options) if word in matched]


@pytest.mark.parametrize(
    ("text", "lang", "word", "kept", "replaced"),
    [
        ("Vi sparar namn, adress etc. i ett år.", "sv", "etc.", "PL201", "PL204"),
        ("We keep your name, address etc. for a year.", "en", "etc.", "PL201", "PL204"),
        ("Uppgifterna inhämtas från Skatteverket.", "sv", "inhämtas", "PL203", "PL202"),
        ("Your data is retained for two years.", "en", "retained", "PL203", "PL202"),
        ("Kontaktuppgifterna kan även användas för support.", "sv", "användas", "PL212", "PL203"),
        ("Your contact details can be shared with our partners.", "en", "shared", "PL212", "PL203"),
    ],
)
def test_one_finding_per_span(text: str, lang: str, word: str, kept: str, replaced: str) -> None:
    assert codes_on(text, lang, word) == [kept]
    both = codes_on(text, lang, word, **{"one-per-span": False})
    assert kept in both and replaced in both


def test_the_finding_kept_carries_both_fixes() -> None:
    assert ("PL203", "inhämtas", "info", "say who does it: 'vi hämtar in …'") in findings(
        "Uppgifterna inhämtas från Skatteverket.", "sv")
    assert ("PL203", "is retained", "info", "say who does it: 'we keep …'") in findings(
        "Your data is retained for two years.", "en")


def test_different_problems_on_different_words_all_stay() -> None:
    found = findings("Genom att logga in samtycker du till att dina uppgifter används.", "sv")
    assert {code for code, *_ in found} == {"PL206", "PL203"}


BLOCKQUOTE_SV = "Lagen säger:\n\n> Den registrerade har rätt att få sina uppgifter raderade utan onödigt dröjsmål.\n"
QUOTED_EN = 'Article 6 reads: "the data subject has given consent to the processing of his or her personal data".'
STATUTE_SV = "Vi följer lagen om tillhandahållande av tjänster på nätet."
STATUTE_EN = "We follow the Act on the Transmission of Public Notices."
EXEMPTION_EN = ("These cookies are only used to transmit, carry out or facilitate the transmission of a "
                "communication over an electronic communications network.")
EXEMPTION_SV = "Kakorna behövs för att tillhandahålla en tjänst som användaren uttryckligen har begärt."
TITLE_SV = ("Vi följer förordning (EU) 2016/679 av den 27 april 2016 om skydd för fysiska personer med "
            "avseende på behandling av personuppgifter.")


@pytest.mark.parametrize(
    ("text", "lang", "fmt", "code"),
    [
        (BLOCKQUOTE_SV, "sv", "md", "PL205"),
        (QUOTED_EN, "en", "txt", "PL205"),
        (TITLE_SV, "sv", "txt", "PL202"),
        (STATUTE_SV, "sv", "txt", "PL202"),
        (STATUTE_EN, "en", "txt", "PL202"),
        (EXEMPTION_SV, "sv", "txt", "PL205"),
    ],
)
def test_quoted_law_is_skipped_lowered_or_kept(text: str, lang: str, fmt: str, code: str) -> None:
    def of(**options: object) -> list[str]:
        return [severity for found, _, severity, _ in findings(text, lang, fmt, **options) if found == code]

    assert of() == []
    assert of(**{"quoted-law": "info"}) == ["info"]
    assert of(**{"quoted-law": "keep"}) == ["warning"]


def test_html_blockquote_is_quoted_law() -> None:
    html = ("<html lang='sv'><body><main><p>Lagen säger:</p><blockquote><p>Den registrerade har rätt att "
            "få sina uppgifter raderade.</p></blockquote><p>Den registrerade kan kontakta oss.</p></main></body></html>")
    found = [(code, matched) for code, matched, *_ in findings(html, "sv", "html") if code == "PL205"]
    assert len(found) == 1  # only the sentence outside the quotation


def test_text_that_cites_without_quoting_is_checked() -> None:
    text = "Enligt förordning (EU) 2016/679 får den registrerade en kopia."
    assert "PL205" in [code for code, *_ in findings(text, "sv")]


def test_a_short_quotation_is_not_quoted_law() -> None:
    text = 'I avtalet står "den registrerade har rätt".'
    assert "PL205" in [code for code, *_ in findings(text, "sv")]


def test_the_law_s_words_for_necessary_cookies_are_quoted_law() -> None:
    """Round 17: the exemption for strictly necessary cookies in the law's own words, quoted
    without quotation marks, is the law's wording: no wordy finding on "transmit", "facilitate",
    "transmission"; the same words in the writer's own sentence are checked."""
    assert [code for code, *_ in findings(EXEMPTION_EN, "en") if code == "PL202"] == []
    assert "PL202" in codes_on("We facilitate the transfer of your files to your new bank.", "en", "facilitate")


def test_a_statute_s_name_ends_where_the_sentence_goes_on() -> None:
    """Round 17: the name of a statute is quoted law up to a word that ends it; what the sentence
    says after it is checked."""
    text = "Vi följer lagen om arkiv och säkerställer att handlingarna sparas."
    assert "PL202" in codes_on(text, "sv", "säkerställer")
    text = "Under the Act on Archives we facilitate access to old records."
    assert "PL202" in codes_on(text, "en", "facilitate")
