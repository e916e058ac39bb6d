"""An unsafe override stylesheet stops the build: exit 2, one message located at the stylesheet's
file, line and column, in the interface language, with a hint, and the published site untouched.

Before: the message was located at "template" (the place was buried in the text, without a
column), was English under ``--messages sv``, and its hint spoke of template variables.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policygen.cli.main import main

REPO = Path(__file__).resolve().parents[2]

HINT = {
    "en": "hint: keep the stylesheet to plain CSS that refers only to files in templates/shared/",
    "sv": "tips: håll dig till vanlig CSS i stilmallen, och hänvisa bara till filer i "
          "templates/shared/",
}

# stylesheet, (line, column) of the culprit, English message, Swedish message
CASES = {
    "closes the style element": (
        "body { color: red }\n</style><script>alert(1)</script>\n", (2, 1),
        "a stylesheet may not contain `<` (it could close the <style> element)",
        "en stilmall får inte innehålla `<` (det kan avsluta elementet <style>)"),
    "@import": (
        "/* ours */\n\n@import url(https://example.com/x.css);\n", (3, 1),
        "@import is not allowed: pages load nothing from elsewhere",
        "@import är inte tillåtet: sidorna hämtar ingenting från andra ställen"),
    "url() to another site": (
        "body {\n  background: url(https://example.com/t.png);\n}\n", (2, 15),
        "url('https://example.com/t.png') is not one of policygen's own assets; a stylesheet may "
        "refer only to files in templates/shared/",
        "url('https://example.com/t.png') är inte en av policygens egna filer. En stilmall får "
        "bara hänvisa till filer i templates/shared/"),
    "url() to a file outside": (
        "body {\n  background: url('../../secret.png');\n}\n", (2, 15),
        "url('../../secret.png') is not one of policygen's own assets; a stylesheet may refer "
        "only to files in templates/shared/",
        "url('../../secret.png') är inte en av policygens egna filer. En stilmall får bara "
        "hänvisa till filer i templates/shared/"),
    "url() written with an escape": (
        "p { background: \\75 rl(https://example.com/t.png) }\n", (1, 17),
        "url('https://example.com/t.png') is not one of policygen's own assets; a stylesheet may "
        "refer only to files in templates/shared/",
        "url('https://example.com/t.png') är inte en av policygens egna filer. En stilmall får "
        "bara hänvisa till filer i templates/shared/"),
    "image-set()": (
        "p { background: image-set('style.css' 1x) }\n", (1, 17),
        "image-set() is not allowed in a stylesheet",
        "image-set() är inte tillåtet i en stilmall"),
    "src() without quotes": (
        "@font-face {\n  font-family: x;\n  src: src(font.woff2);\n}\n", (3, 8),
        "src() must name a file in quotes",
        "src() måste ange en fil inom citattecken"),
    "not CSS": (
        'p { content: "never closed\n}\n', (1, 14),
        "not valid CSS (a string in quotes runs past the end of its line)",
        "inte giltig CSS (en sträng inom citattecken fortsätter förbi radens slut)"),
    "an unmatched bracket": (
        "p { color: red); }\n", (1, 15),
        "not valid CSS (a ')' that closes nothing)",
        "inte giltig CSS (ett ')' som inte stänger något)"),
    "a selector without its block": (
        "p { color: red; }\nh1\n", (2, 3),  # tinycss2 places it where the block was due
        "not valid CSS (a selector or at-rule has no block in braces after it)",
        "inte giltig CSS (en selektor eller @-regel saknar ett block inom klammerparenteser efter sig)"),
}


def policygen(*args: object) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled example (a build writes its history beside the description)."""
    path = tmp_path_factory.mktemp("example") / "policy.yaml"
    path.write_bytes((REPO / "examples" / "exempel-support.yaml").read_bytes())
    return path


@pytest.fixture(scope="module")
def published(example: Path) -> Path:
    """The example, built once: the site a failed build must leave as it was."""
    out = example.parent / "site"
    result = policygen("build", example, "--out", out, "--lang", "sv")
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("messages", ["en", "sv"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_unsafe_override_stylesheet_is_a_located_exit_2(
        example: Path, published: Path, tmp_path: Path, case: str, messages: str) -> None:
    css, (line, column), english, swedish = CASES[case]
    stylesheet = tmp_path / "overrides" / "shared" / "style.css"
    stylesheet.parent.mkdir(parents=True)
    stylesheet.write_text(css, encoding="utf-8")
    before = snapshot(example.parent)
    result = policygen("--messages", messages, "build", example, "--out", published,
                       "--templates", tmp_path / "overrides", "--lang", "sv")
    assert result.exit_code == 2, result.output
    message = english if messages == "en" else swedish
    assert f"{stylesheet}:{line}:{column}: {message}\n  {HINT[messages]}\n" in result.output
    assert "Traceback" not in result.output and "UnsafeStylesheet" not in result.output
    assert snapshot(example.parent) == before  # the site and the history


def test_the_print_stylesheet_is_checked_too(example: Path, published: Path,
                                             tmp_path: Path) -> None:
    stylesheet = tmp_path / "overrides" / "shared" / "print.css"
    stylesheet.parent.mkdir(parents=True)
    stylesheet.write_text("@page { margin: 2cm }\n@import 'https://example.com/p.css';\n",
                          encoding="utf-8")
    before = snapshot(example.parent)
    result = policygen("--messages", "en", "build", example, "--out", published,
                       "--templates", tmp_path / "overrides", "--lang", "sv")
    assert result.exit_code == 2, result.output
    assert (f"{stylesheet}:2:1: @import is not allowed: pages load nothing from elsewhere\n"
            f"  {HINT['en']}\n") in result.output
    assert snapshot(example.parent) == before  # the site and the history


def test_a_stylesheet_naming_one_of_our_own_assets_is_inlined(tmp_path: Path) -> None:
    """The refusal is not of every url(): a file of templates/shared/ is ours and allowed."""
    example = tmp_path / "policy.yaml"
    example.write_bytes((REPO / "examples" / "exempel-support.yaml").read_bytes())
    stylesheet = tmp_path / "overrides" / "shared" / "style.css"
    stylesheet.parent.mkdir(parents=True)
    stylesheet.write_text("body { color: #123456; background: url(print.css) }\n",
                          encoding="utf-8")
    out = tmp_path / "site"
    result = policygen("build", example, "--out", out, "--templates", tmp_path / "overrides",
                       "--lang", "sv")
    assert result.exit_code == 0, result.output
    assert "#123456; background: url(print.css)" in (
        out / "sv" / "integritetspolicy.html").read_text(encoding="utf-8")
