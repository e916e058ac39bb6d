"""The report options on the real commands: formats, --statistics, --fail-level, --exit-zero and
inline suppressions (--no-inline-config), end to end through the checker and the validator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import tinyhtml5
from click.testing import CliRunner

from output_helpers import FIXTURES, HERE
from policygen.cli.main import main

SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
GAPS = str(FIXTURES / "descriptions" / "gaps-description.yaml")

SUPPRESSED = """\
# Integritet

Vi kan komma att dela dina uppgifter.

<!-- policygen: disable-next-line=PL201 -->
Vi kan komma att spara dina uppgifter.

<!-- policygen: disable=wordy.bureaucratic -->
Du kan erhålla en kopia.
<!-- policygen: enable=wordy.bureaucratic -->

<!-- policygen: disable=PL111 -->
Vi delar inget.
"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def gaps(tmp_path: Path) -> str:
    """The gaps description, taking effect today: its findings do not depend on the day of the run
    (two years after its written date, G803 would add an info)."""
    text = Path(GAPS).read_text(encoding="utf-8")
    assert "effective: 2026-12-01\n" in text
    path = tmp_path / "gaps-description.yaml"
    path.write_text(text.replace("effective: 2026-12-01\n", f"effective: {dt.date.today().isoformat()}\n"),
                    encoding="utf-8")
    return str(path)


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("policy.md").write_text(SUPPRESSED, encoding="utf-8")
    return "policy.md"


def findings_of(result) -> list[tuple[str, int, int]]:
    files = json.loads(result.stdout)["files"]
    return [(f["code"], f["line"], f["column"]) for f in files[0]["findings"]]


def test_inline_suppressions_in_a_real_check(policy: str) -> None:
    result = invoke("check", "--lang", "sv", "--format", "json", policy)
    assert result.exit_code == 0, result.output
    assert findings_of(result) == [("PL201", 3, 4), ("PL001", 12, 1)]
    unused = json.loads(result.stdout)["files"][0]["findings"][1]
    assert unused["message"] == "<!-- policygen: disable=PL111 --> suppresses nothing."
    assert (unused["severity"], unused["end_column"]) == ("warning", 34)


def test_no_inline_config_shows_what_the_comments_hide(policy: str) -> None:
    result = invoke("check", "--lang", "sv", "--format", "json", "--no-inline-config", policy)
    assert findings_of(result) == [("PL201", 3, 4), ("PL201", 6, 4), ("PL202", 9, 8)]


def test_ignoring_pl001_drops_the_unused_warning(policy: str) -> None:
    result = invoke("check", "--lang", "sv", "--format", "json", "--ignore", "PL001", policy)
    assert findings_of(result) == [("PL201", 3, 4)]


def test_fail_level_and_exit_zero(policy: str) -> None:
    assert invoke("check", "--lang", "sv", policy).exit_code == 0
    assert invoke("check", "--lang", "sv", "--fail-level", "warning", policy).exit_code == 1
    assert invoke("check", "--lang", "sv", "--fail-level", "warning", "--exit-zero", policy).exit_code == 0
    assert invoke("check", "--exit-zero", "missing.md").exit_code == 2


def test_check_statistics_on_stderr_for_sarif(policy: str) -> None:
    result = invoke("check", "--lang", "sv", "--format", "sarif", "--statistics", policy)
    log = json.loads(result.stdout)
    assert list(jsonschema.validators.validator_for(SCHEMA)(SCHEMA).iter_errors(log)) == []
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["PL201", "PL001"]
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["PL001"]["name"] == "suppression.unused"
    assert result.stderr.splitlines() == ["1  PL001  warning  suppression.unused",
                                          "1  PL201  info     vague.qualifier", "2 findings from 2 rules"]


def test_check_statistics_on_stdout_for_human(policy: str) -> None:
    result = invoke("check", "--lang", "sv", "--statistics", policy)
    assert result.stdout.splitlines()[-1] == "2 findings from 2 rules"
    assert result.stderr == ""


def test_check_html_and_github_on_the_real_checker(policy: str) -> None:
    html = invoke("check", "--lang", "sv", "--format", "html", policy).stdout
    marks = {m.get("data-finding") for m in tinyhtml5.parse(html).iter("{http://www.w3.org/1999/xhtml}mark")}
    assert marks == {"file1-f1", "file1-f2"}
    github = invoke("check", "--lang", "sv", "--format", "github", policy).stdout.splitlines()
    assert github[0].startswith("::notice file=policy.md,line=3,col=4,endLine=3,endColumn=17,title=PL201::")


def test_validate_sarif_statistics_and_exit_zero(gaps: str) -> None:
    result = invoke("validate", gaps, "--format", "sarif", "--statistics")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert list(jsonschema.validators.validator_for(SCHEMA)(SCHEMA).iter_errors(log)) == []
    articles = sorted(r["properties"]["article"] for r in log["runs"][0]["results"])
    assert articles == ["13(1)(d)", "5(1)(c)"]
    assert result.stderr.splitlines()[-1] == "2 findings from 2 rules"
    assert invoke("validate", gaps, "--exit-zero").exit_code == 0


def test_validate_github_annotations(gaps: str) -> None:
    lines = invoke("validate", gaps, "--format", "github").stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("::error file=") for line in lines)
    assert "title=G101::" in lines[1] and "(GDPR Art. 13(1)(d))" in lines[1]
