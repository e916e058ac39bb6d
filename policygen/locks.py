"""Advisory locks on published files and folders, so two writers never race.

A build replaces its output folder as a whole, and the consent archive inside it only grows: two
builds into the same folder at once would each copy the old archive and the last swap would win,
losing the other's consent texts. So every writer of a published path first takes an exclusive
``fcntl.flock`` on a lock file *beside* that path (``.<name>.lock`` in the same parent folder):
beside, not inside, because the folder itself is swapped away and a lock inside it would be
swapped away with it. The holder deletes the lock file before it lets go, so nothing is left
beside the output; a writer that was waiting on the deleted file notices (the path no longer
names the file it locked) and locks the new one instead, so two writers never both hold "the"
lock.

``flock`` locks belong to the open file: the kernel releases them when the process ends, however
it ends, so a build killed with ``kill -9`` never leaves a stale lock behind. Anything that
publishes a file beside the description (a history file, say) takes the same kind of lock with
:func:`exclusive_lock` on its own path.

Names beside a path (lock file, staging and leftover folders) are made by :func:`sibling_name`,
which keeps them within the file system's limit on a name's length however long the path's own
name is.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from policygen.errors import UserError
from policygen.lang.messages import N_, _
from policygen.lang.parser_reasons import os_reason

DEFAULT_WAIT_SECONDS = 300.0
_POLL_SECONDS = 0.1
_FALLBACK_NAME_MAX = 255


def name_max(folder: Path) -> int:
    """The longest file name (in bytes) the file system of ``folder`` accepts."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return _FALLBACK_NAME_MAX


def sibling_name(target: Path, tag: str, reserve: int = 0) -> str:
    """``.<name>.<tag>``, shortened with a hash of the name when it would not fit.

    ``reserve`` bytes are kept free for a suffix the caller adds (``tempfile``'s random part).
    The result is the same for the same ``target`` and ``tag``, so a later run finds it again.
    """
    limit = name_max(target.parent) - reserve
    name = f".{target.name}.{tag}"
    if len(os.fsencode(name)) <= limit:
        return name
    digest = hashlib.sha256(os.fsencode(target.name)).hexdigest()[:16]
    tail = f"~{digest}.{tag}"
    room = limit - len(tail.encode()) - 1
    head = os.fsencode(target.name)[:max(room, 0)].decode("utf-8", errors="ignore")
    return f".{head}{tail}"


CANNOT_CREATE_HINT = N_("check that the folder exists and is writable; nothing was changed")
"""The hint of a lock file that cannot be created (a catalogue key); callers with a better way
out (``--history``) recognise the problem by it and replace it."""


def lock_path(target: Path) -> Path:
    """The lock file that guards ``target``: ``.<name>.lock`` in the same folder."""
    return target.parent / sibling_name(target, "lock")


@contextlib.contextmanager
def exclusive_lock(target: Path, *, what: str, wait: float = DEFAULT_WAIT_SECONDS,
                   on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold an exclusive lock on ``target`` for the ``with`` block; yields the lock file's path.

    Waits at most ``wait`` seconds for another holder (``on_wait`` is told once, when waiting
    starts), then raises :class:`UserError`. ``what`` names the work in messages ("a build into
    site").
    """
    path = lock_path(target)
    deadline = time.monotonic() + max(wait, 0.0)
    told = [on_wait is None]
    while True:
        descriptor = _open_lock_file(path, target)
        try:
            _acquire(descriptor, path, what=what, wait=wait, deadline=deadline,
                     on_wait=on_wait, told=told)
        except BaseException:
            os.close(descriptor)
            raise
        if _still_names(path, descriptor):
            break
        os.close(descriptor)  # the holder we waited for deleted this file: lock the new one
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)  # still holding the lock: nobody else can be using this file
        os.close(descriptor)  # closing the last descriptor releases the lock


def _still_names(path: Path, descriptor: int) -> bool:
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _open_lock_file(path: Path, target: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            message = _("the lock file {path} is a symbolic link; refusing to follow it").format(path=path)
            hint = _("remove that link (policygen makes the lock file itself)")
        else:
            message = _("cannot write {name}: cannot create its lock file {path} ({reason})").format(
                name=target.name, path=path, reason=os_reason(error))
            hint = _(CANNOT_CREATE_HINT)
        raise UserError.single(str(target), message, hint=hint) from None
    return descriptor


def _acquire(descriptor: int, path: Path, *, what: str, wait: float, deadline: float,
             on_wait: Callable[[str], None] | None, told: list[bool]) -> None:
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            raise UserError.single(
                str(path), _("{what} is running and holds this lock; gave up after waiting {seconds} s").format(
                    what=what, seconds=f"{wait:g}"),
                hint=_("wait until the other one has finished, then run again; the lock is released "
                       "as soon as that process ends"))
        if not told[0] and on_wait is not None:
            on_wait(_("waiting for {what}, which is running (lock {path}) …").format(what=what, path=path))
            told[0] = True
        time.sleep(_POLL_SECONDS)
