"""Descriptions unlike the bundled example still build, with the shipped templates, into pages
that keep the engine's promises: every file of the layout, accessible and self-contained pages, a
consent page exactly when a purpose asks for consent, and consent versions in the form."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import (REPO, ParsedPage, assert_accessible, assert_self_contained,  # noqa: E402
                           description_with, example_data)

from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402



def _variants() -> dict[str, dict[str, Any]]:
    base = example_data()

    def variant(**changes: Any) -> dict[str, Any]:
        data = copy.deepcopy(base)
        data.update(changes)
        return data

    special = copy.deepcopy(base)
    special["data"].append({"id": "health", "label": {"sv": "uppgifter om din hälsa",
                                                     "en": "information about your health"},
                            "holder": "case", "source": "data_subject", "special": True})
    special["purposes"][0]["data"].append("health")
    special["purposes"][0]["special_condition"] = "explicit_consent"
    special["purposes"][0]["consent"] = {
        "statement": {"sv": "Ja, ni får spara det jag berättar om min hälsa i ärendet.",
                      "en": "Yes, you may keep what I tell you about my health in the case."},
        "withdraw": {"sv": "Skriv till oss när du vill ändra dig.",
                     "en": "Write to us when you want to change your mind."}}
    return {
        "no_dpo": variant(dpo=None),
        "no_recipients": variant(recipients=[], transfers=[],
                                 purposes=[{**p, "recipients": []} for p in base["purposes"]]),
        "no_consent": variant(purposes=[p for p in base["purposes"] if p["legal_basis"] != "consent"]),
        "only_en": variant(languages=["en"]),
        "only_sv": variant(languages=["sv"]),
        "no_forms": variant(forms=None),
        "no_requests": variant(requests=None),
        "other_authority": variant(authority={"name": {"sv": "Datatilsynet", "en": "Datatilsynet"},
                                              "website": "https://www.datatilsynet.no"}),
        "automated_decision": variant(automated_decisions=[{
            "description": {"sv": "Vi sorterar ärenden automatiskt.", "en": "We sort cases automatically."},
            "logic": {"sv": "Efter orden i ärendet.", "en": "By the words in the case."},
            "consequences": {"sv": "Du får svar snabbare.", "en": "You get an answer sooner."}}]),
        "one_purpose": variant(purposes=[base["purposes"][0]]),
        "minimal_controller": variant(controller={"name": "X AB", "address": "Gatan 1",
                                                  "email": "a@b.se"}),
        "explicit_consent_for_health_data": special,
    }


VARIANTS = _variants()


def _consent_purposes(description) -> tuple[list[str], list[str]]:
    """(every purpose that asks for consent, those asked on the web form), by id."""
    asks = [p for p in description.purposes if p.legal_basis.value == "consent"
            or (p.special_condition and p.special_condition.value == "explicit_consent")]
    on_form = [p for p in asks if p.consent is None or p.consent.channel.value == "web"]
    return [p.id for p in asks], [p.id for p in on_form]


def _check_site(out: Path, languages: list[str], consent_purposes: list[str],
                form_purposes: list[str]) -> None:
    files = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    names = {"sv": ("integritetspolicy", "samtycke"), "en": ("privacy-policy", "consent")}
    for lang in languages:
        policy, consent = names[lang]
        for suffix in (".md", ".html", ".pdf", ".fragment.html"):
            assert f"{lang}/{policy}{suffix}" in files
        assert (f"{lang}/{consent}.html" in files) == bool(form_purposes)
    for lang in set(names) - set(languages):
        assert not any(name.startswith(f"{lang}/") for name in files)
    consents = json.loads((out / "consent.json").read_text())["consents"]
    assert sorted({c["purpose"] for c in consents}) == sorted(consent_purposes)
    for page in sorted(name for name in files if name.endswith(".html")):
        assert_self_contained(out, page)
        if page.endswith(".fragment.html"):
            continue
        lang = page.split("/")[0] if "/" in page else languages[0]
        text = (out / page).read_text()
        assert_accessible(text, lang)
        if page.endswith(("samtycke.html", "consent.html")):
            parsed = ParsedPage(text)
            boxes = [a["name"] for a in parsed.find("input") if a.get("type") == "checkbox"]
            assert sorted(boxes) == sorted(form_purposes)
            hidden = {a["name"]: a["value"] for a in parsed.find("input") if a.get("type") == "hidden"}
            for consent in (c for c in consents if c["lang"] == lang):
                if consent["channel"] == "web":
                    assert hidden[f"{consent['purpose']}__version"] == consent["version"]
                else:
                    assert f"{consent['purpose']}__version" not in hidden


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_builds_and_keeps_the_promises(tmp_path: Path, name: str) -> None:
    description = description_with(**VARIANTS[name])
    build(description, tmp_path / "out")
    _check_site(tmp_path / "out", list(description.languages), *_consent_purposes(description))


@pytest.mark.parametrize("example", sorted((REPO / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_example_keeps_the_promises(tmp_path: Path, example: Path) -> None:
    loaded = load_description(str(example))
    build(loaded, tmp_path / "out")
    description = loaded.description
    _check_site(tmp_path / "out", list(description.languages), *_consent_purposes(description))
