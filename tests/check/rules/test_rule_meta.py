"""Meta-tests: every rule is documented (summary, Why, Anti-pattern, Better) and has case files
with passing and failing cases in each of its languages."""

from __future__ import annotations

import re

import pytest

from policygen.check.findings import CATEGORIES
from policygen.check.glossary_rules import GlossaryRule
from policygen.check.registry import all_rules
from case_files import CASES_DIR, all_cases

RULES = all_rules()
CASES = all_cases()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_has_documentation(rule) -> None:
    assert rule.summary, f"{rule.code} has no summary line"
    if isinstance(rule, GlossaryRule):
        assert rule.has_documentation(), f"{rule.code}: glossary needs summary, why, anti_pattern, better"
        return
    for section in ("Why", "Anti-pattern", "Better"):
        assert re.search(rf"^{section}\n-+$", rule.doc, re.MULTILINE), f"{rule.code} lacks a '{section}' section"


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_has_cases_in_each_language(rule) -> None:
    assert (CASES_DIR / f"{rule.code}.yaml").is_file(), f"no tests/check/rules/cases/{rule.code}.yaml"
    for lang in rule.languages:
        kinds = {case.kind for case in CASES if case.code == rule.code and case.lang == lang}
        assert kinds == {"pass", "fail"}, f"{rule.code} needs pass and fail cases in {lang}"


def test_codes_and_names_are_unique_and_categories_known() -> None:
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert all(rule.category in CATEGORIES for rule in RULES)


def test_every_case_file_names_a_registered_rule() -> None:
    known = {rule.code for rule in RULES}
    for path in CASES_DIR.glob("*.yaml"):
        assert path.stem in known, f"{path.name} names no registered rule"
