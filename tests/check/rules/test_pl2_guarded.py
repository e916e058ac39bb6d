"""The words a guarded pattern is passed over without (:class:`Guarded`) are in every match of it.

A wrong word list would silently drop findings, so each guarded pattern of the rules is run on
every text of the rule cases and of the development evaluation sets: wherever the pattern itself
matches, the guard must let it run.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import policygen.check.rules as rules_package
from case_files import all_cases
from policygen.check.rules.pl2_patterns import Guarded

EVAL_DEV = Path(__file__).parents[1] / "eval" / "dev"


def _guarded_patterns() -> dict[str, Guarded]:
    found: dict[str, Guarded] = {}
    for module_info in pkgutil.iter_modules(rules_package.__path__):
        module = importlib.import_module(f"{rules_package.__name__}.{module_info.name}")
        for name, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else [("", value)]
            for key, item in values:
                if isinstance(item, Guarded):
                    found[f"{module_info.name}.{name}[{key}]"] = item
    return found


def _texts() -> list[str]:
    texts = [case.text for case in all_cases()]
    for path in sorted(EVAL_DEV.glob("*.yaml")):
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        texts.extend(item["text"] for item in data.get("problems") or [])
        texts.extend(data.get("clean") or [])
    return texts


GUARDED = _guarded_patterns()
TEXTS = _texts()


def test_the_rules_guard_patterns() -> None:
    assert len(GUARDED) >= 8  # PL206, PL207 and PL213, in both languages


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_every_match_holds_one_of_the_words(name: str) -> None:
    guarded = GUARDED[name]
    matched = [text for text in TEXTS if guarded.regex.search(text)]
    assert matched, f"no text of the cases matches {name}: the test would prove nothing"
    missed = [text for text in matched if not guarded.may_match(text)]
    assert not missed, f"{name} matches these texts, but its words are not in them: {missed[:3]}"
    assert all(guarded.search(text) is not None for text in matched)


def test_a_text_without_the_words_is_not_scanned() -> None:
    guarded = Guarded(re.compile(r"(?<![\w-])if you\b", re.IGNORECASE), "if you")
    assert guarded.search("If You do not agree") is not None
    assert guarded.search("When you agree") is None
    assert list(guarded.finditer("When you agree")) == []


def test_letters_that_lower_casing_folds_differently_are_scanned() -> None:
    """The engine matches "İ" and dotless "ı" as "i", long "ſ" as "s"; ``str.lower`` does not."""
    guarded = Guarded(re.compile(r"if you|consent", re.IGNORECASE), "if you", "consent")
    for text in ("İf you do not agree", "ıf you do not agree", "conſent is given"):
        assert guarded.regex.search(text) is not None
        assert guarded.search(text) is not None, text


def test_the_words_must_be_lower_case() -> None:
    with pytest.raises(ValueError):
        Guarded(re.compile("If", re.IGNORECASE), "If")



# One sentence for each pattern of PL206's _AGREE, in order, beside the texts of the cases.
AGREEING = {
    "sv": [
        "Genom att använda tjänsten godkänner du villkoren.",
        "Du som använder tjänsten samtycker därmed till behandlingen.",
        "Genom att besöka sidan ger du oss ditt medgivande.",
        "När du använder appen har du godkänt villkoren.",
        "Om du använder tjänsten anses du ha godtagit villkoren.",
        "Vid användning av tjänsten samtycker användaren till behandlingen.",
        "Besökaren som använder sidan godtar villkoren.",
        "Den som använder tjänsten anses ha lämnat sitt samtycke.",
        "Vid besök lämnas samtycke till kakor.",
        "Samtycke anses ha getts när du använder tjänsten.",
        "Genom att använda appen blir du bunden av villkoren.",
        "Din fortsatta användning innebär att du godkänner villkoren.",
    ],
    "en": [
        "By using this site you acknowledge the terms.",
        "By using the service you hereby give us your authorization.",
        "Your continued use constitutes acceptance of these terms.",
        "By using the site users are deemed to accept the policy.",
        "Visitors who use the site shall be deemed to have consented.",
        "By visiting the site the user thereby accepts the terms.",
        "When you use the app, consent is given to the processing.",
        "By using the site we assume that you agree.",
        "By using the website you are bound by these terms.",
    ],
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_agreement_of_pl206_holds_one_of_its_words(lang: str) -> None:
    """PL206 runs its long pattern of use only on a sentence that may agree to something."""
    from policygen.check.rules.pl206_consent_by_use import _AGREE, _AGREE_WORDS

    assert len(AGREEING[lang]) == len(_AGREE[lang])
    for pattern, example in zip(_AGREE[lang], AGREEING[lang]):
        assert pattern.search(example), (pattern.pattern, example)
        guarded = Guarded(pattern, *_AGREE_WORDS[lang])
        matched = [text for text in [*TEXTS, example] if pattern.search(text)]
        assert all(guarded.may_match(text) for text in matched), pattern.pattern


WHEN = {
    "sv": ["Läs policyn regelbundet.", "Titta in med jämna mellanrum.", "Besök sidan då och då.",
           "Läs texten ibland.", "Granska villkoren periodvis.", "Följ sidan löpande.", "Läs den fortlöpande.",
           "Kontrollera sidan återkommande.", "Läs den emellanåt.", "Bevaka sidan kontinuerligt.",
           "Läs policyn ofta.", "Läs policyn varje gång du besöker sidan.",
           "Läs sidan för att se eventuella ändringar.", "Besök sidan för uppdateringar."],
    "en": ["Review this policy regularly.", "Check the page periodically.", "Visit from time to time.",
           "Read it frequently.", "Check back often.", "Review it occasionally.", "Check on a regular basis.",
           "Review at regular intervals.", "Read it every time you visit.", "Read it each time you use the app.",
           "Please check back.", "Review it routinely.", "Read it now and then.", "Check the page for changes.",
           "Visit to learn about updates.", "Check for amendments.", "Read it to see modifications.",
           "Look at it for revisions.", "Read it for the latest version."],
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_frequency_or_change_of_pl207_holds_one_of_its_words(lang: str) -> None:
    """PL207 looks for a request to read only in a sentence that may say how often or name changes."""
    from policygen.check.rules.pl207_check_regularly import _FOR_CHANGES, _OFTEN, _WHEN_WORDS

    patterns = (_OFTEN[lang], _FOR_CHANGES[lang])
    for example in WHEN[lang]:
        assert any(pattern.search(example) for pattern in patterns), example
    for pattern in patterns:
        guarded = Guarded(pattern, *_WHEN_WORDS[lang])
        matched = [text for text in [*TEXTS, *WHEN[lang]] if pattern.search(text)]
        assert matched and all(guarded.may_match(text) for text in matched), pattern.pattern
