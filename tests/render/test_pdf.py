"""PDF mechanics: metadata, language, title, page numbers, embedded fonts, tags, draft mark.

Whether each required element of the policy is in the text is the content tests' job; here the
document around the text is checked.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import EXAMPLE, write_fixture_templates  # noqa: E402

from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402

FILLER = "\n\n".join(f"## Avsnitt {n} {{#avsnitt-{n}}}\n\n" + "Vi skriver en mening här. " * 40
                     for n in range(1, 8))


@pytest.fixture(scope="module", params=["fixture", "builtin"])
def pdfs(request, tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp(f"pdf-{request.param}")
    templates = None
    if request.param == "fixture":
        templates = write_fixture_templates(root / "templates")
        for lang in ("sv", "en"):  # long enough for several pages
            policy = templates / lang / "policy.md.j2"
            policy.write_text(policy.read_text() + "\n" + FILLER + "\n")
    build(load_description(str(EXAMPLE)), root / "out", user_templates=templates, draft=False)
    build(load_description(str(EXAMPLE)), root / "draft", user_templates=templates, draft=True)
    return {"sv": root / "out" / "sv" / "integritetspolicy.pdf",
            "en": root / "out" / "en" / "privacy-policy.pdf",
            "sv-draft": root / "draft" / "sv" / "integritetspolicy.pdf",
            "en-draft": root / "draft" / "en" / "privacy-policy.pdf"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_language_title_and_dates_are_set(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    assert reader.trailer["/Root"]["/Lang"] == lang
    title = reader.metadata["/Title"]
    html_title = re.search(r"<title>(.*?)</title>", (pdfs[lang].with_suffix(".html")).read_text()).group(1)
    assert title and title == __import__("html").unescape(html_title)
    assert reader.metadata["/CreationDate"].startswith("D:")
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_is_numbered(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / {total}" in page.extract_text()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_fonts_are_embedded(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [d.get_object()["/FontDescriptor"] for d in font.get("/DescendantFonts", [])]
            descriptors = descriptors or [font["/FontDescriptor"]]
            for descriptor in descriptors:
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
                seen += 1
    assert seen


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pdf_is_tagged_as_pdf_ua(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    structure = root["/StructTreeRoot"].get_object()
    assert structure.get("/K") is not None
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp and b"1" in xmp
    assert reader.pdf_header == "%PDF-1.7"


@pytest.mark.parametrize("lang,mark", [("sv", "UTKAST"), ("en", "DRAFT")])
def test_draft_mark_is_on_every_page(pdfs: dict[str, Path], lang: str, mark: str) -> None:
    for page in PdfReader(pdfs[f"{lang}-draft"]).pages:
        assert mark in page.extract_text()
    for page in PdfReader(pdfs[lang]).pages:
        assert mark not in page.extract_text()
