"""The PL2xx rules never crash and always point inside the text, whatever the text: arbitrary
Unicode, and text built from the very words the rules look for (passives, qualifiers, terms)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from policygen.check.registry import all_rules, option_defaults
from policygen.check.runner import check_source
from policygen.check.settings import Settings

RULES = [rule for rule in all_rules() if rule.code.startswith("PL2")]
SETTINGS = Settings(defaults=option_defaults(RULES), options={"jargon-min-words": 0, "nominal-density": 0.2})

VOCABULARY = (
    "vi du kan komma att behandlas blir raderade den registrerade genom använda webbplatsen "
    "godkänner t.ex. bl a ärendets finns personuppgiftsbiträde ( ) , det vill säga – : förbättra "
    "din upplevelse regelbundet läser denna policy we may is processed by the data subject using "
    "this site you agree e.g. i.e. processor that is improve our services check page regularly "
    "be been get gets closed required was were . ! ? \n \n\n # - * | erhåller samt etc. some "
    "Användare Users may kan delas can be shared"
).split(" ")


def _check(text: str, lang: str, fmt: str) -> None:
    report = check_source(text, "fuzz", lang, fmt, RULES, SETTINGS)
    lines = text.split("\n")
    for finding in report.findings:
        assert 1 <= finding.line <= finding.end_line <= max(len(lines), 1)
        assert finding.column >= 1 and finding.end_column >= 1
        if finding.line == finding.end_line:
            assert finding.column <= finding.end_column


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), lang=st.sampled_from(["sv", "en"]), fmt=st.sampled_from(["txt", "md"]))
def test_arbitrary_unicode(text: str, lang: str, fmt: str) -> None:
    _check(text, lang, fmt)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCABULARY), max_size=60),
    lang=st.sampled_from(["sv", "en"]),
    fmt=st.sampled_from(["txt", "md"]),
)
def test_rule_vocabulary_in_any_order(words: list[str], lang: str, fmt: str) -> None:
    _check(" ".join(words), lang, fmt)
