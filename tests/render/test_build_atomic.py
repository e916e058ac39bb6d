"""Atomic output: a failed build leaves the previous output as it was; never a half-written folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import description_with, tree, write_fixture_templates  # noqa: E402

from policygen.errors import UserError  # noqa: E402
from policygen.render import documents  # noqa: E402
from policygen.render.build import build  # noqa: E402


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    templates = write_fixture_templates(tmp_path / "templates")
    out = tmp_path / "site"
    build(description_with(), out, user_templates=templates)
    return out, templates, tree(out)


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]


def test_template_error_leaves_previous_output_untouched(previous) -> None:
    out, templates, before = previous
    (templates / "en" / "policy.md.j2").write_text("# Policy {#top}\n\n{{ no_such_value }}\n")
    with pytest.raises(UserError) as caught:
        build(description_with(), out, user_templates=templates)
    assert "policy.md.j2:3:" in caught.value.render()
    assert tree(out) == before
    assert _leftovers(out) == []


def test_failure_while_writing_pdfs_leaves_previous_output_untouched(previous, monkeypatch) -> None:
    out, templates, before = previous
    calls = []

    def failing_pdf(html: str, *, effective) -> bytes:
        calls.append(html)
        if len(calls) == 2:  # the second language, after the first was written in full
            raise OSError(28, "No space left on device")
        return b"%PDF-fake"

    monkeypatch.setattr(documents, "html_to_pdf", failing_pdf)
    with pytest.raises(UserError) as caught:
        build(description_with(), out, user_templates=templates)
    assert "No space left on device" in caught.value.render()
    assert tree(out) == before
    assert _leftovers(out) == []


def test_success_replaces_the_whole_folder(previous) -> None:
    out, templates, before = previous
    (out / "sv" / "stale.html").write_text("from an older build")
    build(description_with(), out, user_templates=templates, languages=["en"])
    after = tree(out)
    assert "sv/stale.html" not in after and "sv/integritetspolicy.html" not in after
    assert {name for name in before if name.startswith("archive/")} <= set(after)
    assert _leftovers(out) == []


@pytest.mark.parametrize("content", ["file", "folder"])
def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path, content: str) -> None:
    out = tmp_path / "project"
    out.mkdir()
    if content == "file":
        (out / "notes.txt").write_text("mine")
    else:
        (out / "src").mkdir()
    templates = write_fixture_templates(tmp_path / "templates")
    with pytest.raises(UserError) as caught:
        build(description_with(), out, user_templates=templates)
    assert "was not made by `policygen build`" in caught.value.render()
    assert [p.name for p in out.iterdir()] == (["notes.txt"] if content == "file" else ["src"])


def test_empty_folder_is_used(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    build(description_with(), out, user_templates=write_fixture_templates(tmp_path / "t"))
    assert (out / ".policygen").is_file() and (out / "index.html").is_file()


@pytest.mark.parametrize("out", [".", ".."])
def test_refuses_the_folder_you_are_in(tmp_path: Path, monkeypatch, out: str) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    here = tmp_path / "here"
    here.mkdir()
    (here / ".policygen").write_text("")  # even one that looks like an earlier build
    (tmp_path / ".policygen").write_text("")
    monkeypatch.chdir(here)
    with pytest.raises(UserError) as caught:
        build(description_with(), out, user_templates=templates)
    assert "the folder you are in" in caught.value.render()
    assert sorted(p.name for p in here.iterdir()) == [".policygen"]


def test_relative_out_is_built_beside_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    build(description_with(), "site", user_templates=templates)
    build(description_with(), "site/", user_templates=templates)
    assert (tmp_path / "site" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "templates"]


def test_unwritable_parent_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError) as caught:
        build(description_with(), blocker / "site", user_templates=write_fixture_templates(tmp_path / "t"))
    assert "cannot write the output" in caught.value.render()


def test_output_folder_is_readable_like_any_other_folder(tmp_path: Path) -> None:
    import os
    import stat

    templates = write_fixture_templates(tmp_path / "templates")
    umask = os.umask(0o022)
    try:
        build(description_with(), tmp_path / "site", user_templates=templates)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o755
    (tmp_path / "site").chmod(0o750)
    build(description_with(), tmp_path / "site", user_templates=templates)
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o750  # the owner's choice is kept
