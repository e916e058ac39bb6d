"""Origin maps: which ranges of a built document print which value of the description.

A finding of ``policygen check`` in a built document is fixed in the description when its text
came from there, and in the templates when it did not. To tell, the build writes beside each
document it makes from the description (the policy's ``.md``, the consent form's ``.html``) a
small JSON map, ``<document>.map.json``, read by :mod:`policygen.check.origins`::

    {"format": 1, "document": "integritetspolicy.md", "sha256": "<hex of the document's bytes>",
     "texts": [{"key": "purposes[0].title", "line": 12, "column": 5, "end_line": 12, "end_column": 37}, …]}

How the ranges are found, without changing a byte of what is published: the document is rendered
a second time from a copy of the description in which each text and name (in the page's
language) is wrapped in invisible markers, private-use characters that carry the value's number.
The markers are then removed, noting where each value began and ended, and the unmarked text is
aligned with the published document, which it equals in practice; where a filter acted on a
marker instead of the text (``capfirst`` capitalising the marker rather than the first letter),
the alignment goes around the difference. Inside each range, only the characters that match the
description's value are kept, so an explanation the build inserts after a term of art, or a
Markdown escape, is not attributed to the description. When no map can be made (a description
that itself holds such private-use characters, a template that fails on the marked copy), the
document is published without one and its findings simply have no origin.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policygen.lang.locations import offset_positions
from policygen.model import reader_texts, shown_names, with_values
from policygen.output.report import ORIGIN_MAP_FORMAT, ORIGIN_MAP_SUFFIX

_OPEN, _CLOSE = "\ue000", "\ue001"
_HIGH, _LOW = 0xE100, 0xE200  # a value's number: two characters, 256 × 256 values
_RESERVED = re.compile("[\ue000-\ue2ff]")
_MARK = re.compile("\ue000([\ue100-\ue1ff])([\ue200-\ue2ff])|\ue001")
_LETTER = re.compile(r"\w")


@dataclass(frozen=True)
class _Value:
    key: str
    text: str


class _Marks:
    """The description's values in one language, numbered, and a copy of it with each marked.

    Equal values share one number (and the first key), so a template that sorts or removes
    duplicates sees the marked copy as it sees the real one.
    """

    def __init__(self, description: Any, lang: str) -> None:
        self.values: list[_Value] = []
        numbers: dict[str, int] = {}
        replaced: dict[str, Any] = {}
        self.usable = True
        for entry in [*reader_texts(description), *shown_names(description)]:
            key, translations = entry.key, entry.text
            value = translations.get(lang)
            if value is None:
                continue
            if _RESERVED.search(value):
                self.usable = False
                return
            if not value.strip():
                continue
            number = numbers.setdefault(value, len(self.values))
            if number == len(self.values):
                self.values.append(_Value(key, value))
            marked = _wrap(value, number)
            replaced[key] = marked if entry.plain else {**translations, lang: marked}
        if len(self.values) > 256 * 256:
            self.usable = False
            return
        self.description = with_values(description, replaced)


def _wrap(value: str, number: int) -> str:
    """``value`` with the markers inside its surrounding white space, which templates strip."""
    core = value.strip()
    start = value.index(core)
    mark = f"{_OPEN}{chr(_HIGH + number // 256)}{chr(_LOW + number % 256)}"
    return f"{value[:start]}{mark}{core}{_CLOSE}{value[start + len(core):]}"


def _unmark(marked: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The text without markers, and ``(start, end, number)`` of each marked value in it."""
    parts: list[str] = []
    ranges: list[tuple[int, int, int]] = []
    stack: list[tuple[int, int]] = []
    length = 0
    position = 0
    for match in _MARK.finditer(marked):
        piece = marked[position:match.start()]
        parts.append(piece)
        length += len(piece)
        position = match.end()
        if match.group(1):
            number = (ord(match.group(1)) - _HIGH) * 256 + ord(match.group(2)) - _LOW
            stack.append((length, number))
        elif stack:
            start, number = stack.pop()
            if length > start:
                ranges.append((start, length, number))
    parts.append(marked[position:])
    return "".join(parts), ranges


def _alignment(unmarked: str, published: str) -> list[int | None]:
    """For each offset of ``unmarked`` (and its end), the same place in ``published``, or
    ``None`` where they differ. Lines are matched first, then the characters of changed lines."""
    if unmarked == published or (len(unmarked) == len(published) and
                                 _fold_case(unmarked) == _fold_case(published)):
        return list(range(len(unmarked) + 1))
    result: list[int | None] = [None] * (len(unmarked) + 1)
    result[len(unmarked)] = len(published)
    ours, theirs = unmarked.splitlines(keepends=True), published.splitlines(keepends=True)
    our_starts, their_starts = _starts(ours), _starts(theirs)
    lines = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, a0, a1, b0, b1 in lines.get_opcodes():
        if tag == "equal":
            for index in range(a1 - a0):
                _copy(result, our_starts[a0 + index], their_starts[b0 + index], len(ours[a0 + index]))
        elif tag == "replace" and a1 - a0 == b1 - b0:
            for index in range(a1 - a0):
                ours_line, theirs_line = ours[a0 + index], theirs[b0 + index]
                for block in _matching_blocks(_fold_case(ours_line), _fold_case(theirs_line)) or ():
                    _copy(result, our_starts[a0 + index] + block.a, their_starts[b0 + index] + block.b,
                          block.size)
    return result


