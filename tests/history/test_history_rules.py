"""The G9xx findings of `build`: identities, documentation and coverage, as for validate's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.history.rules import RULES, all_rules, catalogue
from policygen.validate import all_rules as validate_rules

ROOT = Path(__file__).resolve().parents[2]
CODES = [rule.code for rule in all_rules()]


def test_codes_do_not_clash_with_validate() -> None:
    assert CODES == ["G901", "G902", "G903"]
    assert not set(CODES) & {rule.code for rule in validate_rules()}
    assert not {rule.name for rule in all_rules()} & {rule.name for rule in validate_rules()}


@pytest.mark.parametrize("code", CODES)
def test_every_change_rule_documents_why_and_fix(code: str) -> None:
    rule = RULES[code]
    info = rule.info()
    assert info.summary.endswith(".")
    assert len(rule.section("Why")) > 40 and len(rule.section("Fix")) > 20
    assert info.help.startswith(f"Why: {rule.section('Why')}\nFix: {rule.section('Fix')}")
    assert info in catalogue()


@pytest.mark.parametrize("code", CODES)
def test_every_change_rule_has_a_located_test(code: str) -> None:
    tests = (ROOT / "tests/history/test_history_build.py").read_text(encoding="utf-8")
    assert f"{code} " in tests, f"{code} has no test in test_history_build.py"


@pytest.mark.parametrize("code", CODES)
def test_every_change_rule_is_in_the_documentation_table(code: str) -> None:
    docs = (ROOT / "docs/gdpr-findings.md").read_text(encoding="utf-8")
    rule = RULES[code]
    rows = [line for line in docs.splitlines() if line.startswith(f"| {code} ")]
    assert len(rows) == 1, f"{code} is not (once) in docs/gdpr-findings.md"
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert cells[1] == f"`{rule.name}`" and cells[2] == rule.articles and cells[3] == rule.severity
