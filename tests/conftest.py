"""The whole suite's options and its sealed environment.

pytest reads command-line options only from start-up conftests, so ``--update-golden`` is declared
here. The rest of this file makes the suite pass on any machine and prove that it writes only
inside its temporary folders:

- ``HOME``, the XDG folders and hypothesis's storage point at a fresh folder of the session, set
  when this file is imported, before any test module is (module-level code runs at collection);
  ``TMPDIR`` points at a folder of pytest's ``tmp_path_factory`` while the tests run;
- the session fails if anything was left in that home or temporary folder (a cache in
  ``~/.cache``, a temporary file nobody removed), or if a file in the repository was created,
  changed or removed (a built ``site/``, a ``.hypothesis/`` folder, a rewritten golden file
  without ``--update-golden``);
- hypothesis keeps no example database.

Time zone and locale are deliberately left as the caller set them: the suite must pass in any
(``tests/e2e/test_any_environment.py`` runs the tool under foreign ones and compares bytes).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
UNWATCHED = {".git", ".venv"}  # version control and the installer's environment, not the project

sys.dont_write_bytecode = True  # no __pycache__ beside the test modules imported from here on


def _files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (outside ``UNWATCHED``): relative path → (size, mtime in ns)."""
    found: dict[str, tuple[int, int]] = {}
    for folder, subfolders, names in os.walk(root):
        if Path(folder) == root:
            subfolders[:] = [name for name in subfolders if name not in UNWATCHED]
        for name in names:
            path = Path(folder) / name
            try:
                stat = path.lstat()
            except FileNotFoundError:  # removed while we walked
                continue
            found[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return found


SESSION = Path(tempfile.mkdtemp(prefix="policygen-tests-"))
HOME = SESSION / "home"
HOME.mkdir()
os.environ.update({
    "HOME": str(HOME),
    "XDG_CACHE_HOME": str(HOME / ".cache"),
    "XDG_CONFIG_HOME": str(HOME / ".config"),
    "XDG_DATA_HOME": str(HOME / ".local" / "share"),
    "XDG_STATE_HOME": str(HOME / ".local" / "state"),
    "HYPOTHESIS_STORAGE_DIRECTORY": str(SESSION / "hypothesis"),
    "PYTHONDONTWRITEBYTECODE": "1",
})
REPOSITORY_BEFORE = _files(REPO)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SESSION, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current templates (a deliberate change)")


def _hypothesis_profiles() -> None:
    """Local runs explore new random examples; CI (``CI=true``) replays a fixed, derandomised set.

    A property test that finds a new counter-example should fail on a developer's machine, where
    it can be fixed and kept as an ``@example``, not at random in the gate that decides what lands.
    Neither profile keeps an example database (it would be written into the working directory);
    a failure prints a ``@reproduce_failure`` blob instead.
    """
    from hypothesis import settings

    settings.register_profile("dev", database=None, print_blob=True)
    settings.register_profile("ci", database=None, print_blob=True, derandomize=True)
    settings.load_profile("ci" if os.environ.get("CI") else "dev")


_hypothesis_profiles()


def _leftovers(folder: Path) -> list[str]:
    """Files left in ``folder`` and folders left empty; a folder with many files is one line."""
    found = sorted(path.relative_to(folder) for path in folder.rglob("*")
                   if not path.is_dir() or not any(path.iterdir()))
    return _summary([str(path) for path in found])


def _summary(names: list[str]) -> list[str]:
    """``names``, with the files of a folder holding more than three shown as one line."""
    by_folder: dict[str, list[str]] = {}
    for name in names:
        by_folder.setdefault(str(Path(name).parent), []).append(name)
    lines = []
    for folder, files in by_folder.items():
        lines.extend([f"{folder}/ ({len(files)} files, e.g. {Path(files[0]).name})"] if len(files) > 3 else files)
    return lines


def _updating(config: pytest.Config) -> bool:
    """A deliberate rewrite of golden files or snapshots may change the repository."""
    return bool(config.getoption("--update-golden")) or os.environ.get("POLICYGEN_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="session", autouse=True)
def sealed_environment(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[None]:
    """A temporary folder for the tests' session, then the check that nothing was left behind.

    Child processes inherit ``TMPDIR``; ``tempfile`` in this process is pointed at the same folder.
    Anything left there or in the session's home, or any file created, changed or removed in the
    repository since this file was imported, fails the session with the list of paths.
    """
    temporary = tmp_path_factory.mktemp("tmp")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(temporary))
        patch.setattr(tempfile, "tempdir", str(temporary))
        yield

    problems = [f"written into HOME ({HOME}): {name}" for name in _leftovers(HOME)]
    # multiprocessing keeps its forkserver's socket in a ``pymp-*`` folder of TMPDIR for the life of
    # this process (``check --jobs`` run in-process starts one) and removes it when the process exits.
    problems += [f"left in TMPDIR ({temporary}): {name}" for name in _leftovers(temporary)
                 if not name.startswith("pymp-")]
    if not _updating(request.config):
        after = _files(REPO)
        problems += [f"written into the repository: {name}" for name in
                     _summary([name for name, state in sorted(after.items()) if REPOSITORY_BEFORE.get(name) != state])]
        problems += [f"removed from the repository: {name}" for name in
                     _summary([name for name in sorted(REPOSITORY_BEFORE) if name not in after])]
    if problems:
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        pytest.fail("the tests wrote outside their temporary folders:\n  " + "\n  ".join(shown), pytrace=False)



@contextmanager
def _fixed_build_time() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        yield


@pytest.fixture(scope="session")
def fixed_build_time() -> Callable[[], AbstractContextManager[None]]:
    """A context in which session-wide builds stamp one fixed time (``SOURCE_DATE_EPOCH``), as the
    golden files were made; the variable is restored after it, so other tests see the caller's."""
    return _fixed_build_time
