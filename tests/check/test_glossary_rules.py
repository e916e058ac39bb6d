"""The generic glossary rule types: matching, inflected forms, phrases, wildcards, allow-lists,
user extension and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.check.analyse import analyse
from policygen.check.glossary_rules import with_user_glossaries
from policygen.check.registry import all_rules, option_defaults
from policygen.check.settings import Settings
from policygen.cli.main import main
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
        (RULE.replace("type: substitution", "type: fuzzy"), "`fuzzy` is not one of: existence, substitution", "rule.type"),
        (RULE.replace("    replacement: ändra\n", ""), "needs 'replacement'", "entries[3].replacement"),
        (RULE.replace("lang: sv\n", ""), "missing required key", "lang"),
        (RULE.replace("  why: w\n", "  whyy: w\n"), "unknown key `whyy`", "rule.whyy"),
        (RULE.replace("code: PL951", "code: X1"), "the text `X1` is not of the expected form", "rule.code"),
        ("rule: [\n", "YAML syntax error", ""),
        (RULE.replace("'{match}' ({phrase})", "{oops}"), "{oops} is not a message field", "rule.message"),
        (RULE.replace("'{match}' ({phrase})", "{0}"), "{0} is not a message field", "rule.message"),
        (RULE.replace("'{match}' ({phrase})", "{match.upper}"), "{match.upper} is not a message field", "rule.message"),
        (RULE.replace("'{match}' ({phrase})", "{match!r:>9}"), "{match!r:>9} is not a message field", "rule.message"),
        (RULE.replace("'{match}' ({phrase})", "{match"), "a lone '{' or '}'", "rule.message"),
        (RULE.replace("    replacement: få\n", "    replacement: få\n    message: '{phrase}{x}'\n"),
         "{x} is not a message field", "entries[0].message"),
        (RULE.replace("  name: test.words\n", ""), "PL951 is a new rule: give it a name", "rule.name"),
        (RULE.replace("category: wordy", "category: wordyy"), "category 'wordyy' is not one of", "rule.category"),
        (RULE.replace("code: PL951", "code: PL111"), "PL111 is the code of the built-in rule PL111", "rule.code"),
        (RULE.replace("name: test.words", "name: sentence.too_long"), "the name of the built-in rule PL111", "rule.name"),
        (RULE.replace("code: PL951", "code: PL202"), "PL202 has name 'wordy.bureaucratic'", "rule.name"),
        (RULE.replace("  - phrase: t.ex.", "  - 2020\n  - phrase: t.ex."), "expected text, found the number `2020`", "entries[4].phrase"),
        (RULE.replace("allow:", "allow: &terms"), "anchors (&terms) are not allowed", "allow"),
        (RULE + "more: *terms\n", "aliases (*terms) are not allowed", "more"),
        (RULE.replace("lang: sv", "lang: sv\nlang: en"), "duplicate key `lang`", "lang"),
        (RULE.replace("rule:", "rule: !!map"), "YAML tags such as", "rule"),
        ("- just\n- a list\n", "a glossary file is a mapping", ""),
    ],
    ids=["type", "replacement", "lang", "key", "code", "yaml", "field", "index", "attribute", "conversion",
         "brace", "entry-field", "no-name", "category", "built-in-code", "built-in-name", "shipped-name", "number",
         "anchor", "alias", "duplicate", "tag", "list"],
)
def test_a_broken_user_file_is_a_located_user_error(tmp_path: Path, text: str, message: str, key: str) -> None:
    with pytest.raises(UserError) as caught:
        path = tmp_path / "words.yaml"
        path.write_text(text, encoding="utf-8")
        all_rules([path])
    problem = caught.value.problems[0]
    assert message in problem.message
    assert problem.key == key
    assert problem.file.endswith("words.yaml")
    assert problem.line > 0 or "list" in problem.message or "syntax" in problem.message


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    """Nine levels of nine aliases would expand to 387 million strings; the loader never builds one."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        all_rules([path])
    assert caught.value.render() == (f"{path}:1:4: a: anchors (&a) are not allowed\n"
                                     "  hint: write the value out in full; anchors and aliases are refused for safety")


def test_a_glossary_over_the_size_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("lang: sv\n" + "# padding\n" * 120_000, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        all_rules([path])
    assert "file is too large (1,200,009 bytes; the limit is 1,000,000)" in caught.value.render()


def test_a_broken_user_glossary_is_reported_in_swedish(tmp_path: Path) -> None:
    """``--messages sv``: every mistake in a glossary the config names, located, with its hint, in Swedish."""
    broken = (RULE.replace("code: PL951", "code: X1").replace("  why: w\n", "  whyy: w\n")
              .replace("'{match}' ({phrase}) → '{replacement}'", "{oops}")
              .replace("  - phrase: t.ex.", "  - 2020\n  - phrase: t.ex.").replace("type: substitution", "type: fuzzy"))
    glossary = tmp_path / "words.yaml"
    glossary.write_text(broken, encoding="utf-8")
    (tmp_path / "policygen.toml").write_text('[check]\nglossaries = ["words.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Vi sparar ditt namn.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--messages", "sv", str(tmp_path / "a.txt"),
                                       "--config", str(tmp_path / "policygen.toml")])
    assert result.exit_code == 2, result.output
    assert result.stderr == "".join(f"{glossary}:{problem}\n" for problem in [
        "3:9: rule.code: texten `X1` har inte rätt form\n  tips: en kod som PL123; PL9xx är lediga för dina egna regler",
        "6:9: rule.type: `fuzzy` är inte något av: existence, substitution",
        "8:3: rule.whyy: okänd nyckel `whyy`\n  tips: menade du `why`?",
        "11:12: rule.message: {oops} är inget fält som texten kan använda\n"
        "  tips: fälten som finns är {match}, {phrase} och {replacement}",
        '22:5: entries[4].phrase: här ska stå en text, men här finns talet `2020`\n  tips: sätt den inom citattecken: "2020"',
    ])
