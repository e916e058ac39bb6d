"""pyphen's patterns read through the JSON cache are exactly the patterns pyphen parses."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from policygen.check import syllables

WORDS = ["hyphenation", "information", "processing", "controller", "legitimate", "every", "create",
         "personal", "organisation", "withdraw", "e-mail", "responsibility", "recommendations"]


def _fresh(monkeypatch: pytest.MonkeyPatch, cache: Path | None) -> pyphen.Pyphen:
    path = pyphen.LANGUAGES["en_US"]
    monkeypatch.delitem(pyphen.hdcache, path, raising=False)
    syllables._hyphenator.cache_clear()
    if cache is None:
        monkeypatch.setenv("POLICYGEN_NO_CACHE", "1")
    else:
        monkeypatch.delenv("POLICYGEN_NO_CACHE", raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return syllables._hyphenator()


def test_cached_patterns_hyphenate_exactly_as_parsed_ones(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    parsed = pyphen.HyphDict(pyphen.LANGUAGES["en_US"])
    written = _fresh(monkeypatch, tmp_path)  # parses, then writes the cache
    assert list((tmp_path / "policygen" / "glossary").glob("*.json"))
    restored = _fresh(monkeypatch, tmp_path)  # reads the cache
    assert restored.hd is not written.hd
    assert restored.hd.patterns == parsed.patterns
    assert restored.hd.maxlen == parsed.maxlen
    assert vars(restored.hd).keys() == vars(parsed).keys()
    uncached = _fresh(monkeypatch, None)
    for word in WORDS:
        assert restored.positions(word) == uncached.positions(word) == pyphen.Pyphen(lang="en_US").positions(word)
    syllables._hyphenator.cache_clear()
