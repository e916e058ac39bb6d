"""The handbook packs (templates/<lang>/handbook.yaml): read by the same loader as the policy's,
the same keys and placeholders in every language, every key the templates say exists, every term
in the glossary, every value of the model has its words."""

from __future__ import annotations

import re

import pytest

from policygen.lang import LANGUAGES
from policygen.lang.pack import Slot, shape
from policygen.model.description import ConsentChannel, Holder, LegalBasis, Role, SpecialCondition
from policygen.render.handbook.never_record import BUILTIN_KINDS, match_words
from policygen.render.handbook.training import TRAINING_CONCEPTS
from policygen.render.handbook.views import RIGHTS_WITH_ROUTINES
from policygen.render.handbook.words import all_handbook_packs, everyday_terms, handbook_pack
from policygen.render.terms import load_terms
from policygen.resources import templates_dir

PACKS = {lang: handbook_pack(lang) for lang in LANGUAGES}


def test_same_keys_and_placeholders_in_every_language():
    reference = shape(PACKS[LANGUAGES[0]])
    for lang in LANGUAGES[1:]:
        other = shape(PACKS[lang])
        assert sorted(set(reference) ^ set(other)) == [], lang
        assert {key: (reference[key], other[key]) for key in reference
                if reference[key] != other[key]} == {}, lang


def test_every_key_sits_under_hb():
    for pack in PACKS.values():
        assert all(key.startswith("hb.") for key in pack.entries), pack.lang


def test_every_key_the_handbook_templates_say_exists():
    said = set()
    for template in (templates_dir() / "shared" / "handbook").rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        said |= {key for key in re.findall(r'"(hb\.[a-z_]+(?:\.[a-z0-9_]+)+)"', text)
                 if not key.endswith("_")}  # a prefix the template completes: tested below
    assert len(said) > 50
    for lang in LANGUAGES:
        assert sorted(said - set(PACKS[lang].entries)) == [], lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_value_of_the_model_has_its_words(lang):
    keys = set(PACKS[lang].entries)
    wanted = ([f"hb.basis.{b.value}" for b in LegalBasis]
              + [f"hb.letter.basis.{b.value}" for b in LegalBasis]
              + [f"hb.register.basis.{b.value}" for b in LegalBasis]
              + [f"hb.special_condition.{c.value}" for c in SpecialCondition]
              + [f"hb.letter.special_condition.{c.value}" for c in SpecialCondition]
              + [f"hb.register.conditions.{c.value}" for c in SpecialCondition]
              + [f"hb.roles.{r.value}" for r in Role] + [f"hb.register.roles.{r.value}" for r in Role]
              + [f"hb.recipient_action.{a}.{r.value}" for a in ("find", "rectify", "erase",
                                                               "restrict", "stop") for r in Role]
              + [f"hb.holders.{h.value}.{part}" for h in Holder for part in ("name", "text", "where")]
              + [f"hb.places.{h.value}" for h in Holder]
              + [f"hb.channels.{c.value}" for c in ConsentChannel]
              + [f"hb.rights.{r.value}.{part}" for r in RIGHTS_WITH_ROUTINES
                 for part in ("heading", "what", "short")]
              + [f"hb.anchors.right_{r.value}" for r in RIGHTS_WITH_ROUTINES]
              + [f"hb.training.terms.{concept}" for concept in TRAINING_CONCEPTS]
              + [f"hb.never.builtin.{kind}.{part}" for kind in BUILTIN_KINDS
                 for part in ("label", "text")]
              + [f"hb.essentials.ask_{kind}" for kind in ("dpo_named", "dpo", "contact", "contact_page")]
              + [f"hb.letter.access.source_{s}" for s in ("employer", "public_register", "other")])
    assert [key for key in wanted if key not in keys] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_is_in_the_glossary(lang):
    glossary = {term.term for term in load_terms(lang)}
    used = {part.name for entry in PACKS[lang].entries.values()
            for phrase in (entry.forms.values() if hasattr(entry, "forms") else [entry])
            for part in phrase.parts if isinstance(part, Slot) and part.kind != "value"}
    assert used and used <= glossary, used - glossary
    concepts = {PACKS[lang].entries[f"hb.training.terms.{c}"].source for c in TRAINING_CONCEPTS}
    assert concepts <= glossary, concepts - glossary
    assert set(everyday_terms(lang)) <= glossary


def test_built_in_kinds_are_recognised_in_every_language():
    packs = all_handbook_packs()
    for kind in BUILTIN_KINDS:
        if kind != "special":
            words = match_words(packs, kind)
            assert words and all(word == word.strip().lower() for word in words), kind
    assert "personnummer" in match_words(packs, "identity_number")
    assert "personal identity number" in match_words(packs, "identity_number")


def test_file_names_follow_design_md():
    assert PACKS["sv"].entries["hb.files.routines"].source == "rutiner"
    assert PACKS["en"].entries["hb.files.routines"].source == "procedures"
    assert PACKS["sv"].entries["hb.files.letters"].source == "svarsbrev"
    assert PACKS["en"].entries["hb.files.letters"].source == "reply-letters"
