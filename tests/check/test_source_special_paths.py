"""``policygen check`` on what is not a readable regular file, in-process: exit 2 (or a skipped
entry inside a folder), one message naming the path and why, in English and Swedish, with a hint,
and the run goes on with the good files.

Before: a named path that could not be looked at (too long, or under a folder this user may not
open) was a traceback, and a file that became a folder after the walk was called "a device, pipe
or socket".
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policygen.check.sources import BadInput, SourceFile, discover, read_source
from policygen.cli.main import main
from policygen.errors import Problem

PROSE = "Vi sparar dina uppgifter så länge du är kund. Du kan när som helst be oss ta bort dem.\n"
HINT = {"en": "hint: ", "sv": "tips: "}
SPECIAL_HINT = {"en": "check .md, .html or .txt files, or a folder of them",
                "sv": "granska .md-, .html- eller .txt-filer, eller en mapp med sådana filer"}
KIND = {"named pipe": ("a named pipe", "en namngiven pipe"),
        "device": ("a device", "en enhetsfil"),
        "socket": ("a socket", "en socket"),
        "folder": ("a folder", "en mapp")}
PATH_HINT = {"en": "check the path, and that you may open each folder on the way",
             "sv": "kontrollera sökvägen, och att du får öppna varje mapp på vägen"}
AS_ROOT = os.geteuid() == 0


def check(*args: object) -> Result:
    return CliRunner().invoke(main, ["check", *(str(arg) for arg in args)], catch_exceptions=False)


@pytest.fixture
def here(tmp_path: Path, monkeypatch) -> Path:
    """Work in the temporary folder: no configuration file of the repository applies."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(PROSE, encoding="utf-8")
    return tmp_path


def _special(folder: Path, kind: str) -> str:
    if kind == "device":
        return "/dev/null"
    if kind == "named pipe":
        os.mkfifo(folder / "pipe.md")
        return str(folder / "pipe.md")
    with socket.socket(socket.AF_UNIX) as server:  # relative: a socket's path must be short
        server.bind("socket.md")
    return "socket.md"


