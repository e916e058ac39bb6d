"""Where the shipped data lives: templates and glossaries.

In a wheel they are packaged under ``policygen/_data/``; in an editable install or a source
checkout they sit at the top of the repository. Code asks here instead of guessing paths, so an
installed ``policygen`` works outside the repository.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding the shipped data ``name`` (``templates`` or ``glossary``)."""
    packaged = resources.files("policygen") / "_data" / name
    if packaged.is_dir():
        return Path(str(packaged))
    source = _SOURCE_ROOT / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"policygen data folder {name!r} is missing from the installation")


def templates_dir() -> Path:
    return data_dir("templates")


def glossary_dir() -> Path:
    return data_dir("glossary")
