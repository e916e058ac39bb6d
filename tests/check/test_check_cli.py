"""``policygen check`` and ``policygen rules`` end to end: output, exit codes, bad input, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main

EASY_SV = "# Om oss\n\nVi sparar ditt namn. Du kan be oss ta bort det.\n"
HARD_SV = (
    "# Policy\n\nPersonuppgiftsansvarig verksamhetsutövare tillhandahåller information avseende "
    "behandlingen av personuppgifter i enlighet med tillämplig dataskyddslagstiftning. Behandlingen "
    "grundar sig på fullgörande av avtal respektive intresseavvägning avseende kundärenden.\n"
)


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args))
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args))
    finally:
        os.chdir(old)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "easy.md").write_text(EASY_SV, encoding="utf-8")
    (tmp_path / "sv" / "easy.html").write_text("<p>Denna HTML-version hoppas över.</p>", encoding="utf-8")
    (tmp_path / "sv" / "easy.fragment.html").write_text("<p>Fragment.</p>", encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.html").write_text(
        "<html><body><main><p>We keep your name. You can ask us to delete it.</p></main></body></html>",
        encoding="utf-8",
    )
    return tmp_path


def test_clean_site_passes_and_folder_rules_apply(site: Path) -> None:
    result = run("check", str(site), "--format", "json", cwd=site)
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert [(Path(f["path"]).relative_to(site).as_posix(), f["lang"]) for f in files] == [
        ("en/page.html", "en"),
        ("sv/easy.md", "sv"),
    ]
    assert files[1]["metrics"] == {"words": 13, "sentences": 3, "long_words": 0, "lix": 4.33, "ovix": files[1]["metrics"]["ovix"]}
    assert set(files[0]["metrics"]) >= {"flesch_reading_ease", "fk_grade"}


def test_hard_document_fails_with_exit_1_and_located_finding(tmp_path: Path) -> None:
    path = tmp_path / "hard.md"
    path.write_text(HARD_SV, encoding="utf-8")
    result = run("check", str(path), "--lang", "sv", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    assert f"{path}:1:3: error PL101 Document LIX is" in result.stdout
    assert "LIX 76.3 (25 words, 3 sentences, 17 long words)" in result.stdout


def test_fail_level_never_and_warning(tmp_path: Path) -> None:
    path = tmp_path / "hard.md"
    path.write_text(HARD_SV, encoding="utf-8")
    assert run("check", str(path), "--fail-level", "never", cwd=tmp_path).exit_code == 0
    long_sentence = tmp_path / "long.txt"
    long_sentence.write_text(" ".join(["ord"] * 30) + ".", encoding="utf-8")
    assert run("check", str(long_sentence), "--lang", "sv", cwd=tmp_path).exit_code == 0
    assert run("check", str(long_sentence), "--lang", "sv", "--fail-level", "warning", cwd=tmp_path).exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"caf\xe9 au lait", "not valid UTF-8 text"),
    ],
    ids=["empty", "blank", "binary", "latin-1"],
)
def test_bad_files_exit_2_and_the_run_goes_on(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Vi sparar ditt namn.", encoding="utf-8")
    result = run("check", str(bad), str(good), "--format", "json", cwd=tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(good)]


def test_missing_path_is_named(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.md"), cwd=tmp_path)
    assert result.exit_code == 2
    assert "nope.md: no such file or folder" in result.stderr


def test_pyproject_config_is_found_upwards_and_applied(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.policygen.check]\nfail-level = "warning"\n[tool.policygen.check.sv]\nsentence-words = 5\n',
        encoding="utf-8",
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "a.txt").write_text("Vi sparar ditt namn och din adress här.", encoding="utf-8")
    result = run("check", "a.txt", "--lang", "sv", cwd=sub)
    assert result.exit_code == 1
    assert "a.txt:1:1: warning PL111 Sentence has 8 words (limit 5)" in result.stdout


def test_policygen_toml_select_ignore_and_severity(tmp_path: Path) -> None:
    (tmp_path / "policygen.toml").write_text(
        '[check]\nselect = ["long-sentence"]\nsentence-words = 3\n[check.severity]\n"sentence.too_long" = "error"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(HARD_SV, encoding="utf-8")
    result = run("check", "a.txt", "--lang", "sv", "--format", "json", cwd=tmp_path)
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert {(f["code"], f["severity"]) for f in findings} == {("PL111", "error")}
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[tool.policygen.check]\nsentance-words = 3\n", "tool.policygen.check.sentance-words: unknown key `sentance-words`\n  hint: did you mean `sentence-words`?"),
        ("[tool.policygen.check.sv]\nlix = 3\n", "tool.policygen.check.sv.lix: unknown key `lix`"),
        ("[tool.policygen]\nlix = 3\n", "tool.policygen.lix: unknown key `lix`\n  hint: checker settings go in the [tool.policygen.check] table"),
        ('[tool.policygen.check]\nfail-level = "fatal"\n', "tool.policygen.check.fail-level: `fatal` is not one of: info, warning, error, never"),
        ('[tool.policygen.check]\nselect = ["wordyy"]\n', "'wordyy' is not a rule code, name or category"),
        ('[tool.policygen.check]\nsentence-words = "many"\n', "pyproject.toml:2:1: tool.policygen.check.sentence-words: expected a whole number, found the text `many`"),
        ("[tool.policygen.check\n", "invalid TOML"),
    ],
    ids=["typo", "lang-key", "top-key", "fail-level", "selector", "type", "syntax"],
)
def test_bad_config_exits_2_naming_the_key(tmp_path: Path, toml: str, expected: str) -> None:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hej.", encoding="utf-8")
    result = run("check", "a.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_user_glossary_adds_a_rule(tmp_path: Path) -> None:
    (tmp_path / "words.yaml").write_text(
        "lang: sv\nrule:\n  code: PL901\n  name: house.words\n  category: wordy\n  type: substitution\n"
        "  summary: Our house style.\n  why: w\n  anti_pattern: a\n  better: b\n"
        "  message: \"write '{replacement}', not '{match}'\"\n"
        "entries:\n  - {phrase: kund, forms: [kunden, kunder], replacement: du}\n",
        encoding="utf-8",
    )
    (tmp_path / "policygen.toml").write_text('[check]\nglossaries = ["words.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Vi hjälper\nKunden snabbt.", encoding="utf-8")
    result = run("check", "a.txt", "--lang", "sv", cwd=tmp_path)
    assert "a.txt:2:1: warning PL901 write 'du', not 'Kunden'" in result.stdout
    assert run("rules", "house.words", cwd=tmp_path).stdout.startswith("PL901 house.words")


def test_rules_table_and_one_rule(tmp_path: Path) -> None:
    table = run("rules", cwd=tmp_path)
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0] == "policygen check: plain language"
    assert lines[2].split() == ["CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY"]
    assert any(line.startswith("PL111  sentence.too_long") for line in lines)
    one = run("rules", "PL111", cwd=tmp_path)
    assert one.exit_code == 0
    assert "Why\n---" in one.stdout and "Anti-pattern" in one.stdout and "Better" in one.stdout
    assert run("rules", "sentence.too_long", cwd=tmp_path).stdout == one.stdout
    unknown = run("rules", "PL11", cwd=tmp_path)
    assert unknown.exit_code == 2
    assert "PL11: no such rule\n  hint: did you mean `PL111`?" in unknown.stderr


def test_select_option_naming_no_rule_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hej.", encoding="utf-8")
    result = run("check", "a.txt", "--select", "wordyy", cwd=tmp_path)
    assert result.exit_code == 2
    assert "--select: 'wordyy' is not a rule code, name or category\n  hint: did you mean `wordy`?" in result.stderr


def test_rules_lists_every_code_output_can_show(tmp_path: Path) -> None:
    """PL001 (an unused suppression) and the G-codes of ``policygen validate`` appear in output too."""
    from policygen.validate import all_rules

    lines = run("rules", cwd=tmp_path).stdout.splitlines()
    assert lines[3].split()[:4] == ["PL001", "suppression.unused", "readability", "warning"]
    gdpr_title = lines.index("policygen validate: GDPR completeness of a description")
    assert lines[gdpr_title + 2].split() == ["CODE", "NAME", "ARTICLE", "SEVERITY", "SUMMARY"]
    table = lines[gdpr_title + 3 :]
    listed = [line.split()[0] for line in table[: table.index("")]]
    assert listed == [rule.code for rule in all_rules()] and len(listed) > 20
    change_title = lines.index("policygen build: changes since the last published version")
    assert [line.split()[0] for line in lines[change_title + 3 :]] == ["G901", "G902", "G903"]
    g101 = next(line for line in lines if line.startswith("G101 "))
    assert g101.split()[1:4] == ["legitimate_interest.missing", "13(1)(d)", "/"]


def test_rules_explains_a_gdpr_finding_and_the_unused_suppression(tmp_path: Path) -> None:
    g401 = run("rules", "G401", cwd=tmp_path)
    assert g401.exit_code == 0
    head, _, body = g401.stdout.partition("\n\n")
    assert head.startswith("G401 ") and "(policygen validate)" in head and "GDPR article: " in head
    assert "\nWhy: " in body and "\nFix: " in body
    from policygen.validate import all_rules

    rule = next(r for r in all_rules() if r.code == "G401")
    assert f"GDPR article: {rule.info().article}" in head
    assert rule.section("Fix") in body
    assert run("rules", rule.name, cwd=tmp_path).stdout == g401.stdout
    assert run("rules", "g401", cwd=tmp_path).stdout == g401.stdout
    unused = run("rules", "PL001", cwd=tmp_path)
    assert unused.exit_code == 0
    assert unused.stdout.startswith("PL001 suppression.unused   (policygen check)\ncategory: readability")
    assert "--no-inline-config" in unused.stdout
    typo = run("rules", "G40", cwd=tmp_path)
    assert typo.exit_code == 2 and "G40: no such rule\n  hint: did you mean `G401`?" in typo.stderr


def test_unknown_output_format_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Vi sparar ditt namn.", encoding="utf-8")
    result = run("check", "a.txt", "--format", "jsno", cwd=tmp_path)
    assert result.exit_code == 2
    assert "Invalid value for '--format': 'jsno' is not one of" in result.stderr
    assert "'json'" in result.stderr and "'sarif'" in result.stderr


def test_a_program_that_calls_check_keeps_its_collector(tmp_path: Path) -> None:
    """The command freezes the objects of its run only when the process exits: a program that
    calls it and goes on (a test runner, an editor plug-in) can still collect them. (The modules
    spaCy and the rules load are frozen once, at their import: they live as long as the
    process.)"""
    import gc

    page = tmp_path / "sida.md"
    page.write_text(EASY_SV, encoding="utf-8")
    assert run("check", str(page)).exit_code == 0  # imports and freezes the modules once
    frozen = gc.get_freeze_count()
    for _ in range(2):
        assert run("check", str(page)).exit_code == 0
    assert gc.get_freeze_count() <= frozen  # none added (a frozen object may still be freed)
