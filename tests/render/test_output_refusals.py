"""Every ``--out`` that ``build`` (and ``handbook``) refuses to replace, run in-process: exit 2, one
message naming the folder and why, in English and Swedish, with a hint — and nothing in or beside
the folder changed, no history written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policygen.cli.main import main

REPO = Path(__file__).resolve().parents[2]
HINT = {"en": "hint: ", "sv": "tips: "}


def policygen(*args: object) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def tree(folder: Path) -> dict[str, object]:
    """Every entry under ``folder``: a file's bytes, a link's target, or what kind it is."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = ("link", os.readlink(path))
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "folder" if path.is_dir() else "special"
    return found


@pytest.fixture
def work(tmp_path: Path, monkeypatch) -> Path:
    """A project folder with the example description, where the command runs."""
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "policy.yaml").write_bytes(
        (REPO / "examples" / "exempel-support.yaml").read_bytes())
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def _foreign(work: Path) -> Path:
    (work / "site").mkdir()
    (work / "site" / "notes.txt").write_text("mine\n", encoding="utf-8")
    return work / "site"


def _link(work: Path) -> Path:
    (work / "real").mkdir()
    (work / "site").symlink_to(work / "real")
    return work / "site"


def _pipe(work: Path) -> Path:
    os.mkfifo(work / "site")
    return work / "site"


