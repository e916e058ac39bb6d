"""The handbook folder: its layout, byte-identical output, atomic replacement, the two folders
refusing each other, and bad input ending in exit 2 with a located message."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hb_helpers import DESCRIPTIONS, REPO

EXAMPLE = REPO / "examples" / "exempel-support.yaml"
LAYOUT = {
    ".policygen-handbook", "register.csv", "register.md", "crm-fields.csv", "crm-fields.json",
    "sv/rutiner.md", "sv/rutiner.html", "sv/rutiner.pdf",
    "en/procedures.md", "en/procedures.html", "en/procedures.pdf",
    *(f"sv/svarsbrev/{kind}.md" for kind in ("access", "erasure", "rectification", "objection",
                                             "withdrawal", "verify-identity", "extension")),
    *(f"en/reply-letters/{kind}.md" for kind in ("access", "erasure", "rectification", "objection",
                                                 "withdrawal", "verify-identity", "extension")),
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def tree(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_layout_of_design_md(handbooks):
    assert set(tree(handbooks["exempel-support"])) == LAYOUT


def test_output_is_byte_identical_across_runs(handbooks, tmp_path, monkeypatch):
    from policygen.model import load_description
    from policygen.render.handbook.writer import write_handbook

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for name in ("exempel-support", "hyrcykel-sv-en"):
        write_handbook(load_description(str(DESCRIPTIONS[name])), tmp_path / name)
        assert tree(tmp_path / name) == tree(handbooks[name]), name


def test_cli_writes_the_handbook_and_says_it_is_internal(tmp_path):
    result = run("handbook", str(EXAMPLE), "--out", str(tmp_path / "hb"))
    assert result.returncode == 0, result.stderr
    assert "do not publish" in result.stdout
    assert set(tree(tmp_path / "hb")) == LAYOUT


def test_cli_lang_writes_one_language(tmp_path):
    result = run("handbook", str(EXAMPLE), "--out", str(tmp_path / "hb"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    files = set(tree(tmp_path / "hb"))
    assert "en/procedures.md" in files and not any(name.startswith("sv/") for name in files)
    assert "Records of how Exempel Support AB processes personal data" in \
        (tmp_path / "hb" / "register.md").read_text(encoding="utf-8")


def test_build_refuses_a_handbook_and_handbook_refuses_a_site(tmp_path):
    handbook, site = tmp_path / "handbook", tmp_path / "site"
    assert run("handbook", str(EXAMPLE), "--out", str(handbook)).returncode == 0
    assert run("build", str(EXAMPLE), "--out", str(site),
               "--history", str(tmp_path / "example.history.json")).returncode == 0
    before = tree(handbook), tree(site)
    for command, out in (("build", handbook), ("build", handbook / "public"),
                         ("handbook", site), ("handbook", site / "internal")):
        result = run(command, str(EXAMPLE), "--out", str(out))
        assert result.returncode == 2, (command, out, result.stderr)
        made_by = "policygen handbook" if command == "build" else "policygen build"
        assert f"made by `{made_by}`" in result.stderr
        assert "Traceback" not in result.stderr
    assert (tree(handbook), tree(site)) == before
    assert not (handbook / "public").exists() and not (site / "internal").exists()


def test_handbook_replaces_its_own_folder_and_refuses_a_foreign_one(tmp_path):
    out = tmp_path / "hb"
    assert run("handbook", str(EXAMPLE), "--out", str(out)).returncode == 0
    assert run("handbook", str(EXAMPLE), "--out", str(out)).returncode == 0
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep me", encoding="utf-8")
    result = run("handbook", str(EXAMPLE), "--out", str(foreign))
    assert result.returncode == 2
    assert "not made by `policygen handbook`" in result.stderr
    assert (foreign / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_a_failed_write_leaves_the_previous_handbook_as_it_was(tmp_path, monkeypatch):
    from policygen.model import load_description
    from policygen.render.handbook import documents
    from policygen.render.handbook.writer import write_handbook

    out = tmp_path / "hb"
    write_handbook(load_description(str(EXAMPLE)), out)
    before = tree(out)

    def broken(*args, **kwargs):
        raise RuntimeError("the renderer broke half-way")

    monkeypatch.setattr(documents, "render_handbook", broken)
    with pytest.raises(RuntimeError):
        write_handbook(load_description(str(EXAMPLE)), out)
    assert tree(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["hb"]  # no staging left behind


BROKEN = {
    "syntax": ("format: 1\nlanguages: [sv\n", "YAML syntax error"),
    "unknown key": (EXAMPLE.read_text(encoding="utf-8").replace("record_system:", "record_sytem:"),
                    "record_sytem"),
    "never_record without a label": (EXAMPLE.read_text(encoding="utf-8")
                                     + "never_record:\n  - reason: {sv: x, en: y}\n", "never_record"),
    "empty": ("", "empty"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_bad_input_exits_2_with_a_located_message(tmp_path, case):
    text, expected = BROKEN[case]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("handbook", str(path), "--out", str(tmp_path / "hb"))
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    if case != "empty":
        assert re.search(rf"{re.escape(str(path))}:\d+:\d+: ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "hb").exists()


def test_unknown_language_exits_2(tmp_path):
    result = run("handbook", str(EXAMPLE), "--out", str(tmp_path / "hb"), "--lang", "de")
    assert result.returncode == 2
    assert "languages" in result.stderr and "sv,en" in result.stderr
    assert not (tmp_path / "hb").exists()


def test_error_level_findings_refuse_unless_draft(tmp_path):
    gap = EXAMPLE.read_text(encoding="utf-8")
    start = gap.index("    legitimate_interest:\n      sv: Vi vill veta")
    end = gap.index("    retention:\n      period: 12 months")
    path = tmp_path / "gap.yaml"
    path.write_text(gap[:start] + gap[end:], encoding="utf-8")
    result = run("handbook", str(path), "--out", str(tmp_path / "hb"))
    assert result.returncode == 1
    assert "G101" in result.stderr and "--draft" in result.stderr
    assert not (tmp_path / "hb").exists()
    result = run("handbook", str(path), "--out", str(tmp_path / "hb"), "--draft")
    assert result.returncode == 0, result.stderr
    routines = (tmp_path / "hb" / "sv" / "rutiner.md").read_text(encoding="utf-8")
    assert "UTKAST: vår beskrivning saknar något som lagen kräver." in routines
    assert "UTKAST: vår beskrivning säger inte vilket vårt intresse är." in routines
    assert "UTKAST" in (tmp_path / "hb" / "sv" / "svarsbrev" / "access.md").read_text(encoding="utf-8")
    assert "UTKAST" in (tmp_path / "hb" / "sv" / "rutiner.html").read_text(encoding="utf-8")


def test_help_lists_the_command():
    result = run("--help")
    assert "handbook" in result.stdout
    result = run("handbook", "--help")
    assert "--out" in result.stdout and "--lang" in result.stdout and "--draft" in result.stdout


UNSEEN = sorted((REPO / "tests" / "e2e" / "descriptions").glob("*.yaml"))


@pytest.mark.parametrize("path", UNSEEN, ids=[path.stem for path in UNSEEN])
def test_the_unseen_descriptions_of_the_policy_tests_make_handbooks_that_pass_check(tmp_path, path):
    """English only, Swedish only with hostile text, a public body, nine purposes with every role
    and safeguard: some have error-level gaps, so they are written as marked drafts."""
    from policygen.model import load_description
    from policygen.render.handbook.writer import write_handbook

    loaded = load_description(str(path))
    write_handbook(loaded, tmp_path / "hb", draft=True)
    for lang in loaded.description.languages:
        stem = {"sv": "sv/rutiner", "en": "en/procedures"}[lang]
        text = (tmp_path / "hb" / f"{stem}.md").read_text(encoding="utf-8")
        words = " ".join(re.sub(r"\\(.)", r"\1", text).split())
        for purpose in loaded.description.purposes:
            assert " ".join(purpose.title[lang].split()) in words, purpose.id
    result = run("check", str(tmp_path / "hb"))
    assert result.returncode == 0, result.stdout[-3000:]
