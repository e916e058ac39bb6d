"""Shared pieces of the tests of findings at the source: the wording fixture and its findings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from policygen.cli.main import main

HERE = Path(__file__).resolve().parent
WORDING = HERE / "fixtures" / "wording.yaml"
EXAMPLES = sorted((HERE.parent.parent / "examples").glob("*.yaml"))

# (code, key, line, column, end_line, end_column, the source text the span covers)
WORDING_FINDINGS = [
    ("PL203", "purposes[0].description.sv", 30, 21, 30, 27, "lagras"),
    ("PL203", "purposes[0].description.en", 33, 24, 33, 34, "are stored"),
    ("PL202", "purposes[0].requirement.sv", 40, 40, 40, 54, "i enlighet med"),
    ("PL202", "purposes[0].requirement.en", 41, 40, 41, 58, "in accordance with"),
    ("PL208", "purposes[1].title.sv", 44, 33, 44, 55, "marknadsföringsändamål"),
    ("PL208", "purposes[1].title.en", 45, 32, 45, 50, "marketing purposes"),
    ("PL111", "purposes[1].description.sv", 48, 9, 50, 69, None),
    ("PL111", "purposes[1].description.en", 52, 9, 54, 77, None),
]
"""Every language finding of ``fixtures/wording.yaml``: a passive in a folded ``>-`` block, a wordy
phrase in a double- and a single-quoted scalar, a vague purpose title, and a long sentence that
runs over three lines of a literal ``|`` block, each in Swedish and in English."""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def covered(path: Path, line: int, column: int, end_column: int) -> str:
    """The source text at ``line`` from ``column`` up to ``end_column`` (exclusive)."""
    return path.read_text(encoding="utf-8").split("\n")[line - 1][column - 1:end_column - 1]


def places(findings: list[dict]) -> list[tuple]:
    """``(code, key, line, column, end_line, end_column)`` of JSON findings of kind language."""
    return [(f["code"], f["key"], f["line"], f["column"], f["end_line"], f["end_column"])
            for f in findings if f["kind"] == "language"]


def expected_places() -> list[tuple]:
    return [entry[:6] for entry in WORDING_FINDINGS]
