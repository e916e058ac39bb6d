"""A second processor for a large file: one forked child computes a value and sends it back pickled.

Forking (rather than starting a new interpreter) means the child already has spaCy, the rules and
the file's extracted blocks in memory, shared copy-on-write; only its results travel back. It is
used only where ``os.fork`` exists and at least two processors are available, and
``POLICYGEN_JOBS=1`` turns it off. The child never prints and leaves with ``os._exit``, so no
buffered output or exit handler of the parent runs twice.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """Can and should a check use a second process?"""
    if not hasattr(os, "fork") or os.environ.get("POLICYGEN_JOBS") == "1":
        return False
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        processors = os.cpu_count() or 1
    return processors >= 2


class Worker:
    """A forked child computing one value; :meth:`result` waits for it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe

    def result(self) -> Any:
        """The child's value, or ``None`` if it failed (the caller then computes it itself)."""
        chunks = []
        with os.fdopen(self.pipe, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not chunks:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a truncated message means the child failed
            return None


def fork_worker(compute: Callable[[], Any]) -> Worker:
    """Start a child that runs ``compute()`` and sends its pickled value back."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        except BaseException:  # noqa: BLE001 - the parent redoes the work; never unwind into its code
            pass
        finally:
            os._exit(status)
    os.close(write_end)
    return Worker(pid, read_end)
