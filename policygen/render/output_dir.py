"""The output folder: when it may be replaced, and replacing it in one step.

A build writes into a staging folder beside the output folder and then exchanges the two. The
exchange is atomic on Linux (``renameat2`` with ``RENAME_EXCHANGE``); elsewhere it is two renames
with the old folder kept until the new one is in place. Only an empty folder or one that an
earlier build marked as its own is ever replaced: ``--out .`` must never empty someone's project,
and a folder that holds the build's own input (the description, the templates) or a ``.git``
folder is refused even when it carries the marker.

The check runs twice: before rendering (fail fast) and again just before the swap, because
someone may have created or filled the folder while the build was rendering. A first build
publishes with ``RENAME_NOREPLACE``, so a folder that appears at the output path in the last
instant is never replaced either.

Staging and leftover folders are named by :func:`policygen.locks.sibling_name`
(``.<out>.building-XXXXXXXX``), so the names fit beside any ``--out`` name the file system
accepts, and the next build (holding the lock) recognises and removes what a killed or failed
build left behind.

Two commands write folders, and each marks its own: ``build`` the public site (:data:`MARKER`),
``handbook`` the internal support handbook (:data:`HANDBOOK_MARKER`). Each refuses a folder the
other made, and a folder inside one the other made, so internal routines are never published with
a site by accident, and a site never lands inside the handbook. Both publish through
:func:`policygen.render.publish.publish_folder`, with every rule above.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from policygen.errors import UserError
from policygen.lang.messages import N_, _
from policygen.lang.parser_reasons import os_reason
from policygen.locks import sibling_name

MARKER = ".policygen"
HANDBOOK_MARKER = ".policygen-handbook"
COMMANDS = {MARKER: "`policygen build`", HANDBOOK_MARKER: "`policygen handbook`"}
"""Each output folder's marker file → the command that made it."""
_WHAT = {MARKER: N_("a public site"), HANDBOOK_MARKER: N_("the internal support handbook")}
STAGING_TAG = "building-"
_RANDOM = 8  # length of tempfile's random part: [a-z0-9_]{8}
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

APPEARED = N_("a file or folder appeared at the output path while policygen was writing; it was not replaced")
"""Why a first publication stopped: something took the output path at the last instant."""


def check_replaceable(out: Path, inputs: Iterable[Path] = (), *, marker: str = MARKER) -> None:
    """Raise :class:`UserError` unless ``out`` is missing, empty, or an earlier output of its kind.

    ``marker`` names the command that writes: the site's :data:`MARKER` or the handbook's
    :data:`HANDBOOK_MARKER`; a folder the other command made, or a folder inside one, is refused.
    ``inputs`` are paths the command reads (the description, the templates folder): a folder that
    holds one of them is never replaced, since the swap would delete the command's own input.
    """
    try:
        _refuse_other_kind(out, marker)
        _check_replaceable(out, list(inputs), marker)
    except OSError as error:  # a folder on the way that this user may not read
        raise UserError.single(str(out), _("cannot read the output folder: {reason}").format(
                                   reason=os_reason(error)), hint=_unreadable_hint(error)) from None


def _unreadable_hint(error: OSError) -> str:
    """What to do about an output path that cannot be read, by why it cannot."""
    if error.errno == errno.ENAMETOOLONG:
        return _("give --out a shorter path: a folder's name may have at most 255 bytes")
    return _("check the permissions of the folder and of its parents")


def _refuse_other_kind(out: Path, marker: str) -> None:
    for folder in (out, *out.resolve().parents):
        for other, command in COMMANDS.items():
            if other == marker or not (folder / other).is_file():
                continue
            problem = (_("this folder was made by {other} ({what}); {command} never writes into "
                         "or inside it") if folder == out else
                       _("{folder}, which holds it, was made by {other} ({what}); {command} never "
                         "writes into or inside it"))
            raise UserError.single(
                str(out), problem.format(folder=folder, other=command, what=_(_WHAT[other]),
                                         command=COMMANDS[marker]),
                hint=_("keep the public site and the internal handbook in separate folders, "
                       "neither inside the other"))


