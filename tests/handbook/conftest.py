"""The handbooks of every test description, written once per session (PDFs take a second each)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from hb_helpers import DESCRIPTIONS


@pytest.fixture(scope="session")
def handbooks(tmp_path_factory: pytest.TempPathFactory,
          fixed_build_time: Callable[[], AbstractContextManager[None]]) -> dict[str, Path]:
    """Description name → the folder its handbook was written into."""
    from policygen.model import load_description
    from policygen.render.handbook.writer import write_handbook

    with fixed_build_time():
        folders = {}
        for name, path in DESCRIPTIONS.items():
            out = tmp_path_factory.mktemp("handbook") / name
            write_handbook(load_description(str(path)), out)
            folders[name] = out
        return folders


@pytest.fixture(scope="session")
def described() -> dict[str, object]:
    """Description name → its loaded description."""
    from policygen.model import load_description

    return {name: load_description(str(path)).description for name, path in DESCRIPTIONS.items()}
