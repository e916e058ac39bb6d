"""Options for the whole test suite (pytest reads command-line options only from start-up conftests)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current templates (a deliberate change)")


def _hypothesis_profiles() -> None:
    """Local runs explore new random examples; CI (``CI=true``) replays a fixed, derandomised set.

    A property test that finds a new counter-example should fail on a developer's machine, where
    it can be fixed and kept as an ``@example``, not at random in the gate that decides what lands.
    """
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()


_REPOSITORY = __import__("pathlib").Path(__file__).resolve().parent.parent


def _published_histories() -> set[str]:
    """History and lock files of `policygen build` anywhere in the repository's sources."""
    found = set()
    for folder in ("examples", "tests"):
        for pattern in ("*.history.json", ".*.history.json.lock"):
            found |= {str(path) for path in (_REPOSITORY / folder).rglob(pattern)}
    return found


@pytest.fixture(scope="session", autouse=True)
def _builds_write_no_history_into_the_repository():
    """Tests write only in temporary folders: a build of a description in the repository must
    be given ``--history`` in a temporary folder (or be a ``--draft``), or it would write the
    published history beside the description (docs/changes.md)."""
    before = _published_histories()
    yield
    left = _published_histories() - before
    assert not left, f"a test wrote a published history into the repository: {sorted(left)}"
