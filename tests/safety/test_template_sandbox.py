"""Templates are untrusted code: the sandbox, the loader and the checks on what they make (issue 9).

Before: an override ran ``{{ lipsum.__globals__['os'].popen('id').read() }}`` and read any file
through ``cycler.__init__.__globals__.__builtins__['open']``; ``range(10**9)|list`` exhausted
memory; a ``shared/style.css`` override closed the style element; ``javascript:`` and ``file:``
links passed; a symbolic link in the templates folder was read; ``{{ 1/0 }}`` was a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from safety_helpers import EXAMPLE, policygen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))
from build_helpers import FIXTURE_POLICY, description_with, write_fixture_templates  # noqa: E402

from policygen.errors import UserError  # noqa: E402
from policygen.render.build import build  # noqa: E402
from policygen.render.environment import make_environment  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def _templates_with(tmp_path: Path, line: str) -> Path:
    """Fixture templates whose Swedish policy ends with ``line`` (at line N + 1 of the file)."""
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "sv" / "policy.md.j2").write_text(FIXTURE_POLICY + line + "\n", encoding="utf-8")
    return templates


POLICY_LINES = FIXTURE_POLICY.count("\n") + 1


def _build_error(tmp_path: Path, line: str) -> str:
    templates = _templates_with(tmp_path, line)
    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert not (tmp_path / "out").exists()
    return caught.value.render()


# --- escapes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
    "{{ cycler.__init__.__globals__.__builtins__['open']('MARKER', 'w') }}",
    "{{ joiner.__init__.__globals__['__builtins__']['__import__']('os').system('touch MARKER') }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ description.__class__ }}",
    "{{ description.parse_file('MARKER') }}",
    "{{ description.model_validate_json('{}') }}",
    "{{ md_link.__globals__ }}",
    "{{ self.__init__.__globals__ }}",
    "{% set x = cycler.__init__ %}{{ x.__globals__ }}",
    "{{ (description|attr('__class__')) }}",
])
def test_escapes_from_the_sandbox_fail_in_a_located_way(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "marker"
    message = _build_error(tmp_path, payload.replace("MARKER", str(marker)))
    assert f"policy.md.j2:{POLICY_LINES}:" in message, message
    assert not marker.exists()


def test_a_sandbox_escape_through_the_command_line_is_exit_2_without_side_effects(tmp_path):
    marker = tmp_path / "marker"
    overrides = tmp_path / "overrides"
    (overrides / "sv").mkdir(parents=True)
    (overrides / "sv" / "policy.md.j2").write_text(
        "# Policy {#top}\n\n{{ lipsum.__globals__['os'].popen('touch " + str(marker) + "').read() }}"
        "\n{{ cycler.__init__.__globals__.__builtins__['open']('/etc/hostname').read() }}\n")
    run = policygen("build", str(EXAMPLE), "--out", str(tmp_path / "site"), "--templates",
                    str(overrides), "--lang", "sv")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "overrides/sv/policy.md.j2:3" in run.stderr
    assert not marker.exists() and not (tmp_path / "site").exists()


# --- bounded work ----------------------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    "{{ range(10**9)|list }}",
    "{{ range(10**9)|length }}",
    "{% for i in range(5000) %}{% for j in range(5000) %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**10 }}",
    "{{ [0] * 10**10 }}",
    "{{ 10 ** 100000000 }}",
    "{{ (10 ** 10000) * (10 ** 10000) * (10 ** 10000) * (10 ** 10000) * (10 ** 10000) }}",
    "{{ 'x'|center(10**9) }}",
    "{{ 'x'|indent(10**9) }}",
    "{{ 'x x'|wordwrap(10**9) }}",
    "{{ [1]|batch(10**9, 'x')|list }}",
    "{{ '%0999999999d'|format(1) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%*d' % (10**9, 1) }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ '{:>{}}'.format(1, 10**9) }}",
    "{{ 'x'.ljust(10**9) }}",
    "{{ ('x' * 10**7)|replace('x', 'y' * 10**7) }}",
    "{{ ('x' * 10**7).replace('x', 'yyy') }}",
    "{{ ([('x' * 10**7)] * 1000)|join }}",
    "{{ ''.join([('x' * 10**7)] * 1000) }}",
    "{{ 'a\nb'|indent('x' * 10**6) }}",
    "{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% macro grow(n) %}{{ 'x' * 1000 }}{% if n %}{{ grow(n - 1) }}{{ grow(n - 1) }}{% endif %}"
    "{% endmacro %}{{ grow(30) }}",
])
def test_runaway_work_in_a_template_fails_fast(payload: str) -> None:
    environment = make_environment("sv", "markdown")
    template = environment.from_string(payload)
    from jinja2 import TemplateError

    with pytest.raises((TemplateError, OverflowError)):
        template.render()


def test_bounded_work_still_allows_what_a_policy_needs() -> None:
    environment = make_environment("sv", "html")
    text = environment.from_string(
        "{% for i in range(100) %}{{ i }},{% endfor %}{{ 'ab' * 50 }}{{ 2 ** 64 }}"
        "{{ 'x'|center(20) }}{{ '%05d'|format(7) }}{{ '{:>4}'.format(1) }}").render()
    assert text.startswith("0,1,2,") and "18446744073709551616" in text and "00007" in text


# --- the loader: regular files inside the folder only ------------------------------------------

def test_a_template_that_is_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.j2"
    secret.write_text("TOP-SECRET-TOKEN\n")
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "sv" / "secret.j2").symlink_to(secret)
    (templates / "sv" / "policy.md.j2").write_text(FIXTURE_POLICY + '{% include "secret.j2" %}\n')
    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert "is a symbolic link" in caught.value.render()
    assert "TOP-SECRET-TOKEN" not in caught.value.render()


@pytest.mark.parametrize(("content", "said"), [
    (None, "policy.md.j2: file is too large (2,000,000 bytes; the limit is 1,000,000)"),
    (b"# Policy {#top}\n\xe9\n", "policy.md.j2:2:1: file is not valid UTF-8 (byte 0xe9)"),
])
def test_an_override_too_large_or_not_utf8_is_refused(tmp_path: Path, content: bytes | None, said: str) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    template = templates / "sv" / "policy.md.j2"
    if content is None:
        with template.open("wb") as stream:
            stream.truncate(2_000_000)  # sparse: the size from stat must refuse it before any reading
    else:
        template.write_bytes(content)
    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert said in caught.value.render()
    assert not (tmp_path / "out").exists()


def test_an_override_that_is_itself_a_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md.j2"
    outside.write_text("# Elsewhere {#top}\n")
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "sv" / "policy.md.j2").unlink()
    (templates / "sv" / "policy.md.j2").symlink_to(outside)
    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert "symbolic link" in caught.value.render()


def test_a_named_pipe_as_template_does_not_hang(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "sv").mkdir(parents=True)
    os.mkfifo(overrides / "sv" / "policy.md.j2")
    run = policygen("build", str(EXAMPLE), "--out", str(tmp_path / "site"), "--templates",
                    str(overrides), "--lang", "sv", timeout=60)
    assert run.returncode == 2 and "not a regular file" in run.stderr, run.stderr


# --- stylesheets ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("css", "said"), [
    ("body { color: red }</style><script>alert(1)</script><style>", "may not contain `<`"),
    ("@import url(https://example.com/x.css);", "@import"),
    ("@\\69mport 'https://example.com/x.css';", "@import"),
    ("body { background: url(https://example.com/t.png) }", "not one of policygen's own assets"),
    ("body { background: url('file:///etc/passwd') }", "not one of policygen's own assets"),
    ("body { background: \\75 rl(https://example.com/t.png) }", "not one of policygen's own assets"),
    ("body { background: image-set('https://example.com/t.png' 1x) }", "image-set"),
    ("@font-face { font-family: x; src: url(https://example.com/f.woff2) }", "own assets"),
])
def test_an_unsafe_stylesheet_override_is_refused(tmp_path: Path, css: str, said: str) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "shared").mkdir()
    (templates / "shared" / "style.css").write_text(css)
    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert said in caught.value.render() and "style.css" in caught.value.render()


def test_a_plain_stylesheet_override_is_used(tmp_path: Path) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "shared").mkdir()
    (templates / "shared" / "style.css").write_text("body { color: #123456; }\n")
    build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert "#123456" in (tmp_path / "out" / "sv" / "integritetspolicy.html").read_text()


# --- links and active content in override HTML -----------------------------------------------------

@pytest.mark.parametrize("markup", [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&#58;alert(1)">x</a>',
    '<a href="file:///etc/passwd">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<a href="http://example.com">x</a>',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="file:///etc/passwd">x</button>',
    '<script>alert(1)</script>',
    '<p onclick="alert(1)">x</p>',
    '<img src="https://example.com/pixel.png">',
    '<link rel="stylesheet" href="https://example.com/x.css">',
    '<meta http-equiv="refresh" content="0; url=https://example.com">',
    '<p style="background: url(https://example.com/x.png)">x</p>',
])
def test_override_html_may_link_only_where_description_text_may(tmp_path: Path, markup: str) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "shared").mkdir()
    page = (REPO / "templates" / "shared" / "page.html.j2").read_text()
    (templates / "shared" / "page.html.j2").write_text(page.replace("</main>", markup + "\n</main>"))
    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert "page.html.j2" in caught.value.render()
    assert not (tmp_path / "out").exists()


def test_override_html_with_allowed_links_builds(tmp_path: Path) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "shared").mkdir()
    page = (REPO / "templates" / "shared" / "page.html.j2").read_text()
    extra = ('<a href="https://exempel.se/kontakt">k</a> <a href="mailto:a@exempel.se">m</a> '
             '<a href="tel:+468123">t</a> <a href="#content">c</a>')
    (templates / "shared" / "page.html.j2").write_text(page.replace("</main>", extra + "\n</main>"))
    build(description_with(), tmp_path / "out", user_templates=templates, languages=["sv"])
    assert "https://exempel.se/kontakt" in (tmp_path / "out" / "sv" / "integritetspolicy.html").read_text()


# --- any exception inside a template ------------------------------------------------------------

@pytest.mark.parametrize("payload", ["{{ 1/0 }}", '{{ term("no-such-term") }}', "{{ [][3] }}",
                                     "{{ 'abc'.index('z') }}",
                                     "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"])
def test_an_exception_inside_an_override_is_exit_2_at_its_file_and_line(tmp_path, payload):
    overrides = tmp_path / "overrides"
    (overrides / "sv").mkdir(parents=True)
    (overrides / "sv" / "policy.md.j2").write_text(
        "# Policy {#top}\n\nText.\n" + payload + "\n")
    run = policygen("build", str(EXAMPLE), "--out", str(tmp_path / "site"), "--templates",
                    str(overrides), "--lang", "sv")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "overrides/sv/policy.md.j2:4" in run.stderr, run.stderr
