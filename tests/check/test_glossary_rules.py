"""The generic glossary rule types: matching, inflected forms, phrases, wildcards, allow-lists,
user extension and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.check.analyse import analyse
from policygen.check.glossary_rules import with_user_glossaries
from policygen.check.registry import all_rules, option_defaults
from policygen.check.settings import Settings
from policygen.errors import UserError

RULE = """\
lang: sv
rule:
  code: PL951
  name: test.words
  category: wordy
  type: substitution
  summary: Test words.
  why: w
  anti_pattern: a
  better: b
  message: "'{match}' ({phrase}) → '{replacement}'"
entries:
  - phrase: erhålla
    forms: [erhåller, erhöll]
    replacement: få
  - phrase: i enlighet med
    replacement: enligt
  - phrase: i enlighet
    replacement: SHORTER
  - phrase: vidta * ändring
    replacement: ändra
  - phrase: t.ex.
    replacement: till exempel
allow:
  - erhåller personuppgifter
"""


def rule_from(tmp_path: Path, text: str = RULE):
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return with_user_glossaries([], [path], {})[0]


def found(rule, text: str, allow: tuple[str, ...] = ()) -> list[tuple[int, int, int, str, str]]:
    settings = Settings(allowed={"sv": allow})
    document = analyse(text, "sv", "txt")
    return [(f.line, f.column, f.end_column, f.message, f.suggestion) for f in rule.check(document, settings)]


def test_forms_phrases_longest_match_and_case(tmp_path: Path) -> None:
    rule = rule_from(tmp_path)
    assert found(rule, "Du Erhöll, i enlighet med lagen, svar.\nVi vidtar en ändring.") == [
        (1, 4, 10, "'Erhöll' (erhålla) → 'få'", "få"),
        (1, 12, 26, "'i enlighet med' (i enlighet med) → 'enligt'", "enligt"),
    ]
    assert found(rule, "Vi vidta någon ändring, t.ex. nu.") == [
        (1, 4, 23, "'vidta någon ändring' (vidta * ändring) → 'ändra'", "ändra"),
        (1, 25, 30, "'t.ex.' (t.ex.) → 'till exempel'", "till exempel"),
    ]


def test_matches_do_not_cross_sentences_and_allow_lists_win(tmp_path: Path) -> None:
    rule = rule_from(tmp_path)
    assert found(rule, "Det sker i enlighet. Med lagen.") == [(1, 10, 20, "'i enlighet' (i enlighet) → 'SHORTER'", "SHORTER")]
    assert found(rule, "Vi erhåller personuppgifter från dig.") == []
    assert found(rule, "Vi erhåller svar.", allow=("erhåller svar",)) == []
    assert rule.languages == ("sv",)
    assert rule.has_documentation()
    assert rule.doc.startswith("Test words.\n\nWhy\n---\nw")


def test_a_user_file_extends_a_shipped_rule_with_only_its_code(tmp_path: Path) -> None:
    shipped = {rule.code: rule for rule in all_rules() if hasattr(rule, "entries")}
    code = sorted(shipped)[0]
    lang = shipped[code].languages[0]
    extra = tmp_path / "more.yaml"
    extra.write_text(f"lang: {lang}\nrule: {{code: {code}}}\nentries:\n  - {{phrase: zzyzx, replacement: ok}}\n", encoding="utf-8")
    rules = {rule.code: rule for rule in all_rules([extra])}
    settings = Settings(defaults=option_defaults(rules.values()))
    document = analyse("Zzyzx.", lang, "txt")
    assert [f.code for f in rules[code].check(document, settings)] == [code]
    assert not list(shipped[code].check(document, settings))  # the shipped rule itself is unchanged


@pytest.mark.parametrize(
    ("text", "message", "key"),
    [
        (RULE.replace("type: substitution", "type: fuzzy"), "must be one of existence, substitution", "rule.type"),
        (RULE.replace("    replacement: ändra\n", ""), "needs 'replacement'", "entries[3].replacement"),
        (RULE.replace("lang: sv\n", ""), "missing required key", "lang"),
        (RULE.replace("  why: w\n", "  whyy: w\n"), "unknown key 'whyy'", "rule.whyy"),
        (RULE.replace("code: PL951", "code: X1"), "is not of the expected form (found 'X1')", "rule.code"),
        ("rule: [\n", "YAML syntax error", ""),
    ],
    ids=["type", "replacement", "lang", "key", "code", "yaml"],
)
def test_a_broken_user_file_is_a_located_user_error(tmp_path: Path, text: str, message: str, key: str) -> None:
    with pytest.raises(UserError) as caught:
        rule_from(tmp_path, text)
    problem = caught.value.problems[0]
    assert message in problem.message
    assert problem.key == key
    assert problem.file.endswith("words.yaml")
