"""Reports on hostile input: rendering time that follows the input, and file names that are not
UTF-8. The time guards are a minute, far above what these take (well under a second each); the
code they replace needed minutes to hours for the same input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from policygen.output import FileReport, Finding, Metrics, Report, render
from policygen.output.html_highlight import markup_intervals

FORMATS = ("human", "json", "sarif", "github", "html")


@contextmanager
def hang_guard(seconds: int = 60) -> Iterator[None]:
    """Fail instead of hanging when the block runs longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def checked(path: str, source: str, findings: list[Finding]) -> Report:
    metrics = Metrics(words=1, sentences=1, long_words=0, lix=1.0)
    return Report(command="check", files=[FileReport(path, findings, lang="sv", metrics=metrics, source=source)])


def test_html_report_on_many_tags_on_one_line() -> None:
    """330 KB of HTML on one line, a finding every seventh word: minutes before (a 60 KB page took
    18 s, 1.1 MB over 300 s), now about a second."""
    unit = "<b>ord</b> "
    count = 30_000
    source = "<main><p>" + unit * count + "</p></main>\n"
    findings = [Finding(code="PL201", category="vague", severity="warning", message="m", line=1,
                        column=10 + i * len(unit) + 3, end_line=1, end_column=10 + i * len(unit) + 6)
                for i in range(0, count, 7)]
    with hang_guard():
        page = render("html", checked("page.html", source, findings))
    assert page.count("<mark ") == len(findings)
    assert page.count(">ord</mark>") == len(findings)
    assert page.count('<span class="markup">') == 2 * count + 4


def test_markup_dimming_with_openers_that_never_close() -> None:
    """``<`` and ``<!--`` with no ``>`` or ``-->`` after them: each opener used to search the rest
    of the text again."""
    text = "a < b <!-- c " * 100_000
    with hang_guard():
        assert markup_intervals([text]) == {}
    with hang_guard():
        found = markup_intervals(["<!-- x <b> " * 50_000 + "-->" + "<i>"])
    assert found == {0: [(0, 550_003), (550_003, 550_006)]}


def test_markup_is_found_as_before() -> None:
    lines = ["<p>Hej <!-- a > b --> <b>du</b>", "<!-- over", "two lines --> slut <", "x"]
    assert markup_intervals(lines) == {0: [(0, 3), (7, 21), (22, 25), (27, 31)], 1: [(0, 9)], 2: [(0, 13)]}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The console entry point in a fresh process whose output must be strict UTF-8, as in any
    UTF-8 locale (a C locale would let undecodable bytes through instead)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main()", *args],
                          cwd=cwd, capture_output=True, env=env, timeout=120, check=False)


@pytest.fixture
def latin1_names(tmp_path: Path) -> Path:
    """A text and a broken description whose file names hold the byte 0xFF (not UTF-8)."""
    (tmp_path / os.fsdecode(b"integritet-\xff.md")).write_text(
        "# Integritet\n\nVi kan komma att dela dina uppgifter.\n", encoding="utf-8")
    (tmp_path / os.fsdecode(b"beskrivning-\xff.yaml")).write_text("format: 1\nlanguages: [sv]\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_takes_a_file_name_that_is_not_utf8(latin1_names: Path, fmt: str) -> None:
    for command, name, code in (("check", b"integritet-\xff.md", 0), ("validate", b"beskrivning-\xff.yaml", 2)):
        run = _run([command, os.fsdecode(name), "--format", fmt], latin1_names)
        assert run.returncode == code, run.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in run.stderr
        text = run.stdout.decode("utf-8")  # strict: everything written is UTF-8
        shown = name.decode("utf-8", "replace")
        if fmt == "json":
            assert json.loads(text)["files"][0]["path"] == shown
        elif fmt == "sarif":
            log = json.loads(text)
            assert log["runs"][0]["artifacts"][0]["location"]["uri"] == name.decode("latin-1").replace("\xff", "%FF")
            assert log["runs"][0]["results"]
        elif fmt == "human" and command == "validate":
            assert f"{shown}:1:1: controller: missing required key" in run.stderr.decode("utf-8")
        else:
            assert shown in text
