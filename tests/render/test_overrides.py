"""Template overrides: one block replaced, with or without ``{{ super() }}``, keeps the document's
headings, anchors and Markdown; a misspelt block or a broken anchor stops the build, located; the
examples of docs/templates.md work exactly as written."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import EXAMPLE, REPO  # noqa: E402

from policygen.cli.main import main  # noqa: E402
from policygen.lang import LANGUAGES  # noqa: E402
from policygen.model import load_description  # noqa: E402
from policygen.render.documents import document_context, tidy_blank_lines  # noqa: E402
from policygen.render.environment import make_environment  # noqa: E402
from policygen.render.markdown import markdown_to_html  # noqa: E402
from policygen.resources import templates_dir  # noqa: E402

SHARED = templates_dir() / "shared" / "policy.md.j2"
BLOCKS = re.findall(r"{%-? block (\w+)", SHARED.read_text(encoding="utf-8"))
DOCS = REPO / "docs" / "templates.md"


def _markdown(lang: str, templates: Path | None) -> str:
    description = load_description(str(EXAMPLE)).description
    context = document_context(description, lang, list(LANGUAGES), draft=False)
    environment = make_environment(lang, "markdown", templates)
    return tidy_blank_lines(environment.get_template("policy.md.j2").render(**context))


def _build(tmp_path: Path, templates: Path, lang: str = "sv"):
    return CliRunner().invoke(main, ["build", str(EXAMPLE), "--out", str(tmp_path / "site"),
                                    "--templates", str(templates), "--lang", lang,
                                    "--history", str(tmp_path / "example.history.json")])


@pytest.fixture(scope="module")
def builtin_markdown() -> dict[str, str]:
    return {lang: _markdown(lang, None) for lang in LANGUAGES}


def test_the_shared_template_has_the_documented_blocks() -> None:
    documented = set(re.findall(r"^\| `(\w+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert set(BLOCKS) - {"content", "intro", "form", "more"} <= documented
    assert {"title", "in_brief", "controller", "changes", "legal_basis", "retention"} <= set(BLOCKS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("block", BLOCKS)
def test_super_in_any_block_gives_the_builtin_document(tmp_path, builtin_markdown, lang, block):
    scoped = " scoped" if block in ("legal_basis", "retention") else ""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "policy.md.j2").write_text(
        '{% extends "builtin/policy.md.j2" %}\n'
        f"{{% block {block}{scoped} %}}{{{{ super() }}}}{{% endblock %}}\n", encoding="utf-8")
    assert _markdown(lang, tmp_path) == builtin_markdown[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_super_keeps_the_heading_and_anchor_and_adds_a_paragraph(tmp_path, builtin_markdown, lang):
    (tmp_path / lang).mkdir()
    (tmp_path / lang / "policy.md.j2").write_text(
        '{% extends "builtin/policy.md.j2" %}\n{% block controller %}\n'
        "A paragraph before, with *emphasis*.\n\n{{ super() }}\n\nAnd one after.\n{% endblock %}\n",
        encoding="utf-8")
    markdown = _markdown(lang, tmp_path)
    html = markdown_to_html(markdown).html
    anchor = {"sv": "ansvarig", "en": "who-is-responsible"}[lang]
    heading = {"sv": "Ansvarig för uppgifterna", "en": "Responsibility for the data"}
    assert f'<h2 id="{anchor}">{heading[lang]}</h2>' in html
    assert "<p>A paragraph before, with <em>emphasis</em>.</p>" in html
    assert "<p>And one after.</p>" in html
    assert "{#" not in html and "\\#" not in markdown
    # the built-in section is there unchanged, contact details included
    builtin = builtin_markdown[lang]
    start = builtin.index(f"## {heading[lang]}")
    section = builtin[start:builtin.index("\n## ", start + 1)].strip()
    assert section in markdown


def test_values_inside_an_override_are_still_escaped(tmp_path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "policy.md.j2").write_text(
        '{% extends "builtin/policy.md.j2" %}\n{% block changes %}{{ super() }}\n\n'
        "{{ hostile }}\n{% endblock %}\n", encoding="utf-8")
    description = load_description(str(EXAMPLE)).description
    context = document_context(description, "sv", ["sv"], draft=False)
    text = make_environment("sv", "markdown", tmp_path).get_template("policy.md.j2").render(
        **context, hostile="## [x](https://evil.example) {#andringar}")
    assert "\\#\\# \\[x\\](https://evil.example) \\{\\#andringar\\}" in text


def test_a_block_that_does_not_exist_stops_the_build_at_its_line(tmp_path) -> None:
    override = tmp_path / "over" / "sv" / "policy.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "builtin/policy.md.j2" %}\n\n{% block chnages %}\nText.\n'
                        "{% endblock %}\n", encoding="utf-8")
    result = _build(tmp_path, tmp_path / "over")
    assert result.exit_code == 2, result.output
    assert f"{override}:3:" in result.output
    assert "block `chnages` does not exist" in result.output and "`changes`" in result.output
    assert not (tmp_path / "site").exists()


def test_dropping_a_heading_anchor_stops_the_build_at_the_block(tmp_path) -> None:
    override = tmp_path / "over" / "en" / "policy.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "builtin/policy.md.j2" %}\n{% block changes %}\n\n'
                        "## Changes\n\nWe e-mail you.\n{% endblock %}\n", encoding="utf-8")
    result = _build(tmp_path, tmp_path / "over", "en")
    assert result.exit_code == 2, result.output
    assert f"{override}:2:" in result.output
    assert "#changes" in result.output and "block `changes`" in result.output
    assert not (tmp_path / "site").exists()


def test_a_link_to_a_missing_anchor_stops_the_build_at_its_line(tmp_path) -> None:
    override = tmp_path / "over" / "sv" / "policy.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "builtin/policy.md.j2" %}\n{% block changes %}{{ super() }}\n\n'
                        "Läs [mer](#finns-inte).\n{% endblock %}\n", encoding="utf-8")
    result = _build(tmp_path, tmp_path / "over")
    assert result.exit_code == 2, result.output
    assert f"{override}:4:" in result.output and "#finns-inte" in result.output


def test_old_per_language_builtin_names_still_resolve(tmp_path, builtin_markdown) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "policy.md.j2").write_text(
        '{% extends "builtin/sv/policy.md.j2" %}\n', encoding="utf-8")
    assert _markdown("sv", tmp_path) == builtin_markdown["sv"]


def _documented_overrides() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    return re.findall(r"```jinja\n(.*?)```", text, re.S)


@pytest.mark.parametrize("index", range(len(_documented_overrides())))
def test_documented_examples_work_exactly_as_written(tmp_path, index) -> None:
    example = _documented_overrides()[index]
    override = tmp_path / "my-templates" / "sv" / "policy.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text(example, encoding="utf-8")
    result = _build(tmp_path, tmp_path / "my-templates")
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "site" / "sv" / "integritetspolicy.md").read_text(encoding="utf-8")
    html = (tmp_path / "site" / "sv" / "integritetspolicy.html").read_text(encoding="utf-8")
    for line in example.splitlines():
        if line and not line.startswith("{%") and "{{" not in line:
            assert line in markdown
    for heading, anchor in re.findall(r"^## (.+?) \{#([a-z0-9-]+)\}$", example, re.M):
        assert f'<h2 id="{anchor}">{heading}</h2>' in html
    if "super()" in example:
        assert '<h2 id="ansvarig">Ansvarig för uppgifterna</h2>' in html


def test_docs_show_two_override_examples() -> None:
    assert len(_documented_overrides()) == 2
