"""Fixtures of the browser tests: built sites served from 127.0.0.1, and Debian's Chromium.

One browser (a persistent context on a new, empty profile in pytest's temporary folder) and
one server serve the whole session; each test gets fresh pages, each with its own request guard.
Any request a page attempts outside 127.0.0.1 is aborted, recorded, and fails the test that
opened the page, whatever that test was about.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from .browser_checks import RequestGuard, offsite_problems
from .browser_env import AXE, CHROMIUM, LAUNCH_FLAGS, in_ci, unavailable_reason
from .browser_sites import BuiltSite, build_sites
from .site_server import SiteServer, serve


@pytest.fixture(scope="package")
def browser_ready() -> None:
    """Skip locally, fail in CI, when Chromium or axe-core is missing (browser_env.py)."""
    reason = unavailable_reason()
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"CI is set: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def axe_source(browser_ready) -> str:
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="package")
def sites(browser_ready, tmp_path_factory) -> dict[str, BuiltSite]:
    return build_sites(tmp_path_factory.mktemp("browser-sites"))


@pytest.fixture(scope="package")
def server(sites) -> Iterator[SiteServer]:
    """Every built site under /<name>/ of one server."""
    folder = next(iter(sites.values())).folder.parent
    with serve(folder) as running:
        yield running


@pytest.fixture(scope="package")
def browser(browser_ready, tmp_path_factory) -> Iterator[BrowserContext]:
    home = tmp_path_factory.mktemp("chromium")
    # Chromium keeps its crash-report folder under XDG_CONFIG_HOME whatever the profile: point
    # that (and the cache) into pytest's folder too, so the tests write nothing in $HOME.
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")}
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(home / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=list(LAUNCH_FLAGS), env=env, viewport={"width": 1280, "height": 800})
        context.set_default_timeout(30_000)  # a hang guard, not a timing assertion
        try:
            yield context
        finally:
            context.close()


OpenPage = Callable[..., tuple[Page, RequestGuard]]


@pytest.fixture
def open_page(browser) -> Iterator[OpenPage]:
    """``open_page(url, form_action=None) -> (page, guard)``: a new page, guarded, loaded.

    On teardown every page is closed, and a request any of them attempted outside 127.0.0.1
    fails the test (unless the test took it with ``guard.offsite.clear()`` after checking it).
    """
    opened: list[tuple[Page, RequestGuard]] = []

    def open_(url: str, form_action: str | None = None) -> tuple[Page, RequestGuard]:
        page = browser.new_page()
        guard = RequestGuard(form_action=form_action)
        guard.attach(page)
        opened.append((page, guard))
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        return page, guard

    yield open_
    problems = [problem for _, guard in opened for problem in offsite_problems(guard)]
    for page, _ in opened:
        page.close()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
