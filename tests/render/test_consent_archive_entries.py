"""What a rebuild finds in the published consent archive that is not a consent record.

The archive (``archive/consent/`` in the output folder) is carried into every new build file by
file. An entry that is not a regular file (a named pipe, a folder, a link, a socket), or that is
too large to be a record, is never opened or followed: the build goes on (exit 0), says in the
interface language which entry it did not carry forward and why, and every real record is kept
byte for byte. These run the command in-process, so the reading of each entry is measured here
(the subprocess tests in tests/safety show the same from outside).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policygen.cli.main import main
from policygen.render import consent
from policygen.render.consent import MAX_ARCHIVE_FILE, read_archive

REPO = Path(__file__).resolve().parents[2]
NAME = "7" * 64 + ".json"  # named like a record, so only what it is gives it away
WARNING = {"en": "warning: not carried forward: ", "sv": "varning: fördes inte vidare: "}


def policygen(*args: object) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def records(out: Path) -> dict[str, bytes]:
    folder = out / "archive" / "consent"
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())
            if path.is_file() and not path.is_symlink()}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """The example built once (its Swedish and English consent texts archived); returns the
    output folder."""
    description = tmp_path / "policy.yaml"
    description.write_bytes((REPO / "examples" / "exempel-support.yaml").read_bytes())
    out = tmp_path / "site"
    result = policygen("build", description, "--out", out)
    assert result.exit_code == 0, result.output
    assert len(records(out)) == 2
    return out


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    here = Path.cwd()
    os.chdir(path.parent)  # a socket's path must be short: bind the bare name
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(path.name)
    finally:
        os.chdir(here)


def _link(path: Path) -> None:
    secret = path.parents[3] / "secret.json"
    secret.write_text('{"TOP-SECRET": true}\n', encoding="utf-8")
    path.symlink_to(secret)


def _too_large(path: Path) -> None:
    with path.open("wb") as stream:  # sparse: nothing is written to disk
        stream.truncate(MAX_ARCHIVE_FILE + 1)


PLANTED: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "named pipe": (_fifo, "a named pipe, not a regular file", "en namngiven pipe, ingen vanlig fil"),
    "folder": (Path.mkdir, "a folder, not a regular file", "en mapp, ingen vanlig fil"),
    "link": (_link, "a symbolic link, not a regular file", "en symbolisk länk, ingen vanlig fil"),
    "socket": (_socket, "a socket, not a regular file", "en socket, ingen vanlig fil"),
    "too large": (_too_large, "16,777,217 bytes, too large to be a consent record",
                  "16\u00a0777\u00a0217 byte, för stor för att vara en post om samtycke"),
}


@pytest.mark.parametrize("kind", list(PLANTED))
def test_an_archive_entry_that_is_no_record_is_reported_and_never_read(published: Path,
                                                                        kind: str) -> None:
    plant, english, swedish = PLANTED[kind]
    kept = records(published)
    description = published.parent / "policy.yaml"
    for messages, why in (("en", english), ("sv", swedish)):
        plant(published / "archive" / "consent" / NAME)
        result = policygen("--messages", messages, "build", description, "--out", published,
                           "--lang", "sv")
        assert result.exit_code == 0, result.output
        assert (f"{published}: {WARNING[messages]}archive/consent/{NAME}: {why}\n"
                in result.output)
        assert "Traceback" not in result.output and "TOP-SECRET" not in result.output
        assert records(published) == kept  # every real record is carried, byte for byte
        assert not os.path.lexists(published / "archive" / "consent" / NAME)  # not carried


def test_an_archive_that_is_a_file_is_reported_and_the_records_come_back(published: Path) -> None:
    """With the archive gone, the build restores its texts from the history, and says what it
    found in the archive's place."""
    kept = records(published)
    description = published.parent / "policy.yaml"
    for messages, why in (("en", "archive: cannot be opened as a folder (Not a directory)"),
                          ("sv", "archive: går inte att öppna som mapp (det är ingen mapp)")):
        for path in (published / "archive" / "consent").iterdir():
            path.unlink()
        (published / "archive" / "consent").rmdir()
        (published / "archive").rmdir()
        (published / "archive").write_text("not a folder\n", encoding="utf-8")
        result = policygen("--messages", messages, "build", description, "--out", published,
                           "--lang", "sv")
        assert result.exit_code == 0, result.output
        assert f"{published}: {WARNING[messages]}{why}\n" in result.output
        assert records(published) == kept


def test_an_entry_replaced_between_its_check_and_its_opening_is_not_read(published: Path,
                                                                         monkeypatch) -> None:
    """The file is checked with ``stat`` and then opened; whatever is there when it is opened is
    checked again on the open file, so a pipe swapped in at that instant is skipped, not read."""
    folder = published / "archive" / "consent"
    (folder / NAME).write_text("{}\n", encoding="utf-8")

    class SwapOnOpen:
        """``os`` as the module sees it, except that opening NAME first puts a pipe there."""

        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

        @staticmethod
        def open(path, flags, mode=0o777, *, dir_fd=None):  # noqa: ANN001, ANN205
            if path == NAME:
                os.unlink(NAME, dir_fd=dir_fd)
                os.mkfifo(NAME, dir_fd=dir_fd)
            return os.open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(consent, "os", SwapOnOpen())
    reading = read_archive(published)
    assert reading.skipped == [f"archive/consent/{NAME}: not a regular file"]
    assert NAME not in reading.texts and len(reading.texts) == 2
