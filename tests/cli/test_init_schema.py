"""``policygen schema`` describes the YAML as written; ``policygen init`` writes a valid start."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.lang.yaml_tree import parse_yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DESCRIPTIONS = sorted((ROOT / "examples").glob("*.yaml")) + [
    ROOT / "tests/model/fixtures/valid.yaml", ROOT / "policygen/model/starter.yaml"]


@pytest.fixture(scope="module")
def schema() -> dict:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    return json.loads(result.output)


def as_written(path: Path) -> object:
    """The description as the YAML language server sees it: YAML 1.2 data, dates as strings."""
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    return data


def test_schema_is_valid_json_schema(schema) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["format"]["const"] == 1
    assert schema["additionalProperties"] is False


def test_schema_writes_texts_durations_and_dates_as_yaml_does(schema) -> None:
    title = schema["$defs"]["Purpose"]["properties"]["title"]
    assert {"type": "string"}.items() <= title["anyOf"][0].items()
    assert title["anyOf"][1]["type"] == "object"
    period = schema["$defs"]["Retention"]["properties"]["period"]["anyOf"][0]
    assert period["type"] == "string"
    effective = schema["properties"]["effective"]
    assert (effective["type"], effective["format"]) == ("string", "date")
    assert effective["description"] == "The date the policy takes effect, YYYY-MM-DD."


@pytest.mark.parametrize("path", DESCRIPTIONS, ids=[path.name for path in DESCRIPTIONS])
def test_bundled_descriptions_validate_against_the_schema(schema, path) -> None:
    jsonschema.Draft202012Validator(schema).validate(as_written(path))


@pytest.mark.parametrize(("old", "new", "where"), [
    ("    retention:\n      period", "    retension:\n      period", ["purposes", 0]),
    ("period: 24 months", "period: two years", ["purposes", 0, "retention"]),
    ("format: 1", "format: 2", ["format"]),
    ("languages: [sv, en]", "languages: [sv, sv]", ["languages"]),
    ("  name: Lime CRM\n  country: SE", "  name: Lime CRM\n  country: XX", ["record_system", "country"]),
    ("legal_basis: contract", "legal_basis: contrakt", ["purposes", 0, "legal_basis"]),
])
def test_schema_rejects_what_the_loader_rejects(schema, old, new, where) -> None:
    path = ROOT / "tests/model/fixtures/valid.yaml"
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    data, _ = parse_yaml(text, "x.yaml")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any(list(error.absolute_path)[: len(where)] == where for error in errors), errors


def test_init_writes_a_starter_that_validates_without_errors(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0
    assert "Wrote policygen.yaml" in result.output
    text = (tmp_path / "policygen.yaml").read_text(encoding="utf-8")
    assert text.startswith("# A starter description")
    assert f"effective: {dt.date.today().isoformat()}" in text
    validated = runner.invoke(main, ["validate", "--format", "json", "policygen.yaml"])
    assert validated.exit_code == 0, validated.output
    findings = json.loads(validated.stdout)["files"][0]["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


def test_init_starter_is_bilingual(tmp_path) -> None:
    from policygen.model import load_description

    path = tmp_path / "start.yaml"
    assert CliRunner().invoke(main, ["init", str(path)]).exit_code == 0
    description = load_description(str(path)).description
    assert description.languages == ["sv", "en"]
    assert set(description.purposes[0].title) == {"sv", "en"}


def test_init_never_overwrites_a_file(tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("format: 1\n# my own work\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 2
    assert f"{path}: file already exists; policygen init never overwrites a file" in result.output
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == "format: 1\n# my own work\n"


def test_init_into_a_missing_folder_exits_2(tmp_path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "no" / "such" / "x.yaml")])
    assert result.exit_code == 2
    assert "cannot write the file" in result.output
