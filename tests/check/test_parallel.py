"""A large file checked on two processors gives exactly the report of checking it in one."""

from __future__ import annotations

import os

import pytest

from policygen.check import parallel, runner
from policygen.check.registry import all_rules, option_defaults
from policygen.check.runner import check_source
from policygen.check.settings import Settings

RULES = all_rules()
SETTINGS = Settings(defaults=option_defaults(RULES))
SV = [
    "## Dina rättigheter\n",
    "I enlighet med tillämplig lagstiftning har den registrerade rätt att erhålla ett registerutdrag. "
    "Läs denna policy regelbundet för att se eventuella ändringar.\n",
    "- Genom att använda webbplatsen godkänner du denna policy.\n- Vi säljer inte dina uppgifter, t.ex. ditt namn.\n",
    "Uppgifterna behandlas av den personuppgiftsansvarige enligt art. 6.1 f dataskyddsförordningen.\n",
]
EN = [
    "## Your rights\n",
    "In accordance with applicable legislation, the data subject has the right to obtain a copy. "
    "Please check this page regularly for changes.\n",
    "- By using this website you agree to this policy.\n- Data are processed by the controller, e.g. us.\n",
    "In order to improve your experience, we may use the information for marketing purposes.\n",
]


def _source(paragraphs: list[str], count: int) -> str:
    """A heading, then nine paragraphs or lists (a section of about 100 words), and again."""
    return "\n".join(paragraphs[0] if i % 10 == 0 else paragraphs[1 + i % 3] for i in range(count))


def _sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYGEN_JOBS", "1")


@pytest.mark.parametrize(("lang", "paragraphs", "fmt"), [("sv", SV, "md"), ("en", EN, "md"), ("en", EN, "txt")])
def test_two_processes_give_the_report_of_one(monkeypatch: pytest.MonkeyPatch, lang: str, paragraphs: list[str],
                                              fmt: str) -> None:
    monkeypatch.setattr(runner, "DOCUMENT_CHARS", 2_000)
    source = _source(paragraphs, 300)
    assert parallel.available()
    assert runner._parallel(source, fmt)
    both = check_source(source, "big", lang, fmt, RULES, SETTINGS)
    _sequential(monkeypatch)
    assert not runner._parallel(source, fmt)
    one = check_source(source, "big", lang, fmt, RULES, SETTINGS)
    assert both == one
    assert len(one.findings) > 100 and (one.sections or fmt == "txt") and one.metrics.words > 3_000


def test_a_worker_computes_its_task_and_is_always_reaped() -> None:
    worker = parallel.fork_worker(lambda: None, lambda task: task * 2)
    worker.send(21)
    assert worker.result() == 42
    idle = parallel.fork_worker(lambda: None, lambda task: task * 2)
    idle.send(None)
    assert idle.result() is None
    never_sent = parallel.fork_worker(lambda: None, lambda task: task * 2)
    assert never_sent.result() is None


def test_a_failed_child_is_redone_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "DOCUMENT_CHARS", 2_000)
    source = _source(EN, 200)
    parent = os.getpid()
    real = runner._check_document

    def failing_in_the_child(*args: object) -> object:
        if os.getpid() != parent:
            raise RuntimeError("the child cannot check")
        return real(*args)

    monkeypatch.setattr(runner, "_check_document", failing_in_the_child)
    redone = check_source(source, "big", "en", "md", RULES, SETTINGS)
    _sequential(monkeypatch)
    assert redone == check_source(source, "big", "en", "md", RULES, SETTINGS)
    assert redone.findings


def test_the_findings_limit_counts_in_file_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "DOCUMENT_CHARS", 2_000)
    settings = Settings(defaults={**option_defaults(RULES), "max-findings": 150})
    source = _source(EN, 300)
    both = check_source(source, "big", "en", "md", RULES, settings)
    _sequential(monkeypatch)
    one = check_source(source, "big", "en", "md", RULES, settings)
    assert both == one
    assert both.omitted > 0


def test_no_fork_while_another_thread_runs() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not parallel.available()
    finally:
        release.set()
        other.join()
    assert parallel.available()


def test_a_refused_fork_is_checked_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "DOCUMENT_CHARS", 2_000)
    source = _source(EN, 200)

    def no_process() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(parallel.os, "fork", no_process)
    alone = check_source(source, "big", "en", "md", RULES, SETTINGS)
    monkeypatch.undo()
    monkeypatch.setattr(runner, "DOCUMENT_CHARS", 2_000)
    assert alone == check_source(source, "big", "en", "md", RULES, SETTINGS)