def _check_replaceable(out: Path, inputs: list[Path], marker: str) -> None:
    if not os.path.lexists(out):
        return
    here = Path.cwd()
    if out.resolve() == here or out.resolve() in here.parents:
        raise UserError.single(str(out), _("the output folder is the folder you are in (or holds "
                                           "it); {command} replaces the output folder as a whole")
                               .format(command=COMMANDS[marker]),
                               hint=_("give --out a folder of its own, for example --out site"))
    if out.is_symlink():
        raise UserError.single(str(out), _("the output path is a symbolic link; {command} replaces "
                                           "the folder itself, not the link's target")
                               .format(command=COMMANDS[marker]),
                               hint=_("give --out the real folder"))
    if not out.is_dir():
        raise UserError.single(str(out), _("the output path exists and is not a folder"),
                               hint=_("choose another --out"))
    _refuse_own_inputs(out, inputs, marker)
    if os.path.lexists(out / ".git"):
        raise UserError.single(str(out), _("the output folder holds a `.git` folder; {command} "
                                           "replaces the output folder as a whole and would delete "
                                           "it").format(command=COMMANDS[marker]),
                               hint=_("write into a folder of its own (e.g. --out site) and copy "
                                      "or deploy from there"))
    if (out / marker).is_file() or not any(out.iterdir()):
        return
    raise UserError.single(
        str(out), _("this folder is not empty and was not made by {command}; refusing to replace "
                    "it").format(command=COMMANDS[marker]),
        hint=_("give --out a new or empty folder, or a folder {command} wrote before").format(
            command=COMMANDS[marker]))


def _refuse_own_inputs(out: Path, inputs: list[Path], marker: str) -> None:
    real_out = out.resolve()
    for given in inputs:
        real = given.resolve()
        if real == real_out or real_out in real.parents:
            raise UserError.single(
                str(out), _("the output folder holds {path}, which {command} reads; it replaces the "
                            "output folder as a whole and would delete it").format(
                    path=given, command=COMMANDS[marker]),
                hint=_("keep the description and the templates outside the output folder"))


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


def make_staging(out: Path) -> Path:
    """A new, private staging folder beside ``out`` whose name fits the file system."""
    prefix = sibling_name(out, STAGING_TAG, reserve=_RANDOM)
    return Path(tempfile.mkdtemp(dir=out.parent, prefix=prefix))


def leftovers(out: Path) -> list[Path]:
    """Staging folders beside ``out`` that no running build owns (call only with the lock held)."""
    pattern = re.compile(re.escape(sibling_name(out, STAGING_TAG, reserve=_RANDOM))
                         + f"[a-z0-9_]{{{_RANDOM}}}")
    try:
        names = os.listdir(out.parent)
    except OSError:
        return []
    return sorted(out.parent / name for name in names if pattern.fullmatch(name))


def remove_leftovers(out: Path) -> list[str]:
    """Delete what killed or failed builds left beside ``out``; returns messages for what stays."""
    problems = []
    for path in leftovers(out):
        try:
            remove_tree(path)
        except OSError as error:
            problems.append(_("cannot remove {path}, left by an earlier build: {reason}").format(
                path=path, reason=os_reason(error)))
    return problems


def remove_tree(path: Path) -> None:
    """Delete a folder we made, without following any link inside it."""
    if path.is_symlink() or not path.is_dir():
        path.unlink()
        return
    shutil.rmtree(path)


@dataclass(frozen=True)
class Swapped:
    """The outcome of a swap: ``left_behind`` is the previous output if it could not be deleted."""

    left_behind: Path | None = None
    error: str = ""


def swap_into_place(staging: Path, out: Path, *, replacing: bool) -> Swapped:
    """Make ``staging`` the new ``out``; the previous ``out`` (if any) is deleted afterwards.

    ``replacing`` says whether ``out`` existed when the build looked at it: if it did not, the
    build publishes without replacing anything, even an empty folder that appeared since.

    Raises ``OSError`` when the new folder could not be put in place (then ``out`` is as it
    was). Once it is in place, a failure to delete the previous output is not an error of the
    build: it is returned, so the caller can say exactly that.
    """
    if not replacing:
        _publish_new(staging, out)
        return Swapped()
    if _renameat2(staging, out, _RENAME_EXCHANGE):
        previous = staging  # after the exchange the staging name holds the previous output
    else:
        previous = staging.with_name(staging.name.replace(STAGING_TAG, "previous-", 1))
        os.rename(out, previous)
        try:
            os.rename(staging, out)
        except OSError:
            os.rename(previous, out)
            raise
    try:
        remove_tree(previous)
    except OSError as error:
        return Swapped(left_behind=previous, error=os_reason(error))
    return Swapped()


def _publish_new(staging: Path, out: Path) -> None:
    """The first build: never replace a folder that appeared at ``out`` meanwhile."""
    if _renameat2(staging, out, _RENAME_NOREPLACE):
        return
    if os.path.lexists(out):  # NOREPLACE refused it, or no renameat2 and it is there now
        raise OSError(errno.EEXIST, _(APPEARED), str(out))
    os.rename(staging, out)


def _renameat2(first: Path, second: Path, flags: int) -> bool:
    """Linux's renameat2; False when it is not available (then the caller renames twice).

    Errors that say the flag or the call is unsupported give False; any other error (the folder
    exists for NOREPLACE, permissions) is raised.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    status = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), flags)
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    if code == errno.EEXIST:
        raise OSError(code, _(APPEARED), str(second))
    raise OSError(code, os.strerror(code), str(second))
