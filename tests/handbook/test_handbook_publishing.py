"""The handbook is published like the site (issues 9 and 12): one writer at a time, whole or not at
all, never over the description or a ``.git`` folder, never into the site nor the site into it —
also when the other command takes the folder while the handbook is being written."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hb_helpers import REPO

from policygen.errors import UserError

EXAMPLE = REPO / "examples" / "exempel-support.yaml"
HANG_GUARD = 120  # seconds: far above a normal run (about 6 s), only so that a hang fails


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same PDF dates in this process and in the commands it starts."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from policygen.cli.main import main; main()", *args]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(*args), capture_output=True, text=True, timeout=HANG_GUARD,
                          check=False)


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def tree(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def beside(out: Path) -> list[str]:
    """Everything in the output folder's parent but the output folder itself."""
    return sorted(path.name for path in out.parent.iterdir() if path.name != out.name)


def write(out: Path, **options: object) -> object:
    from policygen.model import load_description
    from policygen.render.handbook.writer import write_handbook

    return write_handbook(load_description(str(EXAMPLE)), out, **options)


# --- one writer at a time -------------------------------------------------------------------

def test_concurrent_handbooks_into_one_folder_all_succeed_and_the_result_is_whole(tmp_path):
    """Three runs with different languages at once: each exits 0, and the folder is exactly one
    of the three handbooks, never a mix, with nothing left beside it."""
    variants = {"sv": ["--lang", "sv"], "en": ["--lang", "en"], "both": []}
    expected = {}
    for name, options in variants.items():
        alone = tmp_path / "alone" / name
        write(alone, languages=options[1:] or None)
        expected[name] = tree(alone)
    assert len({tuple(sorted(files.items())) for files in expected.values()}) == 3

    out = tmp_path / "shared" / "hb"
    runs = [start("handbook", str(EXAMPLE), "--out", str(out), *options)
            for options in variants.values()]
    for process in runs:
        _, stderr = process.communicate(timeout=HANG_GUARD)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    assert tree(out) in expected.values()
    assert beside(out) == [], "a lock file or staging folder was left beside the handbook"


def test_a_second_handbook_waits_for_the_lock_then_writes(tmp_path):
    from policygen.locks import exclusive_lock

    out = tmp_path / "hb"
    with exclusive_lock(out, what="a test holding the lock", wait=0):
        waiting = start("handbook", str(EXAMPLE), "--out", str(out), "--lang", "sv")
        said = ""
        while "waiting for another build or handbook into" not in said:
            line = waiting.stderr.readline()
            assert line, f"ended without waiting: {waiting.communicate(timeout=HANG_GUARD)}"
            said += line
        assert not out.exists()
    stdout, stderr = waiting.communicate(timeout=HANG_GUARD)
    assert waiting.returncode == 0, stderr
    assert "wrote the handbook" in stdout and (out / "sv" / "rutiner.md").is_file()
    assert beside(out) == []


def test_a_handbook_that_cannot_get_the_lock_in_time_gives_up_and_changes_nothing(tmp_path):
    from policygen.locks import exclusive_lock

    out = tmp_path / "hb"
    notes: list[str] = []
    with exclusive_lock(out, what="a test holding the lock", wait=0):
        with pytest.raises(UserError) as caught:
            write(out, languages=["sv"], lock_wait=0.3, on_wait=notes.append)
    assert "gave up after waiting 0.3 s" in caught.value.render() and ".hb.lock" in caught.value.render()
    assert notes and "waiting for another build or handbook into" in notes[0]
    assert not out.exists() and beside(out) == []


# --- folders that hold the description or .git ---------------------------------------------

def test_handbook_refuses_a_folder_that_holds_its_own_description(tmp_path):
    out = tmp_path / "hb"
    assert run("handbook", str(EXAMPLE), "--out", str(out), "--lang", "sv").returncode == 0
    description = out / "support.yaml"
    shutil.copy(EXAMPLE, description)
    before = tree(out)
    result = run("handbook", str(description), "--out", str(out), "--lang", "sv")
    assert result.returncode == 2, result.stderr
    assert "which `policygen handbook` reads" in result.stderr and "Traceback" not in result.stderr
    assert tree(out) == before and description.read_bytes() == EXAMPLE.read_bytes()


def test_handbook_refuses_a_folder_with_a_git_folder(tmp_path):
    out = tmp_path / "hb"
    assert run("handbook", str(EXAMPLE), "--out", str(out), "--lang", "sv").returncode == 0
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = tree(out)
    result = run("handbook", str(EXAMPLE), "--out", str(out), "--lang", "sv")
    assert result.returncode == 2, result.stderr
    assert "`.git` folder" in result.stderr and "Traceback" not in result.stderr
    assert tree(out) == before


