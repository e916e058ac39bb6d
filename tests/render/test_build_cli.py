"""`policygen build`: exit codes, refusal on GDPR errors, --draft, --lang, template errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import EXAMPLE, ParsedPage, tree, write_fixture_templates  # noqa: E402

from policygen.cli.main import main  # noqa: E402


def _run(*args: str):
    """``policygen build`` with the published history beside the output folder, in the test's
    temporary folder (by default it would be written beside the description, in the repository)."""
    words = [str(arg) for arg in args]
    history = Path(words[words.index("--out") + 1]).parent / f"{Path(words[0]).stem}.history.json"
    return CliRunner().invoke(main, ["build", *words, "--history", str(history)],
                              catch_exceptions=False)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    return write_fixture_templates(tmp_path / "templates")


@pytest.fixture
def without_interest(tmp_path: Path) -> Path:
    """The example with the quality purpose's legitimate interest removed: an error (13(1)(d))."""
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("    legitimate_interest:\n      sv: Vi vill veta")
    end = text.index("    retention:", start)
    path = tmp_path / "incomplete.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


def test_builds_the_example(tmp_path: Path, templates: Path) -> None:
    result = _run(EXAMPLE, "--out", tmp_path / "site", "--templates", templates)
    assert result.exit_code == 0, result.output
    assert "built 19 files" in result.output
    assert (tmp_path / "site" / "sv" / "integritetspolicy.pdf").is_file()


def test_refuses_with_error_findings_and_writes_nothing(tmp_path: Path, templates: Path,
                                                        without_interest: Path) -> None:
    result = _run(without_interest, "--out", tmp_path / "site", "--templates", templates)
    assert result.exit_code == 1
    text = without_interest.read_text(encoding="utf-8")
    line = text[:text.index("  - id: quality")].count("\n") + 1  # the purpose's mapping: 5
    assert f"{without_interest}:{line}:5: error G101 purposes[1].legitimate_interest: " in result.output
    assert "13(1)(d)" in result.output and "--draft" in result.output
    assert not (tmp_path / "site").exists()


def test_refusal_keeps_the_previous_build(tmp_path: Path, templates: Path,
                                          without_interest: Path) -> None:
    assert _run(EXAMPLE, "--out", tmp_path / "site", "--templates", templates).exit_code == 0
    before = tree(tmp_path / "site")
    assert _run(without_interest, "--out", tmp_path / "site", "--templates", templates).exit_code == 1
    assert tree(tmp_path / "site") == before


def test_draft_builds_and_marks_every_document(tmp_path: Path, templates: Path,
                                               without_interest: Path) -> None:
    out = tmp_path / "site"
    result = _run(without_interest, "--out", out, "--templates", templates, "--draft")
    assert result.exit_code == 0, result.output
    assert "UTKAST / DRAFT" in result.output
    for lang, policy, consent, mark in [("sv", "integritetspolicy", "samtycke", "UTKAST"),
                                        ("en", "privacy-policy", "consent", "DRAFT")]:
        assert (out / lang / f"{policy}.md").read_text().startswith(f"> **{mark}")
        for page in (f"{policy}.html", f"{consent}.html", f"{policy}.fragment.html"):
            parsed = ParsedPage((out / lang / page).read_text())
            assert mark in parsed.text, page
        assert f"({mark})" in (out / lang / f"{policy}.html").read_text().split("</title>")[0]
    assert "UTKAST / DRAFT" in (out / "index.html").read_text()


def test_lang_must_be_a_subset(tmp_path: Path, templates: Path) -> None:
    result = _run(EXAMPLE, "--out", tmp_path / "site", "--templates", templates, "--lang", "sv,de")
    assert result.exit_code == 2
    assert f"{EXAMPLE}:7:1: languages: cannot build language(s) de" in result.output
    assert not (tmp_path / "site").exists()


def test_lang_builds_only_those(tmp_path: Path, templates: Path) -> None:
    result = _run(EXAMPLE, "--out", tmp_path / "site", "--templates", templates, "--lang", "sv")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "site").iterdir() if p.is_dir()) == ["archive", "sv"]


@pytest.mark.parametrize("template,expected", [
    ("# Policy {#top}\n\n{% if %}\n", "policy.md.j2:3:1: TemplateSyntaxError"),
    ("# Policy {#top}\n\nText.\n\n{{ purposes_typo }}\n", "policy.md.j2:5:1: UndefinedError"),
    ('{% extends "builtin/sv/no-such.md.j2" %}\n', "TemplateNotFound: builtin/sv/no-such.md.j2"),
    ("# Policy {#top}\n\n{{ description.dpo.phone }}\n", "policy.md.j2:3:1: PrintedNone"),
])
def test_template_errors_exit_2_with_name_and_line(tmp_path: Path, templates: Path,
                                                   template: str, expected: str) -> None:
    (templates / "sv" / "policy.md.j2").write_text(template)
    result = _run(EXAMPLE, "--out", tmp_path / "site", "--templates", templates)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_override_can_extend_a_builtin_and_replace_one_block(tmp_path: Path) -> None:
    builtin = Path(__file__).resolve().parents[2] / "templates" / "shared" / "policy.md.j2"
    import re

    blocks = re.findall(r"{%-? block (\w+)", builtin.read_text())
    assert blocks, "the shipped template has no blocks to override"
    overrides = tmp_path / "overrides"
    (overrides / "sv").mkdir(parents=True)
    (overrides / "sv" / "policy.md.j2").write_text(
        '{% extends "builtin/sv/policy.md.j2" %}\n'
        f"{{% block {blocks[-1]} %}}{{{{ super() }}}}\nVår egen text om {{{{ organisation }}}}.\n"
        "{% endblock %}\n")
    result = _run(EXAMPLE, "--out", tmp_path / "site", "--templates", overrides, "--lang", "sv")
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "site" / "sv" / "integritetspolicy.md").read_text()
    assert "Vår egen text om Exempel Support AB." in markdown


def test_bad_description_exits_2(tmp_path: Path, templates: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text().replace("retention:\n      period: 24 months",
                                               "retension:\n      period: 24 months", 1))
    result = _run(bad, "--out", tmp_path / "site", "--templates", templates)
    assert result.exit_code == 2
    assert f"{bad}:" in result.output and "retention" in result.output
    assert not (tmp_path / "site").exists()
