"""The safety tests' session: builds of the bundled example keep their history in pytest's folders."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safety_helpers  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _histories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    safety_helpers.HISTORIES.append(tmp_path_factory.mktemp("histories"))
    yield
    safety_helpers.HISTORIES.clear()
