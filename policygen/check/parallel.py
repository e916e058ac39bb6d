"""A second processor for a large file: one forked child gets a task, computes, and sends the result.

Forking (rather than starting a new interpreter) means the child already has spaCy and the rules
in memory, shared copy-on-write. It is forked before the file is extracted, so it can get ready
(build the tokenizer, load pyphen, index the glossaries) while this process parses the Markdown;
then it gets its share of the documents, pickled through one pipe, and sends its results back,
pickled, through another. It is used only where ``os.fork`` exists and at least two processors
are available, never in a program running other threads, and ``POLICYGEN_JOBS=1`` turns it off. The child never prints and leaves with
``os._exit``, so no buffered output or exit handler of the parent runs twice.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """Can and should a check use a second process? Not in a program running other threads: one
    of them could hold a lock at the moment of the fork, and the child would wait for it forever."""
    if not hasattr(os, "fork") or os.environ.get("POLICYGEN_JOBS") == "1" or threading.active_count() > 1:
        return False
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        processors = os.cpu_count() or 1
    return processors >= 2


class Worker:
    """A forked child: :meth:`send` gives it its task, :meth:`result` waits for its answer."""

    def __init__(self, pid: int, results: int, tasks: int) -> None:
        self.pid = pid
        self.results = results
        self.tasks: int | None = tasks
        self.writer: threading.Thread | None = None

    def send(self, task: Any) -> None:
        """Give the child its task (``None``: nothing to do). Written by a thread, so this process
        goes on while the child is still getting ready."""
        data = pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
        fd, self.tasks = self.tasks, None
        if fd is None:
            return
        self.writer = threading.Thread(target=_write_and_close, args=(fd, data), daemon=True)
        self.writer.start()

    def result(self) -> Any:
        """The child's answer, or ``None`` if it failed or had nothing to do (the caller then
        computes what it needs itself). Always reaps the child."""
        if self.tasks is not None:  # never sent: the child reads an empty task and stops
            os.close(self.tasks)
            self.tasks = None
        chunks = []
        with os.fdopen(self.results, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        if self.writer is not None:
            self.writer.join()
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not chunks:
            return None
        try:
            return pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a truncated message means the child failed
            return None


def _write_and_close(fd: int, data: bytes) -> None:
    try:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except OSError:
        pass  # the child is gone; result() reports it as failed


def fork_worker(prepare: Callable[[], object], compute: Callable[[Any], Any]) -> Worker:
    """Start a child that runs ``prepare()``, then ``compute(task)`` on the task it is sent, and
    sends the pickled value back."""
    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to spare (a process limit): the caller checks alone
        for fd in (task_read, task_write, result_read, result_write):
            os.close(fd)
        raise
    if pid == 0:  # the child
        status = 1
        try:
            os.close(task_write)
            os.close(result_read)
            prepare()
            with os.fdopen(task_read, "rb") as pipe:
                task = pickle.loads(pipe.read())
            if task is not None:
                data = pickle.dumps(compute(task), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(result_write, "wb") as pipe:
                    pipe.write(data)
            status = 0
        except BaseException:  # noqa: BLE001 - the parent redoes the work; never unwind into its code
            pass
        finally:
            os._exit(status)
    os.close(task_read)
    os.close(result_write)
    return Worker(pid, result_read, task_write)
