"""The parsed-glossary cache: same data as parsing, invalidated by a change, harmless when broken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policygen.check.glossary_files import read_yaml


def test_cache_returns_parsed_data_and_follows_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("POLICYGEN_NO_CACHE", raising=False)
    path = tmp_path / "g.yaml"
    path.write_text("rule: {code: PL900}\nentries: [ärende, 'no']\n", encoding="utf-8")
    first = read_yaml(path)
    assert first == {"rule": {"code": "PL900"}, "entries": ["ärende", "no"]}
    assert len(list((tmp_path / "cache" / "policygen" / "glossary").glob("*.json"))) == 1
    assert read_yaml(path) == first
    path.write_text("rule: {code: PL901}\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert read_yaml(path) == {"rule": {"code": "PL901"}}


def test_an_unwritable_or_corrupt_cache_falls_back_to_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = tmp_path / "g.yaml"
    path.write_text("entries: [a]\n", encoding="utf-8")
    assert read_yaml(path) == {"entries": ["a"]}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    read_yaml(path)
    for cached in (tmp_path / "cache").rglob("*.json"):
        cached.write_text("{not json", encoding="utf-8")
    assert read_yaml(path) == {"entries": ["a"]}
