"""Builds into the same folder at the same time keep every consent text (issue 9).

The consent archive is the proof of consent. Before the lock, four builds at once each copied the
old archive, each printed "archived consent text …", and the last swap won: three texts were gone
in five trials out of five. Now they take turns, and every text any of them archived is there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from safety_helpers import HANG_GUARD, archive, beside, policygen, start, variant

ROUNDS = 3
AT_ONCE = 4


def test_four_builds_at_once_keep_every_consent_text(tmp_path: Path) -> None:
    out = tmp_path / "www" / "site"
    descriptions = tmp_path / "descriptions"
    descriptions.mkdir()
    first = policygen("build", str(variant(descriptions, 0)), "--out", str(out), "--lang", "sv")
    assert first.returncode == 0, first.stderr
    announced = set(re.findall(r"archived consent text sha256:([0-9a-f]{64})", first.stdout))
    number = 0
    for _ in range(ROUNDS):
        builds = []
        for _ in range(AT_ONCE):
            number += 1
            builds.append(start("build", str(variant(descriptions, number)), "--out", str(out),
                                "--lang", "sv"))
        for process in builds:
            stdout, stderr = process.communicate(timeout=HANG_GUARD)
            assert process.returncode == 0, stderr
            assert "Traceback" not in stderr
            announced |= set(re.findall(r"archived consent text sha256:([0-9a-f]{64})", stdout))
        kept = {Path(name).stem for name in archive(out)}
        assert announced <= kept, f"lost: {sorted(announced - kept)}"
    assert len(announced) == 1 + ROUNDS * AT_ONCE  # each variant archived its own text, once
    statements = {json.loads(content)["statement"] for content in archive(out).values()}
    assert {f"(variant {n})" for n in range(number + 1)} == {
        re.search(r"\(variant \d+\)", text).group() for text in statements}
    assert beside(out) == [], "a lock file or staging folder was left beside the output"


def test_a_build_that_cannot_get_the_lock_in_time_is_exit_2(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))
    from build_helpers import description_with

    from policygen.errors import UserError
    from policygen.locks import exclusive_lock
    from policygen.render.build import build

    out = tmp_path / "site"
    notes: list[str] = []
    with exclusive_lock(out, what="a test holding the lock", wait=0):
        with pytest.raises(UserError) as caught:
            build(description_with(), out, languages=["sv"], lock_wait=0.3, on_wait=notes.append)
    message = caught.value.render()
    assert "is running and holds this lock; gave up after waiting 0.3 s" in message
    assert ".site.lock" in message
    assert notes and "waiting for another build into" in notes[0]
    assert not out.exists() and beside(out) == []


def test_the_second_build_waits_for_the_first(tmp_path: Path) -> None:
    """A build started while another holds the folder says it waits, then builds (exit 0)."""
    import time

    from policygen.locks import exclusive_lock

    out = tmp_path / "www" / "site"
    description = variant(tmp_path, 1)
    out.parent.mkdir()
    with exclusive_lock(out, what="a test holding the lock", wait=0):
        waiting = start("build", str(description), "--out", str(out), "--lang", "sv")
        deadline = time.monotonic() + 8  # a build alone takes about 1.5 s here
        while waiting.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert waiting.poll() is None, "the second build did not wait for the lock"
        assert not out.exists()
    stdout, stderr = waiting.communicate(timeout=HANG_GUARD)
    assert waiting.returncode == 0, stderr
    assert "waiting for another build into" in stderr
    assert (out / "index.html").is_file()
