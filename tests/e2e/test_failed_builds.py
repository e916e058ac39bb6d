"""No failing build changes a published site.

A site is built once from the bundled example (with its consent archive); then builds that must
fail are run against the same ``--out`` with the command line: broken YAML, an unknown id,
error-level GDPR findings without ``--draft``, broken template overrides, a language the
description lacks, and a location that cannot be written. After each, every byte of the
published folder, the archive included, is as it was, nothing is left beside it, and the user
got a message rather than a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-support.yaml"
UNSEEN = Path(__file__).parent / "descriptions"


_HISTORIES: list[Path] = []


def histories() -> Path:
    """A folder for the published histories of the repository's descriptions, made on first use;
    anyone may write in it, because builds run as `nobody` take the history's lock there too."""
    if not _HISTORIES:
        folder = Path(tempfile.mkdtemp(prefix="policygen-histories-", dir="/tmp"))
        folder.chmod(0o777)
        _HISTORIES.append(folder)
    return _HISTORIES[0]


@pytest.fixture(scope="module", autouse=True)
def _remove_histories():
    yield
    for folder in _HISTORIES:
        shutil.rmtree(folder, ignore_errors=True)


def policygen(*args: str, user: int | None = None) -> subprocess.CompletedProcess:
    if args[0] == "build" and REPO in Path(args[1]).resolve().parents and "--history" not in args:
        # the published history of a description in the repository goes to a temporary folder
        args = (*args, "--history", str(histories() / f"{Path(args[1]).stem}.history.json"))
    command = [sys.executable, "-c", "from policygen.cli.main import main; main()", *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False,
                          cwd=REPO)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path_factory.mktemp("site") / "site"
    run = policygen("build", str(EXAMPLE), "--out", str(out))
    assert run.returncode == 0, run.stderr
    files = snapshot(out)
    assert any(name.startswith("archive/consent/") for name in files)
    return out, files


def assert_untouched(out: Path, before: dict[str, bytes], run: subprocess.CompletedProcess,
                     code: int) -> None:
    assert run.returncode == code, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and run.stderr.strip()
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name], "left something beside OUT"


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def example_with(tmp_path: Path, old: str, new: str) -> Path:
    source = EXAMPLE.read_text(encoding="utf-8")
    assert old in source
    return write(tmp_path / "desc.yaml", source.replace(old, new, 1))


def test_broken_yaml(published, tmp_path):
    out, before = published
    broken = example_with(tmp_path, "languages: [sv, en]", "languages: [sv, en")
    run = policygen("build", str(broken), "--out", str(out))
    assert_untouched(out, before, run, 2)
    assert "desc.yaml:" in run.stderr


def test_unknown_id(published, tmp_path):
    out, before = published
    broken = example_with(tmp_path, "recipients: [crm, mailer]", "recipients: [crm, mailr]")
    run = policygen("build", str(broken), "--out", str(out))
    assert_untouched(out, before, run, 2)
    assert "mailr" in run.stderr and "mailer" in run.stderr  # the hint names the id meant


def test_error_level_findings_without_draft(published):
    out, before = published
    run = policygen("build", str(UNSEEN / "kommun-sv-en.yaml"), "--out", str(out))
    assert_untouched(out, before, run, 1)
    assert "13(2)(e)" in run.stderr


@pytest.mark.parametrize(("template", "what"), [
    ('{% extends "builtin/sv/policy.md.j2" %}\n{% block changes %}\n{% if %}\n{% endblock %}\n',
     "TemplateSyntaxError"),
    ('{% extends "builtin/sv/policy.md.j2" %}\n{% block changes %}\n{{ no_such_value }}\n'
     "{% endblock %}\n", "no_such_value"),
    ('{% extends "builtin/sv/no-such-template.md.j2" %}\n', "no-such-template"),
])
def test_broken_template_override(published, tmp_path, template, what):
    out, before = published
    write(tmp_path / "overrides" / "sv" / "policy.md.j2", template)
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--templates",
                    str(tmp_path / "overrides"))
    assert_untouched(out, before, run, 2)
    assert what in run.stderr and "overrides/sv/policy.md.j2" in run.stderr  # names the culprit


def test_broken_stylesheet_override_asking_for_a_file(published, tmp_path):
    out, before = published
    write(tmp_path / "overrides" / "shared" / "print.css",
          'body { background: url("file:///etc/passwd"); }\n')
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--templates",
                    str(tmp_path / "overrides"))
    assert_untouched(out, before, run, 2)


def test_language_the_description_lacks(published):
    out, before = published
    run = policygen("build", str(UNSEEN / "tricky-sv.yaml"), "--out", str(out), "--lang", "en",
                    "--draft")
    assert_untouched(out, before, run, 2)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to run the build as another user")
def test_unwritable_location_as_another_user(tmp_path):
    # Permissions do not stop root, so the failing build runs as user `nobody`, who can read the
    # site and policygen but cannot write beside the site. (pytest's tmp_path sits in a folder
    # only root may enter, so the site goes into a world-readable folder of its own.)
    parent = Path(tempfile.mkdtemp(prefix="policygen-www-", dir="/tmp"))
    try:
        parent.chmod(0o755)
        out = parent / "site"
        run = policygen("build", str(EXAMPLE), "--out", str(out))
        assert run.returncode == 0, run.stderr
        before = snapshot(out)
        run = policygen("build", str(EXAMPLE), "--out", str(out), user=65534)
        assert_untouched(out, before, run, 2)
        assert str(out) in run.stderr and "cannot write" in run.stderr
    finally:
        shutil.rmtree(parent)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to run the build as another user")
def test_output_inside_a_folder_the_user_cannot_read(tmp_path):
    out = tmp_path / "site"  # tmp_path's parents are root's alone (mode 0700)
    run = policygen("build", str(EXAMPLE), "--out", str(out))
    assert run.returncode == 0, run.stderr
    before = snapshot(out)
    run = policygen("build", str(EXAMPLE), "--out", str(out), user=65534)
    assert_untouched(out, before, run, 2)
    assert "Permission denied" in run.stderr


def test_unwritable_location_for_a_new_site():
    run = policygen("build", str(EXAMPLE), "--out", "/proc/policygen-site")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "/proc/policygen-site" in run.stderr
    assert not Path("/proc/policygen-site").exists()


@pytest.mark.parametrize("content", ["file", "folder"])
def test_a_folder_policygen_did_not_make_is_refused_and_left_alone(tmp_path, content):
    out = tmp_path / "project"
    out.mkdir()
    if content == "file":
        write(out / "notes.txt", "mine\n")
    else:
        write(out / "src" / "main.py", "print('mine')\n")
    before = snapshot(out)
    run = policygen("build", str(EXAMPLE), "--out", str(out))
    assert_untouched(out, before, run, 2)
    assert "not made by `policygen build`" in run.stderr


def test_a_good_build_after_the_failures_keeps_the_archive(published, tmp_path):
    out, before = published
    changed = example_with(tmp_path, "Yes, send me Exempel Support's newsletter by e-mail once a month.",
                           "Yes, send me Exempel Support's newsletter by e-mail every month.")
    run = policygen("build", str(changed), "--out", str(out))
    assert run.returncode == 0, run.stderr
    after = snapshot(out)
    for name, content in before.items():
        if name.startswith("archive/"):
            assert after[name] == content
    assert len([n for n in after if n.startswith("archive/")]) == \
        len([n for n in before if n.startswith("archive/")]) + 1