def _git(work: Path) -> Path:
    (work / "site" / ".git").mkdir(parents=True)
    (work / "site" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (work / "site" / ".policygen").write_text("", encoding="utf-8")  # even when marked as ours
    return work / "site"


def _handbook(work: Path) -> Path:
    (work / "hb").mkdir()
    (work / "hb" / ".policygen-handbook").write_text("", encoding="utf-8")
    return work / "hb"


def _inside_handbook(work: Path) -> Path:
    (_handbook(work) / "site").mkdir()
    return work / "hb" / "site"


def _here(work: Path) -> Path:
    return work


def _above(work: Path) -> Path:
    return work.parent


def _too_long(work: Path) -> Path:
    return work.joinpath(*["m" * 200] * 25)


BUILD = "`policygen build`"
CASES: dict[str, tuple[Callable[[Path], Path], Callable[[Path], tuple[str, str, str, str]]]] = {
    "a folder with files of someone else's": (_foreign, lambda work: (
        f"this folder is not empty and was not made by {BUILD}; refusing to replace it",
        f"give --out a new or empty folder, or a folder {BUILD} wrote before",
        f"mappen är inte tom och skapades inte av {BUILD}. policygen ersätter den inte",
        f"ge --out en ny eller tom mapp, eller en mapp som {BUILD} har skrivit tidigare")),
    "a symbolic link": (_link, lambda work: (
        f"the output path is a symbolic link; {BUILD} replaces the folder itself, not the link's "
        "target",
        "give --out the real folder",
        f"utdatasökvägen är en symbolisk länk. {BUILD} ersätter själva mappen, inte det som "
        "länken pekar på",
        "ge --out den verkliga mappen")),
    "a named pipe": (_pipe, lambda work: (
        "the output path exists and is not a folder", "choose another --out",
        "resultatsökvägen finns redan och är ingen mapp", "välj en annan --out")),
    "a folder with .git": (_git, lambda work: (
        f"the output folder holds a `.git` folder; {BUILD} replaces the output folder as a whole "
        "and would delete it",
        "write into a folder of its own (e.g. --out site) and copy or deploy from there",
        f"utdatamappen innehåller en `.git`-mapp. {BUILD} ersätter hela utdatamappen och skulle "
        "radera den",
        "skriv till en egen mapp (till exempel --out site) och kopiera eller publicera därifrån")),
    "the handbook's folder": (_handbook, lambda work: (
        f"this folder was made by `policygen handbook` (the internal support handbook); {BUILD} "
        "never writes into or inside it",
        "keep the public site and the internal handbook in separate folders, neither inside the "
        "other",
        "mappen skapades av `policygen handbook` (supportens interna handbok). "
        f"{BUILD} skriver aldrig i den eller i en mapp inuti den",
        "håll den offentliga webbplatsen och den interna handboken i olika mappar, och ingen av "
        "dem inuti den andra")),
    "a folder inside the handbook's": (_inside_handbook, lambda work: (
        f"{work / 'hb'}, which holds it, was made by `policygen handbook` (the internal support "
        f"handbook); {BUILD} never writes into or inside it",
        "keep the public site and the internal handbook in separate folders, neither inside the "
        "other",
        f"{work / 'hb'}, som innehåller den, skapades av `policygen handbook` (supportens interna "
        f"handbok). {BUILD} skriver aldrig i den eller i en mapp inuti den",
        "håll den offentliga webbplatsen och den interna handboken i olika mappar, och ingen av "
        "dem inuti den andra")),
    "the folder you are in": (_here, lambda work: (
        f"the output folder is the folder you are in (or holds it); {BUILD} replaces the output "
        "folder as a whole",
        "give --out a folder of its own, for example --out site",
        f"utdatamappen är mappen du står i (eller innehåller den). {BUILD} ersätter hela "
        "utdatamappen",
        "ge --out en egen mapp, till exempel --out site")),
    "a folder that holds the one you are in": (_above, lambda work: (
        f"the output folder is the folder you are in (or holds it); {BUILD} replaces the output "
        "folder as a whole",
        "give --out a folder of its own, for example --out site",
        f"utdatamappen är mappen du står i (eller innehåller den). {BUILD} ersätter hela "
        "utdatamappen",
        "ge --out en egen mapp, till exempel --out site")),
    "a path too long to look at": (_too_long, lambda work: (
        "cannot read the output folder: File name too long",
        "give --out a shorter path: a folder's name may have at most 255 bytes",
        "kan inte läsa resultatmappen: filnamnet är för långt",
        "ge --out en kortare sökväg: en mapps namn får vara högst 255 byte långt")),
}


@pytest.mark.parametrize("messages", ["en", "sv"])
@pytest.mark.parametrize("case", list(CASES))
def test_build_refuses_an_output_it_may_not_replace(work: Path, case: str, messages: str) -> None:
    make, said = CASES[case]
    out = make(work)
    english, english_hint, swedish, swedish_hint = said(work)
    message, hint = (english, english_hint) if messages == "en" else (swedish, swedish_hint)
    before = tree(work.parent)
    result = policygen("--messages", messages, "build", work / "policy.yaml", "--out", out,
                       "--lang", "sv")
    assert result.exit_code == 2, result.output
    assert f"{out}: {message}\n  {HINT[messages]}{hint}\n" in result.output
    assert "Traceback" not in result.output
    assert tree(work.parent) == before  # nothing replaced, nothing beside it, no history


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_build_refuses_an_output_folder_that_holds_its_description(work: Path,
                                                                   messages: str) -> None:
    (work / "site").mkdir()
    description = work / "site" / "policy.yaml"
    (work / "policy.yaml").rename(description)
    before = tree(work)
    result = policygen("--messages", messages, "build", description, "--out", work / "site",
                       "--lang", "sv")
    assert result.exit_code == 2, result.output
    said = {"en": f"{work / 'site'}: the output folder holds {description}, which {BUILD} reads; "
                  f"it replaces the output folder as a whole and would delete it\n"
                  f"  hint: keep the description and the templates outside the output folder\n",
            "sv": f"{work / 'site'}: utdatamappen innehåller {description}, som {BUILD} läser. "
                  f"Utdatamappen ersätts i sin helhet, så filen skulle raderas\n"
                  f"  tips: ha beskrivningen och mallarna utanför resultatmappen\n"}
    assert said[messages] in result.output
    assert tree(work) == before


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_handbook_refuses_the_public_sites_folder(work: Path, messages: str) -> None:
    site = work / "site"
    built = policygen("build", work / "policy.yaml", "--out", site, "--lang", "sv")
    assert built.exit_code == 0, built.output
    before = tree(work)
    result = policygen("--messages", messages, "handbook", work / "policy.yaml", "--out", site,
                       "--lang", "sv")
    assert result.exit_code == 2, result.output
    said = {"en": f"{site}: this folder was made by {BUILD} (a public site); `policygen handbook` "
                  "never writes into or inside it\n",
            "sv": f"{site}: mappen skapades av {BUILD} (en offentlig webbplats). "
                  "`policygen handbook` skriver aldrig i den eller i en mapp inuti den\n"}
    assert said[messages] in result.output
    assert tree(work) == before
