"""Publishing an output folder: the one way ``build`` and ``handbook`` replace what they wrote.

Both commands write a whole folder that people rely on (a public site, the internal handbook), so
both get the same guarantees, from this one function and no second copy:

- **one writer at a time**: an advisory lock beside the output folder (:mod:`policygen.locks`),
  held from before the folder is looked at until the swap is done; a second writer waits, at most
  ``lock_wait`` seconds. The lock is on the path, not on the command, so a ``build`` and a
  ``handbook`` aimed at the same folder take turns too (and the second then refuses it);
- **nothing of the user's is replaced**: the folder must be missing, empty, or marked by an earlier
  run of the same command; never the other command's folder or one inside it, never a folder
  holding the command's own inputs or a ``.git`` folder (:func:`~policygen.render.output_dir.check_replaceable`).
  The check runs before the lock (fail fast), again with the lock held, and again just before the
  swap, because someone may have created or filled the folder meanwhile;
- **all or nothing**: everything is written into a staging folder beside the output folder, named
  to fit however long ``--out`` is, and swapped into place in one step (``RENAME_NOREPLACE`` for a
  first publication, so a folder appearing at the last instant is never replaced);
- **nothing left behind**: an error, SIGINT, SIGTERM or SIGHUP removes the staging folder; the swap
  itself is not interrupted; what a killed run left beside the folder is removed by the next one.

What a command adds of its own (the site's consent archive, which may only grow) goes in
``before_swap``, which runs with the lock held, once the staging folder is complete.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from policygen.errors import UserError
from policygen.lang.messages import _
from policygen.lang.parser_reasons import os_reason
from policygen.locks import DEFAULT_WAIT_SECONDS, exclusive_lock
from policygen.render.output_dir import (check_replaceable, folder_mode, make_staging,
                                         remove_leftovers, swap_into_place)

T = TypeVar("T")

# Signals that end a run: each raises into the normal clean-up instead of killing the process
# where it stands (which would leave the staging folder behind). 128 + n is the shell's exit code
# for a process ended by signal n. SIGINT already raises KeyboardInterrupt.
_ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


@dataclass(frozen=True)
class Marker:
    """The file that says which command made a folder, and the text it holds."""

    name: str
    text: bytes


@dataclass
class Published(Generic[T]):
    """What ``write_into_staging`` returned, and what the caller should still tell the user."""

    value: T
    warnings: list[str] = field(default_factory=list)


def publish_folder(out: Path, write_into_staging: Callable[[Path], T], *, marker: Marker,
                   inputs: Iterable[Path] = (),
                   before_swap: Callable[[Path, Path], None] | None = None,
                   lock_wait: float = DEFAULT_WAIT_SECONDS,
                   on_wait: Callable[[str], None] | None = None) -> Published[T]:
    """Replace ``out`` as a whole by what ``write_into_staging(staging)`` writes, plus ``marker``.

    ``inputs`` are the paths the command reads (a folder holding one is refused). ``before_swap``
    is called as ``before_swap(out, staging)`` with the lock held, just before the swap, and may
    raise :class:`UserError` to leave ``out`` as it was. ``write_into_staging`` may read ``out``
    (the previous output): nobody else writes it while it runs.

    Raises :class:`UserError` for anything the user can fix (the folder, its permissions, space,
    another writer holding it for longer than ``lock_wait`` seconds); every failure leaves ``out``
    exactly as it was and nothing beside it.
    """
    out = Path(out).absolute()  # "--out ." needs a real name and parent for the staging folder
    inputs = list(inputs)
    check_replaceable(out, inputs, marker=marker.name)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_write(out, error) from None
    with _ending_signals_raise(), \
            exclusive_lock(out, what=_("another build or handbook into {out}").format(out=out), wait=lock_wait,
                           on_wait=on_wait):
        warnings = remove_leftovers(out)
        check_replaceable(out, inputs, marker=marker.name)  # a run we waited for may have changed it
        replacing = os.path.lexists(out)
        published = _publish_locked(out, write_into_staging, marker, inputs, before_swap, replacing)
    published.warnings[:0] = warnings
    return published


def _publish_locked(out: Path, write_into_staging: Callable[[Path], T], marker: Marker,
                    inputs: list[Path], before_swap: Callable[[Path, Path], None] | None,
                    replacing: bool) -> Published[T]:
    staging: Path | None = None
    try:
        # An interrupt that arrives while the staging folder is made waits until the folder has
        # its name here, so the ``except`` clauses below always know what to remove.
        with _ending_signals_deferred():
            staging = make_staging(out)
        staging.chmod(folder_mode(out))
        value = write_into_staging(staging)
        (staging / marker.name).write_bytes(marker.text)
        check_replaceable(out, inputs, marker=marker.name)  # again, just before the swap
        if before_swap is not None:
            before_swap(out, staging)
        with _ending_signals_deferred():
            swapped = swap_into_place(staging, out, replacing=replacing)
    except OSError as error:
        _remove_staging(staging)
        raise cannot_write(out, error) from None
    except BaseException as error:
        _remove_staging(staging)
        stop = _stop_behind(error)
        if stop is not None and stop is not error:
            raise stop from None
        raise
    published = Published(value)
    if swapped.left_behind is not None:
        published.warnings.append(
            _("the new output is in place in {out}, but the previous output could not be deleted "
              "completely ({reason}): it is left in {left}; the next build or handbook into {name} "
              "removes it").format(out=out, reason=swapped.error, left=swapped.left_behind, name=out.name))
    return published


def _remove_staging(staging: Path | None) -> None:
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


def _stop_behind(error: BaseException) -> BaseException | None:
    """The interrupt (SIGINT's KeyboardInterrupt, or the SystemExit of SIGTERM/SIGHUP) that caused
    ``error``, if one did. A signal that arrives while Python runs an import can come out wrapped:
    "RuntimeError: Error calling __set_name__ …" from a KeyboardInterrupt inside a class body. It
    is still the user's interrupt, and ends the run as one, not as a crash with a traceback."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, (KeyboardInterrupt, SystemExit)):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def cannot_write(out: Path, error: OSError) -> UserError:
    """The one message for a write that failed: the previous output is untouched."""
    where = error.filename or out
    return UserError.single(str(out), _("cannot write the output: {reason} ({path})").format(
                                reason=os_reason(error), path=where),
                            hint=_("check that the folder's parent exists, is writable and has space; "
                                   "the previous output was left as it was"))


@contextlib.contextmanager
def _ending_signals_raise() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP raise ``SystemExit(128 + n)`` (SIGINT already raises
    KeyboardInterrupt), so the ``except`` clauses remove the staging folder. Only in the main
    thread, and only for signals whose handling is still the default."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: Any) -> None:
        raise SystemExit(128 + number)

    previous = {}
    for number in _ENDING_SIGNALS:
        if signal.getsignal(number) == signal.SIG_DFL:
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def _ending_signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back during the swap: it must not stop half-way."""
    if threading.current_thread() is not threading.main_thread() or os.name != "posix":
        yield
        return
    held = {signal.SIGINT, *_ENDING_SIGNALS}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
