"""The rule registry: identities, documentation and coverage of every GDPR rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.validate import all_rules
from policygen.validate.registry import RULES, Hit, rule

ROOT = Path(__file__).resolve().parents[2]
RULE_IDS = [r.code for r in all_rules()]


def test_codes_are_unique_sorted_and_well_formed():
    codes = [r.code for r in all_rules()]
    assert codes == sorted(set(codes))
    assert all(re.fullmatch(r"G\d{3}", code) for code in codes)
    assert len({r.name for r in all_rules()}) == len(codes)


@pytest.mark.parametrize("code", RULE_IDS)
def test_every_rule_documents_why_and_fix(code):
    documented = RULES[code]
    info = documented.info()
    assert info.summary.endswith(".")
    assert len(documented.section("Why")) > 40
    assert len(documented.section("Fix")) > 20
    assert info.help == f"Why: {documented.section('Why')}\nFix: {documented.section('Fix')}"
    assert (info.code, info.name, info.category, info.severity) == (code, documented.name, "gdpr", documented.severity)


@pytest.mark.parametrize("code", RULE_IDS)
def test_every_rule_has_a_located_test(code):
    tests = (ROOT / "tests/validate/test_findings.py").read_text(encoding="utf-8")
    assert f'"{code}"' in tests, f"{code} has no test in test_findings.py"


@pytest.mark.parametrize("code", RULE_IDS)
def test_every_rule_is_in_the_documentation_table(code):
    docs = (ROOT / "docs/gdpr-findings.md").read_text(encoding="utf-8")
    documented = RULES[code]
    rows = [line for line in docs.splitlines() if line.startswith(f"| {code} ")]
    assert len(rows) == 1, f"{code} is not (once) in docs/gdpr-findings.md"
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert cells[1] == f"`{documented.name}`"
    assert cells[2] == documented.article + (f" / {documented.article_14}" if documented.article_14 else "")
    assert cells[3] == documented.severity


def test_registry_refuses_a_duplicate_code():
    with pytest.raises(ValueError):
        rule("G101", "something.else", severity="error", article="5")(lambda ctx: iter(()))


def test_registry_refuses_a_bad_article():
    with pytest.raises(ValueError):
        rule("G999", "bad.article", severity="error", article="Art. 5")(lambda ctx: iter(()))
    assert "G999" not in RULES


def test_art_14_article_is_used_only_for_indirect_hits():
    legitimate = RULES["G101"]
    assert legitimate.article_for(Hit(key="k", message="m")) == "13(1)(d)"
    assert legitimate.article_for(Hit(key="k", message="m", indirect=True)) == "14(2)(b)"
    assert RULES["G102"].article_for(Hit(key="k", message="m", indirect=True)) == "6(1)(c)"
