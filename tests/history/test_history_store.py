"""The history file: a history that does not match is a located error (exit 2), never replaced;
writes are atomic and locked."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import example_data, later, policygen, purpose, write  # noqa: E402

from policygen.errors import UserError  # noqa: E402
from policygen.history.jsonpos import json_locations  # noqa: E402
from policygen.history.lock import history_lock, lock_path  # noqa: E402
from policygen.history.record import append_version  # noqa: E402
from policygen.history.store import read_history  # noqa: E402
from policygen.model import load_description  # noqa: E402


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A description built twice (two published versions); returns its folder."""
    description = write(tmp_path / "policy.yaml", example_data())
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    data = example_data()
    data["effective"] = later(60)
    purpose(data, "newsletter")["consent"]["statement"]["en"] = "Yes, e-mail me the newsletter."
    write(description, data)
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 0, result.output
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _position(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _tamper_and_build(folder: Path, edit) -> tuple[object, str]:  # noqa: ANN001
    path = folder / "policy.history.json"
    text = edit(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    site = _snapshot(folder / "site")
    result = policygen("build", folder / "policy.yaml", "--out", folder / "site")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == text  # never silently replaced
    assert _snapshot(folder / "site") == site  # nothing published
    return result, text


def test_a_consent_text_edited_by_hand_is_located(published: Path) -> None:
    def edit(text: str) -> str:
        return text.replace("once a month.\\nyour name", "twice a month.\\nyour name", 1)

    result, text = _tamper_and_build(published, edit)
    line, column = _position(text, '"text": "Yes, send me Exempel Support\'s newsletter by e-mail twice')
    history = published / "policy.history.json"
    assert (f"{history}:{line}:{column}: versions[0].consents[1].text: the stored consent text no "
            f"longer matches its version id: it was changed after it was published") in result.output
    assert "hint: the history was edited by hand; restore it from version control" in result.output


def test_a_stored_description_edited_by_hand_is_located(published: Path) -> None:
    result, text = _tamper_and_build(published, lambda t: t.replace('"period": "24 months"',
                                                                    '"period": "12 months"', 1))
    line, column = _position(text, '"description": {')
    assert (f":{line}:{column}: versions[0].description: the stored description no longer matches "
            f"its version id") in result.output


def test_a_version_removed_breaks_the_chain(published: Path) -> None:
    def drop_first(text: str) -> str:
        data = json.loads(text)
        data["versions"].pop(0)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    result, text = _tamper_and_build(published, drop_first)
    line, column = _position(text, '"previous"')
    assert (f":{line}:{column}: versions[0].previous: the versions no longer chain: a version was "
            f"removed, reordered or edited") in result.output


def test_a_history_of_another_description_is_refused(published: Path, tmp_path: Path) -> None:
    other = write(published / "other.yaml", example_data())
    (published / "other.history.json").write_bytes((published / "policy.history.json").read_bytes())
    result = policygen("build", other, "--out", published / "other-site")
    assert result.exit_code == 2
    history = published / "other.history.json"
    text = history.read_text(encoding="utf-8")
    line, column = _position(text, '"description": "policy.yaml"')
    assert (f"{history}:{line}:{column}: description: this history belongs to `policy.yaml`, "
            f"not to `other.yaml`") in result.output
    assert not (published / "other-site").exists()


def test_a_history_cut_short_is_located(published: Path) -> None:
    result, text = _tamper_and_build(published, lambda t: t[: len(t) // 2])
    assert "the history is not valid JSON" in result.output
    assert re.search(r"policy\.history\.json:\d+:\d+: the history is not valid JSON", result.output)


def test_a_duplicate_key_is_refused(published: Path) -> None:
    result, _ = _tamper_and_build(published, lambda t: t.replace(
        '"policygen_history": 1,', '"policygen_history": 1,\n  "policygen_history": 1,', 1))
    assert "the key `policygen_history` appears twice in one object" in result.output


def test_a_consent_text_recomputed_consistently_still_does_not_match(published: Path) -> None:
    """A forger who rewrites a text, its parts and its version id still breaks the link to the
    stored description, which hashes to the version's id."""
    from policygen.render.consent import consent_text, text_version

    def forge(text: str) -> str:
        data = json.loads(text)
        record = data["versions"][0]["consents"][1]
        record["statement"] = "Yes, send me everything."
        record["text"] = consent_text(record["statement"], record["data"], record["withdraw"])
        record["version"] = text_version(record["text"])
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    result, text = _tamper_and_build(published, forge)
    assert "versions[0].consents: the consent texts do not match the stored description" in result.output


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder", "empty", "other json"])
def test_what_is_not_a_history_file_is_refused(tmp_path: Path, kind: str) -> None:
    description = write(tmp_path / "policy.yaml", example_data())
    path = tmp_path / "policy.history.json"
    if kind == "symlink":
        (tmp_path / "elsewhere.json").write_text("{}", encoding="utf-8")
        path.symlink_to(tmp_path / "elsewhere.json")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_text("", encoding="utf-8")
    else:
        path.write_text('{"files": []}\n', encoding="utf-8")
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and str(path) in result.output
    assert not (tmp_path / "site").exists()


def test_diff_since_reads_the_history_and_refuses_a_tampered_one(published: Path) -> None:
    description = published / "policy.yaml"
    by_date = policygen("diff", description, "--since", "2026-12-01", "--format", "json")
    assert by_date.exit_code == 0, by_date.output
    report = json.loads(by_date.output)
    assert report["old"]["effective"] == "2026-12-01"
    assert [(c["element"], c["field"]) for c in report["changes"]] == [
        ("purpose", "consent.statement")]
    version = json.loads((published / "policy.history.json").read_text())["versions"][0]["policy_version"]
    by_version = policygen("diff", description, "--since", version[:15], "--format", "json")
    assert json.loads(by_version.output)["changes"] == report["changes"]
    in_force = policygen("diff", description, "--since", later(61), "--format", "json")
    assert json.loads(in_force.output)["changes"] == []  # the second version is in force then
    unknown = policygen("diff", description, "--since", "2020-01-01")
    assert unknown.exit_code == 2 and "`2020-01-01` is before the first published version" in unknown.output
    path = published / "policy.history.json"
    path.write_text(path.read_text().replace('"24 months"', '"25 months"', 1))
    tampered = policygen("diff", description, "--since", "2026-12-01")
    assert tampered.exit_code == 2 and "versions[0].description" in tampered.output


def test_json_locations_follow_key_paths() -> None:
    text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": {"d": null}\n}'
    locations = json_locations(text)
    assert locations.find("a[1].b") == (2, 13)
    assert locations.find("c.d") == (3, 9)
    assert locations.find("c.missing") == (3, 3)


def test_the_lock_keeps_a_second_writer_out(tmp_path: Path) -> None:
    history = tmp_path / "policy.history.json"
    with history_lock(history):
        assert lock_path(history).exists()
        with pytest.raises(UserError, match="another build that records to policy.history.json is running"):
            with history_lock(history, wait=0.2):
                pass
    assert not lock_path(history).exists()
    with history_lock(history, wait=0.2):
        pass


def test_a_failed_write_leaves_the_history_as_it_was(published: Path, monkeypatch) -> None:
    path = published / "policy.history.json"
    before = path.read_bytes()
    history = read_history(path, "policy.yaml")
    data = example_data()
    data["effective"] = later(90)
    description = load_description(str(write(published / "policy.yaml", data))).description

    def refuse(*_args):  # noqa: ANN002, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(UserError, match="cannot record the new version in the history: No space"):
        append_version(history, description)
    assert path.read_bytes() == before
    assert [p.name for p in published.iterdir() if p.name.endswith(".tmp")] == []
