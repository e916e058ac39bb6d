"""Every built page in a real browser: in-page links, no request off 127.0.0.1, axe-core.

The pages are those of ``browser_sites.SITES`` (every bundled example, both languages, plus two
end-to-end descriptions): index, policy, CMS fragment and consent page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser_checks import (
    anchor_problems,
    axe_problems,
    axe_violations,
    describe_violation,
    follow_problems,
    load_everything,
    offsite_problems,
    read_anchors,
)
from .browser_sites import SITES, expected_pages, load_description, page_cases

ALL_PAGES = page_cases("index", "policy", "fragment", "consent")
WHOLE_PAGES = page_cases("index", "policy", "consent")  # a fragment is not a page for axe


def case_id(case: tuple[str, str, str]) -> str:
    return f"{case[0]}/{case[1]}"


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_built_page_is_tested(sites, name):
    """The cases below come from the description; the build must write exactly those pages."""
    built = {path.relative_to(sites[name].folder).as_posix()
             for path in Path(sites[name].folder).rglob("*.html")}
    assert built == {path for path, _ in expected_pages(load_description(SITES[name][0]))}


@pytest.mark.parametrize("case", ALL_PAGES, ids=case_id)
def test_in_page_links_reach_their_targets(sites, server, open_page, case):
    """Every href="#x" (table of contents, skip link, "read more") has an element with id="x",
    ids are unique, and following each link scrolls its target into the window. A CMS fragment
    holds the same links and ids as its policy page, whose links are followed; in the fragment
    (no stylesheet, no layout of its own) only the targets are checked."""
    name, path, kind = case
    page, _ = open_page(server.url(f"{name}/{path}"))
    anchors = read_anchors(page)
    if kind in ("policy", "fragment"):
        assert len(anchors["links"]) > 5, "a policy without its table of contents"
    problems = anchor_problems(anchors) + (follow_problems(page) if kind != "fragment" else [])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", ALL_PAGES, ids=case_id)
def test_no_request_leaves_localhost(sites, server, open_page, case):
    """Loading the page and everything it asks for stays on 127.0.0.1: no fonts, scripts,
    images or trackers from elsewhere (the guard aborts and records any such request)."""
    name, path, _ = case
    page, guard = open_page(server.url(f"{name}/{path}"))
    load_everything(page)
    assert not offsite_problems(guard), "\n".join(offsite_problems(guard))


@pytest.mark.parametrize("case", WHOLE_PAGES, ids=case_id)
def test_axe_finds_no_serious_violation(sites, server, open_page, axe_source, case):
    """axe-core (the pinned npm copy, injected) finds nothing serious or critical."""
    name, path, _ = case
    page, _ = open_page(server.url(f"{name}/{path}"))
    violations = axe_violations(page, axe_source)
    problems = axe_problems(violations)
    assert not problems, ("serious or critical axe-core violations:\n" + "\n".join(problems)
                          + "\nall violations:\n" + "\n".join(map(describe_violation, violations)))
