"""Checking files, one after the other or on several processes (``policygen check --jobs N``).

Several processes come from :class:`concurrent.futures.ProcessPoolExecutor` with a forkserver
(``spawn`` where there is none), never from a fork of this process, which may hold threads and
their locks. The forkserver loads spaCy, the checker and both tokenizers once
(:mod:`policygen.check.worker_preload`), and every worker it forks starts with them. The command
starts the workers before it reads the configuration (:func:`start_workers`), so the two overlap.
Each worker gets the settings and rules with its first file; the reports come back in the order of
the files, each computed by the same code as in one process, so the result is the one of
``--jobs 1``.

A worker that dies (killed, out of memory) breaks the pool: each file left unfinished is reported
as a problem (exit 2), never waited for.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policygen.check.sources import BadInput, SourceFile
from policygen.errors import Problem
from policygen.lang.messages import _, interface_language, speaking

if TYPE_CHECKING:  # not imported to start the workers: the settings bring pydantic (see start_workers)
    from policygen.check.rule import Rule
    from policygen.check.settings import Settings
    from policygen.output import FileReport


@dataclass(frozen=True)
class Job:
    """What checking any one file needs: settings, the enabled rules, the forced language, and
    whether inline comments count."""

    settings: Settings
    rules: tuple[Rule, ...]
    lang: str | None = None
    inline_config: bool = True


def default_jobs(files: int) -> int:
    """One process for one file; else one per usable processor, never more than there are files."""
    if files <= 1:
        return 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(usable, files))


def check_file(file: SourceFile, job: Job) -> FileReport | Problem:
    """The report of one file (:func:`policygen.check.api.check_file`), or the problem that kept
    it from being checked."""
    from policygen.check.api import check_file as check_one

    try:
        return check_one(file, list(job.rules), job.settings, job.lang, job.inline_config)
    except BadInput as error:
        return error.problem


class Workers:
    """The processes that check files: this one alone (``count`` 1), or a pool of ``count``.

    A pool starts its processes at once, from a thread, so that its forkserver loads spaCy while
    this process reads the configuration and the glossaries: starting a process waits until the
    forkserver has loaded everything, about half a second. :meth:`check` gives each worker the
    job with its first file; a worker keeps it for the files that follow.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self._executor: ProcessPoolExecutor | None = None
        self._starting: threading.Thread | None = None
        if count <= 1:
            import policygen.check.preload  # noqa: F401 - before the configuration: its objects are frozen too
        else:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            if method == "forkserver":
                context.set_forkserver_preload(["policygen.check.worker_preload"])
            self._executor = ProcessPoolExecutor(max_workers=count, mp_context=context)
            self._starting = threading.Thread(target=self._start, name="policygen-workers", daemon=True)
            self._starting.start()

    def _start(self) -> None:
        assert self._executor is not None
        try:
            for _worker in range(self.count):
                self._executor.submit(_ready)
        except (BrokenProcessPool, RuntimeError):
            pass  # a pool that cannot start is reported by the files' own results

    def check(self, files: Sequence[SourceFile], job: Job) -> Iterator[FileReport | Problem]:
        """What :func:`check_file` gives for each file, in the order of ``files``."""
        if self._executor is None:
            import policygen.check.preload  # noqa: F401

            for file in files:
                yield check_file(file, job)
            return
        key = next(_keys)
        payload = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        language = interface_language()  # the workers speak the language of this run
        largest_first = sorted(range(len(files)), key=lambda index: _size(files[index]), reverse=True)
        futures = {index: self._executor.submit(_check_in_worker, key, payload, files[index], language)
                   for index in largest_first}
        for index, file in enumerate(files):
            try:
                yield futures[index].result()
            except BrokenProcessPool:
                yield Problem(file.path, _("the worker process checking this file stopped before it finished"),
                              hint=_("it may have run out of memory or been killed; try again with --jobs 1"))

    def close(self) -> None:
        """Stop the pool's processes and wait for them; files not yet started are not checked.

        It waits: Python 3.11 wakes the pool's thread at exit without its lock, and a thread
        still closing its pipe then prints "Bad file descriptor" (``shutdown(wait=False)`` did)."""
        if self._starting is not None:
            self._starting.join()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _size(file: SourceFile) -> int:
    """The size of ``file`` in bytes (0 when it cannot be read: its check reports why).

    The largest files are submitted first, so that no worker starts a long file while the others
    run out of work: with files of very different sizes (a site's long policy among short pages),
    the run ends sooner. The reports still come back in the order of the files."""
    try:
        return file.fs_path.stat().st_size
    except OSError:
        return 0


def start_workers(paths: Sequence[str], jobs: int | None = None) -> Workers:
    """``jobs`` workers (default :func:`default_jobs`), never more than the files under ``paths``, started now.

    Every worker waits for the forkserver's preload (spaCy, the rules, the tokenizers), the longest
    step of a run on several files, so this module imports only what starting them needs (not the
    settings, which bring pydantic): the command calls this first, and reads its configuration
    while the forkserver loads.
    """
    from policygen.check.sources import discover

    files = len(discover(list(paths))[0])
    return Workers(max(1, min(jobs or default_jobs(files), files)))


_keys = itertools.count()
_job: tuple[int, Job] | None = None
"""The job this worker process was last given, with its key."""


def _ready() -> None:
    """Nothing: submitted to make the pool start its processes."""


def _check_in_worker(key: int, payload: bytes, file: SourceFile, language: str) -> FileReport | Problem:
    """Check ``file`` in this worker, speaking ``language``: a worker is a process of its own and
    does not share the interface language of the command that submitted the file."""
    global _job
    if _job is None or _job[0] != key:
        import policygen.check.preload  # noqa: F401 - already loaded when forked from the forkserver

        _job = (key, pickle.loads(payload))
        gc.freeze()  # the settings and rules live as long as the worker
    with speaking(language):
        return check_file(file, _job[1])