# difflib compares characters in time that grows with the product of the lengths (and worse on
# repetitive text): a 40 KB word in a title took minutes. Above this many pairs, text that is not
# found verbatim is not aligned character by character.
_DIFF_LIMIT = 4_000_000


def _matching_blocks(ours: str, theirs: str) -> list[difflib.Match] | None:
    """The blocks of ``ours`` found in ``theirs``, as difflib gives them; one block when ``ours``
    appears verbatim (the usual case), ``None`` when the texts are too long to compare."""
    if not ours:
        return []
    found = theirs.find(ours)
    if found >= 0:
        return [difflib.Match(0, found, len(ours)), difflib.Match(len(ours), len(theirs), 0)]
    if len(ours) * len(theirs) > _DIFF_LIMIT:
        return None
    return difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks()


def _fold_case(text: str) -> str:
    """Lower case, one character for one, so that offsets stay where they are."""
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    return starts


def _copy(result: list[int | None], ours: int, theirs: int, size: int) -> None:
    for index in range(size):
        result[ours + index] = theirs + index


def _published_range(alignment: list[int | None], start: int, end: int) -> tuple[int, int] | None:
    """Where ``[start, end)`` of the unmarked text is in the published one."""
    first = next((alignment[i] for i in range(start, end) if alignment[i] is not None), None)
    last = next((alignment[i] for i in range(end - 1, start - 1, -1) if alignment[i] is not None), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def _value_ranges(published: str, start: int, end: int, value: str) -> Iterator[tuple[int, int]]:
    """The parts of ``published[start:end]`` that print ``value`` itself: what the build inserted
    (an explanation of a term, a Markdown escape that splits a word) is left out, unless it holds
    no letter or digit (white space, punctuation)."""
    blocks = _matching_blocks(_fold_case(value), _fold_case(published[start:end]))
    if blocks is None:  # too long to compare character by character: the whole range
        yield start, end
        return
    current: tuple[int, int] | None = None
    for block in blocks:
        if not block.size:
            continue
        low, high = start + block.b, start + block.b + block.size
        if current is not None and not _LETTER.search(published[current[1]:low]):
            current = (current[0], high)
            continue
        if current is not None:
            yield current
        current = (low, high)
    if current is not None:
        yield current


def origin_map(marked: str, published: str, marks: _Marks, document: str) -> bytes | None:
    """The JSON origin map of ``published``, from the same document rendered from the marked copy."""
    unmarked, ranges = _unmark(marked)
    alignment = _alignment(unmarked, published)
    position = offset_positions(published)
    entries = []
    for start, end, number in ranges:
        found = _published_range(alignment, start, end)
        if found is None or number >= len(marks.values):
            continue
        value = marks.values[number]
        for low, high in _value_ranges(published, *found, value.text):
            (line, column), (end_line, end_column) = position(low), position(high)
            entries.append({"key": value.key, "line": line, "column": column,
                            "end_line": end_line, "end_column": end_column})
    entries.sort(key=lambda entry: (entry["line"], entry["column"], entry["end_line"], entry["end_column"]))
    data = {"format": ORIGIN_MAP_FORMAT, "document": document,
            "sha256": hashlib.sha256(published.encode("utf-8")).hexdigest(), "texts": entries}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def origin_maps(description: Any, lang: str, languages: list[str], draft: bool, files: dict[str, bytes],
                markdown_env: Any, html_env: Any) -> dict[str, bytes]:
    """``<document>.map.json`` for the policy's Markdown and the consent form among ``files``
    (path → published bytes, as :func:`~policygen.render.documents.render_language` made them
    with the environments ``markdown_env`` and ``html_env``, whose compiled templates are reused)."""
    from policygen.render import site
    from policygen.render.documents import consent_form, document_context, policy_markdown, published_markdown

    marks = _Marks(description, lang)
    if not marks.usable:
        return {}
    maps: dict[str, bytes] = {}
    try:
        context = document_context(marks.description, lang, languages, draft)
        policy = site.page_path(lang, "policy", ".md")
        if policy in files:
            markdown = policy_markdown(context, markdown_env)
            _add(maps, policy, published_markdown(markdown, lang, draft), files[policy], marks)
        form = site.page_path(lang, "consent", ".html")
        if form in files:
            marked = consent_form(context, html_env, languages)
            _add(maps, form, marked, files[form], marks)
    except Exception:  # noqa: BLE001 - a map is an aid: a template that fails on the marked copy costs the map, never the build
        return {}
    return maps


def _add(maps: dict[str, bytes], path: str, marked: str, published: bytes, marks: _Marks) -> None:
    made = origin_map(marked, published.decode("utf-8"), marks, Path(path).name)
    if made is not None:
        maps[path + ORIGIN_MAP_SUFFIX] = made
