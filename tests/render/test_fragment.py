"""The CMS fragment fits inside a page that already has its own <h1>, unless told otherwise.

A page has one <h1>; the CMS page around the fragment has its own title, so by default the
fragment leaves the policy's title out and its sections stay <h2>. ``build --fragment-title``
keeps the title, for a page that has none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from content_helpers import EXAMPLES, POLICY_FILE
from policygen.cli.main import main

LANGS = ("sv", "en")


def _build(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES["exempel-support"]), "--out", str(out),
                                       "--history", str(tmp_path / "example.history.json"), *extra])
    assert result.exit_code == 0, result.output
    return out


def _headings(html: str) -> list[str]:
    return re.findall(r"<(h[1-6])\b", html)


@pytest.mark.parametrize("lang", LANGS)
def test_by_default_the_fragment_has_no_h1_and_starts_with_its_sections(built, lang):
    fragment = (built["exempel-support"] / lang / f"{POLICY_FILE[lang]}.fragment.html").read_text(
        encoding="utf-8")
    page = (built["exempel-support"] / lang / f"{POLICY_FILE[lang]}.html").read_text(encoding="utf-8")
    assert _headings(page).count("h1") == 1  # the whole page keeps its title
    levels = _headings(fragment)
    assert "h1" not in levels and levels[0] == "h2"
    effective = {"sv": "<p>Gäller från 1 december 2026.</p>",
                 "en": "<p>Effective from 1 December 2026.</p>"}[lang]
    assert fragment.split("\n")[1] == effective  # the date still comes first
    # nothing in the fragment links to the left-out title
    title_id = {"sv": "integritetspolicy", "en": "privacy-policy"}[lang]
    assert f'href="#{title_id}"' not in fragment and f'id="{title_id}"' not in fragment


def test_fragment_title_keeps_the_h1(tmp_path):
    out = _build(tmp_path, "--fragment-title")
    for lang in LANGS:
        fragment = (out / lang / f"{POLICY_FILE[lang]}.fragment.html").read_text(encoding="utf-8")
        assert _headings(fragment).count("h1") == 1 and _headings(fragment)[0] == "h1"
        assert {"sv": "Integritetspolicy för Exempel Support AB",
                "en": "Privacy policy of Exempel Support AB"}[lang] in fragment
