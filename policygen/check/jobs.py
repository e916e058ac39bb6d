"""Checking files, one after the other or on several processes (``policygen check --jobs N``).

Several processes come from :class:`concurrent.futures.ProcessPoolExecutor` with a forkserver
(``spawn`` where there is none), never from a fork of this process, which may hold threads and
their locks. The forkserver imports spaCy and the checker once (:mod:`policygen.check.preload`),
so every worker starts with them loaded; each worker gets the settings and rules once, then one
file at a time. The reports come back in the order of the files, each computed by the same code
as in one process, so the result is the one of ``--jobs 1``.

A worker that dies (killed, out of memory) breaks the pool: each file it left unfinished is
reported as a problem (exit 2), never waited for.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from policygen.check.findings import FileReport
from policygen.check.rule import Rule
from policygen.check.settings import Settings
from policygen.check.sources import BadInput, SourceFile, detect_language, read_source
from policygen.errors import Problem


@dataclass(frozen=True)
class Job:
    """What checking any one file needs: settings, the enabled rules, the forced language, whether
    inline comments count, and the severity of an unused suppression (``None``: not reported)."""

    settings: Settings
    rules: tuple[Rule, ...]
    lang: str | None = None
    inline_config: bool = True
    unused_severity: str | None = None


def default_jobs(files: int) -> int:
    """One process for one file; else one per usable processor, never more than there are files."""
    if files <= 1:
        return 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(usable, files))


def check_file(file: SourceFile, job: Job) -> FileReport | Problem:
    """The report of one file, or the problem that kept it from being checked."""
    from policygen.check.runner import check_source
    from policygen.check.suppress import apply_suppressions, rule_keys

    try:
        source = read_source(file)
    except BadInput as error:
        return error.problem
    lang = detect_language(file, source, job.lang)
    report = check_source(source, file.path, lang, file.fmt, job.rules, job.settings)
    if job.inline_config:
        ran = rule_keys(rule for rule in job.rules if rule.applies_to(lang))
        report.findings = apply_suppressions(source, report.findings, file.fmt,
                                             unused_severity=job.unused_severity, ran=ran)
    return report


def check_files(files: Sequence[SourceFile], job: Job, jobs: int = 1) -> Iterator[FileReport | Problem]:
    """What :func:`check_file` gives for each file, in order, on ``jobs`` processes."""
    workers = min(jobs, len(files))
    if workers <= 1:
        import policygen.check.preload  # noqa: F401

        for file in files:
            yield check_file(file, job)
        return
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["policygen.check.preload"])
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(job,))
    try:
        futures = [executor.submit(_check_in_worker, file) for file in files]
        for file, future in zip(files, futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield Problem(file.path, "the worker process checking this file stopped before it finished",
                              hint="it may have run out of memory or been killed; try again with --jobs 1")
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


_job: Job | None = None
"""The job of this worker process, given once by :func:`_start_worker`."""


def _start_worker(job: Job) -> None:
    global _job
    import policygen.check.preload  # noqa: F401 - already loaded when forked from the forkserver

    _job = job
    gc.freeze()  # the settings and rules live as long as the worker


def _check_in_worker(file: SourceFile) -> FileReport | Problem:
    assert _job is not None, "the pool starts every worker with _start_worker"
    return check_file(file, _job)
