"""Where ``renameat2`` is missing (another kernel or C library, a file system that refuses the
exchange), the output folder is replaced by two renames; these tests run that path in-process by
making ``renameat2`` unavailable, and check what the user is promised: the new output in place,
the previous one gone, and on a failed second rename the previous output back where it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policygen.render import output_dir
from policygen.render.output_dir import STAGING_TAG, swap_into_place


def _folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "index.md").write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_renameat2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output_dir, "_renameat2", lambda first, second, flags: False)


def test_two_renames_replace_the_output_and_delete_the_previous_one(tmp_path: Path, no_renameat2) -> None:
    out = _folder(tmp_path / "site", "old")
    staging = _folder(tmp_path / f"site.{STAGING_TAG}1", "new")
    swapped = swap_into_place(staging, out, replacing=True)
    assert swapped.left_behind is None and swapped.error == ""
    assert (out / "index.md").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_failed_second_rename_puts_the_previous_output_back(tmp_path: Path, no_renameat2,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = _folder(tmp_path / "site", "old")
    staging = _folder(tmp_path / f"site.{STAGING_TAG}1", "new")
    real_rename = os.rename

    def rename(source, target):  # noqa: ANN001 - os.rename's own arguments
        if Path(source) == staging:
            raise OSError(28, "No space left on device", str(target))
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError, match="No space left"):
        swap_into_place(staging, out, replacing=True)
    assert (out / "index.md").read_text(encoding="utf-8") == "old"
    assert (staging / "index.md").read_text(encoding="utf-8") == "new"  # the caller removes it
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", staging.name]


def test_a_first_publication_never_replaces_a_folder_that_appeared(tmp_path: Path, no_renameat2) -> None:
    staging = _folder(tmp_path / f"site.{STAGING_TAG}1", "new")
    appeared = _folder(tmp_path / "site", "someone else's")
    with pytest.raises(OSError) as raised:
        swap_into_place(staging, appeared, replacing=False)
    assert raised.value.strerror == output_dir.APPEARED
    assert (appeared / "index.md").read_text(encoding="utf-8") == "someone else's"


def test_a_first_publication_by_one_rename(tmp_path: Path, no_renameat2) -> None:
    staging = _folder(tmp_path / f"site.{STAGING_TAG}1", "new")
    swap_into_place(staging, tmp_path / "site", replacing=False)
    assert (tmp_path / "site" / "index.md").read_text(encoding="utf-8") == "new"
    assert not staging.exists()
