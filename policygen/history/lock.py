"""The lock on a history file: one writer at a time, and nobody reads half a comparison.

A build reads the history, compares the description with its last version, builds, and then
appends the new version. Two builds of the same description at once would both compare with the
same last version and the second append would be refused as a broken chain — or worse, one
record lost. So the whole read–build–append holds an exclusive ``fcntl.flock`` on a lock file
*beside* the history (``.<name>.lock``), the same kind of lock the output folder gets: the kernel
releases it when the process ends, however it ends, so it never goes stale. The holder deletes
the lock file before letting go; a writer that was waiting on the deleted file sees that the path
no longer names the file it locked, and locks the new one instead.

This module is the one seam for that lock: when the output folder's lock
(``policygen.locks``) is in the tree, :func:`history_lock` should become a thin call to it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from policygen.errors import UserError

WAIT_SECONDS = 300.0
_POLL_SECONDS = 0.1


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.lock"


@contextlib.contextmanager
def history_lock(target: Path, *, wait: float = WAIT_SECONDS,
                 on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the exclusive lock on the history ``target`` for the ``with`` block."""
    path = lock_path(target)
    deadline = time.monotonic() + max(wait, 0.0)
    told = on_wait is None
    while True:
        descriptor = _open(path, target)
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    pass
                if time.monotonic() >= deadline:
                    raise UserError.single(
                        str(target), f"another build of this description is writing its history "
                                     f"(lock {path}); gave up after waiting {wait:g} s",
                        hint="wait until the other build has finished, then run again")
                if not told and on_wait is not None:
                    on_wait(f"waiting for another build of this description (lock {path}) …")
                    told = True
                time.sleep(_POLL_SECONDS)
        except BaseException:
            os.close(descriptor)
            raise
        if _still_names(path, descriptor):
            break
        os.close(descriptor)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(descriptor)


def _open(path: Path, target: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            message, hint = (f"the lock file {path} is a symbolic link; refusing to follow it",
                             "remove that link (policygen makes the lock file itself)")
        else:
            message = (f"cannot write the history {target.name}: cannot create its lock file "
                       f"{path} ({error.strerror or error})")
            hint = ("the history lives beside the description and must be writable; or give "
                    "another place with --history")
        raise UserError.single(str(target), message, hint=hint) from None


def _still_names(path: Path, descriptor: int) -> bool:
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)
