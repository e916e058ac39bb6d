"""A page that only navigates (a built site's index.html) says so, and a folder walk skips it.

Its twenty words would otherwise be scored as a document (LIX 62.9 on a language list). The page
declares ``<meta name="policygen-page" content="navigation">``; ``check`` on a folder leaves it
out, as it leaves out CMS fragments, and still checks any file named on the command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policygen.check.sources import discover, is_navigation_page

NAVIGATION = ('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
              '<meta name="policygen-page" content="navigation"><title>X</title></head>'
              '<body><main><h1>Exempel AB</h1><ul><li><a href="sv/x.html">Integritetspolicy</a>'
              '</li></ul></main></body></html>')
PROSE = NAVIGATION.replace('<meta name="policygen-page" content="navigation">', "")


@pytest.mark.parametrize(("head", "expected"), [
    ('<meta name="policygen-page" content="navigation">', True),
    ("<META CONTENT=navigation NAME=policygen-page>", True),
    ('<meta content="navigation" name="policygen-page" />', True),
    ('<meta name="policygen-page" content="prose">', False),
    ('<meta name="generator" content="navigation">', False),
    ('<p>policygen-page navigation</p>', False),
])
def test_the_marker_is_a_meta_element_with_both_attributes(tmp_path: Path, head: str,
                                                          expected: bool) -> None:
    page = tmp_path / "index.html"
    page.write_text(f"<html><head>{head}</head><body><p>Hej.</p></body></html>", encoding="utf-8")
    assert is_navigation_page(page) is expected


def test_a_folder_walk_skips_navigation_pages_only(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(NAVIGATION, encoding="utf-8")
    (tmp_path / "about.html").write_text(PROSE, encoding="utf-8")
    files, problems = discover([str(tmp_path)])
    assert problems == []
    assert [Path(f.path).name for f in files] == ["about.html"]
    named, _ = discover([str(tmp_path / "index.html")])  # named on the command line: checked
    assert [Path(f.path).name for f in named] == ["index.html"]


def test_a_built_site_is_checked_without_its_index(tmp_path: Path) -> None:
    from policygen.model.loader import load_description
    from policygen.render.build import build

    example = Path(__file__).resolve().parents[2] / "examples" / "exempel-support.yaml"
    build(load_description(str(example)), tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="policygen-page" content="navigation">' in index
    run = subprocess.run(
        [sys.executable, "-c", "from policygen.cli.main import main; main()", "check",
         "--format", "json", str(tmp_path / "site")],
        capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    checked = sorted(Path(entry["path"]).relative_to(tmp_path / "site").as_posix()
                     for entry in json.loads(run.stdout)["files"])
    assert checked == ["en/consent.html", "en/privacy-policy.md", "sv/integritetspolicy.md",
                       "sv/samtycke.html"]
