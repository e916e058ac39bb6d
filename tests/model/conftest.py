"""Shared test material: a valid bilingual description and a way to break it in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid.yaml"


def valid_text() -> str:
    return VALID.read_text(encoding="utf-8")


def mutate(old: str, new: str, count: int = 1) -> str:
    """The valid description with ``old`` replaced by ``new`` (which must occur)."""
    text = valid_text()
    assert old in text, f"fixture no longer contains {old!r}"
    return text.replace(old, new, count)


@pytest.fixture
def valid_yaml() -> str:
    return valid_text()