# --- the two commands refuse each other's folders, also when one appears mid-run ---------------

def test_a_site_that_takes_the_folder_while_the_handbook_renders_is_kept(tmp_path, monkeypatch):
    """``build`` made the folder while ``handbook`` was rendering: the check just before the swap
    refuses it, and the site stays as it was."""
    from policygen.render.build import build
    from policygen.render.handbook import documents

    out = tmp_path / "www" / "folder"
    site: dict[str, str] = {}
    real = documents.render_handbook

    # A build cannot take the folder while the handbook holds the lock, so the site is put in
    # place the way another program would: written elsewhere, then moved in.
    def render_then_move_a_site_in(*args, **kwargs):
        files = real(*args, **kwargs)
        elsewhere = tmp_path / "elsewhere" / "site"
        build(loaded_example(), elsewhere, languages=["sv"])
        os.rename(elsewhere, out)
        site.update(tree(out))
        return files

    monkeypatch.setattr(documents, "render_handbook", render_then_move_a_site_in)
    with pytest.raises(UserError) as caught:
        write(out, languages=["sv"])
    assert "made by `policygen build`" in caught.value.render()
    assert tree(out) == site and (out / ".policygen").is_file()
    assert beside(out) == []


def test_a_handbook_that_takes_the_folder_while_the_site_renders_is_kept(tmp_path, monkeypatch):
    from policygen.render import build as build_module

    out = tmp_path / "www" / "folder"
    handbook: dict[str, str] = {}
    real = build_module._render_all

    def render_then_move_a_handbook_in(*args, **kwargs):
        result = real(*args, **kwargs)
        elsewhere = tmp_path / "elsewhere" / "hb"
        write(elsewhere, languages=["sv"])
        os.rename(elsewhere, out)
        handbook.update(tree(out))
        return result

    monkeypatch.setattr(build_module, "_render_all", render_then_move_a_handbook_in)
    with pytest.raises(UserError) as caught:
        build_module.build(loaded_example(), out, languages=["sv"])
    assert "made by `policygen handbook`" in caught.value.render()
    assert tree(out) == handbook and (out / ".policygen-handbook").is_file()
    assert beside(out) == []


def test_neither_command_writes_into_a_folder_nested_deeper_in_the_other(tmp_path):
    handbook, site = tmp_path / "handbook", tmp_path / "site"
    assert run("handbook", str(EXAMPLE), "--out", str(handbook), "--lang", "sv").returncode == 0
    history = ("--history", str(tmp_path / "example.history.json"))  # not beside the example
    assert run("build", str(EXAMPLE), "--out", str(site), "--lang", "sv", *history).returncode == 0
    before = tree(handbook), tree(site)
    for command_name, out, made_by in (("build", handbook / "a" / "b", "handbook"),
                                       ("handbook", site / "sv" / "internal", "build")):
        result = run(command_name, str(EXAMPLE), "--out", str(out), "--lang", "sv",
                     *(history if command_name == "build" else ()))
        assert result.returncode == 2, result.stderr
        assert f"which holds it, was made by `policygen {made_by}`" in result.stderr
    assert (tree(handbook), tree(site)) == before


def loaded_example():
    from policygen.model import load_description

    return load_description(str(EXAMPLE))


# --- signals and names ------------------------------------------------------------------------

@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_handbook_removes_the_staging_folder(tmp_path, signal_number):
    out = tmp_path / "hb"
    assert run("handbook", str(EXAMPLE), "--out", str(out)).returncode == 0
    before = tree(out)
    process = start("handbook", str(EXAMPLE), "--out", str(out))
    deadline = time.monotonic() + HANG_GUARD
    while not any(name.startswith(".hb.building-") for name in beside(out)):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert "Traceback" not in stderr
    assert beside(out) == [], f"left behind after {signal.Signals(signal_number).name}"
    assert tree(out) == before
    if process.returncode != 0:
        assert process.returncode in (1, 128 + signal_number, -signal_number), process.returncode


@pytest.mark.parametrize("length", [245, 255])
def test_long_output_names_write_and_rewrite(tmp_path, length):
    out = tmp_path / ("h" * length)
    write(out, languages=["en"])
    write(out, languages=["en"])
    assert (out / "en" / "procedures.md").is_file() and (out / ".policygen-handbook").is_file()
    assert beside(out) == []


def test_a_staging_folder_left_by_a_killed_handbook_is_removed(tmp_path):
    out = tmp_path / "hb"
    write(out, languages=["en"])
    (tmp_path / ".hb.building-k1ll3d_9").mkdir()
    (tmp_path / ".hb.building-k1ll3d_9" / "register.csv").write_text("half")
    write(out, languages=["en"])
    assert beside(out) == []
