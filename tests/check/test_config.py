"""Checker configuration: every mistake is one located message and exit 2, never a traceback, and no
threshold can silently switch a check off."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.check.api import load_settings
from policygen.check.toml_positions import toml_positions
from policygen.cli.main import main


def check(tmp_path: Path, pyproject: str):
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Vi sparar ditt namn.\n", encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "pyproject.toml")])


T = "[tool.policygen.check]\n"
TYPE_HINT = "hint: write a number without quotes, such as 45"
OFF_HINT = "hint: to switch a check off, add its rule to `ignore`"


@pytest.mark.parametrize(
    ("pyproject", "expected"),
    [
        (T + 'nominal-density = "abc"\n',
         f"pyproject.toml:2:1: tool.policygen.check.nominal-density: expected a number, found the text `abc`\n  {TYPE_HINT}"),
        (T + "max-findings = 1.5\n", "pyproject.toml:2:1: tool.policygen.check.max-findings: expected a whole number, found the number `1.5`"),
        (T + "max-findings = nan\n", "pyproject.toml:2:1: tool.policygen.check.max-findings: expected a whole number, found the number `nan`"),
        (T + "max-findings = 0\n", f"tool.policygen.check.max-findings: expected at least 1, found the number `0`\n  {OFF_HINT}"),
        (T + "sentence-words = -1\n", f"tool.policygen.check.sentence-words: expected at least 1, found the number `-1`\n  {OFF_HINT}"),
        (T + "sentence-words = true\n", "tool.policygen.check.sentence-words: expected a whole number, found `true`"),
        ("[tool.policygen.check.sv]\n\ndocument-lix = nan\n",
         f"pyproject.toml:3:1: tool.policygen.check.sv.document-lix: expected a finite number, found the number `nan`\n  {OFF_HINT}"),
        ("[tool.policygen.check.en]\ndocument-flesch = inf\n", "tool.policygen.check.en.document-flesch: expected a finite number, found the number `inf`"),
        (T + "section-lix = 0\n", f"tool.policygen.check.section-lix: expected more than 0, found the number `0`\n  {OFF_HINT}"),
        (T + "jargon-min-words = 0\n", "tool.policygen.check.jargon-min-words: expected at least 1, found the number `0`"),
        (T + "nominal-density = 2\n", "tool.policygen.check.nominal-density: expected at most 1, found the number `2`"),
        ('tool = "x"\n', "pyproject.toml:1:1: tool: must be a table"),
        ("[tool]\npolicygen = 3\n", "pyproject.toml:2:1: tool.policygen: must be a table"),
        ("[tool.policygen]\ncheck = []\n", "pyproject.toml:2:1: tool.policygen.check: must be a table"),
        (T + 'select = ["PL1",\n  "wordyy"]\n', "tool.policygen.check.select[1]: 'wordyy' is not a rule code, name or category\n  hint: did you mean `wordy`?"),
        (T + 'ignore = ["PL111", 3]\n', "pyproject.toml:2:1: tool.policygen.check.ignore[1]: expected text, found the number `3`\n  hint: put it in quotes: \"3\""),
        (T + 'severity = { PL111 = "error", wordyy = "info" }\n',
         "pyproject.toml:2:31: tool.policygen.check.severity.wordyy: 'wordyy' is not a rule code, name or category"),
        (T + "[tool.policygen.check.severity]\nPL111 = \"fatal\"\n",
         "pyproject.toml:3:1: tool.policygen.check.severity.PL111: `fatal` is not one of: info, warning, error"),
        ("[tool.policygen.check.en]\nallow = 3\n", "pyproject.toml:2:1: tool.policygen.check.en.allow: expected a list, found the number `3`\n  hint: write a list of text in quotes, such as [\"PL111\", \"wordy\"]"),
        ("[tool.policygen.check.sv]\nlix = 3\n", "pyproject.toml:2:1: tool.policygen.check.sv.lix: unknown key `lix`\n  hint: allowed: `allow`, `document-flesch`"),
        (T + "[tool.policygen.check\n", "pyproject.toml:2:22: invalid TOML"),
    ],
)
def test_a_bad_value_is_one_located_message_and_exit_2(tmp_path: Path, pyproject: str, expected: str) -> None:
    result = check(tmp_path, pyproject)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("special", ["/dev/zero", "fifo.yaml", "folder", "missing.yaml"])
def test_a_glossary_that_is_not_a_regular_file_is_refused(tmp_path: Path, special: str) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "folder").mkdir()
    result = check(tmp_path, T + f'glossaries = ["words.yaml", "{special}"]\n')
    assert result.exit_code == 2
    assert "pyproject.toml:2:1: tool.policygen.check.glossaries[0]: cannot read the glossary file" in result.stderr
    if special != "missing.yaml":
        assert "tool.policygen.check.glossaries[1]: the glossary" in result.stderr
        assert "is not a regular file" in result.stderr


def test_valid_values_are_applied_as_written(tmp_path: Path) -> None:
    (tmp_path / "policygen.toml").write_text(
        '[check]\nfail-level = "warning"\nselect = "PL1"\nsentence-words = 12\nnominal-density = 0.25\n'
        '[check.sv]\ndocument-lix = 42.5\nallow = ["erhålla"]\n[check.severity]\n"sentence.too_long" = "error"\n',
        encoding="utf-8",
    )
    settings, _ = load_settings(tmp_path / "policygen.toml")
    assert settings.select == ("PL1",)
    assert settings.fail_level == "warning"
    assert settings.option("sv", "sentence-words") == 12
    assert settings.option("sv", "document-lix") == 42.5
    assert settings.option("en", "document-lix") == 45
    assert settings.option("en", "nominal-density") == 0.25
    assert settings.allow("sv") == ("erhålla",)
    assert settings.severities == {"sentence.too_long": "error"}


def test_toml_positions_follow_tables_dotted_and_quoted_keys_and_skip_multiline_values() -> None:
    text = ('[tool.policygen.check]\nselect = [\n  "x = 1",\n]\ndoc = """\nfake = 2\n"""\n'
            '  "quoted.key" = 3\ntool.other = 4\n[tool.policygen.check.sv]\nlimit = {a = 1, "b.c" = 2}\n')
    positions = toml_positions(text)
    assert positions["tool.policygen.check"] == (1, 2)
    assert positions["tool.policygen.check.select"] == (2, 1)
    assert "tool.policygen.check.x" not in positions and "tool.policygen.check.fake" not in positions
    assert positions["tool.policygen.check.quoted.key"] == (8, 3)
    assert positions["tool.policygen.check.tool.other"] == (9, 1)
    assert positions["tool.policygen.check.sv.limit.a"] == (11, 10)
    assert positions["tool.policygen.check.sv.limit.b.c"] == (11, 17)


def test_a_broken_config_is_reported_in_swedish(tmp_path: Path) -> None:
    """``--messages sv``: each mistake with its file, line, column, key path and hint, all in Swedish."""
    (tmp_path / "pyproject.toml").write_text(
        T + 'sentance-words = 3\nmax-findings = 0\nfail-level = "fatal"\nignore = ["PL111", 3]\n'
        "[tool.policygen.check.sv]\ndocument-lix = nan\n[tool.policygen.check.en]\nallow = 3\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Vi sparar ditt namn.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "pyproject.toml"),
                                       "--messages", "sv"])
    assert result.exit_code == 2, result.output
    config = tmp_path / "pyproject.toml"
    problems = re.split(rf"\n(?={re.escape(str(config))}:)", result.stderr.strip())
    assert problems == [f"{config}:{problem}" for problem in [  # in reading order
        "2:1: tool.policygen.check.sentance-words: okänd nyckel `sentance-words`\n"
        "  tips: menade du `sentence-words`?",
        "3:1: tool.policygen.check.max-findings: här ska stå minst 1, men här finns talet `0`\n"
        "  tips: om du vill stänga av en kontroll, lägg till dess regel i `ignore`",
        "4:1: tool.policygen.check.fail-level: `fatal` är inte något av: info, warning, error, never",
        '5:1: tool.policygen.check.ignore[1]: här ska stå en text, men här finns talet `3`\n'
        '  tips: sätt den inom citattecken: "3"',
        "7:1: tool.policygen.check.sv.document-lix: här ska stå ett ändligt tal, men här finns talet `nan`\n"
        "  tips: om du vill stänga av en kontroll, lägg till dess regel i `ignore`",
        "9:1: tool.policygen.check.en.allow: här ska stå en lista, men här finns talet `3`\n"
        '  tips: skriv en lista med text inom citattecken, till exempel ["PL111", "wordy"]',
    ]]


def test_a_config_table_of_the_wrong_kind_is_reported_in_swedish(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--messages", "sv", str(tmp_path / "a.txt"),
                                       "--config", str(_written(tmp_path, T + "sv = 3\n"))])
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"{tmp_path / 'pyproject.toml'}:2:1: tool.policygen.check.sv: "
                             "här ska stå en tabell, men här finns talet `3`\n")


def _written(tmp_path: Path, pyproject: str) -> Path:
    (tmp_path / "a.txt").write_text("Vi sparar ditt namn.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return tmp_path / "pyproject.toml"
