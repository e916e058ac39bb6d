"""No failing build changes a published site.

A site is built once from the bundled example (with its consent archive); then builds that must
fail are run against the same ``--out`` with the command line: broken YAML, an unknown id,
error-level GDPR findings without ``--draft``, broken template overrides, a language the
description lacks, and a location that cannot be written. After each, every byte of the
published folder, the archive included, is as it was, nothing is left beside it, and the user
got a message rather than a traceback.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-support.yaml"
UNSEEN = Path(__file__).parent / "descriptions"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]  # run as user `nobody`
# A build as `nobody` must fail on the output folder, not on a history in pytest's folders, which
# only root may enter: a draft with no history neither reads, locks nor records one.
NO_HISTORY = ["--draft", "--history", "/nonexistent-policygen/none.history.json"]


_HISTORIES: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _histories(tmp_path_factory):
    """The published histories of the repository's descriptions, in a temporary folder: a build
    would otherwise record them beside the description, in the repository (docs/changes.md)."""
    _HISTORIES.append(tmp_path_factory.mktemp("histories"))
    yield
    _HISTORIES.clear()


def policygen(*args: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    """The command line in a new process; ``prefix`` runs it through e.g. ``NOBODY``."""
    if args[0] == "build" and REPO in Path(args[1]).resolve().parents and "--history" not in args:
        args = (*args, "--history", str(_HISTORIES[0] / f"{Path(args[1]).stem}.history.json"))
    command = [*(prefix or []), sys.executable, "-c", "from policygen.cli.main import main; main()", *args]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, cwd=REPO)


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


def run_quietly(command: list[str]) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def as_nobody(*command: str) -> bool:
    """Whether ``command`` (a probe such as ``test -r PATH``) succeeds when run as user ``nobody``."""
    return run_quietly([*NOBODY, *command])


@pytest.fixture
def nobody() -> list[str]:
    """User ``nobody``, who can run this checkout's policygen; else the test is skipped, saying why.

    Permissions do not stop root, so a build that must fail on permissions runs as ``nobody``. That
    needs root, ``setpriv``, and a checkout and interpreter that ``nobody`` can read: a checkout in
    a private (0700) folder is a fine place to work, and then these tests cannot run. Any other
    failure of the build as ``nobody`` is a failure of the test.
    """
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run the build as another user")
    package = Path(importlib.util.find_spec("policygen").origin)
    if not as_nobody(sys.executable, "-c", "pass"):
        pytest.skip(f"user nobody cannot run the interpreter {sys.executable} (a folder above it is private)")
    if not as_nobody("test", "-r", str(package)):
        pytest.skip(f"user nobody cannot read the checkout at {package.parent.parent} "
                    "(a folder above it is private), so it cannot import policygen")
    return NOBODY


def test_unwritable_location_as_another_user(nobody, tmp_path):
    # ``nobody`` can read the site and policygen but cannot write beside the site. tmp_path is
    # private to root, so the build runs in a mount namespace of its own where the site's parent is
    # also seen at /mnt (opening pytest's shared folders to others instead would race with every
    # other pytest run on the machine, which closes them again).
    if not Path("/mnt").is_dir() or not run_quietly(["unshare", "--mount", "true"]):
        pytest.skip("needs /mnt and a private mount namespace (unshare --mount) to show the site to nobody")
    parent = tmp_path / "www"
    parent.mkdir()
    parent.chmod(0o755)
    run = policygen("build", str(EXAMPLE), "--out", str(parent / "site"))
    assert run.returncode == 0, run.stderr
    before = snapshot(parent / "site")
    mount = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
             'mount --bind "$0" /mnt && exec "$@"', str(parent)]
    assert run_quietly([*mount, *nobody, "test", "-r", "/mnt/site/.policygen"]), "nobody must read the site"
    run = policygen("build", str(EXAMPLE), "--out", "/mnt/site", *NO_HISTORY, prefix=[*mount, *nobody])
    assert_untouched(parent / "site", before, run, 2)
    assert "/mnt/site" in run.stderr and "cannot write" in run.stderr


def test_output_inside_a_folder_the_user_cannot_read(nobody, tmp_path):
    out = tmp_path / "site"  # tmp_path is private to root (mode 0700)
    run = policygen("build", str(EXAMPLE), "--out", str(out))
    assert run.returncode == 0, run.stderr
    before = snapshot(out)
    assert not as_nobody("test", "-r", str(out / ".policygen"))
    run = policygen("build", str(EXAMPLE), "--out", str(out), *NO_HISTORY, prefix=nobody)
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


# --- issue 9: hostile overrides and environment values change nothing published ------------------

@pytest.mark.parametrize(("path", "content", "said"), [
    ("sv/policy.md.j2", "# P {#top}\n\n{{ cycler.__init__.__globals__.__builtins__['open']"
                        "('/etc/hostname').read() }}\n", "policy.md.j2:3"),
    ("sv/policy.md.j2", "# P {#top}\n\n{{ range(10**9)|list }}\n", "policy.md.j2:3"),
    ("sv/policy.md.j2", "# P {#top}\n\n{{ 1/0 }}\n", "ZeroDivisionError"),
    ("shared/style.css", "body { color: red }</style><script>alert(1)</script>", "style.css"),
    ("shared/page.html.j2", '{% extends "builtin/shared/page.html.j2" %}{% block content %}'
                            '<a href="javascript:alert(1)">x</a>{% endblock %}', "page.html.j2"),
])
def test_hostile_override_changes_nothing_published(published, tmp_path, path, content, said):
    out, _ = published
    before = snapshot(out)  # a good build above may have added to the archive
    write(tmp_path / "overrides" / path, content)
    run = policygen("build", str(EXAMPLE), "--out", str(out), "--templates",
                    str(tmp_path / "overrides"))
    assert_untouched(out, before, run, 2)
    assert said in run.stderr


def test_bad_source_date_epoch_changes_nothing_published(published):
    out, _ = published
    before = snapshot(out)  # a good build above may have added to the archive
    command = [sys.executable, "-c", "from policygen.cli.main import main; main()", "build",
               str(EXAMPLE), "--out", str(out), "--history", str(_HISTORIES[0] / "example.history.json")]
    run = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO,
                         env=dict(os.environ, SOURCE_DATE_EPOCH="abc"))
    assert_untouched(out, before, run, 2)
    assert "SOURCE_DATE_EPOCH" in run.stderr
