"""Origins: a finding in a built document says which description key its text came from, or that
it is fixed template text (the build's ``*.map.json``, read by ``policygen check``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policygen.check.origins import OriginMap, parse_origin_map
from policygen.model import load_description
from policygen.output import Finding
from policygen.render.build import build
from source_helpers import EXAMPLES, WORDING, run

OVERRIDE = """{% extends "builtin/sv/policy.md.j2" %}
{% block title %}{{ super() }}
Vi tillhandahåller den här texten själva.
{% endblock %}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wording fixture built with one fixed sentence of our own in the Swedish policy."""
    root = tmp_path_factory.mktemp("origins")
    (root / "templates" / "sv").mkdir(parents=True)
    (root / "templates" / "sv" / "policy.md.j2").write_text(OVERRIDE, encoding="utf-8")
    build(load_description(str(WORDING)), root / "site", user_templates=root / "templates")
    return root / "site"


def _check(*paths: Path, fmt: str = "json") -> str:
    result = run("check", "--format", fmt, "--fail-level", "never", *paths)
    assert result.exit_code == 0, result.output
    return result.stdout


def _covered(path: Path, finding: dict) -> str:
    line = path.read_text(encoding="utf-8").split("\n")[finding["line"] - 1]
    return line[finding["column"] - 1:finding["end_column"] - 1] if finding["end_line"] == finding["line"] else line


def test_findings_in_the_built_policy_name_their_description_key(site: Path) -> None:
    policy = site / "sv" / "integritetspolicy.md"
    [file] = json.loads(_check(policy))["files"]
    found = {(f["code"], _covered(policy, f), f["origin"]) for f in file["findings"] if f["code"] != "PL111"}
    assert found == {
        ("PL202", "tillhandahåller", "template"),
        ("PL203", "lagras", "purposes[0].description"),
        ("PL202", "i enlighet med", "purposes[0].requirement"),
        ("PL208", "marknadsföringsändamål", "purposes[1].title"),
    }
    [long] = [f for f in file["findings"] if f["code"] == "PL111"]
    assert long["origin"] == "purposes[1].description"
    assert all(f["origin"] for f in file["findings"])


def test_english_policy_and_consent_forms_have_origins_too(site: Path) -> None:
    payload = json.loads(_check(site / "en" / "privacy-policy.md", site / "sv" / "samtycke.html",
                                site / "en" / "consent.html"))
    for file in payload["files"]:
        assert file["findings"], file["path"]
        titles = [f for f in file["findings"] if f["code"] == "PL208"]
        assert titles and {f["origin"] for f in titles} == {"purposes[1].title"}, file["path"]
    english = payload["files"][0]["findings"]
    assert ("PL203", "purposes[0].description") in {(f["code"], f["origin"]) for f in english}


def test_sarif_carries_the_origin(site: Path) -> None:
    results = json.loads(_check(site / "sv" / "integritetspolicy.md", fmt="sarif"))["runs"][0]["results"]
    origins = {(r["ruleId"], r["properties"]["origin"]) for r in results}
    assert ("PL202", "template") in origins
    assert ("PL208", "purposes[1].title") in origins


def test_human_and_github_formats_name_the_description_key(site: Path) -> None:
    policy = site / "sv" / "integritetspolicy.md"
    human = _check(policy, fmt="human")
    assert "    text from the description: purposes[1].title\n" in human
    github = _check(policy, fmt="github")
    assert "Text from the description: purposes[0].requirement." in github


def test_a_document_edited_after_the_build_has_no_origins(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "sv"
    shutil.copytree(site / "sv", copy)
    policy = copy / "integritetspolicy.md"
    policy.write_text(policy.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    [file] = json.loads(_check(policy))["files"]
    assert file["findings"] and not any("origin" in f for f in file["findings"])


def test_a_map_is_never_trusted_blindly(site: Path, tmp_path: Path) -> None:
    text = (site / "sv" / "integritetspolicy.md").read_text(encoding="utf-8")
    good = json.loads((site / "sv" / "integritetspolicy.md.map.json").read_text(encoding="utf-8"))
    assert parse_origin_map(good, text) is not None
    for broken in ({**good, "format": 2}, {**good, "texts": "x"}, [],
                   {**good, "texts": [{"key": "k", "line": 0, "column": 1, "end_line": 1, "end_column": 2}]},
                   {**good, "texts": [{"key": "k", "line": 3, "column": 5, "end_line": 3, "end_column": 5}]}):
        assert parse_origin_map(broken, text) is None
    policy = tmp_path / "integritetspolicy.md"
    policy.write_text(text, encoding="utf-8")
    (tmp_path / "integritetspolicy.md.map.json").symlink_to(site / "sv" / "integritetspolicy.md.map.json")
    [file] = json.loads(_check(policy))["files"]
    assert not any("origin" in f for f in file["findings"])  # a map is read only as a regular file


def test_origin_is_where_the_finding_starts() -> None:
    origins = parse_origin_map({"format": 1, "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                "texts": [{"key": "a", "line": 2, "column": 5, "end_line": 2, "end_column": 9},
                                          {"key": "b", "line": 3, "column": 1, "end_line": 4, "end_column": 3}]}, "")
    assert isinstance(origins, OriginMap)

    def at(line: int, column: int) -> str:
        return origins.origin(Finding("PL1", "warning", "m", line, column, line, column + 1))

    assert [at(2, 4), at(2, 5), at(2, 8), at(2, 9), at(3, 1), at(4, 2), at(4, 3)] == \
        ["template", "a", "a", "template", "b", "b", "template"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_maps_of_the_examples_are_deterministic_and_exact(example: Path, tmp_path: Path) -> None:
    """Two builds give the same bytes; every range prints its key's value (capitalised by the
    template, at most), and a term explanation the build inserts is never part of a range."""
    description = load_description(str(example)).description
    build(description, tmp_path / "one")
    build(description, tmp_path / "two")
    maps = sorted((tmp_path / "one").rglob("*.map.json"))
    assert {path.name for path in maps} == {"integritetspolicy.md.map.json", "privacy-policy.md.map.json",
                                            "samtycke.html.map.json", "consent.html.map.json"}
    from policygen.model import reader_texts, shown_names

    values = {text.key: text.text for text in [*reader_texts(description), *shown_names(description)]}
    for path in maps:
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
        data = json.loads(path.read_text(encoding="utf-8"))
        document = path.with_name(path.name.removesuffix(".map.json"))
        lang = document.parent.name
        lines = document.read_text(encoding="utf-8").split("\n")
        assert data["texts"], path
        for entry in data["texts"]:
            assert entry["line"] == entry["end_line"]  # no value of these examples spans lines
            shown = lines[entry["line"] - 1][entry["column"] - 1:entry["end_column"] - 1]
            value = values[entry["key"]][lang]
            assert shown.lower() in " ".join(value.split()).lower() or \
                "&" in shown or "\\" in shown, (path.name, entry["key"], shown)


def test_an_explanation_the_build_inserts_is_not_the_descriptions_text(tmp_path: Path) -> None:
    text = WORDING.read_text(encoding="utf-8").replace(
        "Dina frågor lagras i vårt kundregister.", "Vårt personuppgiftsbiträde sparar dina frågor.")
    path = tmp_path / "term.yaml"
    path.write_text(text, encoding="utf-8")
    build(load_description(str(path)), tmp_path / "site")
    policy = tmp_path / "site" / "sv" / "integritetspolicy.md"
    lines = policy.read_text(encoding="utf-8").split("\n")
    data = json.loads(policy.with_name(policy.name + ".map.json").read_text(encoding="utf-8"))
    ranges = [(e["line"], e["column"], e["end_column"]) for e in data["texts"] if e["key"] == "purposes[0].description"]
    [number] = {line for line, _, _ in ranges}
    line = lines[number - 1]
    explanation = line.index("(ett företag som")
    assert "Vårt personuppgiftsbiträde (ett företag som" in line
    assert [line[start - 1:end - 1].strip() for _, start, end in ranges] == [
        "Du skriver till oss om ditt ärende. Vårt personuppgiftsbiträde", "sparar dina frågor."]
    assert all(not start - 1 <= explanation < end - 1 for _, start, end in ranges)


def test_no_map_when_the_description_holds_the_marker_characters(tmp_path: Path) -> None:
    """Private-use characters in a text could be taken for markers: that language gets no map, and
    the published documents are the same as ever."""
    text = WORDING.read_text(encoding="utf-8").replace("Du skriver till oss", "Du skriver \ue000 till oss")
    path = tmp_path / "private.yaml"
    path.write_text(text, encoding="utf-8")
    build(load_description(str(path)), tmp_path / "site")
    maps = sorted(str(p.relative_to(tmp_path / "site")) for p in (tmp_path / "site").rglob("*.map.json"))
    assert maps == ["en/consent.html.map.json", "en/privacy-policy.md.map.json"]
    assert "Du skriver \ue000 till oss" in (tmp_path / "site" / "sv" / "integritetspolicy.md").read_text("utf-8")
