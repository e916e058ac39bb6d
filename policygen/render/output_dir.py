"""The output folder: when it may be replaced, and replacing it in one step.

A build writes into a staging folder beside the output folder and then exchanges the two. The
exchange is atomic on Linux (``renameat2`` with ``RENAME_EXCHANGE``); elsewhere it is two renames
with the old folder kept until the new one is in place. Only an empty folder or one that an
earlier build marked as its own is ever replaced: ``--out .`` must never empty someone's project.

Two commands write folders, and each marks its own: ``build`` the public site (:data:`MARKER`),
``handbook`` the internal support handbook (:data:`HANDBOOK_MARKER`). Each refuses a folder the
other made, and a folder inside one the other made, so internal routines are never published with
a site by accident, and a site never lands inside the handbook.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import stat
import sys
from pathlib import Path

from policygen.errors import UserError

MARKER = ".policygen"
HANDBOOK_MARKER = ".policygen-handbook"
COMMANDS = {MARKER: "`policygen build`", HANDBOOK_MARKER: "`policygen handbook`"}
"""Each output folder's marker file → the command that made it."""
_WHAT = {MARKER: "a public site", HANDBOOK_MARKER: "the internal support handbook"}
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_replaceable(out: Path, *, marker: str = MARKER) -> None:
    """Raise :class:`UserError` unless ``out`` is missing, empty, or an earlier build's output.

    ``marker`` names the command that writes: the site's :data:`MARKER` or the handbook's
    :data:`HANDBOOK_MARKER`. A folder the other command made, or a folder inside one, is refused.
    """
    try:
        _refuse_other_kind(out, marker)
        _check_replaceable(out, marker)
    except OSError as error:  # a folder on the way that this user may not read
        raise UserError.single(str(out), f"cannot read the output folder: {error.strerror or error}",
                               hint="check the permissions of the folder and of its parents"
                               ) from None


def _refuse_other_kind(out: Path, marker: str) -> None:
    for folder in (out, *out.resolve().parents):
        for other, command in COMMANDS.items():
            if other == marker or not (folder / other).is_file():
                continue
            where = "this folder was" if folder == out else f"{folder}, which holds it, was"
            raise UserError.single(
                str(out), f"{where} made by {command} ({_WHAT[other]}); {COMMANDS[marker]} "
                          f"never writes into or inside it",
                hint="keep the public site and the internal handbook in separate folders, "
                     "neither inside the other")


def _check_replaceable(out: Path, marker: str) -> None:
    if not out.exists():
        return
    here = Path.cwd()
    if out.resolve() == here or out.resolve() in here.parents:
        raise UserError.single(str(out), "the output folder is the folder you are in (or holds it); "
                                         "a build replaces the output folder as a whole",
                               hint="give --out a folder of its own, for example --out site")
    if out.is_symlink():
        raise UserError.single(str(out), "the output path is a symbolic link; a build replaces "
                                         "the folder itself, not the link's target",
                               hint="give --out the real folder")
    if not out.is_dir():
        raise UserError.single(str(out), "the output path exists and is not a folder",
                               hint="choose another --out")
    if (out / marker).is_file() or not any(out.iterdir()):
        return
    raise UserError.single(
        str(out), f"this folder is not empty and was not made by {COMMANDS[marker]}; "
                  "refusing to replace it",
        hint="give --out a new or empty folder, or the folder of an earlier build")


def folder_mode(out: Path) -> int:
    """The permissions the new output folder gets: the old folder's, else the usual ones for the umask.

    A staging folder from ``tempfile`` is private (0700); a web server could not read a site
    swapped into place with that mode.
    """
    if out.is_dir():
        return stat.S_IMODE(out.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def swap_into_place(staging: Path, out: Path) -> None:
    """Make ``staging`` the new ``out``; the previous ``out`` (if any) is removed afterwards."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging)  # now holds the previous output
        return
    retired = staging.with_name(staging.name.replace(".building-", ".previous-"))
    os.rename(out, retired)
    try:
        os.rename(staging, out)
    except OSError:
        os.rename(retired, out)
        raise
    shutil.rmtree(retired)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically with Linux's renameat2; False when it is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    status = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                       _RENAME_EXCHANGE)
    return status == 0
