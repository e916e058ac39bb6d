"""Waiting for a lock that a real second holder has (a thread, or another process), in-process.

A writer that finds the lock taken says once that it waits, in the interface language, then gets
the lock as soon as the holder lets go. The holder deletes the lock file as it lets go, so the
waiter, which locked the deleted file, must notice and lock the new one: else two writers could
each hold "the" lock. A lock file that cannot be made is a located exit-2 message.

No timing is asserted: each wait is bounded only by a hang guard of a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from policygen.errors import UserError
from policygen.lang.messages import speaking
from policygen.locks import exclusive_lock, lock_path

HANG_GUARD = 60  # seconds
WAITING = {"en": "waiting for a test's writer, which is running (lock {path}) …",
           "sv": "väntar på a test's writer, som pågår (lås {path}) …"}


class ThreadHolder:
    """Holds the lock on ``target`` in a thread until :meth:`release`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.holding = threading.Event()
        self.let_go = threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)
        self.thread.start()
        assert self.holding.wait(HANG_GUARD), "the holder never got the lock"

    def _hold(self) -> None:
        with exclusive_lock(self.target, what="the holder", wait=0):
            self.holding.set()
            self.let_go.wait(HANG_GUARD)

    def release(self) -> None:
        self.let_go.set()
        self.thread.join(HANG_GUARD)
        assert not self.thread.is_alive(), "the holder did not let go"


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_writer_waits_for_a_thread_holding_the_lock_then_locks_the_new_file(
        tmp_path: Path, messages: str) -> None:
    target = tmp_path / "site"
    holder = ThreadHolder(target)
    told: list[str] = []

    def on_wait(message: str) -> None:  # called once, while the holder still holds the lock
        told.append(message)
        assert lock_path(target).exists()
        holder.release()  # deletes the file the waiter has open

    with speaking(messages), exclusive_lock(target, what="a test's writer", wait=HANG_GUARD,
                                            on_wait=on_wait) as path:
        assert not holder.thread.is_alive()
        assert path == lock_path(target) and path.exists()
        with pytest.raises(UserError):  # the file the path names now is the one held
            with exclusive_lock(target, what="a third writer", wait=0):
                pass
    assert told == [WAITING[messages].format(path=lock_path(target))]
    assert not lock_path(target).exists()  # nothing left beside the output


HOLD = """
import sys
from pathlib import Path
from policygen.locks import exclusive_lock

with exclusive_lock(Path(sys.argv[1]), what="the other process", wait=0):
    print("holding", flush=True)
    sys.stdin.read()  # until the test closes our input
"""


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_writer_waits_for_another_process_holding_the_lock(tmp_path: Path,
                                                            messages: str) -> None:
    target = tmp_path / "handbook"
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(target)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    try:
        assert other.stdout.readline() == "holding\n"
        told: list[str] = []

        def on_wait(message: str) -> None:
            told.append(message)
            other.stdin.close()  # the other process lets go and ends

        with speaking(messages), exclusive_lock(target, what="a test's writer", wait=HANG_GUARD,
                                                on_wait=on_wait) as path:
            assert other.wait(HANG_GUARD) == 0  # it ended before we got the lock
            assert path.exists()
        assert told == [WAITING[messages].format(path=lock_path(target))]
        assert not lock_path(target).exists()
    finally:
        if other.poll() is None:
            other.kill()
            other.wait(HANG_GUARD)


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_writer_that_waits_in_vain_gives_up_with_a_hint(tmp_path: Path, messages: str) -> None:
    target = tmp_path / "site"
    holder = ThreadHolder(target)
    try:
        with speaking(messages), pytest.raises(UserError) as caught:
            with exclusive_lock(target, what="a test's writer", wait=0.2):
                pass
    finally:
        holder.release()
    said = {"en": f"{lock_path(target)}: a test's writer is running and holds this lock; gave up "
                  "after waiting 0.2 s\n  hint: wait until the other one has finished, then run "
                  "again; the lock is released as soon as that process ends",
            "sv": f"{lock_path(target)}: a test's writer pågår och håller låset. Gav upp efter att "
                  "ha väntat i 0.2 s\n  tips: vänta tills den andra är klar och kör sedan igen. "
                  "Låset släpps så fort den processen avslutas"}
    with speaking(messages):
        assert caught.value.render() == said[messages]


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_lock_file_that_cannot_be_made_is_a_located_error(tmp_path: Path,
                                                           messages: str) -> None:
    target = tmp_path / "missing" / "site"  # its folder does not exist: root cannot create it either
    with speaking(messages), pytest.raises(UserError) as caught:
        with exclusive_lock(target, what="a test's writer"):
            pass
    said = {"en": f"{target}: cannot write site: cannot create its lock file {lock_path(target)} "
                  "(No such file or directory)\n  hint: check that the folder exists and is "
                  "writable; nothing was changed",
            "sv": f"{target}: kan inte skriva site: kan inte skapa låsfilen {lock_path(target)} "
                  "(filen eller mappen finns inte)\n  tips: kontrollera att mappen finns och att "
                  "du får skriva i den. Inget har ändrats"}
    with speaking(messages):
        assert caught.value.render() == said[messages]
    assert not (tmp_path / "missing").exists()


def test_a_lock_file_that_is_a_link_is_refused_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "site"
    elsewhere = tmp_path / "elsewhere"
    lock_path(target).symlink_to(elsewhere)
    with speaking("en"), pytest.raises(UserError) as caught:
        with exclusive_lock(target, what="a test's writer"):
            pass
    assert caught.value.render() == (
        f"{target}: the lock file {lock_path(target)} is a symbolic link; refusing to follow it\n"
        "  hint: remove that link (policygen makes the lock file itself)")
    assert not elsewhere.exists() and lock_path(target).is_symlink()
