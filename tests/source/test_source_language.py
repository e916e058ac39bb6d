"""``policygen validate`` and ``policygen check`` on a description: the plain language of its texts,
reported at the exact line and column of the YAML in every output format."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from source_helpers import EXAMPLES, WORDING, WORDING_FINDINGS, covered, expected_places, places, run

#: PL203 (passive) is a matter of judgement, reported at severity info; the other rules here warn.
SEVERITY = {"PL203": "info"}


@pytest.fixture(scope="module")
def validate_json() -> dict:
    result = run("validate", "--format", "json", WORDING)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_each_finding_is_at_its_yaml_line_and_column(validate_json: dict) -> None:
    [file] = validate_json["files"]
    assert places(file["findings"]) == expected_places()
    for code, key, line, column, end_line, end_column, text in WORDING_FINDINGS:
        if text is not None:
            assert covered(WORDING, line, column, end_column) == text, (code, key)


def test_a_vague_purpose_title_is_reported_in_both_languages(validate_json: dict) -> None:
    titles = [f for f in validate_json["files"][0]["findings"] if f["key"].startswith("purposes[1].title")]
    assert [(f["key"], f["line"], f["column"], f["code"], f["category"], f["severity"]) for f in titles] == [
        ("purposes[1].title.sv", 44, 33, "PL208", "vague-purpose", "warning"),
        ("purposes[1].title.en", 45, 32, "PL208", "vague-purpose", "warning"),
    ]
    assert all(f["message"] and f["suggestion"] and f["kind"] == "language" for f in titles)
    assert all("article" not in f for f in titles)


def test_human_format_names_place_code_and_key() -> None:
    result = run("validate", WORDING)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    expected = [f"{WORDING}:{line}:{column}: {SEVERITY.get(code, 'warning')} {code} {key}: "
                for code, key, line, column, *_ in WORDING_FINDINGS]
    assert [line[:len(start)] for line, start in zip(lines, expected)] == expected
    assert lines[-1] == "8 findings in 1 file"


def test_sarif_regions_and_properties() -> None:
    result = run("validate", "--format", "sarif", WORDING)
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)["runs"][0]["results"]
    found = [(r["ruleId"], r["properties"]["key"], r["locations"][0]["physicalLocation"]["region"])
             for r in results]
    assert found == [(code, key, {"startLine": line, "startColumn": column, "endLine": end_line,
                                  "endColumn": end_column})
                     for code, key, line, column, end_line, end_column, _ in WORDING_FINDINGS]
    assert {r["properties"]["kind"] for r in results} == {"language"}
    assert [r["level"] for r in results] == [{"info": "note"}.get(SEVERITY.get(code), "warning")
                                            for code, *_ in WORDING_FINDINGS]


def test_github_annotations() -> None:
    result = run("validate", "--format", "github", WORDING)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(WORDING_FINDINGS)
    for line, (code, key, start, column, end_line, end_column, _) in zip(lines, WORDING_FINDINGS):
        if start == end_line:
            where = f"line={start},col={column},endLine={end_line},endColumn={end_column}"
        else:  # GitHub drops columns of a multi-line annotation
            where = f"line={start},endLine={end_line}"
        command = "notice" if SEVERITY.get(code) == "info" else "warning"
        assert line.startswith(f"::{command} file={WORDING},{where},title={code}::"), line
        assert f"[{key}]" in line


class _Marks(HTMLParser):
    """The text inside each ``<mark>`` of the report's source view, by its line id."""

    def __init__(self) -> None:
        super().__init__()
        self.line = ""
        self.depth = 0
        self.marked: dict[str, str] = {}
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        attributes = dict(attrs)
        if tag == "div" and (attributes.get("id") or "").startswith("file1-L"):
            self.line = attributes["id"].removeprefix("file1-L")
        if tag == "mark" and attributes.get("id"):
            self.depth += 1
            self.current = [attributes["id"], self.line]

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and self.current:
            key = f"{self.current[1]}"
            self.marked[key] = self.marked.get(key, "") + data


