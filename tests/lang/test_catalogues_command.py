"""``python -m policygen.lang.catalogues missing|compile|add`` (``make messages``), run in-process
through its ``main`` on a copy of the catalogues in a temporary folder: the repository's own
catalogues are read by the other tests and never written here.
"""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest

from policygen.lang import catalogues
from policygen.lang.messages import speaking

PACKAGE = Path(catalogues.__file__).resolve().parents[1]


@pytest.fixture
def copy(tmp_path: Path, monkeypatch) -> Path:
    """The Swedish catalogues copied to ``<tmp>/policygen/locale``, which the command then uses;
    returns the folder of the ``.po`` and ``.mo`` files."""
    package = tmp_path / "policygen"
    shutil.copytree(PACKAGE / "locale", package / "locale")
    monkeypatch.setattr(catalogues, "CATALOGUES", package / "locale")
    monkeypatch.setattr(catalogues, "PACKAGE", package)
    return package / "locale" / "sv" / "LC_MESSAGES"


def _line_of(relative: str, text: str) -> int:
    """The first line of ``policygen/<relative>`` where ``text`` is written as a string."""
    lines = (PACKAGE / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if f'"{text}"' in line)


def _drop_entry(po: Path, msgid: str) -> None:
    text = po.read_text(encoding="utf-8")
    entry = re.compile(r'(?:#[^\n]*\n)*msgid "' + re.escape(msgid) + r'"\nmsgstr "[^\n]*"\n\n?')
    assert len(entry.findall(text)) == 1
    po.write_text(entry.sub("", text), encoding="utf-8")


def _set_translation(po: Path, msgid: str, translation: str) -> None:
    text = po.read_text(encoding="utf-8")
    entry = re.compile(r'(msgid "' + re.escape(msgid) + r'"\nmsgstr )"[^\n]*"')
    assert len(entry.findall(text)) == 1
    po.write_text(entry.sub(lambda match: match.group(1) + f'"{translation}"', text),
                  encoding="utf-8")


def test_missing_is_silent_when_every_text_is_translated(copy: Path, capsys) -> None:
    assert catalogues.main(["missing"]) == 0
    assert capsys.readouterr().out == ""


def test_missing_names_each_untranslated_text_where_the_code_marks_it(copy: Path, capsys) -> None:
    _drop_entry(copy / "check.po", "check .md, .html or .txt files")
    _set_translation(copy / "check.po", "cannot read this folder ({error})",
                     "kan inte läsa mappen ({fel})")  # a placeholder renamed would raise
    assert catalogues.main(["missing"]) == 1  # untranslated texts: a gate that fails
    said = capsys.readouterr().out.splitlines()
    assert sorted(said) == sorted([
        f"check/sources.py:{_line_of('check/sources.py', 'check .md, .html or .txt files')}: "
        "'check .md, .html or .txt files'",
        f"check/sources.py:{_line_of('check/sources.py', 'cannot read this folder ({error})')}: "
        "'cannot read this folder ({error})'",
    ])


def test_compile_writes_only_the_changed_catalogue_and_it_speaks_the_new_text(copy: Path,
                                                                             capsys) -> None:
    assert catalogues.main(["compile"]) == 0
    assert capsys.readouterr().out == ""  # the copies are up to date
    _set_translation(copy / "check.po", "the file is empty", "filen är alldeles tom")
    others = {path.name: path.read_bytes() for path in copy.glob("*.mo") if path.name != "check.mo"}
    assert catalogues.main(["compile"]) == 0
    assert capsys.readouterr().out == "compiled policygen/locale/sv/LC_MESSAGES/check.mo\n"
    assert {path.name: path.read_bytes() for path in copy.glob("*.mo")
            if path.name != "check.mo"} == others
    with (copy / "check.mo").open("rb") as stream:
        assert gettext.GNUTranslations(stream).gettext("the file is empty") == "filen är alldeles tom"
    assert catalogues.main(["compile"]) == 0
    assert capsys.readouterr().out == ""


def test_add_appends_the_missing_texts_of_one_folder_untranslated(copy: Path, capsys) -> None:
    _drop_entry(copy / "check.po", "check .md, .html or .txt files")
    _drop_entry(copy / "cli.po", "give --out the real folder")
    assert catalogues.main(["add", "check", "--under", "check"]) == 0
    assert capsys.readouterr().out == "added 1 texts to check.po\n"
    added = catalogues.read_catalogue(copy / "check.po")["check .md, .html or .txt files"]
    assert added is not None and added.string == ""  # for a translator to fill in
    assert "give --out the real folder" not in catalogues.read_catalogue(copy / "check.po")
    assert catalogues.main(["add", "check", "--under", "check"]) == 0
    assert capsys.readouterr().out == "added 0 texts to check.po\n"  # already there, untranslated
    assert catalogues.main(["missing"]) == 1
    assert sorted(line.split(": ", 1)[1] for line in capsys.readouterr().out.splitlines()) == [
        "'check .md, .html or .txt files'", "'give --out the real folder'"]


def test_add_to_a_new_part_creates_it(copy: Path, capsys) -> None:
    _drop_entry(copy / "cli.po", "give --out the real folder")
    assert catalogues.main(["add", "newpart", "--under", "render"]) == 0
    assert capsys.readouterr().out == "added 1 texts to newpart.po\n"
    assert [entry.id for entry in catalogues.read_catalogue(copy / "newpart.po") if entry.id] == [
        "give --out the real folder"]


@pytest.mark.parametrize("argv", [[], ["translate"], ["add"]])
def test_a_wrong_command_line_is_exit_2_with_the_usage(copy: Path, capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        catalogues.main(argv)
    assert caught.value.code == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.startswith("usage: python -m policygen.lang.catalogues")
    assert {(): "the following arguments are required: command",
            ("translate",): "invalid choice: 'translate'",
            ("add",): "the following arguments are required: part"}[tuple(argv)] in said.err


@pytest.mark.parametrize("command", ["compile", "missing"])
def test_a_line_that_is_no_po_entry_is_a_located_exit_2_and_nothing_is_compiled(
        copy: Path, capsys, command: str) -> None:
    """Babel by default warns and drops the entry: its translation would vanish from the .mo."""
    po = copy / "check.po"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, "this is not po\n")
    po.write_text("".join(lines), encoding="utf-8")
    compiled = {path.name: path.read_bytes() for path in copy.glob("*.mo")}
    with speaking("en"):  # the maintainers' tool speaks English; only "hint:" is translated
        assert catalogues.main([command]) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (f"{po}:4:1: Unknown or misformatted keyword: 'this is not po'\n"
                        '  hint: write each entry as msgid "…" then msgstr "…"\n')
    assert {path.name: path.read_bytes() for path in copy.glob("*.mo")} == compiled
