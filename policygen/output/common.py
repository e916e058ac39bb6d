"""Small pieces every format needs: where a finding is, and its full message in one line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any
from urllib.parse import quote


@dataclass(frozen=True)
class Span:
    """A finding's place: 1-based lines and code-point columns, ``end_column`` exclusive.

    ``end_line``/``end_column`` are ``None`` when the finding names only a start (validate).
    """

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


def span_of(finding: dict[str, Any]) -> Span | None:
    """The finding's span, or ``None`` when it has no place in the file (line 0 or missing)."""
    line = int(finding.get("line") or 0)
    if line < 1:
        return None
    column = max(int(finding.get("column") or 1), 1)
    end_line = finding.get("end_line")
    end_column = finding.get("end_column")
    if end_line is None or end_column is None or int(end_line) < line:
        return Span(line, column)
    end_line, end_column = int(end_line), int(end_column)
    if end_line == line and end_column <= column:
        end_column = column + 1
    return Span(line, column, end_line, end_column)


def full_message(finding: dict[str, Any]) -> str:
    """The message with what a reader needs to act on it: suggestion, GDPR article, key, hint."""
    text = finding.get("message", "").strip()
    if finding.get("article"):
        text += f" (GDPR Art. {finding['article']})"
    if finding.get("key"):
        text += f" [{finding['key']}]"
    if finding.get("suggestion"):
        text += f" Suggestion: {finding['suggestion']}"
    if finding.get("hint"):
        text += f" Hint: {finding['hint']}"
    return text


def relative_uri(path: str) -> tuple[str, bool]:
    """``(uri, relative)`` for a reported path: relative to the working directory when possible.

    CI platforms resolve relative URIs against the checkout (``%SRCROOT%``), so a path under the
    working directory is made relative; any other absolute path becomes a ``file://`` URI.
    """
    posix = PurePath(path).as_posix()
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            rel = ""
        if rel and not rel.startswith(".."):
            return quote(PurePath(rel).as_posix(), safe="/"), True
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix, safe="/:"), False
    if posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/"), True
