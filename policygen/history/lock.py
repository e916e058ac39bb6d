"""The lock on a history file: one writer at a time, and nobody reads half a comparison.

A build reads the history, compares the description with its last version, builds, and then
appends the new version. Two builds of the same description at once would both compare with the
same last version, and the second append would be refused as a broken chain — or one record
lost. So the whole read–build–append holds the same kind of lock the output folder gets
(:func:`policygen.locks.exclusive_lock`): an exclusive ``fcntl.flock`` on ``.<name>.lock``
beside the history, released by the kernel when the process ends, however it ends.

The history's lock is taken before the output folder's, always in that order, so two builds can
never each hold one and wait for the other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from policygen.errors import Problem, UserError
from policygen.lang.messages import N_, _
from policygen.locks import CANNOT_CREATE_HINT, DEFAULT_WAIT_SECONDS, exclusive_lock, lock_path

__all__ = ["history_lock", "lock_path"]

_ELSEWHERE = N_("the history lives beside the description, so its folder must be writable; or give "
                "the history another place with --history")


@contextlib.contextmanager
def history_lock(target: Path, *, wait: float = DEFAULT_WAIT_SECONDS,
                 on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the exclusive lock on the history ``target`` for the ``with`` block."""
    with contextlib.ExitStack() as stack:
        try:
            path = stack.enter_context(exclusive_lock(
                target, what=_("another build that records to {history}").format(history=target.name), wait=wait,
                on_wait=on_wait))
        except UserError as error:
            raise UserError([_with_hint(problem) for problem in error.problems]) from None
        yield path


def _with_hint(problem: Problem) -> Problem:
    """The lock's own problem, with the way out a history has: ``--history``."""
    if problem.hint != _(CANNOT_CREATE_HINT):
        return problem
    return replace(problem, hint=_(_ELSEWHERE))
