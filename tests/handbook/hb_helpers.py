"""Shared material for the handbook tests: the descriptions, their handbooks, and readers of them.

Every bundled example (``examples/*.yaml``) and every description of this folder
(``tests/handbook/descriptions/``) is turned into a handbook once per session; the tests read
those files. Expectations come from two places: hand-written tables for the descriptions a person
has read (so a wrong fact in :mod:`policygen.model.facts` cannot hide behind itself), and the facts
for the checks that must hold for any description.
"""

from __future__ import annotations

import re
from pathlib import Path

from policygen.render.handbook.words import handbook_pack
from policygen.render.words import plain

REPO = Path(__file__).resolve().parents[2]
DESCRIPTIONS = {path.stem: path for path in sorted((REPO / "examples").glob("*.yaml"))}
DESCRIPTIONS.update({path.stem: path for path in
                     sorted((Path(__file__).parent / "descriptions").glob("*.yaml"))})
LANGUAGES = ("sv", "en")
ROUTINES = {"sv": "sv/rutiner", "en": "en/procedures"}
LETTERS = {"sv": "sv/svarsbrev", "en": "en/reply-letters"}


def say(lang: str, key: str, **values: str) -> str:
    return plain(handbook_pack(lang), key, **values)


def read(folder: Path, relative: str) -> str:
    return (folder / relative).read_text(encoding="utf-8")


def section(markdown: str, heading: str, level: int) -> str:
    """The text under a heading (matched at its start) up to the next heading of that level or
    higher; the heading's Markdown escapes are undone before matching."""
    lines = markdown.splitlines()
    marks = "#" * level + " "
    for index, line in enumerate(lines):
        if line.startswith(marks) and unescape(line[len(marks):]).startswith(heading):
            end = len(lines)
            for later in range(index + 1, len(lines)):
                hashes = re.match(r"^(#+) ", lines[later])
                if hashes and len(hashes.group(1)) <= level:
                    end = later
                    break
            return "\n".join(lines[index + 1:end])
    raise AssertionError(f"no heading {heading!r} at level {level}")


def unescape(markdown: str) -> str:
    """Markdown text as a reader sees it: backslash escapes removed, anchors dropped."""
    return re.sub(r"\\(.)", r"\1", re.sub(r"\s*\{#[a-z0-9-]+\}\s*$", "", markdown))


def plain_text(markdown: str) -> str:
    """The words of a Markdown file on one line: escapes undone, links reduced to their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(unescape(text).split())
