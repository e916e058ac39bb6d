"""An interrupt, wrapped or sent at the worst moment, ends a publish cleanly (policygen/render/publish.py).

A SIGINT delivered while Python imports a module can surface as "RuntimeError: Error calling
__set_name__ …" with the KeyboardInterrupt as its cause (seen on one CPU, in the handbook's
signal test). The staging folder must go, the previous output must stay, and the run must end as
an interrupt, not as a crash that prints a traceback.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from policygen.render import publish
from policygen.render.publish import Marker, publish_folder

MARKER = Marker(".policygen-test", b"test\n")


def _previous(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}


def _write_then(error: BaseException):
    def write(staging: Path) -> None:
        (staging / "page.md").write_text("new\n", encoding="utf-8")
        raise error
    return write


def _wrapped(interrupt: BaseException) -> RuntimeError:
    try:
        try:
            raise interrupt
        except BaseException as inner:
            raise RuntimeError("Error calling __set_name__ on 'Field' instance 'attrs' in 'Token'") from inner
    except RuntimeError as outer:
        return outer


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt(), SystemExit(143)], ids=["SIGINT", "SIGTERM"])
def test_a_wrapped_interrupt_ends_the_run_as_that_interrupt(tmp_path, interrupt):
    out = tmp_path / "site"
    publish_folder(out, lambda staging: (staging / "page.md").write_text("old\n", encoding="utf-8"), marker=MARKER)
    before = _previous(out)
    with pytest.raises(type(interrupt)) as caught:
        publish_folder(out, _write_then(_wrapped(interrupt)), marker=MARKER)
    assert caught.value is interrupt
    assert _previous(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]  # no staging folder left


def test_an_ordinary_error_is_not_taken_for_an_interrupt(tmp_path):
    out = tmp_path / "site"
    with pytest.raises(RuntimeError, match="broken"):
        publish_folder(out, _write_then(RuntimeError("broken")), marker=MARKER)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signal_number, interrupt", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, SystemExit)],
                         ids=["SIGINT", "SIGTERM"])
def test_a_signal_the_moment_the_staging_folder_exists_still_removes_it(tmp_path, monkeypatch, signal_number,
                                                                       interrupt):
    """The handbook's signal test (one CPU, under load) once found the staging folder left behind:
    the signal came after the folder was made but before the code that removes it knew its name.
    Here the signal is sent from inside the making itself, the worst moment."""
    made = publish.make_staging

    def make_then_signal(out: Path) -> Path:
        staging = made(out)
        signal.raise_signal(signal_number)
        return staging

    out = tmp_path / "site"
    publish_folder(out, lambda staging: (staging / "page.md").write_text("old\n", encoding="utf-8"), marker=MARKER)
    before = _previous(out)
    monkeypatch.setattr(publish, "make_staging", make_then_signal)
    with pytest.raises(interrupt):
        publish_folder(out, lambda staging: (staging / "page.md").write_text("new\n", encoding="utf-8"),
                       marker=MARKER)
    assert _previous(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]  # no staging folder left
