"""Consent versions and the archive: proof of consent needs the text a person saw years ago."""

from __future__ import annotations

import copy
import json
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import description_with, write_fixture_templates  # noqa: E402

from policygen.render.build import build  # noqa: E402
from policygen.model.description import SpecialCondition  # noqa: E402
from policygen.model.facts import needs_consent  # noqa: E402
from policygen.render.consent import consent_items, consent_text, text_version  # noqa: E402

NEWSLETTER = 3  # index of the newsletter purpose in the bundled example


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    return write_fixture_templates(tmp_path / "templates")


def _archive(out: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text()) for p in (out / "archive" / "consent").glob("*.json")}


def _current_versions(out: Path) -> set[str]:
    consents = json.loads((out / "consent.json").read_text())["consents"]
    return {c["version"].removeprefix("sha256:") for c in consents}


def test_archive_keeps_every_text_ever_built(tmp_path: Path, templates: Path) -> None:
    out = tmp_path / "site"
    build(description_with(), out, user_templates=templates, languages=["sv", "en"])
    first = _current_versions(out)
    changed = description_with({f"purposes.{NEWSLETTER}.consent.statement.sv":
                                "Ja, skicka nyhetsbrevet till mig varje vecka."})
    build(changed, out, user_templates=templates)
    second = _current_versions(out)
    archive = _archive(out)
    assert len(first | second) == 3  # the English text did not change
    assert set(archive) == first | second
    old_sv = (first - second).pop()
    assert archive[old_sv]["statement"].startswith("Ja, skicka Exempel Supports nyhetsbrev")
    build(description_with(), out, user_templates=templates, languages=["en"])
    assert set(_archive(out)) == first | second  # a smaller build loses nothing


def test_archive_files_are_never_rewritten(tmp_path: Path, templates: Path) -> None:
    out = tmp_path / "site"
    build(description_with(), out, user_templates=templates)
    before = {p.name: p.read_bytes() for p in (out / "archive" / "consent").iterdir()}
    later = description_with(effective="2027-02-01")  # same consent texts, new policy version
    build(later, out, user_templates=templates)
    after = {p.name: p.read_bytes() for p in (out / "archive" / "consent").iterdir()}
    assert after == before
    assert all(json.loads(b)["effective"] == "2026-12-01" for b in after.values())


def test_version_is_sha256_of_nfc_text_shown() -> None:
    decomposed = "Ja, skicka nyhetsbrevet till mig en gång i månaden."  # "å" as a + ring
    decomposed = unicodedata.normalize("NFD", decomposed)
    composed = unicodedata.normalize("NFC", decomposed)
    assert consent_text(decomposed, ["namn"], "Skriv till oss.") == f"{composed}\nnamn\nSkriv till oss."
    assert text_version(consent_text(decomposed, ["namn"], "x")) == text_version(
        consent_text(composed, ["namn"], "x"))
    assert text_version("a") != text_version("a ")


def test_every_shown_part_changes_the_version() -> None:
    base = description_with()
    (item,) = consent_items(base, "sv")
    for path, value in [(f"purposes.{NEWSLETTER}.consent.withdraw.sv", "Skriv till oss."),
                        (f"purposes.{NEWSLETTER}.data", ["email"]),
                        ("data.0.label.sv", "ditt fullständiga namn")]:
        (changed,) = consent_items(description_with({path: value}), "sv")
        assert changed["version"] != item["version"], path
    (same,) = consent_items(description_with({f"purposes.{NEWSLETTER}.title.sv": "Nyhetsbrev"}), "sv")
    assert same["version"] == item["version"]  # the title is not part of the consent text


def test_explicit_consent_for_special_data_gets_a_box() -> None:
    base = description_with()
    support = base.purposes[0].model_copy(
        update={"special_condition": SpecialCondition.explicit_consent})
    assert needs_consent(support)
    assert not needs_consent(base.purposes[0])


def test_a_draft_without_consent_text_offers_no_box_and_archives_nothing(tmp_path: Path) -> None:
    """A consent purpose without its statement (a GDPR error, built with --draft) must not show an
    empty, unlabelled box, nor put an empty "consent text" into the archive for good."""
    out = tmp_path / "site"
    draft = description_with({f"purposes.{NEWSLETTER}.consent": None})
    build(draft, out, languages=["sv", "en"], draft=True)
    assert json.loads((out / "consent.json").read_text())["consents"] == []
    assert _archive(out) == {}
    for lang, page, note in (("sv", "samtycke.html", "texten som du ska säga ja till saknas"),
                             ("en", "consent.html", "the text you would say yes to is missing")):
        form = (out / lang / page).read_text(encoding="utf-8")
        assert '<input type="checkbox"' not in form and "__version" not in form
        assert note in form
    assert not [item for item in consent_items(draft, "sv") if item["complete"]]


def test_a_phone_consents_version_covers_the_script_the_person_heard() -> None:
    """Asked on the phone, the words the agent says are part of what the person agreed to: the
    script comes first in the hashed text, and changing it gives a new version."""
    assert consent_text("Jag går med på det.", ["inspelningen"], "Säg till.", "Får vi spela in?") == (
        "Får vi spela in?\nJag går med på det.\ninspelningen\nSäg till.")
    phone = {f"purposes.{NEWSLETTER}.consent.channel": "phone",
             f"purposes.{NEWSLETTER}.consent.script": {"sv": "Får vi skicka nyhetsbrevet?",
                                                       "en": "May we send you the newsletter?"},
             f"purposes.{NEWSLETTER}.consent.proof": {"sv": "Vi antecknar ditt ja i ärendet.",
                                                      "en": "We note your yes in the case."}}
    (asked,) = consent_items(description_with(phone), "sv")
    (reworded,) = consent_items(description_with(
        {**copy.deepcopy(phone), f"purposes.{NEWSLETTER}.consent.script.sv": "Vill du ha nyhetsbrevet?"}),
        "sv")
    (proven_otherwise,) = consent_items(description_with(
        {**copy.deepcopy(phone), f"purposes.{NEWSLETTER}.consent.proof.sv": "Ditt ja finns i inspelningen."}),
        "sv")
    (web,) = consent_items(description_with(), "sv")
    assert asked["version"] == text_version(consent_text(
        asked["statement"], asked["data"], asked["withdraw"], "Får vi skicka nyhetsbrevet?"))
    assert len({asked["version"], reworded["version"], web["version"]}) == 3
    # how the answer is kept is the organisation's routine, not what the person agreed to
    assert proven_otherwise["version"] == asked["version"]
