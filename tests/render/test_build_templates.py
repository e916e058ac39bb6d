"""The template environments the build uses: escaping, strictness, search path, Markdown helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError, UndefinedError

from policygen.render.environment import PrintedNone, make_environment
from policygen.render.markdown import MarkdownProblem, markdown_to_html
from policygen.render.sanitize import MarkdownSafe, UnsafeLink, escape_markdown

HOSTILE = "<b>[x](javascript:1)</b> *y* # z"


def _markdown(source: str, **values) -> str:
    return make_environment("sv", "markdown").from_string(source).render(**values)


def test_printed_values_are_escaped_but_template_text_is_markdown() -> None:
    out = _markdown("# Rubrik {#top}\n\n- **{{ v }}**\n", v=HOSTILE)
    assert out == "# Rubrik {#top}\n\n- **\\<b\\>\\[x\\](javascript:1)\\</b\\> \\*y\\* \\# z**\n"
    html = markdown_to_html(out).html
    assert '<h1 id="top">Rubrik</h1>' in html
    assert "<strong>&lt;b&gt;[x](javascript:1)&lt;/b&gt; *y* # z</strong>" in html


def test_markdown_safe_values_and_links_are_kept() -> None:
    out = _markdown("{{ md_link('IMY', 'https://www.imy.se') }} {{ safe }} {{ anchor('a-1') }}",
                    safe=MarkdownSafe("*fet*"))
    assert out == "[IMY](https://www.imy.se) *fet* {#a-1}"


def test_macro_set_block_and_caller_output_stays_markdown() -> None:
    source = ("{% macro item(x) %}\n- {{ x }}\n{% endmacro %}"
              "{% set block %}\n1. {{ v }}\n{% endset %}"
              "{% macro quote() %}> {{ caller() }}{% endmacro %}"
              "{{ item(v) }}{{ block }}{% call quote() %}*{{ v }}*{% endcall %}\n")
    out = _markdown(source, v="a [b]")
    assert out == "- a \\[b\\]\n1. a \\[b\\]\n> *a \\[b\\]*"  # trim_blocks eats the last newline


def test_concatenated_values_are_escaped_as_a_whole() -> None:
    assert _markdown("{{ v ~ '*' }}", v="[a]") == "\\[a\\]\\*"


def test_jinja_comments_in_markdown_are_double_hashes() -> None:
    assert _markdown("{## a comment ##}## Rubrik {#r}\n") == "## Rubrik {#r}\n"


def test_anchor_refuses_odd_ids() -> None:
    with pytest.raises(UnsafeLink):
        _markdown("{{ anchor('a b') }}")


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_undefined_and_none_are_errors(kind: str) -> None:
    environment = make_environment("sv", kind)
    with pytest.raises(UndefinedError):
        environment.from_string("{{ missing }}").render()
    with pytest.raises(UndefinedError):
        environment.from_string("{{ value.missing }}").render(value={})
    with pytest.raises(PrintedNone):
        environment.from_string("{{ value }}").render(value=None)


def test_html_environment_autoescapes() -> None:
    out = make_environment("en", "html").from_string("<p>{{ v }}</p>").render(v="<script>")
    assert out == "<p>&lt;script&gt;</p>"


def test_search_order_and_builtin_prefix(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "sv" / "policy.md.j2").write_text(
        '{% extends "builtin/sv/policy.md.j2" %}{% block title %}# Egen {#egen}\n{% endblock %}')
    (tmp_path / "shared" / "style.css").write_text("body { color: black }")
    environment = make_environment("sv", "markdown", tmp_path)
    assert environment.get_template("policy.md.j2").filename == str(tmp_path / "sv" / "policy.md.j2")
    assert environment.get_template("style.css").filename == str(tmp_path / "shared" / "style.css")
    assert environment.get_template("builtin/shared/style.css").filename.endswith(
        "templates/shared/style.css")
    assert make_environment("en", "html", tmp_path).get_template("page.html.j2").filename.endswith(
        "templates/shared/page.html.j2")


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(TemplateSyntaxError) as caught:
        make_environment("sv", "markdown").from_string("a\n{% if %}\n")
    assert caught.value.lineno == 2


def test_duplicate_anchor_is_a_problem() -> None:
    with pytest.raises(MarkdownProblem):
        markdown_to_html("# A {#x}\n\n## B {#x}\n")


@pytest.mark.parametrize("value,expected", [
    ("- list", "\\- list"), ("12. x", "12\\. x"), ("+ x", "\\+ x"), ("---", "\\---"),
    ("+46 8 123", "+46 8 123"), ("a\n\nb  ", "a b"), ("    code", "code"),
    ("1999:1078", "1999:1078"), ("a & b", "a \\& b"), ("x | y", "x \\| y"),
])
def test_escape_markdown_neutralises_block_starts(value: str, expected: str) -> None:
    assert escape_markdown(value) == expected
    assert markdown_to_html(f"{escape_markdown(value)}\n").html.startswith("<p>")


def test_tidy_blank_lines_keeps_one_blank_line_and_code_fences():
    from policygen.render.documents import tidy_blank_lines

    assert tidy_blank_lines("# A\n\n\n\nText.  \n\n\n- item\n\n") == "# A\n\nText.\n\n- item\n"
    fenced = "```\ncode\n\n\n\nmore\n```\n"
    assert tidy_blank_lines(fenced) == fenced


def test_say_escapes_values_and_keeps_links_and_phrases() -> None:
    from policygen.render.terms import TermExplainer, load_terms

    out = make_environment("sv", "markdown").from_string(
        '{{ say("in_brief.intro", organisation=v) }} '
        '{{ say("in_brief.free", reach=md_link("a@b.se", "mailto:a@b.se")) }}'
    ).render(v="[x](javascript:1) *y*", term=TermExplainer(load_terms("sv")))
    assert out == ("Den här policyn förklarar hur \\[x\\](javascript:1) \\*y\\* använder "
                   "personuppgifter (uppgifter som går att koppla till dig) och vilka rättigheter "
                   "du har. Det kostar inget att använda dina rättigheter. "
                   "Skriv till oss [a@b.se](mailto:a@b.se).")
    html = make_environment("en", "html").from_string(
        '{{ say("consent_form.intro", organisation=v) }}').render(
        v="<b>AB</b>", term=TermExplainer(load_terms("en")))
    assert html.startswith("&lt;b&gt;AB&lt;/b&gt; does the things below only if you say yes.")
    assert "consent (" in html  # the glossary term, explained on first use


def test_say_refuses_a_missing_value_and_an_unknown_key() -> None:
    environment = make_environment("sv", "markdown")
    with pytest.raises(KeyError, match="organisation"):
        environment.from_string('{{ say("in_brief.intro") }}').render(term=None)
    with pytest.raises(KeyError, match="no entry"):
        environment.from_string('{{ say("no.such.key") }}').render()


def test_super_output_is_template_markdown_not_a_value(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "base.md.j2").write_text("{% block a %}## Rubrik {#r}\n\n- punkt\n{% endblock %}")
    (tmp_path / "sv" / "child.md.j2").write_text(
        '{% extends "base.md.j2" %}{% block a %}{{ super() }}\n{{ v }}\n{% endblock %}')
    out = make_environment("sv", "markdown", tmp_path).get_template("child.md.j2").render(v="## x")
    assert out == "## Rubrik {#r}\n\n- punkt\n\n\\#\\# x\n"
