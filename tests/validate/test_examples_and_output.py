"""The bundled examples, Art. 14 numbering across a file, ordering and the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main as cli
from policygen.model import load_description
from policygen.output import Finding
from policygen.output.json_format import finding_fields

from .helpers import TODAY, describe, findings_of, line_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bundled_examples_have_no_gdpr_findings(path):
    from policygen.validate import run

    findings = run(load_description(str(path)), today=TODAY)
    assert [f for f in findings if f.severity == "error"] == []
    assert findings == [], findings


def test_there_are_at_least_two_examples():
    names = {p.name for p in EXAMPLES}
    assert {"exempel-support.yaml", "foretagsservice-art14.yaml"} <= names


def test_art14_example_exercises_what_it_claims():
    description = load_description(str(ROOT / "examples/foretagsservice-art14.yaml")).description
    sources = {item.source.value for item in description.data}
    assert {"employer", "public_register"} <= sources
    assert any(item.special for item in description.data)
    assert description.record_system.country == "NO"  # YAML 1.2: Norway, not false
    assert [t.safeguard.value for t in description.transfers] == ["adequacy"]


def test_example_without_interest_becomes_a_finding_with_art14_number():
    """Remove a stated interest from the Art. 14 example: the finding names 14(2)(b) at that purpose."""
    from policygen.model import load_description_text
    from policygen.validate import run

    text = (ROOT / "examples/foretagsservice-art14.yaml").read_text(encoding="utf-8")
    start = text.index("    legitimate_interest:\n      sv: >-\n        Vi behöver")
    end = text.index("    retention:", start)
    broken = text[:start] + text[end:]
    findings = run(load_description_text(broken, "x.yaml"), today=TODAY)
    assert [(f.code, f.article, f.key) for f in findings] == [
        ("G101", "14(2)(b)", "purposes[0].legitimate_interest")]
    assert findings[0].line == line_of(broken, "  - id: support")


MANY_PROBLEMS = describe(
    data="  - id: email\n    label: e-mail\n    holder: contact\n"
         "  - id: phone\n    label: phone\n    holder: contact\n",
    purposes="  - id: a\n    title: A\n    data: [email]\n    legal_basis: consent\n"
             "  - id: b\n    title: B\n    data: [email]\n    legal_basis: legitimate_interests\n"
             "    recipients: [mailer]\n",
    recipients="  - id: mailer\n    name: M Inc.\n    role: processor\n    country: US\n",
    requests=False,
)


def test_findings_are_sorted_by_line_column_code():
    findings = findings_of(MANY_PROBLEMS)
    assert len(findings) >= 7
    assert findings == sorted(findings, key=lambda f: (f.line, f.column, f.code, f.key))
    assert [f.code for f in findings][:1] == ["G801"]  # located at the top of the file
    # without `forms:`, the form's findings point at the purpose that asks on the web
    assert [f.code for f in findings if f.line == line_of(MANY_PROBLEMS, "- id: a")] == [
        "G201", "G202", "G206", "G207", "G401"]


def test_a_gdpr_finding_follows_the_json_contract():
    finding = Finding(code="G101", name="legitimate_interest.missing", severity="error", kind="gdpr",
                      article="13(1)(d)", key="purposes[1].legitimate_interest", line=12, column=5,
                      message="m", hint="h")
    fields = finding_fields(finding)
    assert list(fields) == ["code", "name", "severity", "article", "key", "line", "column", "message", "kind", "hint"]
    assert fields == {"code": "G101", "name": "legitimate_interest.missing", "severity": "error",
                      "article": "13(1)(d)", "key": "purposes[1].legitimate_interest", "line": 12,
                      "column": 5, "message": "m", "hint": "h", "kind": "gdpr"}
    assert finding_fields(Finding("G1", "info", "m", 1, 1, kind="gdpr", name="a.b", article="9", key="k"))["hint"] == ""


def test_validate_command_reports_gdpr_findings_in_json(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(MANY_PROBLEMS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    files = json.loads(result.output)["files"]
    codes = [(f["code"], f["article"], f["kind"]) for f in files[0]["findings"]]
    assert ("G701", "13(1)(f)", "gdpr") in codes
    assert ("G801", "12", "gdpr") in codes


def test_validate_command_passes_the_examples():
    result = CliRunner().invoke(cli, ["validate", *map(str, EXAMPLES)])
    assert result.exit_code == 0, result.output
