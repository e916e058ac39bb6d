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
from policygen.check.rules.pl2_patterns import Guarded
from tests.check.rules.case_files import all_cases

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
