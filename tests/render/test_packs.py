"""The language packs: the same keys and placeholders in every language, complete for every value
the model can take, and every term and key they and the templates use exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.lang import LANGUAGES
from policygen.lang.pack import PackError, Slot, load_pack, shape
from policygen.model.description import (DurationUnit, LegalBasis, Role, Safeguard, Source,
                                         SpecialCondition)
from policygen.model.facts import Right
from policygen.render.terms import load_terms
from policygen.render.words import pack_for
from policygen.resources import templates_dir

PACKS = {lang: pack_for(lang) for lang in LANGUAGES}


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    reference = shape(PACKS[LANGUAGES[0]])
    for lang in LANGUAGES[1:]:
        other = shape(PACKS[lang])
        assert sorted(set(reference) ^ set(other)) == [], f"keys differ in {lang}"
        differing = {key: (reference[key], other[key]) for key in reference
                     if reference[key] != other[key]}
        assert differing == {}, f"placeholders differ in {lang}"


def test_shape_sees_a_changed_placeholder(tmp_path: Path) -> None:
    for lang, text in (("sv", "Vi är {organisation}."), ("en", "We are {company}.")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "pack.yaml").write_text(f"locale: en_GB\nwho: {text}\n", encoding="utf-8")
    assert shape(load_pack("sv", tmp_path)) != shape(load_pack("en", tmp_path))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_value_of_the_model_has_its_words(lang: str) -> None:
    keys = set(PACKS[lang].entries)
    wanted = ([f"legal_basis.{b.value}" for b in LegalBasis]
              + [f"special_data.conditions.{c.value}" for c in SpecialCondition]
              + [f"recipients.roles.{r.value}" for r in Role]
              + [f"transfers.safeguards.{s.value}" for s in Safeguard if s is not Safeguard.adequacy]
              + [f"sources.from.{s.value}" for s in Source if s is not Source.data_subject]
              + [f"rights.{r.value}.{part}" for r in Right if r is not Right.objection
                 for part in ("name", "anchor", "text")]
              + [f"durations.{u.value}" for u in DurationUnit])
    assert [key for key in wanted if key not in keys] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_number_words_go_up_to_twelve(lang: str) -> None:
    assert len(PACKS[lang].data["number_words"]) == 13


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_a_phrase_uses_is_in_the_glossary(lang: str) -> None:
    glossary = {term.term for term in load_terms(lang)}
    used = {part.name for entry in PACKS[lang].entries.values()
            for phrase in (entry.forms.values() if hasattr(entry, "forms") else [entry])
            for part in phrase.parts if isinstance(part, Slot) and part.kind != "value"}
    assert used and used <= glossary, used - glossary


def test_every_key_the_templates_say_exists() -> None:
    said = set()
    for template in (templates_dir() / "shared").glob("*.j2"):
        # every quoted dotted key ("in_brief.who"), whether said, drafted or chosen in a condition
        text = template.read_text(encoding="utf-8")
        said |= {key for key in re.findall(r'"([a-z_]+(?:\.[a-z0-9_]+)+)"', text)
                 if not key.endswith(".j2")}
    assert said
    for lang in LANGUAGES:
        assert sorted(said - set(PACKS[lang].entries)) == [], lang


def test_a_malformed_pack_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "pack.yaml").write_text("locale: sv_SE\na:\n  b: Hej {namn\n",
                                               encoding="utf-8")
    with pytest.raises(PackError, match=r"pack.yaml:3: a.b: an unmatched"):
        load_pack("sv", tmp_path)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "pack.yaml").write_text("a:\n  b: [1, 2\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"pack.yaml:\d+:"):
        load_pack("en", tmp_path)
