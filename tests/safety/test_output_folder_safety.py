"""Atomic means atomic: what a build may replace, delete and leave behind (issue 9).

Each case failed before: a folder created at the output path during a build was deleted; a failed
delete after the swap was reported as "the previous output was left as it was"; SIGTERM left the
staging folder; an ``--out`` name of 245–255 characters could never be built; ``build
site/policy.yaml --out site`` deleted its own input and ``site/.git``; a link or a named pipe
planted in the published archive was followed (and published) or hung the build.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from safety_helpers import EXAMPLE, HANG_GUARD, archive, beside, policygen, snapshot, start

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))
from build_helpers import description_with  # noqa: E402

from policygen.errors import UserError  # noqa: E402
from policygen.render import build as build_module  # noqa: E402
from policygen.render.build import build  # noqa: E402


def _site(tmp_path: Path) -> Path:
    out = tmp_path / "www" / "site"
    build(description_with(), out, languages=["sv"])
    return out


# --- the output folder is checked again just before the swap ------------------------------

def _during_render(monkeypatch, action) -> None:
    real = build_module._render_all

    def render_then(*args, **kwargs):
        result = real(*args, **kwargs)
        action()
        return result

    monkeypatch.setattr(build_module, "_render_all", render_then)


def test_a_folder_created_at_the_output_path_during_the_build_is_kept(tmp_path, monkeypatch):
    out = tmp_path / "www" / "site"

    def someone_creates_it():
        (out / "src").mkdir(parents=True)
        (out / "src" / "main.py").write_text("print('mine')\n")

    _during_render(monkeypatch, someone_creates_it)
    with pytest.raises(UserError) as caught:
        build(description_with(), out, languages=["sv"])
    assert "not made by `policygen build`" in caught.value.render()
    assert (out / "src" / "main.py").read_text() == "print('mine')\n"
    assert beside(out) == []


def test_a_published_folder_replaced_by_another_during_the_build_is_kept(tmp_path, monkeypatch):
    out = _site(tmp_path)

    def someone_replaces_it():
        shutil.rmtree(out)
        out.mkdir()
        (out / "notes.txt").write_text("mine\n")

    _during_render(monkeypatch, someone_replaces_it)
    with pytest.raises(UserError):
        build(description_with(), out, languages=["sv"])
    assert snapshot(out) == {"notes.txt": b"mine\n"}
    assert beside(out) == []


def test_an_empty_folder_that_appears_at_the_last_instant_is_not_replaced(tmp_path, monkeypatch):
    """Even past the check, the first publication never replaces what is there (RENAME_NOREPLACE)."""
    from policygen.render import output_dir, publish

    out = tmp_path / "www" / "site"
    real = output_dir.swap_into_place

    def appear_then_swap(staging, target, **how):
        target.mkdir()
        return real(staging, target, **how)

    monkeypatch.setattr(publish, "swap_into_place", appear_then_swap)
    with pytest.raises(UserError) as caught:
        build(description_with(), out, languages=["sv"])
    assert "appeared at the output path" in caught.value.render()
    assert out.is_dir() and list(out.iterdir()) == []
    assert beside(out) == []


# --- a failed delete after the swap is said as it is, and cleaned up next time -------------

def test_old_tree_that_cannot_be_deleted_is_reported_and_removed_by_the_next_build(
        tmp_path, monkeypatch):
    out = _site(tmp_path)
    (out / "only-in-the-old-build.txt").write_text("old\n")
    real_rmtree = shutil.rmtree

    def stubborn_rmtree(path, *args, **kwargs):
        if (Path(path) / "only-in-the-old-build.txt").exists() and not kwargs.get("ignore_errors"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", stubborn_rmtree)
    result = build(description_with(), out, languages=["sv"])
    monkeypatch.setattr(shutil, "rmtree", real_rmtree)
    assert not (out / "only-in-the-old-build.txt").exists()  # the new output is in place
    assert (out / "sv" / "integritetspolicy.html").is_file()
    [warning] = result.warnings
    assert "the new output is in place" in warning and "could not be deleted" in warning
    assert "Permission denied" in warning and "the next build" in warning
    [left] = beside(out)
    assert left.startswith(".site.building-") and left in warning
    build(description_with(), out, languages=["sv"])
    assert beside(out) == []


def test_a_staging_folder_left_by_a_killed_build_is_removed(tmp_path):
    out = _site(tmp_path)
    (out.parent / ".site.building-k1ll3d_9").mkdir()
    (out.parent / ".site.building-k1ll3d_9" / "index.html").write_text("half")
    (out.parent / ".site.building-x.building-abcdefgh").mkdir()  # not ours: another name
    build(description_with(), out, languages=["sv"])
    assert beside(out) == [".site.building-x.building-abcdefgh"]


# --- signals --------------------------------------------------------------------------------

@pytest.mark.parametrize(("signal_number", "delay"), [
    (signal.SIGTERM, 0.0), (signal.SIGTERM, 0.4), (signal.SIGTERM, 1.0),
    (signal.SIGINT, 0.0), (signal.SIGINT, 0.6),
])
def test_sigterm_and_sigint_remove_the_staging_folder(tmp_path, signal_number, delay):
    out = tmp_path / "www" / "site"
    first = policygen("build", str(EXAMPLE), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    process = start("build", str(EXAMPLE), "--out", str(out))
    deadline = time.monotonic() + HANG_GUARD
    while not any(name.startswith(".site.building-") for name in beside(out)):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(delay)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=HANG_GUARD)
    assert "Traceback" not in stderr
    assert beside(out) == [], f"left behind after {signal.Signals(signal_number).name}"
    assert snapshot(out) == before  # the same description: old or new, the bytes are the same
    if process.returncode != 0:
        assert process.returncode in (1, 128 + signal_number, -signal_number), process.returncode


# --- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("length", [200, 245, 250, 255])
def test_long_output_names_build_and_rebuild(tmp_path, length):
    out = tmp_path / ("s" * length)
    build(description_with(), out, languages=["sv"])
    build(description_with(), out, languages=["sv"])
    assert (out / "index.html").is_file()
    assert beside(out) == []


# --- a folder holding the build's own input, or a .git folder --------------------------------

def test_build_refuses_an_output_folder_that_holds_its_own_description(tmp_path):
    out = tmp_path / "site"
    assert policygen("build", str(EXAMPLE), "--out", str(out)).returncode == 0
    description = out / "policy.yaml"
    shutil.copy(EXAMPLE, description)
    run = policygen("build", str(description), "--out", str(out))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "which `policygen build` reads" in run.stderr
    assert description.read_bytes() == EXAMPLE.read_bytes()


def test_build_refuses_an_output_folder_that_holds_the_templates(tmp_path):
    out = tmp_path / "site"
    assert policygen("build", str(EXAMPLE), "--out", str(out)).returncode == 0
    (out / "overrides" / "sv").mkdir(parents=True)
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--templates", str(out / "overrides"))
    assert run.returncode == 2 and "which `policygen build` reads" in run.stderr
    assert (out / "overrides" / "sv").is_dir()


def test_build_refuses_an_output_folder_with_a_git_folder(tmp_path):
    out = tmp_path / "site"
    assert policygen("build", str(EXAMPLE), "--out", str(out)).returncode == 0
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = snapshot(out)
    run = policygen("build", str(EXAMPLE), "--out", str(out))
    assert run.returncode == 2, run.stderr
    assert "`.git` folder" in run.stderr and "Traceback" not in run.stderr
    assert snapshot(out) == before


# --- the consent archive: regular files only, and it only grows -------------------------------

def test_a_link_planted_in_the_archive_is_not_followed_or_published(tmp_path):
    out = tmp_path / "site"
    assert policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv").returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN\n")
    kept = archive(out)
    (out / "archive" / "consent" / ("0" * 64 + ".json")).symlink_to(secret)
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv")
    assert run.returncode == 0, run.stderr
    assert "not carried forward: archive/consent/" + "0" * 64 + ".json: a symbolic link" in run.stderr
    assert archive(out) == kept
    assert not any(b"TOP-SECRET-TOKEN" in content for content in snapshot(out).values())
    assert not any(path.is_symlink() for path in out.rglob("*"))


def test_an_archive_folder_that_is_a_link_is_not_followed(tmp_path):
    out = tmp_path / "site"
    assert policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv").returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ("1" * 64 + ".json")).write_text("TOP-SECRET-TOKEN\n")
    shutil.rmtree(out / "archive")
    (out / "archive").symlink_to(elsewhere)
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv")
    assert run.returncode == 0, run.stderr
    assert "not carried forward: archive" in run.stderr
    assert not any(b"TOP-SECRET-TOKEN" in content for content in snapshot(out).values())
    assert not (out / "archive").is_symlink()


def test_a_named_pipe_in_the_archive_does_not_hang_the_build(tmp_path):
    out = tmp_path / "site"
    assert policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv").returncode == 0
    os.mkfifo(out / "archive" / "consent" / ("2" * 64 + ".json"))
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv", timeout=HANG_GUARD)
    assert run.returncode == 0, run.stderr
    assert "a named pipe, not a regular file" in run.stderr


def test_a_build_whose_archive_lacks_a_published_text_is_refused(tmp_path, monkeypatch):
    from policygen.render import consent

    out = _site(tmp_path)
    before = snapshot(out)
    monkeypatch.setattr(consent, "carry_archive", lambda previous, staging: [], raising=False)
    with pytest.raises(UserError) as caught:
        build(description_with(), out, languages=["en"])  # the sv text is not in this build
    assert "lacks 1 archived consent text(s)" in caught.value.render()
    assert snapshot(out) == before
    assert beside(out) == []


def test_a_planted_lock_link_is_refused_not_followed(tmp_path):
    target = tmp_path / "important.txt"
    target.write_text("keep\n")
    out = tmp_path / "site"
    (tmp_path / ".site.lock").symlink_to(target)
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--lang", "sv")
    assert run.returncode == 2 and "symbolic link" in run.stderr
    assert target.read_text() == "keep\n" and not out.exists()
