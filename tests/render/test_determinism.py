"""Building twice gives the same bytes: Markdown, HTML, JSON, the archive and the PDFs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import EXAMPLE, tree, write_fixture_templates  # noqa: E402

from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402


@pytest.fixture(params=["fixture", "builtin"])
def templates(request, tmp_path: Path) -> Path | None:
    if request.param == "builtin":
        return None
    return write_fixture_templates(tmp_path / "templates")


def _build_twice(tmp_path: Path, templates: Path | None) -> tuple[dict, dict]:
    build(load_description(str(EXAMPLE)), tmp_path / "one", user_templates=templates)
    build(load_description(str(EXAMPLE)), tmp_path / "two", user_templates=templates)
    return tree(tmp_path / "one"), tree(tmp_path / "two")


def test_two_builds_are_byte_identical(tmp_path: Path, templates: Path | None,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one, two = _build_twice(tmp_path, templates)
    assert sorted(one) == sorted(two)
    assert any(name.startswith("archive/consent/") for name in one)
    different = [name for name in one if one[name] != two[name]]
    assert different == []


def test_source_date_epoch_sets_the_pdf_dates_and_keeps_bytes_identical(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    one, two = _build_twice(tmp_path, templates)
    pdfs = [name for name in one if name.endswith(".pdf")]
    assert len(pdfs) == 2
    for name in pdfs:
        assert one[name] == two[name]
        metadata = PdfReader(tmp_path / "one" / name).metadata
        assert metadata["/CreationDate"] == "D:20260101000000Z"
        assert metadata["/ModDate"] == "D:20260101000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")  # one day later
    build(load_description(str(EXAMPLE)), tmp_path / "three", user_templates=templates)
    later = tree(tmp_path / "three")
    assert later["sv/integritetspolicy.pdf"] != one["sv/integritetspolicy.pdf"]
    assert later["sv/integritetspolicy.html"] == one["sv/integritetspolicy.html"]


def test_without_source_date_epoch_the_pdf_date_is_the_effective_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    templates = write_fixture_templates(tmp_path / "templates")
    build(load_description(str(EXAMPLE)), tmp_path / "out", languages=["en"],
          user_templates=templates)
    metadata = PdfReader(tmp_path / "out" / "en" / "privacy-policy.pdf").metadata
    assert metadata["/CreationDate"] == "D:20261201000000Z"
    import os

    assert "SOURCE_DATE_EPOCH" not in os.environ  # set only while the PDF was written
