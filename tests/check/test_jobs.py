"""``--jobs N``: several processes give the report of one, in the same order; a dead worker is
reported, never waited for."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.check.api import load_settings, run
from policygen.check.document import Document
from policygen.check.jobs import default_jobs, start_workers
from policygen.check.rule import Rule
from policygen.check.settings import Settings
from policygen.cli.main import main
from policygen.output import render

SV = ("# Om behandlingen\n\nVi erhåller dina personuppgifter i enlighet med avtalet, t.ex. namn och adress. "
      "Behandlingen av uppgifterna sker för tillhandahållande av tjänsten och hantering av ärenden.\n\n"
      "<!-- policygen: disable-next-line=PL202 -->\nVi erhåller också din e-postadress.\n")
EN = ("# About processing\n\nWe utilize your personal data in accordance with the agreement, e.g. your name. "
      "Please check this page regularly for changes.\n\n<!-- policygen: disable-next-line=PL111 -->\nWe keep your name.\n")


def _folder(tmp_path: Path) -> Path:
    """A folder of every kind of file, good and bad, in both languages, with a user glossary rule."""
    folder = tmp_path / "site"
    (folder / "sv").mkdir(parents=True)
    (folder / "en").mkdir()
    for index in range(4):
        (folder / "sv" / f"policy-{index}.md").write_text(SV * (index + 1), encoding="utf-8")
        (folder / "en" / f"policy-{index}.md").write_text(EN * (index + 1), encoding="utf-8")
    (folder / "en" / "page.html").write_text(f"<html lang='en'><body><main><p>{EN}</p></main></body></html>", encoding="utf-8")
    (folder / "sv" / "notes.txt").write_text("Kunden får svar inom en vecka.\n\nKunden kan ringa oss.\n", encoding="utf-8")
    (folder / "sv" / "binary.txt").write_bytes(b"\x00\x01binary")
    (folder / "en" / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "words.yaml").write_text(
        "lang: sv\nrule:\n  code: PL950\n  name: house.words\n  category: wordy\n  type: substitution\n"
        "  summary: House style.\n  why: w\n  anti_pattern: a\n  better: b\n"
        "  message: \"write '{replacement}', not '{match}'\"\nentries:\n  - {phrase: kund, forms: [kunden], replacement: du}\n",
        encoding="utf-8",
    )
    (tmp_path / "policygen.toml").write_text('[check]\nglossaries = ["words.yaml"]\n', encoding="utf-8")
    return folder


def test_several_processes_give_the_report_of_one_in_the_same_order(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    settings, rules = load_settings(tmp_path / "policygen.toml")
    one = run([str(folder)], settings, rules, jobs=1)
    three = run([str(folder)], settings, rules, jobs=3)
    assert [report.path for report in one.files] == sorted(report.path for report in one.files)
    assert len(one.files) == 10 and len(one.problems) == 2
    assert render("json", three) == render("json", one)
    assert three.problems == one.problems
    codes = {f.code for report in one.files for f in report.findings}
    assert {"PL001", "PL202", "PL204", "PL207", "PL950"} <= codes  # suppressions and the user's rule ran


def test_the_cli_output_is_byte_identical_with_any_number_of_jobs(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["check", str(folder), "--config", str(tmp_path / "policygen.toml"),
                                           "--format", "json", "--jobs", jobs])
        assert result.exit_code == 2, result.stderr  # the binary and the empty file
        assert "binary.txt: binary file" in result.stderr and "empty.md: the file is empty" in result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["files"]) == 10


@pytest.mark.parametrize("jobs", ["0", "-1", "x"])
def test_jobs_must_be_a_positive_whole_number(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "a.md").write_text("Hej.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.md"), "--jobs", jobs])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_default_jobs_is_one_per_usable_processor_for_several_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 2, 5}, raising=False)
    assert default_jobs(1) == 1
    assert default_jobs(2) == 2
    assert default_jobs(30) == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert default_jobs(30) == 1


def test_workers_started_early_check_like_run_and_one_file_gets_no_pool(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    settings, rules = load_settings(tmp_path / "policygen.toml")
    single = start_workers([str(folder / "sv" / "policy-0.md")], 4)
    assert single.count == 1  # never more workers than files
    single.close()
    workers = start_workers([str(folder)], 2)  # started before anything is known of the job
    assert workers.count == 2
    early = run([str(folder)], settings, rules, workers=workers)
    assert render("json", early) == render("json", run([str(folder)], settings, rules, jobs=1))


class ExitingRule(Rule):
    """Ends its process in the middle of a check, as the kernel's out-of-memory killer would."""

    def check(self, document: Document, settings: Settings):  # noqa: ANN201
        if document.path.endswith("crash.md"):
            os._exit(9)
        return ()


def test_a_worker_that_dies_is_reported_and_the_run_ends(tmp_path: Path) -> None:
    for index in range(6):
        (tmp_path / f"file-{index}.md").write_text("Vi sparar ditt namn.\n", encoding="utf-8")
    (tmp_path / "crash.md").write_text("Vi sparar ditt namn.\n", encoding="utf-8")
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(result=run([str(tmp_path)], Settings(), [ExitingRule()], jobs=2)))
    worker.start()
    worker.join(timeout=120)  # a hang guard, not a timing assertion
    assert not worker.is_alive(), "the run waited for a dead worker"
    result = outcome["result"]
    assert any(p.file.endswith("crash.md") and "worker process checking this file stopped" in p.message
               for p in result.problems)
    assert len(result.files) + len(result.problems) == 7
    assert all(p.hint for p in result.problems)
