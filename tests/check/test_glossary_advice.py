"""A glossary entry's advice (an instruction to the writer) speaks the interface language; its
replacement (words to paste) and its example stay in the document's language. Real CLI runs:
``check`` on Markdown and ``validate``/``check`` on a description, human and JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.lang.errors import UserError
from policygen.lang.glossary import read_rule_file

WORDING = Path(__file__).resolve().parent.parent / "source" / "fixtures" / "wording.yaml"

EN = ("# Your support case\n\nWe help with your support case where appropriate. "
      "We utilize your e-mail address on a regular basis, e.g. to reply.\n")
SV = ("# Ditt ärende\n\nVi sparar vissa uppgifter. Vi erhåller ditt namn. "
      "Vänligen kontakta oss, varvid vi svarar.\n")


def _check(tmp_path: Path, text: str, lang: str, interface: str) -> list[tuple]:
    page = tmp_path / f"{lang}.md"
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--messages", interface, "--lang", lang, "--format", "json",
                                       "--select", "PL201", "--select", "PL202", "--select", "PL204", str(page)])
    assert result.exit_code == 0, result.output
    [file] = json.loads(result.stdout)["files"]
    return [(f["line"], f["column"], f["code"], f["message"], f["suggestion"]) for f in file["findings"]]


def test_an_english_document_in_a_swedish_interface_gets_swedish_advice(tmp_path: Path) -> None:
    assert _check(tmp_path, EN, "en", "sv") == [
        (3, 32, "PL201", "'where appropriate' är för vagt: säg exakt vad ni gör och när.", "säg när"),
        (3, 54, "PL202", "'utilize' är krångligt myndighetsspråk: skriv 'use'.", "use"),
        (3, 82, "PL202", "'on a regular basis' är krångligt myndighetsspråk: skriv 'regularly'.",
         "regularly (eller säg hur ofta)"),
        (3, 102, "PL204", "Skriv ut 'e.g.': 'for example'.", "for example"),
    ]


def test_an_english_document_in_english(tmp_path: Path) -> None:
    assert [f[4] for f in _check(tmp_path, EN, "en", "en")] == [
        "say when", "use", "regularly (or say how often)", "for example"]


def test_a_swedish_document_in_an_english_interface_gets_english_advice(tmp_path: Path) -> None:
    assert _check(tmp_path, SV, "sv", "en") == [
        (3, 11, "PL201", "'vissa' is vague: say exactly what you do, and when.", "say which (or when)"),
        (3, 31, "PL202", "'erhåller' is bureaucratic: write 'får'.", "får"),
        (3, 51, "PL202", "'Vänligen' is bureaucratic: leave the word out.", "leave the word out"),
        (3, 74, "PL202", "'varvid' is bureaucratic: och då (split the sentence).", "och då (split the sentence)"),
    ]


def test_a_swedish_document_in_swedish(tmp_path: Path) -> None:
    assert [f[4] for f in _check(tmp_path, SV, "sv", "sv")] == [
        "säg vilka (eller när)", "får", "stryk ordet", "och då (dela upp meningen)"]


@pytest.mark.parametrize(("lang", "text", "interface", "suggestion"), [
    ("en", "# Data\n\nWe process data under the privacy policy, in accordance with the law.\n", "sv",
     "under (eller 'as … says')"),
    ("sv", "# Uppgifter\n\nVi kan dela uppgifterna med vår leverantör.\n", "en", "say whether you do it: 'vi delar …'"),
])
def test_a_mixed_advice_keeps_its_example_in_the_documents_language(tmp_path, lang, text, interface, suggestion):
    found = _check(tmp_path, text, lang, interface)
    assert [f[4] for f in found] == [suggestion]


def test_the_refined_hedge_keeps_the_verb_in_the_documents_language(tmp_path: Path) -> None:
    text = "# Data\n\nWe may share your e-mail address with our courier.\n"
    assert [f[4] for f in _check(tmp_path, text, "en", "sv")] == ["säg om ni gör det: 'we share …'"]


def _description(tmp_path: Path) -> Path:
    """The wording fixture with a purpose title that is vague in both languages."""
    text = WORDING.read_text(encoding="utf-8")
    text = text.replace("      en: Send newsletters for marketing purposes",
                        "      en: Help with your support case where appropriate")
    text = text.replace("      sv: Skicka nyhetsbrev för marknadsföringsändamål",
                        "      sv: Hjälpa till med supportärenden i förekommande fall")
    path = tmp_path / "desc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("interface", "message_en", "message_sv", "advice"), [
    ("sv", "'where appropriate' är för vagt: säg exakt vad ni gör och när.",
     "'i förekommande fall' är för vagt: säg exakt vad ni gör och när.", "säg när"),
    ("en", "'where appropriate' is vague: say exactly what you do, and when.",
     "'i förekommande fall' is vague: say exactly what you do, and when.", "say when"),
])
def test_validate_reports_a_vague_title_with_advice_in_the_interface_language(tmp_path, interface, message_en,
                                                                               message_sv, advice):
    path = _description(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--messages", interface, str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    label = {"sv": ("info", "förslag"), "en": ("info", "suggestion")}[interface]
    sv_at = lines.index(f"{path}:44:42: {label[0]} PL201 purposes[1].title.sv: {message_sv}")
    en_at = lines.index(f"{path}:45:39: {label[0]} PL201 purposes[1].title.en: {message_en}")
    assert lines[sv_at + 1] == lines[en_at + 1] == f"    {label[1]}: {advice}"


@pytest.mark.parametrize("command", ["validate", "check"])
def test_json_keeps_its_field_names_and_only_the_text_follows_the_interface(tmp_path: Path, command: str) -> None:
    path = _description(tmp_path)
    result = CliRunner().invoke(main, [command, "--messages", "sv", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    titles = [f for f in json.loads(result.stdout)["files"][0]["findings"] if f["key"].startswith("purposes[1].title")]
    assert [(f["key"], f["line"], f["column"], f["code"], f["suggestion"]) for f in titles] == [
        ("purposes[1].title.sv", 44, 42, "PL201", "säg när"),
        ("purposes[1].title.en", 45, 39, "PL201", "säg när"),
    ]


def test_sarif_carries_the_advice_in_the_interface_language(tmp_path: Path) -> None:
    path = _description(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--messages", "sv", "--format", "sarif", str(path)])
    assert result.exit_code == 0, result.output
    results = [r for r in json.loads(result.stdout)["runs"][0]["results"]
               if r["properties"]["key"] == "purposes[1].title.en"]
    assert len(results) == 1
    assert "säg när" in json.dumps(results[0], ensure_ascii=False)
    assert "say when" not in json.dumps(results[0], ensure_ascii=False)


# -- the format ------------------------------------------------------------------------------------

_RULE = "lang: sv\nrule: {code: PL950, name: house.advice, category: wordy, type: substitution}\nentries:\n"


@pytest.mark.parametrize(("entries", "message", "key"), [
    ("  - phrase: härmed\n    advice: \"say {what}\"\n", "{what} is not a message field", "entries[0].advice"),
    ("  - phrase: härmed\n    advice: \"say it: '{example}'\"\n", "give the entry an 'example'", "entries[0]"),
    ("  - phrase: härmed\n    advice: say it\n    example: vi delar\n", "only through '{example}'", "entries[0]"),
    ("  - phrase: härmed\n    note: nothing to suggest\n", "needs 'replacement' or 'advice'", "entries[0].replacement"),
])
def test_a_broken_advice_is_refused_with_its_place(tmp_path, entries, message, key):
    path = tmp_path / "house.yaml"
    path.write_text(_RULE + entries, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_rule_file(path)
    [problem] = caught.value.problems
    assert message in problem.message
    assert problem.key == key
    assert problem.line == (5 if key.endswith(".advice") else 4)


def test_a_user_glossarys_advice_is_shown_as_written(tmp_path: Path) -> None:
    glossary = tmp_path / "house.yaml"
    glossary.write_text(_RULE + "  - phrase: härmed\n    advice: skriv vad ni menar\n", encoding="utf-8")
    config = tmp_path / "policygen.toml"
    config.write_text('[check]\nglossaries = ["house.yaml"]\n', encoding="utf-8")
    page = tmp_path / "sida.md"
    page.write_text("# Villkor\n\nHärmed godkänner vi villkoren.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), "--messages", "en", "--lang", "sv",
                                       "--select", "PL950", "--format", "json", str(page)])
    assert result.exit_code == 0, result.output
    [finding] = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["suggestion"] == "skriv vad ni menar"


@pytest.mark.parametrize(("interface", "line"), [
    ("sv", "Råden står på ditt språk, orden att klistra in på dokumentets språk: 'may' → säg om ni gör det: "
           "'we share …'; 'possibly' → säg vad som händer; 'kan komma att' → säg vad ni gör: 'vi delar …'; "
           "'eventuellt' → säg när det händer."),
    ("en", "Advice is given in your language, the words to paste in the document's: 'may' → say whether you do "
           "it: 'we share …'; 'possibly' → say what happens; 'kan komma att' → say what you do: 'vi delar …'; "
           "'eventuellt' → say when it happens."),
])
def test_the_rules_documentation_shows_advice_in_the_interface_language(interface: str, line: str) -> None:
    result = CliRunner().invoke(main, ["rules", "--messages", interface, "PL201"])
    assert result.exit_code == 0, result.output
    assert line in result.stdout.splitlines()
