"""Inline suppression in a description: ``# policygen: …`` YAML comments, like the Markdown ones."""

from __future__ import annotations

import json
from pathlib import Path

from source_helpers import WORDING, expected_places, places, run


def _variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = WORDING.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "suppressed.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _findings(path: Path, *options: str) -> list[dict]:
    result = run("validate", "--format", "json", *options, path)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["files"][0]["findings"]


def _without(*keys: str) -> list[tuple]:
    return [place for place in expected_places() if place[1] not in keys]


def _kept(findings: list[dict]) -> list[tuple[str, str]]:
    return [(f["code"], f["key"]) for f in findings if f["code"] != "PL001"]


def _expected(*suppressed: str) -> list[tuple[str, str]]:
    return [(code, key) for code, key, *_ in expected_places() if key not in suppressed]


TITLE = "    title:\n      sv: Skicka nyhetsbrev för marknadsföringsändamål\n"


def test_disable_next_line_above_one_translation(tmp_path: Path) -> None:
    path = _variant(tmp_path, (TITLE, "    title:\n      # policygen: disable-next-line=PL208\n"
                                      "      sv: Skicka nyhetsbrev för marknadsföringsändamål\n"))
    findings = _findings(path)
    assert _kept(findings) == _expected("purposes[1].title.sv")
    [english] = [f for f in findings if f["key"] == "purposes[1].title.en"]
    assert (english["line"], english["column"]) == (46, 32)  # one line further down


def test_disable_line_at_the_end_of_a_quoted_value(tmp_path: Path) -> None:
    old = 'sv: "Vi behöver din e-postadress i enlighet med avtalet."'
    path = _variant(tmp_path, (old, old + "  # policygen: disable-line=wordy.bureaucratic"))
    assert places(_findings(path)) == _without("purposes[0].requirement.sv")  # nothing moved


def test_disable_and_enable_around_a_folded_block(tmp_path: Path) -> None:
    path = _variant(tmp_path, ("    description:\n      sv: >-", "    # policygen: disable=passive.voice\n"
                                                                  "    description:\n      sv: >-"),
                    ("    data: [name, email]\n", "    # policygen: enable=passive.voice\n    data: [name, email]\n"))
    assert _kept(_findings(path)) == _expected("purposes[0].description.sv", "purposes[0].description.en")


def test_a_comment_on_a_block_header_reaches_its_first_line(tmp_path: Path) -> None:
    path = _variant(tmp_path, ("      sv: |\n        Vi skickar", "      sv: |  # policygen: disable-next-line=PL111\n"
                                                                   "        Vi skickar"))
    assert _kept(_findings(path)) == _expected("purposes[1].description.sv")


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path: Path) -> None:
    path = _variant(tmp_path, ("      sv: >-\n        Du skriver", "      sv: >-  # policygen: disable-line=PL203\n"
                                                                   "        Du skriver"))
    findings = _findings(path)
    assert _kept(findings) == _expected()
    [unused] = [f for f in findings if f["code"] == "PL001"]
    assert (unused["line"], unused["column"], unused["severity"], unused["kind"]) == (28, 15, "warning", "language")
    assert unused["message"] == "# policygen: disable-line=PL203 suppresses nothing."


def test_no_inline_config_ignores_the_comments(tmp_path: Path) -> None:
    old = 'sv: "Vi behöver din e-postadress i enlighet med avtalet."'
    path = _variant(tmp_path, (old, old + "  # policygen: disable-line=PL202"))
    assert places(_findings(path, "--no-inline-config")) == expected_places()
    result = run("check", "--format", "json", "--no-inline-config", path)
    assert places(json.loads(result.stdout)["files"][0]["findings"]) == expected_places()


def test_a_directive_written_inside_a_text_is_text(tmp_path: Path) -> None:
    """A ``#`` inside a literal block or a quoted value is part of the text, not a comment."""
    path = _variant(tmp_path, ("        till kurser som vi håller på olika orter i landet under året.\n",
                               "        till kurser som vi håller på olika orter i landet under året.\n"
                               "        # policygen: disable\n"),
                    ('"Vi behöver din e-postadress i enlighet med avtalet."',
                     '"Vi behöver din e-postadress i enlighet med avtalet. # policygen: disable"'))
    findings = _findings(path)
    assert "PL001" not in {f["code"] for f in findings}
    assert _kept(findings) == _expected()