def _deep(folder: Path, levels: int = 25) -> tuple[Path, Path]:
    """Folders of 200-character names, ``levels`` deep, with a policy at the bottom: a path longer
    than the system's limit (4,096 bytes), which no user, not even root, can open by its name.
    Returns the top folder and the policy's path."""
    name = "n" * 200
    top = folder / "deep"
    top.mkdir()
    descriptor = os.open(top, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir(name, dir_fd=descriptor)
            inner = os.open(name, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        written = os.open("policy.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
        os.write(written, PROSE.encode())
        os.close(written)
    finally:
        os.close(descriptor)
    return top, top.joinpath(*[name] * levels, "policy.md")


def _report(result: Result) -> list[str]:
    return [file["path"] for file in json.loads(result.stdout)["files"]]


@pytest.mark.parametrize("messages", ["en", "sv"])
@pytest.mark.parametrize("kind", ["named pipe", "device", "socket"])
def test_a_named_special_file_is_exit_2_and_the_run_goes_on(here: Path, kind: str,
                                                            messages: str) -> None:
    path = _special(here, kind)
    result = check("--messages", messages, path, "good.md", "--format", "json")
    assert result.exit_code == 2, result.output
    said = {"en": f"{KIND[kind][0]}, not a regular file or folder",
            "sv": f"{KIND[kind][1]}, inte en vanlig fil eller mapp"}[messages]
    assert f"{path}: {said}\n  {HINT[messages]}{SPECIAL_HINT[messages]}\n" in result.stderr
    assert "Traceback" not in result.output
    assert _report(result) == ["good.md"]


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_named_path_too_long_to_open_is_exit_2_not_a_traceback(here: Path,
                                                                 messages: str) -> None:
    _, policy = _deep(here)
    result = check("--messages", messages, policy, "good.md", "--format", "json")
    assert result.exit_code == 2, result.output
    said = {"en": "cannot read it (File name too long)",
            "sv": "går inte att läsa (filnamnet är för långt)"}[messages]
    assert f"{policy}: {said}\n  {HINT[messages]}{PATH_HINT[messages]}\n" in result.stderr
    assert _report(result) == ["good.md"]


@pytest.mark.skipif(AS_ROOT, reason="permissions do not stop root; the too-long path above "
                                     "takes the same way as root")
@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_named_file_in_a_folder_that_may_not_be_opened_is_exit_2(here: Path,
                                                                  messages: str) -> None:
    locked = here / "locked"
    locked.mkdir()
    (locked / "policy.md").write_text(PROSE, encoding="utf-8")
    locked.chmod(0)
    try:
        result = check("--messages", messages, locked / "policy.md", "good.md", "--format", "json")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2, result.output
    said = {"en": "cannot read it (Permission denied)",
            "sv": "går inte att läsa (du saknar behörighet)"}[messages]
    assert f"{locked / 'policy.md'}: {said}\n  {HINT[messages]}{PATH_HINT[messages]}\n" in result.stderr
    assert _report(result) == ["good.md"]


@pytest.mark.skipif(AS_ROOT, reason="permissions do not stop root; "
                                     "test_a_file_that_cannot_be_opened_is_bad_input takes the "
                                     "same way as root")
@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_file_without_read_permission_is_exit_2(here: Path, messages: str) -> None:
    secret = here / "secret.md"
    secret.write_text(PROSE, encoding="utf-8")
    secret.chmod(0)
    result = check("--messages", messages, secret, "good.md", "--format", "json")
    assert result.exit_code == 2, result.output
    said = {"en": "cannot read the file: Permission denied",
            "sv": "kan inte läsa filen: du saknar behörighet"}[messages]
    assert f"{secret}: {said}\n" in result.stderr
    assert _report(result) == ["good.md"]


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_folder_too_deep_to_open_and_a_link_loop_are_skipped_and_said(here: Path,
                                                                       messages: str) -> None:
    top, _ = _deep(here)
    (top / "a.md").write_text(PROSE, encoding="utf-8")
    (top / "loop.md").symlink_to("loop.md")
    result = check("--messages", messages, top, "--format", "json")
    assert result.exit_code == 0, result.output
    deepest = top / ("n" * 200)  # the first folder whose path is too long to open
    while len(os.fsencode(str(deepest))) < os.pathconf(top, "PC_PATH_MAX"):
        deepest = deepest / ("n" * 200)
    skipped = {"en": "skipped", "sv": "hoppades över"}[messages]
    folder = {"en": "cannot read this folder (File name too long)",
              "sv": "kan inte läsa mappen (filnamnet är för långt)"}[messages]
    loop = {"en": "cannot read it (Too many levels of symbolic links)",
            "sv": "går inte att läsa (för många symboliska länkar i rad)"}[messages]
    assert f"{top / 'loop.md'}: {skipped}: {loop}\n" in result.stderr
    assert f"{deepest}: {skipped}: {folder}\n" in result.stderr
    assert _report(result) == [str(top / "a.md")]


# --- what is found at a walked file's place when it is read --------------------------------
# The walk and the reading are two steps: a file may become something else in between. The
# reading opens without blocking and checks what it opened.

def test_a_file_that_became_a_folder_or_a_pipe_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(PROSE, encoding="utf-8")
    (tmp_path / "b.md").write_text(PROSE, encoding="utf-8")
    files, problems = discover([str(tmp_path)])
    assert problems == [] and [Path(file.path).name for file in files] == ["a.md", "b.md"]
    (tmp_path / "a.md").unlink()
    (tmp_path / "a.md").mkdir()
    (tmp_path / "b.md").unlink()
    os.mkfifo(tmp_path / "b.md")  # no writer: reading it would wait for ever
    said = []
    for file in files:
        with pytest.raises(BadInput) as caught:
            read_source(file)
        said.append(caught.value.problem)
    hint = "check .md, .html or .txt files"
    assert said == [Problem(str(tmp_path / "a.md"), "a folder, not a regular file", hint=hint),
                    Problem(str(tmp_path / "b.md"), "a named pipe, not a regular file", hint=hint)]


def test_a_file_that_cannot_be_opened_is_bad_input(tmp_path: Path) -> None:
    """Works as root too: no permission check is involved, the name is too long to open."""
    _, policy = _deep(tmp_path)
    with pytest.raises(BadInput) as caught:
        read_source(SourceFile(str(policy), policy, "md"))
    assert caught.value.problem == Problem(str(policy),
                                           "cannot read the file: File name too long")
