"""SARIF 2.1.0: valid against the official schema (shipped, offline) and faithful to the findings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from output_helpers import HERE
from policygen.output import FileReport, Finding, Metrics, Report, render
from policygen.output.sarif import sarif_level, sarif_log

SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
Validator = jsonschema.validators.validator_for(SCHEMA)


def schema_errors(log: dict) -> list[str]:
    return [f"{list(error.path)}: {error.message}" for error in Validator(SCHEMA).iter_errors(log)]


def test_the_schema_itself_is_a_valid_schema() -> None:
    Validator.check_schema(SCHEMA)


def test_check_report_is_valid_sarif(check_report: Report) -> None:
    log = json.loads(render("sarif", check_report))
    assert schema_errors(log) == []
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")


def test_validate_report_is_valid_sarif(validate_report: Report) -> None:
    assert schema_errors(json.loads(render("sarif", validate_report))) == []


def test_an_empty_run_is_valid_sarif() -> None:
    log = json.loads(render("sarif", Report(command="check")))
    assert schema_errors(log) == []
    assert log["runs"][0]["results"] == []


def test_the_schema_check_can_fail(check_report: Report) -> None:
    log = sarif_log(check_report)
    log["runs"][0]["results"][0]["level"] = "warn"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(schema_errors(log)) == 2


def test_driver_and_rules(check_report: Report) -> None:
    run = sarif_log(check_report)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "policygen"
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    vague = driver["rules"][ids.index("PL203")]
    assert vague["name"] == "vague.qualifier"
    assert vague["shortDescription"]["text"] == "Indefinite qualifiers hide what you do."
    assert vague["fullDescription"]["text"] == "Say what you do."
    assert vague["defaultConfiguration"]["level"] == "warning"
    assert driver["rules"][ids.index("PL204")]["defaultConfiguration"]["level"] == "note"
    assert "vague" in vague["properties"]["tags"]


def test_results_point_at_the_findings(check_report: Report) -> None:
    run = sarif_log(check_report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    findings = [f for _, f in check_report.findings()]
    assert len(run["results"]) == len(findings)
    for result, finding in zip(run["results"], findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        assert result["level"] == sarif_level(finding.severity)
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding.line, finding.column, finding.end_line, finding.end_column)
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "site/sv/integritetspolicy.md", "uriBaseId": "%SRCROOT%", "index": 0}
    assert first["message"]["text"] == '"kan komma att" is vague: say what you do. Suggestion: dela'
    assert [r["level"] for r in run["results"]].count("note") == 5


def test_validate_results_carry_the_gdpr_article(validate_report: Report) -> None:
    run = sarif_log(validate_report)["runs"][0]
    first = run["results"][0]
    assert first["properties"]["article"] == "13(2)(a)"
    assert first["properties"]["key"] == "purposes[1].retention"
    assert first["properties"]["kind"] == "gdpr"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 5}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "descriptions/exempel%20support.yaml"
    assert run["results"][-1]["properties"]["kind"] == "format"
    assert run["automationDetails"]["id"] == "policygen/validate/"


def test_a_finding_without_a_line_has_no_region() -> None:
    finding = Finding(code="G001", severity="error", article="13(1)(a)", key="controller", line=0, column=0,
                      message="No controller.", kind="gdpr")
    log = sarif_log(Report(command="validate", files=[FileReport("a.yaml", [finding])]))
    assert "region" not in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert schema_errors(log) == []


def test_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "docs" / "policy.md")
    outside = os.path.join(os.path.dirname(str(tmp_path)), "elsewhere", "policy.md")
    metrics = Metrics(words=0, sentences=0, long_words=0, lix=None)
    files = [FileReport(inside, lang="en", metrics=metrics), FileReport(outside, lang="en", metrics=metrics)]
    artifacts = sarif_log(Report(command="check", files=files))["runs"][0]["artifacts"]
    assert artifacts[0]["location"] == {"uri": "docs/policy.md", "uriBaseId": "%SRCROOT%"}
    assert artifacts[1]["location"]["uri"].startswith("file:///")
    assert "uriBaseId" not in artifacts[1]["location"]


def test_language_findings_and_origins_are_valid_sarif(tmp_path) -> None:
    """A description's language findings (validate) and a built document's origins (check)."""
    from click.testing import CliRunner

    from policygen.cli.main import main
    from policygen.model import load_description
    from policygen.render.build import build

    wording = HERE.parent / "source" / "fixtures" / "wording.yaml"
    validated = CliRunner().invoke(main, ["validate", "--format", "sarif", str(wording)])
    assert validated.exit_code == 0, validated.output
    log = json.loads(validated.stdout)
    assert schema_errors(log) == []
    assert {r["properties"]["kind"] for r in log["runs"][0]["results"]} == {"language"}
    build(load_description(str(wording)), tmp_path / "site")
    checked = CliRunner().invoke(main, ["check", "--format", "sarif", str(tmp_path / "site" / "sv")])
    assert checked.exit_code == 0, checked.output
    log = json.loads(checked.stdout)
    assert schema_errors(log) == []
    assert {r["properties"]["origin"] for r in log["runs"][0]["results"]} >= {"purposes[1].title"}
