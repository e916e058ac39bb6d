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
