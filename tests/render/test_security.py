"""Text from a description is data, never markup — in the Markdown, the HTML and the PDF.

Every text field of the description gets a hostile payload; the built pages must show it as text
and nothing else: no script elements, no event attributes, no links but https:, mailto:, tel:,
in-page anchors and our own pages, no files pulled into the PDF.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import IndirectObject

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import (ParsedPage, description_with,  # noqa: E402
                           example_data, write_fixture_templates)

from policygen.render.build import build  # noqa: E402
from policygen.render.pdf import html_to_pdf, is_forbidden_resource  # noqa: E402
from policygen.render.sanitize import MarkdownSafe, escape_markdown, md_link, UnsafeLink  # noqa: E402

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">klick</a>",
    "file:///etc/passwd",
    "![p](file:///etc/passwd)",
    "<https://example.com/x.png>",
    "# rubrik {#evil}\n- lista\n1. nummer",
    "<style>@import url(https://example.com/x.css)</style>",
    "[a](<javascript:alert(1)>) ![b](https://example.com/x.png)",
]
HOSTILE = " ".join(PAYLOADS)
ALLOWED_HREF = re.compile(r"^(#[a-z0-9-]+|https://[^\s]+|mailto:[^\s]+|tel:[+0-9]+|"
                          r"(\.\./)?[a-z0-9/._-]+\.(html|pdf)(#[a-z0-9-]+)?)$")


def _hostile_description():
    """The bundled example with the payloads appended to every text and name it has."""
    data = example_data()

    def poison(value):
        if isinstance(value, dict) and set(value) == {"sv", "en"}:
            return {lang: f"{text} {HOSTILE}" for lang, text in value.items()}
        if isinstance(value, dict):
            return {key: poison(item) for key, item in value.items()}
        if isinstance(value, list):
            return [poison(item) for item in value]
        return value

    data = poison(data)
    data["controller"]["name"] = f"Exempel {HOSTILE}"
    data["controller"]["address"] = f"Storgatan 1 {HOSTILE}"
    for recipient in data["recipients"]:
        recipient["name"] = f"{recipient['name']} {HOSTILE}"
    data["record_system"]["name"] = f"Lime {HOSTILE}"
    data["controller"]["org_number"] = f"556677-8899 {HOSTILE}"
    data["dpo"]["name"] = f"Karin {HOSTILE}"
    return description_with(**data)


@pytest.fixture(scope="module", params=["fixture", "builtin"])
def hostile_site(request, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    templates = write_fixture_templates(root / "templates") if request.param == "fixture" else None
    build(_hostile_description(), root / "out", user_templates=templates)
    return root / "out"


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_hostile_text_reaches_html_only_as_text(hostile_site: Path) -> None:
    for path in _html_files(hostile_site):
        parsed = ParsedPage(path.read_text(encoding="utf-8"))
        tags = {tag for tag, _ in parsed.tags}
        assert not tags & {"script", "img", "iframe", "object", "embed", "svg", "math", "base"}, path
        for tag, attrs in parsed.tags:
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
            if tag == "style":
                assert attrs in ({}, {"media": "print"}), (path, attrs)
            for name in ("href", "action", "formaction"):
                if attrs.get(name) is not None:
                    assert ALLOWED_HREF.match(attrs[name]), (path, tag, name, attrs[name])
        assert "example.com" not in " ".join(str(a) for _, a in parsed.tags), path
        assert "<script>alert(1)</script>" in parsed.text, f"{path}: payload was dropped, not shown"
        assert "[x](javascript:alert(1))" in parsed.text, path


def test_style_elements_hold_only_our_stylesheets(hostile_site: Path) -> None:
    for path in _html_files(hostile_site):
        text = path.read_text(encoding="utf-8")
        for css in re.findall(r"<style[^>]*>(.*?)</style>", text, flags=re.S):
            assert "example.com" not in css and "@import" not in css and "url(" not in css


def test_hostile_markdown_keeps_payload_inert(hostile_site: Path) -> None:
    from policygen.render.markdown import markdown_to_html

    for path in sorted(hostile_site.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert "{#evil}" not in text
        rendered = markdown_to_html(text)
        assert "<script" not in rendered.html and "javascript:" not in re.sub(
            r">[^<]*<", "><", rendered.html)  # only as text between tags
        assert "evil" not in rendered.anchors


def _pdf_links_and_files(path: Path) -> tuple[list[str], list[str]]:
    reader = PdfReader(path)
    uris, actions = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object() if isinstance(annotation, IndirectObject) else annotation
            action = annotation.get("/A")
            if action is not None:
                action = action.get_object()
                actions.append(str(action.get("/S")))
                if "/URI" in action:
                    uris.append(str(action["/URI"]))
            assert "/AA" not in annotation
    root = reader.trailer["/Root"]
    names = root.get("/Names", {})
    assert "/EmbeddedFiles" not in names and "/JavaScript" not in names
    assert "/OpenAction" not in root and "/AA" not in root
    return uris, actions


def test_hostile_text_never_becomes_a_pdf_link_or_file(hostile_site: Path) -> None:
    for path in sorted(hostile_site.rglob("*.pdf")):
        uris, actions = _pdf_links_and_files(path)
        assert set(actions) <= {"/URI", "/GoTo"}, actions
        for uri in uris:
            assert uri.startswith(("https://", "mailto:", "tel:")), uri
            assert "example.com" not in uri
        raw = path.read_bytes()
        assert b"root:x:0:0" not in raw
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        assert "file:///etc/passwd" in text  # shown as the text it is


@pytest.mark.parametrize("markup", [
    '<img src="file:///etc/passwd">',
    '<img src="https://example.com/x.png">',
    '<link rel="stylesheet" href="file:///etc/passwd">',
    '<link rel="stylesheet" href="https://example.com/x.css">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<style>body { background: url(../../../../etc/passwd) }</style>',
])
def test_pdf_url_fetcher_refuses_everything_but_our_assets(markup: str) -> None:
    html = f"<!DOCTYPE html><html lang='en'><head><title>t</title>{markup}</head><body><p>x</p></body></html>"
    with pytest.raises(BaseException) as caught:
        html_to_pdf(html, effective=__import__("datetime").date(2026, 12, 1))
    assert is_forbidden_resource(caught.value), caught.value


def test_pdf_url_fetcher_serves_our_own_stylesheet() -> None:
    html = ("<!DOCTYPE html><html lang='en'><head><title>t</title>"
            "<link rel='stylesheet' href='print.css'></head><body><h1>Title</h1></body></html>")
    pdf = html_to_pdf(html, effective=__import__("datetime").date(2026, 12, 1))
    assert pdf.startswith(b"%PDF-")


def test_override_template_asking_for_a_remote_image_fails_the_build(tmp_path: Path) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    (templates / "shared").mkdir()
    page = (Path(__file__).resolve().parents[2] / "templates" / "shared" / "page.html.j2").read_text()
    (templates / "shared" / "page.html.j2").write_text(
        page.replace("</head>", '<link rel="stylesheet" href="https://example.com/x.css">\n</head>'))
    from policygen.errors import UserError

    with pytest.raises(UserError) as caught:
        build(description_with(), tmp_path / "out", user_templates=templates)
    assert "example.com" in caught.value.render()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_markdown_shows_the_characters(payload: str) -> None:
    from policygen.render.markdown import markdown_to_html

    rendered = markdown_to_html(f"Text: {escape_markdown(payload)}\n")
    visible = re.sub(r"<[^>]+>", "", rendered.html)
    import html as html_module

    assert html_module.unescape(visible).strip() == "Text: " + " ".join(payload.split())
    assert "<a " not in rendered.html and "<img" not in rendered.html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "file:///etc/passwd",
                                 "data:text/html,x", "http://example.com", "//example.com",
                                 "https://exa mple.com", "vbscript:x", ""])
def test_md_link_refuses_other_schemes(url: str) -> None:
    with pytest.raises(UnsafeLink):
        md_link("x", url)


def test_md_link_allows_ours() -> None:
    assert md_link("IMY", "https://www.imy.se") == "[IMY](https://www.imy.se)"
    assert md_link("[a]", "mailto:a@b.se") == r"[\[a\]](mailto:a@b.se)"
    assert md_link("+46 8 123 45 67", "tel:+46 8 123 45 67") == "[+46 8 123 45 67](tel:+468123456" "7)"
    assert isinstance(md_link("a", "#top"), MarkdownSafe)


def test_markdown_links_with_forbidden_schemes_are_not_links() -> None:
    from policygen.render.markdown import markdown_to_html

    html = markdown_to_html("[a](javascript:alert(1)) [b](file:///etc/passwd) [c](data:x) "
                            "<javascript:alert(1)> [d](https://ok.se)\n").html
    assert re.findall(r'href="([^"]*)"', html) == ["https://ok.se"]


def test_hostile_yaml_through_the_command_line(tmp_path: Path) -> None:
    """The same guarantees when the text arrives through the loader and `policygen build`."""
    from click.testing import CliRunner

    from policygen.cli.main import main

    payload = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> file:///etc/passwd"
    text = Path(__file__).resolve().parents[2].joinpath("examples", "exempel-support.yaml").read_text()
    text = text.replace("  name: Exempel Support AB", f"  name: '{payload}'")
    assert "      sv: Nyhetsbrev\n" in text
    text = text.replace("      sv: Nyhetsbrev\n", f"      sv: 'Nyhetsbrev {payload}'\n")
    text = text.replace("sv: Ja, skicka Exempel Supports nyhetsbrev",
                        f"sv: Ja {payload.replace(': ', ' ')}, skicka Exempel Supports nyhetsbrev")
    description = tmp_path / "hostile.yaml"
    description.write_text(text)
    result = CliRunner().invoke(main, ["build", str(description), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for path in sorted((tmp_path / "out").rglob("*.html")):
        parsed = ParsedPage(path.read_text())
        assert not {tag for tag, _ in parsed.tags} & {"script", "img"}
        for _, attrs in parsed.tags:
            assert not [name for name in attrs if name.startswith("on")]
            for name in ("href", "action"):
                if attrs.get(name) is not None:
                    assert ALLOWED_HREF.match(attrs[name]), attrs[name]
    assert "<script>alert(1)</script>" in ParsedPage(
        (tmp_path / "out" / "sv" / "samtycke.html").read_text()).text
    for path in sorted((tmp_path / "out").rglob("*.pdf")):
        uris, _ = _pdf_links_and_files(path)
        assert all(uri.startswith(("https://", "mailto:", "tel:")) for uri in uris)


_PIECES = list("ab1 .-+=#*_[]()<>!`~&|{}\\:/\"'\n\t\u00e5") + [
    "javascript:", "https://x.se", "<script>", "&amp;", "&#60;", "{#id}", "1.", "- ", "> ",
    "    ", "```", "---", "===", "![i](x)", "<img src=x onerror=alert(1)>", "<https://x.se>"]
_MARKDOWNISH = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_MARKDOWNISH, prefix=st.sampled_from(["", "Text: ", "# ", "- ", "| a | "]))
@example(text="---- - ", prefix="")  # a thematic break with spaces, found by hypothesis
@example(text="- - -", prefix="")
@example(text="= = =", prefix="")
def test_any_escaped_text_renders_as_exactly_that_text(text: str, prefix: str) -> None:
    """Whatever a description holds, escaped it shows exactly those characters, at a line start
    too, and never makes a tag of its own: only the template's own prefix decides the block."""
    import html as html_module

    from policygen.render.markdown import markdown_to_html

    expected = " ".join(text.split())
    rendered = markdown_to_html(f"{prefix}{escape_markdown(text)}\n").html
    block = {"": "p", "Text: ": "p", "# ": "h1", "- ": "ul", "| a | ": "p"}[prefix]
    tags = re.findall(r"<(/?\w+)", rendered)
    if not expected and prefix in ("", "| a | "):
        return  # nothing to show: an empty line, or the prefix alone
    allowed = {"p": {"p", "/p"}, "h1": {"h1", "/h1"}, "ul": {"ul", "/ul", "li", "/li"}}[block]
    assert set(tags) <= allowed, rendered
    visible = html_module.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    shown_prefix = {"": "", "Text: ": "Text: ", "# ": "", "- ": "", "| a | ": "| a | "}[prefix]
    assert visible == (shown_prefix + expected).strip()
