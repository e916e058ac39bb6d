"""Fixtures for the content tests: the bundled examples, built once per session, and ``--update-golden``.

The option itself is declared in ``tests/conftest.py``: pytest reads options only from conftest
files it loads at start-up, and a plain ``pytest`` run loads ``tests/conftest.py`` but not this one.

Building an example runs the whole pipeline (Markdown, HTML, PDF, consent forms), about a second
per example, so every content, golden and PDF test reads the same build.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from content_helpers import EXAMPLES


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory,
          fixed_build_time: Callable[[], AbstractContextManager[None]]) -> dict[str, Path]:
    """Each bundled example built into its own folder: example name → output folder."""
    from policygen.model.loader import load_description
    from policygen.render.build import build

    with fixed_build_time():
        folders = {}
        for name, path in EXAMPLES.items():
            out = tmp_path_factory.mktemp("built") / name
            build(load_description(str(path)), out)
            folders[name] = out
        return folders
