"""The one glossary loader: the data of every shipped file, YAML 1.2 scalars, its guards."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from policygen.lang.datafile import load_yaml
from policygen.lang.errors import UserError
from policygen.lang.glossary import load_abbreviations, load_terms, read_terms_file, shipped_rule_files
from policygen.lang.messages import speaking
from policygen.resources import glossary_dir

SHIPPED = sorted(glossary_dir().glob("*/*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_shipped_file_reads_as_ruamel_reads_it(path: Path) -> None:
    """libyaml's events and our YAML 1.2 resolution give exactly ruamel's own YAML 1.2 data."""
    assert load_yaml(path).data == YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def test_the_events_come_from_libyamls_c_parser() -> None:
    assert YAML(typ="safe", pure=False).Parser.__name__ == "CParser"


def test_every_shipped_file_is_valid_and_each_language_has_terms_and_abbreviations() -> None:
    files = shipped_rule_files(glossary_dir())
    assert {path.name for path, _ in files} >= {"abbreviations.yaml", "wordy.yaml", "vague.yaml"}
    assert all(path.parent.name == spec.lang for path, spec in files)
    for lang, abbreviations in (("sv", {"t.ex.", "art.", "kap."}), ("en", {"e.g.", "Art.", "Ltd."})):
        assert len(load_terms(glossary_dir(), lang)) >= 19
        assert abbreviations <= load_abbreviations(glossary_dir(), lang)  # entries and allowed ones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no\nb: on\nc: 012\nd: 1.5\ne: ~\nf: 'x'\n", {"a": "no", "b": "on", "c": 12, "d": 1.5, "e": None, "f": "x"}),
        ("- .nan\n- -.inf\n- !!str 3\n", [pytest.approx(float("nan"), nan_ok=True), float("-inf"), "3"]),
    ],
)
def test_scalars_follow_yaml_1_2(tmp_path: Path, text: str, expected: object) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_yaml(path).data == expected


@pytest.mark.parametrize(
    ("content", "message", "where"),
    [
        (b"a: \x07\n", "control character U+0007 is not allowed in YAML", (1, 4)),
        (b"a: 1\n\x00", "binary data (a NUL byte), not text", (2, 1)),
        (b"a: \xe9t\xe9\n", "not valid UTF-8", (1, 4)),
        (b"a: [1,\n", "YAML syntax error", (2, 1)),
        (b"a: 1\n---\nb: 2\n", "only one YAML document is allowed", (2, 1)),
        (b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "nesting is deeper than 32", (1, 33)),
    ],
)
def test_bad_files_are_located(tmp_path: Path, content: bytes, message: str, where: tuple[int, int]) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        load_yaml(path)
    problem = caught.value.problems[0]
    assert message in problem.message
    assert (problem.line, problem.column) == where


def test_a_broken_terms_file_is_located_in_both_interface_languages(tmp_path: Path) -> None:
    """A list at the top: key paths start with the item (``[0].forms``), did-you-mean still works."""
    path = tmp_path / "terms.yaml"
    path.write_text("- term: a\n  forms: []\n  explanation: x\n  explanaton: y\n- term: 3\n  forms: [b]\n"
                    "  explanation: z\n", encoding="utf-8")
    found = {}
    for language in ("en", "sv"):
        with speaking(language), pytest.raises(UserError) as caught:
            read_terms_file(path)
        found[language] = [(p.line, p.column, p.key, p.message, p.hint) for p in caught.value.problems]
    assert found == {
        "en": [(2, 3, "[0].forms", "must not be empty", ""),
               (4, 3, "[0].explanaton", "unknown key `explanaton`", "did you mean `explanation`?"),
               (5, 9, "[1].term", "expected text, found the number `3`", 'put it in quotes: "3"')],
        "sv": [(2, 3, "[0].forms", "värdet får inte vara tomt", ""),
               (4, 3, "[0].explanaton", "okänd nyckel `explanaton`", "menade du `explanation`?"),
               (5, 9, "[1].term", "här ska stå en text, men här finns talet `3`", 'sätt den inom citattecken: "3"')],
    }
