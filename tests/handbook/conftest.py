"""The handbooks of every test description, written once per session (PDFs take a second each)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hb_helpers import DESCRIPTIONS


@pytest.fixture(scope="session")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Description name → the folder its handbook was written into."""
    from policygen.model import load_description
    from policygen.render.handbook.writer import write_handbook

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
    try:
        folders = {}
        for name, path in DESCRIPTIONS.items():
            out = tmp_path_factory.mktemp("handbook") / name
            write_handbook(load_description(str(path)), out)
            folders[name] = out
        return folders
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@pytest.fixture(scope="session")
def described() -> dict[str, object]:
    """Description name → its loaded description."""
    from policygen.model import load_description

    return {name: load_description(str(path)).description for name, path in DESCRIPTIONS.items()}