def test_html_report_highlights_each_finding_in_the_yaml() -> None:
    result = run("validate", "--format", "html", WORDING)
    assert result.exit_code == 0, result.output
    page = result.stdout
    parser = _Marks()
    parser.feed(page)
    for code, key, line, column, end_line, end_column, text in WORDING_FINDINGS:
        if text is not None:
            assert text in parser.marked[str(line)], (code, key)
        assert re.search(rf"<td>{code}</td><td>language</td><td></td><td><code>{re.escape(key)}</code></td>"
                         rf'<td><a class="where" href="#file1-f\d+">{line}:{column}</a></td>', page), key


def test_check_on_a_description_reads_its_texts_not_the_yaml() -> None:
    result = run("check", "--format", "json", WORDING)
    assert result.exit_code == 0, result.output
    [file] = json.loads(result.stdout)["files"]
    assert file["path"] == str(WORDING)
    assert places(file["findings"]) == expected_places()
    assert "metrics" not in file  # a description is not one prose text with a LIX
    assert all(f["code"] != "PL111" or f["key"].startswith("purposes[1].description") for f in file["findings"])


def test_check_on_a_description_with_other_files(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Om oss\n\nVi sparar ditt namn.\n", encoding="utf-8")
    result = run("check", "--format", "json", page, WORDING)
    assert result.exit_code == 0, result.output
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(WORDING), str(page)]


