"""The PL2xx glossary data agrees with itself: one abbreviation file per language serves the tokenizer
and the abbreviation rule, and the terms of art in ``terms.yaml`` keep the format the templates and
the jargon rule read."""

from __future__ import annotations

import pytest

from policygen.check.analyse import analyse
from policygen.check.registry import all_rules, option_defaults
from policygen.check.settings import Settings
from policygen.check.tokens import words_of
from policygen.lang.glossary import load_terms, shipped_rule_file
from policygen.resources import glossary_dir

LANGS = ("sv", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_abbreviation_file_feeds_the_tokenizer_and_the_rule(lang: str) -> None:
    """A dotted entry is one word that never ends a sentence and is flagged; an allowed one is one
    word that never ends a sentence and is not flagged."""
    spec = shipped_rule_file(glossary_dir() / lang / "abbreviations.yaml")
    assert spec.rule.code == "PL204"
    rule = next(rule for rule in all_rules() if rule.code == "PL204")
    settings = Settings(defaults=option_defaults([rule]))
    flagged = [form for entry in spec.entries for form in (entry.phrase, *entry.forms)
               if form.endswith(".") and " " not in form]
    assert len(flagged) >= 10 and len(spec.allow) >= 10
    for form, expect_finding in [*((form, True) for form in flagged), *((form, False) for form in spec.allow)]:
        document = analyse(f"Ord {form} ord ord.", lang)
        assert len(document.sentences) == 1, form
        assert form in [word.text for word in document.sentences[0].words], form
        found = [(f.column, f.end_column) for f in rule.check(document, settings)]
        assert found == ([(5, 5 + len(form))] if expect_finding else []), form


@pytest.mark.parametrize("lang", LANGS)
def test_terms_have_the_stable_format(lang: str) -> None:
    terms = load_terms(glossary_dir(), lang)
    assert len(terms) >= 19
    seen: set[str] = set()
    for entry in terms:
        assert entry.term in entry.forms, entry.term
        explanation = entry.explanation
        assert explanation.strip() and not explanation.endswith("."), entry.term
        for form in entry.forms:
            key = " ".join(words_of(form, lang))
            assert key not in seen, f"form {form!r} is listed twice"
            seen.add(key)


@pytest.mark.parametrize("lang", LANGS)
def test_term_explanations_pass_the_checker(lang: str) -> None:
    """Templates paste these explanations into policies, so they must not be flagged themselves."""
    rules = [rule for rule in all_rules() if rule.code.startswith("PL2") and rule.applies_to(lang)]
    settings = Settings(defaults=option_defaults(rules))
    for entry in load_terms(glossary_dir(), lang):
        document = analyse(entry.explanation, lang=lang)
        found = [f"{f.code} {f.message}" for rule in rules for f in rule.check(document, settings)]
        assert not found, f"{entry.term}: {found}"
