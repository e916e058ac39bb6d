"""Every rule against its YAML cases: ``pass`` texts give no finding of the rule, ``fail`` texts give
exactly the listed findings at exactly those positions. The whole checker runs, as ``policygen
check`` would, with only the rule under test selected. The interface speaks English (the
default), so a suggestion's instruction is English in every case file and only the words to paste
are in the case's language ("say which measures", 'vi delar …')."""

from __future__ import annotations

import pytest

from policygen.check.api import check_text
from policygen.check.registry import all_rules, option_defaults
from policygen.check.settings import Settings
from case_files import Case, all_cases

RULES = {rule.code: rule for rule in all_rules()}
DEFAULTS = option_defaults(RULES.values())
CASES = all_cases()


def run_case(case: Case) -> list[dict]:
    rule = RULES[case.code]
    unknown = set(case.settings) - set(DEFAULTS)
    assert not unknown, f"case settings name unknown options: {sorted(unknown)}"
    settings = Settings(defaults=DEFAULTS, options=dict(case.settings), select=(case.code,))
    report = check_text(case.text, "case", case.lang, case.fmt, [rule], settings)
    return [
        {
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line,
            "end_column": f.end_column,
            "message": f.message,
            "suggestion": f.suggestion,
        }
        for f in report.findings
        if f.code == case.code
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case(case: Case) -> None:
    assert case.code in RULES, f"no rule {case.code} is registered"
    found = run_case(case)
    if case.kind == "pass":
        assert found == [], f"expected no {case.code} finding in {case.text!r}"
        return
    assert case.findings, "a fail case must list its expected findings"
    positions = [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found]
    expected = [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in case.findings]
    assert positions == expected, f"{case.text!r}: {found}"
    for want, got in zip(case.findings, found):
        if "message" in want:
            assert want["message"] in got["message"]
        if "suggestion" in want:
            assert want["suggestion"] == got["suggestion"]
