"""Small pieces every format needs: where a finding is, its full message in one line, and how
its file is named."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from policygen.lang.articles import article_number
from policygen.lang.messages import N_, _
from policygen.output.report import description_origin

if TYPE_CHECKING:
    from policygen.output.report import Finding


@dataclass(frozen=True)
class Span:
    """A finding's place: 1-based lines and code-point columns, ``end_column`` exclusive.

    ``end_line``/``end_column`` are ``None`` when the finding names only a start (validate).
    """

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


def span_of(finding: Finding) -> Span | None:
    """The finding's span, or ``None`` when it has no place in the file (line 0)."""
    line = finding.line
    if line < 1:
        return None
    column = max(finding.column, 1)
    end_line, end_column = finding.end_line, finding.end_column
    if end_line is None or end_column is None or end_line < line:
        return Span(line, column)
    if end_line == line and end_column <= column:
        end_column = column + 1
    return Span(line, column, end_line, end_column)


ORIGIN_LABEL = N_("Text from the description")
"""How every format introduces the description key a finding's text came from (a catalogue key:
shown as ``_(ORIGIN_LABEL)``)."""


def full_message(finding: Finding) -> str:
    """The message with what a reader needs to act on it: GDPR article, key, the description key
    its text came from, suggestion, hint."""
    text = finding.message.strip()
    if finding.article:
        text += " " + _("(GDPR Art. {article})").format(article=article_number(finding.article))
    if finding.key:
        text += f" [{finding.key}]"
    origin = description_origin(finding)
    if origin:
        text += f" {_(ORIGIN_LABEL)}: {origin}."
    if finding.suggestion:
        text += " " + _("Suggestion: {suggestion}").format(suggestion=finding.suggestion)
    if finding.hint:
        text += " " + _("Hint: {hint}").format(hint=finding.hint)
    return text


def display_path(path: str) -> str:
    """``path`` as text a reader and any output stream can take.

    A file name that is not valid UTF-8 reaches us with its bytes escaped as lone surrogates
    (:func:`os.fsdecode`); those cannot be written as UTF-8, so each such byte is shown as U+FFFD.
    """
    return os.fsencode(path).decode("utf-8", "replace")


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
            return _quote(PurePath(rel).as_posix(), "/"), True
        return "file://" + _quote(posix if posix.startswith("/") else "/" + posix, "/:"), False
    if posix.startswith("./"):
        posix = posix[2:]
    return _quote(posix, "/"), True


def _quote(path: str, safe: str) -> str:
    """Percent-encode the file name's own bytes, so a name that is not UTF-8 still has its URI."""
    return quote(os.fsencode(path), safe=safe)
