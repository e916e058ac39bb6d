"""Which files to check, how to read them, and which language they are in.

Bad input is decided here, one file at a time, so one bad file is reported and the run goes on:

- a path that does not exist, a folder with no ``.md``/``.html``/``.txt`` file, an unreadable,
  binary (NUL bytes), non-UTF-8 or empty (only white space) file → a :class:`Problem` (exit 2);
- a file that has content but no prose (only code, say) is checked: no words, ``lix: null``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from policygen.errors import Problem

SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt"}
LANGUAGES = ("sv", "en")
_STOP_WORDS = {
    "sv": frozenset("och att det som en ett är på för med av till har inte vi du dig din ditt dina vår våra om kan de den vid när eller från så".split()),
    "en": frozenset("the and to of is in for we you your with that are on not be it this or by as our us can from when at".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class SourceFile:
    """A file to check: ``path`` as shown to the user, ``fmt`` one of ``md``, ``html``, ``txt``."""

    path: str
    fs_path: Path
    fmt: str


class BadInput(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render())
        self.problem = problem


def discover(paths: list[str]) -> tuple[list[SourceFile], list[Problem]]:
    """Expand files and folders (recursively) into the files to check, sorted within each folder.

    In a folder, ``x.md`` wins over ``x.html`` of the same document, and ``*.fragment.html`` (a
    CMS fragment of a page that is also built whole) is skipped.
    """
    files: list[SourceFile] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path)
            if not found:
                problems.append(Problem(given, "no .md, .html or .txt file in this folder"))
            files.extend(found)
        elif path.is_file():
            fmt = SUFFIXES.get(path.suffix.lower(), "txt")
            files.append(SourceFile(given, path, fmt))
        elif path.exists():
            problems.append(Problem(given, "not a regular file or folder"))
        else:
            problems.append(Problem(given, "no such file or folder", hint="check the path"))
    return files, problems


def _walk(folder: Path) -> list[SourceFile]:
    found: list[SourceFile] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        stems_with_md = {Path(name).stem for name in names if SUFFIXES.get(Path(name).suffix.lower()) == "md"}
        for name in sorted(names):
            suffix = Path(name).suffix.lower()
            fmt = SUFFIXES.get(suffix)
            if fmt is None or name.startswith("."):
                continue
            if name.lower().endswith(".fragment.html") or name.lower().endswith(".fragment.htm"):
                continue
            if fmt == "html" and Path(name).stem in stems_with_md:
                continue
            full = Path(root) / name
            if fmt == "html" and is_navigation_page(full):
                continue
            found.append(SourceFile(str(full), full, fmt))
    return found


# --- navigation pages ----------------------------------------------------------------------
# A page that only links to other pages (a built site's index.html, the language choice) is not
# prose: its few words would be scored as a document. It says so in its <head>:
#     <meta name="policygen-page" content="navigation">
# and a folder walk leaves it out, as it leaves out CMS fragments.

NAVIGATION_META = re.compile(
    r"""<meta\s+(?=[^>]*\bname\s*=\s*["']?policygen-page["'\s>])"""
    r"""(?=[^>]*\bcontent\s*=\s*["']?navigation["'\s/>])[^>]*>""", re.IGNORECASE)
_HEAD_BYTES = 8192


def is_navigation_page(path: Path) -> bool:
    """Whether an HTML file declares itself a navigation page in its first few kilobytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False  # read_source reports the problem when the file is checked
    return NAVIGATION_META.search(head) is not None


def read_source(file: SourceFile) -> str:
    """The file's text; raises :class:`BadInput` for unreadable, binary, non-UTF-8 or empty files."""
    try:
        data = file.fs_path.read_bytes()
    except OSError as error:
        raise BadInput(Problem(file.path, f"cannot read the file: {error.strerror or error}")) from None
    if b"\x00" in data[:65536]:
        raise BadInput(Problem(file.path, "binary file (contains NUL bytes), not text", hint="check .md, .html or .txt files"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise BadInput(
            Problem(file.path, "not valid UTF-8 text", line=line, column=column, hint="save the file as UTF-8")
        ) from None
    if not text.strip():
        raise BadInput(Problem(file.path, "the file is empty", hint="nothing to check"))
    return text


def detect_language(file: SourceFile, source: str, forced: str | None = None) -> str:
    """``--lang``, else the HTML ``lang`` attribute, else a ``sv``/``en`` path component, else the
    language whose common words are more frequent in the first part of the text (Swedish on a tie)."""
    if forced:
        return forced
    if file.fmt == "html":
        from policygen.check.extract.html import detect_html_lang

        declared = detect_html_lang(source)
        if declared in LANGUAGES:
            return declared
    for part in reversed(file.fs_path.parts[:-1]):
        if part.lower() in LANGUAGES:
            return part.lower()
    return guess_language(source)


def guess_language(text: str) -> str:
    """Count Swedish and English stop words in the first 20,000 characters."""
    scores = {lang: 0 for lang in LANGUAGES}
    for match in _WORD.finditer(text[:20000].lower()):
        word = match.group()
        for lang in LANGUAGES:
            if word in _STOP_WORDS[lang]:
                scores[lang] += 1
    return "en" if scores["en"] > scores["sv"] else "sv"