def test_check_refuses_a_yaml_file_that_is_no_description(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("name: something else\nitems: [1, 2]\n", encoding="utf-8")
    result = run("check", other)
    assert result.exit_code == 2
    assert f"{other}:1:1: this is not a policygen description" in result.stderr
    assert "Traceback" not in result.output


def test_language_findings_gate_only_from_fail_level_warning() -> None:
    assert run("validate", WORDING).exit_code == 0
    assert run("validate", "--fail-level", "warning", WORDING).exit_code == 1
    assert run("check", WORDING).exit_code == 0
    assert run("check", "--fail-level", "warning", WORDING).exit_code == 1


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = WORDING.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _json_findings(*args: str | Path) -> list[dict]:
    result = run("validate", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["files"][0]["findings"]


def test_an_error_rule_is_a_warning_in_a_description(tmp_path: Path) -> None:
    """Consent by use (PL206) is an error in a document; in the description it is advice."""
    path = _variant(tmp_path, 'statement: {sv: "Ja, skicka mig nyhetsbrevet.", en: "Yes, send me the newsletter."}',
                    'statement: {sv: "Genom att använda tjänsten godkänner du att vi skickar nyhetsbrevet.", '
                    'en: "By using the service you agree that we send you the newsletter."}')
    result = run("validate", "--format", "json", path)
    assert result.exit_code == 0, result.output
    consent = [f for f in json.loads(result.stdout)["files"][0]["findings"] if f["code"] == "PL206"]
    assert [(f["key"], f["severity"]) for f in consent] == [
        ("purposes[1].consent.statement.sv", "warning"), ("purposes[1].consent.statement.en", "warning")]


def test_select_and_ignore_pick_language_and_gdpr_codes(tmp_path: Path) -> None:
    assert places(_json_findings("--select", "PL208", WORDING)) == [p for p in expected_places() if p[0] == "PL208"]
    assert [p for p in places(_json_findings("--ignore", "passive", "--ignore", "PL111", WORDING))] == \
        [p for p in expected_places() if p[0] in ("PL202", "PL208")]
    no_retention = _variant(tmp_path, "      criteria: {sv: tills du återkallar ditt samtycke, "
                                      "en: until you withdraw your consent}\n", "      {}\n")
    everything = _json_findings(no_retention)
    assert {f["code"] for f in everything} >= {"G401", "PL208"}
    assert {f["code"] for f in _json_findings("--select", "G4", no_retention)} == {"G401"}
    assert {f["code"] for f in _json_findings("--ignore", "PL", no_retention)} == {"G401"}
    assert "G401" not in {f["code"] for f in _json_findings("--ignore", "gdpr", no_retention)}


def test_a_selector_that_names_no_rule_is_bad_input() -> None:
    result = run("validate", "--select", "vauge", WORDING)
    assert result.exit_code == 2
    assert "'vauge' is not a rule code, name or category" in result.output
    assert "did you mean `vague`?" in result.output


def test_document_rules_and_first_use_jargon_do_not_run_on_a_description(tmp_path: Path) -> None:
    """PL101/PL102 measure whole documents; PL209 is done by the build, which explains every term
    of art on its first use. Checked as Markdown, the same text has its PL209 finding."""
    sentence = "Lime är vårt personuppgiftsbiträde."
    config = tmp_path / "policygen.toml"
    config.write_text("[check]\njargon-min-words = 1\n", encoding="utf-8")
    path = _variant(tmp_path, "Du skriver till oss om ditt ärende.", f"{sentence} Du skriver till oss om ditt ärende.")
    codes = {f["code"] for f in _json_findings("--config", config, path)}
    assert codes.isdisjoint({"PL101", "PL102", "PL209"})
    page = tmp_path / "page.md"
    page.write_text(f"# Mottagare\n\n{sentence}\n", encoding="utf-8")
    checked = json.loads(run("check", "--format", "json", "--fail-level", "never", "--config", config, page).stdout)
    assert "PL209" in {f["code"] for f in checked["files"][0]["findings"]}


def test_a_text_that_cannot_be_placed_exactly_says_so(tmp_path: Path) -> None:
    """An emoji written as an escaped surrogate pair decodes to one character, which this
    mapping does not rebuild: the finding falls back to the start of the value, with a hint."""
    path = _variant(tmp_path, 'en: \'We need your e-mail address in accordance with the contract.\'',
                    'en: "\\ud83d\\ude00 We need your e-mail address in accordance with the contract."')
    [wordy] = [f for f in _json_findings(path) if f["key"] == "purposes[0].requirement.en"]
    assert (wordy["line"], wordy["column"]) == (41, 11)
    assert "could not place this text's characters exactly" in wordy["hint"]


def test_escapes_are_placed_on_their_source_characters(tmp_path: Path) -> None:
    path = _variant(tmp_path, 'sv: "Vi behöver din e-postadress i enlighet med avtalet."',
                    'sv: "Vi beh\\u00f6ver din e-postadress i enlighet med avtalet."')
    [wordy] = [f for f in _json_findings(path) if f["key"] == "purposes[0].requirement.sv"]
    assert (wordy["line"], wordy["column"], wordy["end_column"]) == (40, 45, 59)  # five columns further
    assert covered(path, 40, 45, 59) == "i enlighet med"


def test_a_one_language_description_reports_the_plain_key(tmp_path: Path) -> None:
    text = WORDING.read_text(encoding="utf-8").replace("languages: [sv, en]", "languages: [sv]")
    text = re.sub(r"\n( +)en: .*", "", text)
    text = re.sub(r"\n +en: [|>]-?\n(?: {8}.*\n)+", "\n", text)
    text = text.replace("    title:\n      sv: Skicka nyhetsbrev för marknadsföringsändamål\n",
                        "    title: Skicka nyhetsbrev för marknadsföringsändamål\n")
    text = re.sub(r", en: [^}]*\}", "}", text)
    path = tmp_path / "sv.yaml"
    path.write_text(text, encoding="utf-8")
    findings = _json_findings(path)
    [title] = [f for f in findings if f["code"] == "PL208"]
    line = text.split("\n").index("    title: Skicka nyhetsbrev för marknadsföringsändamål") + 1
    assert (title["key"], title["line"], title["column"]) == ("purposes[1].title", line, 34)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_bundled_examples_have_no_language_findings(example: Path) -> None:
    result = run("validate", "--format", "json", example)
    assert result.exit_code == 0, result.output
    assert places(json.loads(result.stdout)["files"][0]["findings"]) == []


def test_check_html_report_of_a_description_shows_its_text() -> None:
    result = run("check", "--format", "html", WORDING)
    assert result.exit_code == 0, result.output
    parser = _Marks()
    parser.feed(result.stdout)
    assert "marknadsföringsändamål" in parser.marked["44"]
    assert "<h1>policygen check report</h1>" in result.stdout
