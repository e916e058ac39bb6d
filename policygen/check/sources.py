"""Which files to check, how to read them, and which language they are in.

Bad input is decided here, one file at a time, so one bad file is reported and the run goes on:

- a path that does not exist, a folder with no ``.md``/``.html``/``.txt`` file, an unreadable,
  binary (NUL bytes), non-UTF-8 or empty (only white space) file → a :class:`Problem` (exit 2);
- a file that has content but no prose (only code, say) is checked: no words, ``lix: null``.

Nothing but regular files is ever opened. A named path that is a device, a named pipe or a socket
(or a link to one, such as ``/dev/zero``) is a problem (exit 2). Inside a folder, the walk never
follows a symbolic link (to a file or a folder) and never opens a special file: such an entry is
skipped and reported as a :class:`Skipped`, so a link to a secrets file cannot end up in a report
and a named pipe cannot hang the run. The walk keeps its own stack, so a tree of any depth works.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from policygen.errors import Problem
from policygen.lang import LANGUAGES
from policygen.lang.messages import _
from policygen.lang.parser_reasons import os_reason

SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt"}
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


@dataclass(frozen=True)
class Skipped:
    """An entry of a folder that was not checked, and why (shown to the user and counted)."""

    path: str
    reason: str

    def render(self) -> str:
        return _("{path}: skipped: {reason}").format(path=self.path, reason=self.reason)


def discover(paths: list[str], skipped: list[Skipped] | None = None
             ) -> tuple[list[SourceFile], list[Problem]]:
    """Expand files and folders (recursively) into the files to check, sorted within each folder.

    In a folder, ``x.md`` wins over ``x.html`` of the same document, and ``*.fragment.html`` (a
    CMS fragment of a page that is also built whole) is skipped. Links and special files found
    in a folder are appended to ``skipped`` (when given) instead of being checked.
    """
    files: list[SourceFile] = []
    problems: list[Problem] = []
    skipped = skipped if skipped is not None else []
    for given in paths:
        path = Path(given)
        try:
            kind = _named_kind(path)
        except OSError as error:  # a path too long, or a folder on the way this user may not open
            problems.append(Problem(given, _("cannot read it ({error})").format(error=os_reason(error)),
                                    hint=_("check the path, and that you may open each folder on the way")))
            continue
        if kind == "folder":
            found = _walk(path, skipped)
            if not found:
                problems.append(Problem(given, _("no .md, .html or .txt file in this folder")))
            files.extend(found)
        elif kind == "file":
            fmt = SUFFIXES.get(path.suffix.lower(), "txt")
            files.append(SourceFile(given, path, fmt))
        elif kind == "other":
            problems.append(Problem(given, _("{kind}, not a regular file or folder").format(kind=_kind(path)),
                                    hint=_("check .md, .html or .txt files, or a folder of them")))
        else:
            problems.append(Problem(given, _("no such file or folder"), hint=_("check the path")))
    return files, problems


def _named_kind(path: Path) -> str:
    """"folder", "file", "other" or "missing"; raises ``OSError`` when the path cannot be looked at
    (``Path.is_dir`` says False only for a missing path or a link loop, and raises otherwise)."""
    if path.is_dir():
        return "folder"
    if path.is_file():
        return "file"
    return "other" if path.exists() else "missing"


def _kind(path: Path) -> str:
    from policygen.lang.datafile import file_kind  # only for a path that is no file: it brings the YAML reader

    try:
        return file_kind(path.stat().st_mode)
    except OSError:
        return _("not readable")


def _walk(top: Path, skipped: list[Skipped]) -> list[SourceFile]:
    """Depth first, folders and files sorted by name, like ``os.walk`` — but with a stack of its
    own (no recursion limit) and without following or opening anything but folders and files."""
    found: list[SourceFile] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            skipped.append(Skipped(str(folder), _("cannot read this folder ({error})").format(
                error=os_reason(error))))
            continue
        folders, names = [], []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind = _entry_kind(entry)
            if kind == "folder":
                folders.append(entry.name)
            elif kind == "file":
                names.append(entry.name)
            elif kind is not None:
                skipped.append(Skipped(str(folder / entry.name), kind))
        found.extend(_checked_files(folder, names))
        stack.extend(folder / name for name in reversed(folders))
    return found


def _entry_kind(entry: os.DirEntry) -> str | None:
    """"folder", "file", a reason to skip it, or None for what would not be checked anyway."""
    try:
        if entry.is_symlink():
            if entry.is_dir(follow_symlinks=True):
                return _("a symbolic link to a folder, not followed")
            if Path(entry.name).suffix.lower() not in SUFFIXES:
                return None
            return _("a symbolic link to a file, not followed")
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if entry.is_file(follow_symlinks=False):
            return "file"
    except OSError as error:
        return _("cannot read it ({error})").format(error=os_reason(error))
    if Path(entry.name).suffix.lower() not in SUFFIXES:
        return None
    return _("{kind}, not a regular file").format(kind=_kind(Path(entry.path)))


def _checked_files(folder: Path, names: list[str]) -> list[SourceFile]:
    found = []
    stems_with_md = {Path(name).stem for name in names if SUFFIXES.get(Path(name).suffix.lower()) == "md"}
    for name in names:
        fmt = SUFFIXES.get(Path(name).suffix.lower())
        if fmt is None:
            continue
        if name.lower().endswith(".fragment.html") or name.lower().endswith(".fragment.htm"):
            continue
        if fmt == "html" and Path(name).stem in stems_with_md:
            continue
        full = folder / name
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
        data = _read_regular_file(file.fs_path)
    except OSError as error:
        raise BadInput(Problem(file.path, _("cannot read the file: {error}").format(error=os_reason(error)))) from None
    if data is None:  # it was a file when the folder was walked
        raise BadInput(Problem(file.path, _("{kind}, not a regular file").format(kind=_kind(file.fs_path)),
                               hint=_("check .md, .html or .txt files")))
    if b"\x00" in data[:65536]:
        raise BadInput(Problem(file.path, _("binary file (contains NUL bytes), not text"),
                               hint=_("check .md, .html or .txt files")))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise BadInput(
            Problem(file.path, _("not valid UTF-8 text"), line=line, column=column, hint=_("save the file as UTF-8"))
        ) from None
    if not text.strip():
        raise BadInput(Problem(file.path, _("the file is empty"), hint=_("nothing to check")))
    return text


def _read_regular_file(path: Path) -> bytes | None:
    """The file's bytes, or None when what is there now is not a regular file.

    Opened without blocking (a named pipe put there since the walk must not hang the run) and
    checked with ``fstat`` on the open file, so what is read is what was checked.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            return stream.read()
    finally:
        os.close(descriptor)


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
