"""The PL2xx glossary data agrees with itself: the abbreviation rule's dotted entries that are also in
the tokenizer's list (so each is one word and never ends a sentence) have the same expansion, and the
terms of art in ``terms.yaml`` keep the format the templates and the jargon rule read."""

from __future__ import annotations

import pytest

from policygen.check.glossary_files import load_abbreviations, read_yaml
from policygen.check.tokens import words_of
from policygen.resources import glossary_dir

LANGS = ("sv", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviation_expansions_agree_with_the_tokenizer_list(lang: str) -> None:
    listed = {entry["abbreviation"]: entry["expansion"] for entry in load_abbreviations(lang)}
    entries = read_yaml(glossary_dir() / lang / "abbreviation.yaml")["entries"]
    for entry in entries:
        for form in (entry["phrase"], *entry.get("forms", [])):
            if " " in form or not form.endswith("."):
                continue
            if form in listed:  # forms missing from the tokenizer's list still match, as words
                assert entry["replacement"].startswith(listed[form]), f"{form!r}: expansions disagree"


@pytest.mark.parametrize("lang", LANGS)
def test_terms_have_the_stable_format(lang: str) -> None:
    terms = read_yaml(glossary_dir() / lang / "terms.yaml")
    assert len(terms) >= 19
    seen: set[str] = set()
    for entry in terms:
        assert set(entry) == {"term", "forms", "explanation"}, entry
        assert entry["term"] in entry["forms"], entry["term"]
        explanation = entry["explanation"]
        assert explanation.strip() and not explanation.endswith("."), entry["term"]
        for form in entry["forms"]:
            key = " ".join(words_of(form, lang))
            assert key not in seen, f"form {form!r} is listed twice"
            seen.add(key)


@pytest.mark.parametrize("lang", LANGS)
def test_term_explanations_pass_the_checker(lang: str) -> None:
    """Templates paste these explanations into policies, so they must not be flagged themselves."""
    from policygen.check.analyse import analyse
    from policygen.check.registry import all_rules, option_defaults
    from policygen.check.settings import Settings

    rules = [rule for rule in all_rules() if rule.code.startswith("PL2") and rule.applies_to(lang)]
    settings = Settings(defaults=option_defaults(rules))
    for entry in read_yaml(glossary_dir() / lang / "terms.yaml"):
        document = analyse(entry["explanation"], lang=lang)
        found = [f"{f.code} {f.message}" for rule in rules for f in rule.check(document, settings)]
        assert not found, f"{entry['term']}: {found}"
