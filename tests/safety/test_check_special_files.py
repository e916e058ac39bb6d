"""``policygen check DIR`` opens regular files only and never follows a link out of the tree (issue 9).

Before: a link to ``/dev/zero`` inside the folder gave a MemoryError traceback, a named pipe hung
the run forever, a link to a secrets file was embedded whole in the HTML report, and a folder
1,000 levels deep was a RecursionError.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from safety_helpers import policygen

from policygen.check.sources import discover

PROSE = "Vi sparar dina uppgifter så länge du är kund. Du kan när som helst be oss ta bort dem.\n"


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("TOP-SECRET-TOKEN api key hunter2\n")
    (outside / "b.md").write_text("TOP-SECRET-FOLDER text.\n")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text(PROSE)
    (folder / "link.md").symlink_to(outside / "secret.md")
    (folder / "zero.md").symlink_to("/dev/zero")
    (folder / "linked-folder").symlink_to(outside)
    os.mkfifo(folder / "pipe.md")
    return folder


def test_discover_skips_links_and_special_files_and_says_why(hostile_folder: Path) -> None:
    skipped: list = []  # policygen.check.sources.Skipped
    files, problems = discover([str(hostile_folder)], skipped)
    assert [Path(file.path).name for file in files] == ["a.md"]
    assert problems == []
    reasons = {Path(entry.path).name: entry.reason for entry in skipped}
    assert reasons == {
        "link.md": "a symbolic link to a file, not followed",
        "zero.md": "a symbolic link to a file, not followed",
        "linked-folder": "a symbolic link to a folder, not followed",
        "pipe.md": "a named pipe, not a regular file",
    }


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_check_of_a_hostile_folder_neither_hangs_nor_leaks(hostile_folder: Path, fmt: str) -> None:
    run = policygen("check", str(hostile_folder), "--format", fmt, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    assert "TOP-SECRET" not in run.stdout and "TOP-SECRET" not in run.stderr
    assert "skipped 4 entries that are not regular files" in run.stderr
    for name in ("link.md", "zero.md", "linked-folder", "pipe.md"):
        assert f"{hostile_folder / name}: skipped: " in run.stderr
    if fmt == "json":
        checked = [entry["path"] for entry in json.loads(run.stdout)["files"]]
        assert checked == [str(hostile_folder / "a.md")]


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "device"])
def test_a_named_special_file_is_exit_2(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "pipe.md"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/null")
    else:
        path = tmp_path / "zero.md"
        path.symlink_to("/dev/zero")
    run = policygen("check", str(path), timeout=120)
    assert run.returncode == 2, run.stderr
    assert "not a regular file" in run.stderr and "Traceback" not in run.stderr


def test_a_folder_a_thousand_levels_deep_is_walked(tmp_path: Path) -> None:
    deepest = tmp_path / "top"
    deepest.mkdir()
    current = deepest
    for _ in range(1000):
        current = current / "d"
        current.mkdir()
    (current / "policy.md").write_text(PROSE)
    try:
        files, problems = discover([str(deepest)])
        assert problems == [] and len(files) == 1
        assert files[0].path.endswith("/d/policy.md") and files[0].path.count("/d") == 1000
    finally:  # shutil.rmtree (pytest's clean-up) recurses too: take the tree down from the bottom
        (current / "policy.md").unlink()
        while current != tmp_path:
            current.rmdir()
            current = current.parent
