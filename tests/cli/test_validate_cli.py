"""``policygen validate`` from the outside: exit codes, located messages, JSON, hostile files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main

VALID = Path(__file__).resolve().parent.parent / "model" / "fixtures" / "valid.yaml"


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def run_process(*args: str) -> subprocess.CompletedProcess:
    """The real console entry point in a fresh process (a hang fails after a minute)."""
    return subprocess.run(
        [sys.executable, "-c", "from policygen.cli.main import main; main()", "validate", *args],
        capture_output=True, text=True, timeout=60,
    )


def write(tmp_path: Path, text: str, name: str = "desc.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def broken(old: str, new: str) -> str:
    text = VALID.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_valid_description_exits_0_without_findings() -> None:
    result = run(str(VALID))
    assert result.exit_code == 0, result.output
    assert result.output == "0 findings in 1 file\n"


@pytest.mark.parametrize(("old", "new", "expected", "hint"), [
    ("    retention:\n      period", "    retension:\n      period",
     ":32:5: purposes[0].retension: unknown key `retension`", "hint: did you mean `retention`?"),
    ("data: [email]", "data: [emial]",
     ":41:12: purposes[1].data[0]: `emial` is not an id in `data`", "hint: did you mean `email`?"),
    ("  name: Lime CRM\n", "  name: Lime CRM\n  name: Lime\n",
     ":16:3: record_system.name: duplicate key `name`", "hint: each key may appear once"),
    ("effective: 2026-12-01", "effective: 2026-02-30",
     ":3:12: effective: `2026-02-30` is not a real date", "hint: write the date as YYYY-MM-DD"),
    ("period: 24 months", "period: 24 monts",
     ":33:15: purposes[0].retention.period: unknown unit `monts`", "hint: did you mean `24 months`?"),
    ("website: https://exempel.se", "website: javascript:alert(1)",
     ":10:12: controller.website: `javascript:alert(1)` is not an https:// web address", "hint: `javascript:`"),
    ("languages: [sv, en]", "languages: [sv, no]",
     ":2:17: languages[1]: unsupported language `no`", "hint: policygen writes these languages: sv, en"),
    ("title: {sv: Skicka nyhetsbrev, en: Send you our newsletter}", "title: {en: Send you our newsletter}",
     ":40:5: purposes[1].title: missing translation: sv", "hint: add `sv: …`"),
    ("email: dso@exempel.se", "email: dso@",
     ":12:10: dpo.email: `dso@` is not a valid e-mail address", "hint: an e-mail address looks like"),
    ("  name: Lime CRM\n  country: SE", "  name: Lime CRM\n  country: XX",
     ":16:12: record_system.country: `XX` is not an ISO 3166-1 country code", "hint: use the two-letter"),
    ("dpo:\n  email: dso@exempel.se", "dpo: [dso@exempel.se]",
     ":11:1: dpo: expected a mapping (indented `key: value` lines), found a list", "hint: remove the `- `"),
], ids=["unknown key", "dangling id", "duplicate key", "bad date", "bad duration", "bad url",
        "unsupported language", "missing translation", "bad e-mail", "bad country", "wrong type"])
def test_format_errors_exit_2_with_located_message_and_hint(tmp_path, old, new, expected, hint) -> None:
    path = write(tmp_path, broken(old, new))
    result = run(path)
    assert result.exit_code == 2
    assert f"{path}{expected}" in result.output
    assert hint in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_json_output_carries_format_errors_with_kind_format(tmp_path) -> None:
    path = write(tmp_path, broken("data: [email]", "data: [emial]"))
    result = CliRunner().invoke(main, ["validate", "--format", "json", path, str(VALID)])
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    first, second = payload["files"]
    assert first["path"] == path
    assert first["findings"] == [{
        "code": "format", "severity": "error", "article": None, "key": "purposes[1].data[0]",
        "line": 41, "column": 12, "message": "`emial` is not an id in `data`",
        "hint": "did you mean `email`?", "kind": "format",
    }]
    assert second["path"] == str(VALID)
    assert all(finding["kind"] == "gdpr" for finding in second["findings"])


def test_several_files_exit_with_the_highest_code(tmp_path) -> None:
    bad = write(tmp_path, "- not a description\n")
    assert run(str(VALID), bad).exit_code == 2
    assert run(bad, str(VALID)).exit_code == 2


def _hostile_files(tmp_path: Path) -> dict[str, tuple[str, str, str]]:
    """name → (path, expected located message, expected hint)."""
    files = {}
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    files["empty"] = (str(empty), f"{empty}:1:1: the file is empty", "policygen init")
    top_list = tmp_path / "list.yaml"
    top_list.write_text("- format: 1\n- languages: [sv]\n", encoding="utf-8")
    files["top-level list"] = (str(top_list), f"{top_list}:1:1: the top level must be a mapping", "without `- `")
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("format: 1\ncontroller:\n  name: Exempel Försäkring\n".encode("latin-1"))
    files["non-UTF-8"] = (str(latin1), f"{latin1}:3:18: file is not valid UTF-8 (byte 0xf6)", "save the file as UTF-8")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    files["binary"] = (str(binary), f"{binary}:3:1: file holds binary data (a NUL byte)", "save the file as UTF-8")
    tabs = tmp_path / "tabs.yaml"
    tabs.write_text("format: 1\ncontroller:\n\tname: Exempel\n", encoding="utf-8")
    files["tabs"] = (str(tabs), f"{tabs}:3:1: a tab is used for indentation", "replace the tabs with spaces")
    syntax = tmp_path / "syntax.yaml"
    syntax.write_text("format: 1\nlanguages: [sv, en\neffective: 2026-12-01\n", encoding="utf-8")
    files["syntax"] = (str(syntax), f"{syntax}:3:10: YAML syntax error", "the `[` opened on line 2 is not closed")
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.write(b"format: 1\n" + b"# padding padding padding padding padding padding padding\n" * 350_000)
    files["20 MB"] = (str(huge), f"{huge}: file is too large", "a few kilobytes")
    bomb = tmp_path / "bomb.yaml"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    files["alias bomb"] = (str(bomb), f"{bomb}:1:4: a: anchors (&a) are not allowed", "refused for safety")
    return files


@pytest.mark.parametrize("case", ["empty", "top-level list", "non-UTF-8", "binary", "tabs", "syntax",
                                  "20 MB", "alias bomb"])
def test_hostile_files_exit_2_without_traceback(tmp_path, case) -> None:
    path, expected, hint = _hostile_files(tmp_path)[case]
    result = run_process(path)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    assert hint in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_20_mb_file_is_refused_before_reading(tmp_path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(20 * 1024 * 1024)  # sparse: reading it would find NUL bytes, stat must win
    result = run(str(huge))
    assert result.exit_code == 2
    assert "file is too large (20,971,520 bytes; the limit is 1,000,000)" in result.output


def test_missing_file_and_folder_exit_2(tmp_path) -> None:
    assert f"{tmp_path / 'nope.yaml'}: file not found" in run(str(tmp_path / "nope.yaml")).output
    assert run(str(tmp_path)).exit_code == 2


def _modules_after_validate(*options: str) -> str:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom policygen.cli.main import main\n"
            f"CliRunner().invoke(main, ['validate', *{list(options)!r}, {str(VALID)!r}])\n"
            "print(sorted(m for m in ('spacy', 'weasyprint', 'policygen.render') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert not out.stderr, out.stderr
    return out.stdout.strip()


def test_validate_stays_off_heavy_imports() -> None:
    """The language check needs spaCy's tokenizer, nothing of the build; ``--ignore PL`` leaves
    the language check out, and spaCy with it."""
    assert _modules_after_validate() == "['spacy']"
    assert _modules_after_validate("--ignore", "PL") == "[]"


def _without_legitimate_interest(tmp_path: Path) -> str:
    text = VALID.read_text(encoding="utf-8").replace(
        "    legal_basis: contract\n", "    legal_basis: legitimate_interests\n", 1)
    return write(tmp_path, text)


def test_gdpr_error_finding_exits_1_and_is_located(tmp_path) -> None:
    path = _without_legitimate_interest(tmp_path)
    result = run("--format", "json", path)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    finding = next(f for f in findings if f["key"] == "purposes[0].legitimate_interest")
    assert (finding["kind"], finding["severity"], finding["article"]) == ("gdpr", "error", "13(1)(d)")
    assert (finding["line"], finding["column"]) == (28, 5)


def test_fail_level_and_exit_zero_decide_exit_1(tmp_path) -> None:
    path = _without_legitimate_interest(tmp_path)
    assert run("--fail-level", "never", path).exit_code == 0
    assert run("--exit-zero", path).exit_code == 0
    bad = write(tmp_path, "[]\n", "bad.yaml")
    assert run("--exit-zero", path, bad).exit_code == 2


def test_human_output_has_no_colour_off_a_terminal(tmp_path) -> None:
    result = run(_without_legitimate_interest(tmp_path))
    assert "\x1b[" not in result.output
    assert ":28:5: error" in result.output


def test_sarif_output_names_format_errors(tmp_path) -> None:
    path = write(tmp_path, broken("data: [email]", "data: [emial]"))
    result = run("--format", "sarif", path)
    assert result.exit_code == 2
    sarif = json.loads(result.stdout)
    (hit,) = sarif["runs"][0]["results"]
    assert hit["ruleId"] == "format"
    assert hit["locations"][0]["physicalLocation"]["region"] == {"startLine": 41, "startColumn": 12}


def test_utf16_file_is_named_as_such(tmp_path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes("format: 1\n".encode("utf-16"))
    result = run(str(path))
    assert result.exit_code == 2
    assert f"{path}:1:1: file is encoded as UTF-16, not UTF-8" in result.output


def test_a_pipe_is_refused_without_blocking(tmp_path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = run_process(str(fifo))
    assert result.returncode == 2
    assert "not a regular file" in result.stderr


def test_a_validator_that_cannot_be_imported_is_a_crash_not_a_pass() -> None:
    """``validate`` once reported no findings and exited 0 when its GDPR part failed to import."""
    code = ("import sys\nsys.modules['policygen.validate'] = None\n"
            "from policygen.cli.main import main\nmain()")
    out = subprocess.run([sys.executable, "-c", code, "validate", str(VALID)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode not in (0, 2), out.stdout
    assert "ModuleNotFoundError" in out.stderr and "policygen.validate" in out.stderr
