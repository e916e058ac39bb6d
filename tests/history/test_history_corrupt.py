"""A corrupt history file, one way at a time, read by ``policygen build`` in-process: exit 2, one
message at the exact file, line, column and key path, in English and Swedish, with a hint — and
neither the history nor the published site is touched.

Each case is how a history breaks in practice (a bad merge, an editor's encoding, a cut-short
copy, a hand edit, a file from a newer policygen) or what a hostile file could try.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import example_data, later, policygen, purpose, write  # noqa: E402

from policygen.render.consent import canonical_json  # noqa: E402

HINT = {"en": "hint: ", "sv": "tips: "}
EDITED = ("the history was edited by hand; restore it from version control",
          "historiken har ändrats för hand. Återställ den från versionshanteringen")
RESTORE = ("restore it from version control", "återställ den från versionshanteringen")
NOT_OURS = ("this is not a history policygen wrote",
            "det här är ingen historik som policygen har skrivit")
NOT_JSON = ("the history is not valid JSON: ", "historiken är inte giltig JSON: ")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built twice (two published versions; the second changes one consent text)."""
    folder = tmp_path_factory.mktemp("pristine")
    description = write(folder / "policy.yaml", example_data())
    assert policygen("build", description, "--out", folder / "site").exit_code == 0
    data = example_data()
    data["effective"] = later(60)
    purpose(data, "newsletter")["consent"]["statement"]["en"] = "Yes, e-mail me the newsletter."
    write(description, data)
    result = policygen("build", description, "--out", folder / "site")
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def published(pristine: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "published"
    shutil.copytree(pristine, folder, symlinks=True)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def _as_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _rehashed(version: dict[str, Any]) -> None:
    """Make a version's id match its (edited) description again, as a careful forger would."""
    digest = hashlib.sha256(canonical_json(version["description"]).encode("utf-8")).hexdigest()
    version["policy_version"] = "sha256:" + digest


def _data_edit(change: Callable[[dict[str, Any]], None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        data = json.loads(text)
        change(data)
        return _as_text(data)
    return edit


def _first_version(change: Callable[[dict[str, Any]], None]) -> Callable[[str], str]:
    return _data_edit(lambda data: change(data["versions"][0]))


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda mapping: mapping.__setitem__(key, value)


def _unreadable_description(version: dict[str, Any]) -> None:
    version["description"]["purposes"][0]["title"] = 5
    _rehashed(version)


def _out_of_order(data: dict[str, Any]) -> None:
    second = data["versions"][1]
    second["effective"] = second["description"]["effective"] = "2000-01-01"
    _rehashed(second)


def _recorded_differently(data: dict[str, Any]) -> None:
    first = {record["version"] for record in data["versions"][0]["consents"]}
    again = next(record for record in data["versions"][1]["consents"] if record["version"] in first)
    again["controller"] = "Someone Else AB"


def _at(text: str, *steps: str | int) -> tuple[int, int]:
    """Line and column of the last of ``steps``, each a text found after the one before, or a
    number of characters to move on."""
    offset = -1
    for step in steps:
        offset = offset + step if isinstance(step, int) else text.index(step, offset + 1)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


VERSION = '\n    {\n      "effective"'
SECOND_VERSION = (VERSION, VERSION)

# edit of the history's text; (steps to the place, see _at); key path; (English, Swedish); hint
CASES: dict[str, tuple[Callable[[str], str], tuple[str | int, ...], str, tuple[str, str],
                       tuple[str, str]]] = {
    "cut short": (
        lambda text: text[: text.index('"previous": ') + len('"previous": ')],
        ('"previous": ', len('"previous": ')), "",  # where the text ends
        ("the history is not valid JSON: Expecting value",
         "historiken är inte giltig JSON: här saknas ett värde"),
        ("it was edited by hand or cut short; restore it from version control",
         "den har ändrats för hand eller blivit avkortad. Återställ den från "
         "versionshanteringen")),
    "NaN": (
        lambda text: text.replace('"policygen_history": 1', '"policygen_history": NaN', 1),
        ('"policygen_history"',), "policygen_history",
        (NOT_JSON[0] + "`NaN` is not a JSON number", NOT_JSON[1] + "`NaN` är inget tal i JSON"),
        RESTORE),
    "-Infinity": (
        lambda text: text.replace('"previous": null', '"previous": -Infinity', 1),
        ('"previous"',), "versions[0].previous",
        (NOT_JSON[0] + "`-Infinity` is not a JSON number",
         NOT_JSON[1] + "`-Infinity` är inget tal i JSON"),
        RESTORE),
    "a key twice": (
        lambda text: text.replace('"previous": null,', '"previous": null,\n      "previous": null,', 1),
        ('"previous"', '"previous"'), "versions[0].previous",
        (NOT_JSON[0] + "the key `previous` appears twice in one object",
         NOT_JSON[1] + "nyckeln `previous` står två gånger i samma objekt"),
        RESTORE),
    "a number of 5,000 digits": (
        lambda text: text.replace('"previous": null', '"previous": ' + "7" * 5000, 1),
        ('"previous"',), "versions[0].previous",
        ("a number 5000 digits long, which no history policygen wrote holds",
         "ett tal med 5000 siffror, något som ingen historik från policygen innehåller"),
        RESTORE),
    "nested a million deep": (
        lambda text: text.replace('"previous": null', '"previous": ' + "[" * 10**6 + "]" * 10**6, 1),
        # the 101st level: the object, "versions" and the version, then the 98th bracket
        ('"previous": ', "[", 97), "",
        ("the history nests lists or objects more than 100 levels deep",
         "historiken har listor eller objekt i mer än 100 nivåer inuti varandra"),
        NOT_OURS),
    "a list, not an object": (
        lambda text: "[" + text + "]\n", ("[",), "",
        ('this is not a policygen history (no `"policygen_history": 1`)',
         'det här är ingen historik från policygen (`"policygen_history": 1` saknas)'),
        ("remove it or move it away; `policygen build` writes the history",
         "ta bort den eller flytta den. `policygen build` skriver historiken")),
    "an unknown key": (
        _data_edit(_set("note", "merged by hand")), ('"note"',), "note",
        ("unknown key `note` in the history", "okänd nyckel `note` i historiken"), EDITED),
    "no versions": (
        _data_edit(_set("versions", [])), ('"versions"',), "versions",
        ("the history has no versions", "historiken har inga versioner"),
        ("restore it from version control, or remove it to start a new one",
         "återställ den från versionshanteringen, eller ta bort den för att börja om")),
    "a version without its consents": (
        _first_version(lambda version: version.pop("consents")), ('"versions"', "{"),
        "versions[0]",
        ("a version must have exactly the keys effective, policy_version, previous, consents, "
         "description; found description, effective, policy_version, previous",
         "en version ska ha exakt nycklarna effective, policy_version, previous, consents, "
         "description, men har description, effective, policy_version, previous"),
        EDITED),
    "a version id that is a number": (
        _first_version(_set("policy_version", 42)), ('"policy_version"',),
        "versions[0].policy_version",
        ("not a policy version id", "inget giltigt versions-id för policyn"), EDITED),
    "a stored description that is text": (
        _first_version(_set("description", "see the YAML file")), ('"description": "see',),
        "versions[0].description",
        ("the stored description is not an object", "den sparade beskrivningen är inget objekt"),
        EDITED),
    "an effective date changed": (
        _first_version(_set("effective", "2026-12-02")), ('"versions"', '"effective"'),
        "versions[0].effective",
        ("the effective date differs from the stored description's",
         "datumet då versionen började gälla skiljer sig från datumet i den sparade "
         "beskrivningen"),
        EDITED),
    "an effective date that is a number": (
        _first_version(_set("effective", 20261201)), ('"versions"', '"effective"'),
        "versions[0].effective",
        ("the effective date differs from the stored description's",
         "datumet då versionen började gälla skiljer sig från datumet i den sparade "
         "beskrivningen"),
        EDITED),
    "versions out of order": (
        _data_edit(_out_of_order), (*SECOND_VERSION, '"effective"'), "versions[1].effective",
        ("the versions are not in the order of their effective dates",
         "versionerna står inte i ordning efter datumen då de började gälla"),
        EDITED),
    "a stored description this policygen cannot read": (
        _first_version(_unreadable_description), ('"purposes"', '"title": 5', "5"),
        "versions[0].description.purposes[0].title",
        ("this policygen cannot read the stored description: expected a text, found the number "
         "`5`",
         "den här versionen av policygen kan inte läsa den sparade beskrivningen: här ska stå en "
         "text, men här finns talet `5`"),
        ("the history was written by a newer policygen, or edited by hand",
         "historiken har skrivits av en nyare version av policygen, eller ändrats för hand")),
    "consents that are no list": (
        _first_version(_set("consents", {"newsletter": "yes"})), ('"consents"',),
        "versions[0].consents",
        ("`consents` must be a list", "`consents` måste vara en lista"), EDITED),
    "a consent record without its text": (
        _first_version(lambda version: version["consents"][0].pop("text")),
        ('"consents"', "{"), "versions[0].consents[0]",
        ("a consent record lacks its text, version or parts",
         "en post för ett samtycke saknar sin text, sin version eller sina delar"),
        EDITED),
    "a statement that no longer makes up the text": (
        _first_version(lambda version: version["consents"][0].__setitem__("statement", "Ja.")),
        ('"statement"',), "versions[0].consents[0].statement",
        ("the consent text's parts (statement, data, withdrawal) no longer make up its text",
         "samtyckestextens delar (meningen om samtycke, uppgifterna, återkallelsen) bildar inte "
         "längre texten"),
        EDITED),
    "a text recorded differently later": (
        _data_edit(_recorded_differently), (*SECOND_VERSION, '"consents"', "{"),
        "versions[1].consents[0]",
        ("this consent text is recorded differently in an earlier version",
         "den här samtyckestexten är sparad på ett annat sätt i en tidigare version"),
        EDITED),
}


@pytest.mark.parametrize("messages", ["en", "sv"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_corrupt_history_is_a_located_exit_2_and_nothing_is_touched(
        published: Path, case: str, messages: str) -> None:
    edit, steps, key, said, hint = CASES[case]
    history = published / "policy.history.json"
    text = edit(history.read_text(encoding="utf-8"))
    history.write_text(text, encoding="utf-8")
    before = tree(published)
    result = policygen("--messages", messages, "build", published / "policy.yaml",
                       "--out", published / "site")
    assert result.exit_code == 2, result.output
    line, column = _at(text, *steps)
    index = 0 if messages == "en" else 1
    where = f"{history}:{line}:{column}: " + (f"{key}: " if key else "")
    assert f"{where}{said[index]}\n  {HINT[messages]}{hint[index]}\n" in result.output
    assert "Traceback" not in result.output
    assert tree(published) == before  # the history as it was, the site as it was


@pytest.mark.parametrize("messages", ["en", "sv"])
def test_a_history_that_is_not_utf8_is_located_at_its_line(published: Path,
                                                           messages: str) -> None:
    history = published / "policy.history.json"
    raw = history.read_bytes().replace(b'"policy.yaml"', b'"policy\xe5.yaml"', 1)  # Latin-1 å
    history.write_bytes(raw)
    before = tree(published)
    result = policygen("--messages", messages, "build", published / "policy.yaml",
                       "--out", published / "site")
    assert result.exit_code == 2, result.output
    said = {"en": "the history is not UTF-8 text", "sv": "historiken är inte text i UTF-8"}
    line = raw[: raw.index(b"\xe5")].count(b"\n") + 1
    assert (f"{history}:{line}:1: {said[messages]}\n"
            f"  {HINT[messages]}{NOT_OURS[0 if messages == 'en' else 1]}\n") in result.output
    assert tree(published) == before


def test_diff_refuses_the_same_corrupt_history(published: Path) -> None:
    """``diff --since`` reads the history through the same checks."""
    history = published / "policy.history.json"
    text = history.read_text(encoding="utf-8").replace('"previous": null', '"previous": NaN', 1)
    history.write_text(text, encoding="utf-8")
    result = policygen("--messages", "en", "diff", published / "policy.yaml", "--since",
                       "2026-12-01")
    assert result.exit_code == 2, result.output
    line, column = _at(text, '"previous"')
    assert (f"{history}:{line}:{column}: versions[0].previous: the history is not valid JSON: "
            "`NaN` is not a JSON number\n") in result.output
