"""The build's output: layout, consent records, pages that are accessible and self-contained."""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import (EXAMPLE, ParsedPage, assert_accessible,  # noqa: E402
                           assert_self_contained, description_with,
                           write_fixture_templates)

from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402

PUBLIC_FILES = {
    ".policygen", "index.html", "consent.json",
    "sv/integritetspolicy.md", "sv/integritetspolicy.html", "sv/integritetspolicy.pdf",
    "sv/integritetspolicy.fragment.html", "sv/samtycke.html",
    "en/privacy-policy.md", "en/privacy-policy.html", "en/privacy-policy.pdf",
    "en/privacy-policy.fragment.html", "en/consent.html",
    # origin maps (docs/ci.md): where each range of the document came from in the description
    "sv/integritetspolicy.md.map.json", "sv/samtycke.html.map.json",
    "en/privacy-policy.md.map.json", "en/consent.html.map.json",
}
PAGES = ["index.html", "sv/integritetspolicy.html", "sv/samtycke.html",
         "en/privacy-policy.html", "en/consent.html"]


@pytest.fixture(scope="module", params=["fixture", "builtin"])
def site(request, tmp_path_factory) -> Path:
    """One build of the bundled example, with the fixture templates and with the shipped ones."""
    root = tmp_path_factory.mktemp(f"site-{request.param}")
    templates = write_fixture_templates(root / "templates") if request.param == "fixture" else None
    build(load_description(str(EXAMPLE)), root / "out", user_templates=templates)
    return root / "out"


def _read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def test_writes_the_public_layout_and_the_archive(site: Path) -> None:
    files = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    archive = {name for name in files if name.startswith("archive/consent/")}
    assert files - archive == PUBLIC_FILES
    assert len(archive) == 2  # the newsletter's consent text, in Swedish and in English
    assert not any(p.name.startswith(".out.") for p in site.parent.iterdir())  # no staging left


def test_consent_json_has_exactly_the_design_shape(site: Path) -> None:
    document = json.loads(_read(site, "consent.json"))
    assert list(document) == ["policy_version", "consents"]
    description = load_description(str(EXAMPLE)).description
    values = description.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert document["policy_version"] == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    assert [(c["purpose"], c["lang"]) for c in document["consents"]] == [
        ("newsletter", "sv"), ("newsletter", "en")]
    swedish = document["consents"][0]
    assert list(swedish) == ["purpose", "lang", "controller", "legal_basis", "statement",
                             "withdraw", "data", "version", "channel", "script", "proof", "form",
                             "valid_since"]
    assert (swedish["channel"], swedish["script"], swedish["proof"]) == ("web", None, None)
    assert swedish["form"] == {"page": "sv/samtycke.html", "action": "https://exempel.se/samtycke",
                               "identifier": "email", "field": "newsletter",
                               "version_field": "newsletter__version", "intent_field": "intent"}
    assert swedish["valid_since"] == {"policy_version": document["policy_version"],
                                      "effective": "2026-12-01", "versions": [swedish["version"]]}
    assert swedish["controller"] == "Exempel Support AB"
    assert swedish["legal_basis"] == "consent"
    assert swedish["data"] == ["ditt namn", "din e-postadress"]
    assert swedish["statement"].startswith("Ja, skicka Exempel Supports nyhetsbrev")
    shown = "\n".join([swedish["statement"], ", ".join(swedish["data"]), swedish["withdraw"]])
    expected = hashlib.sha256(unicodedata.normalize("NFC", shown).encode()).hexdigest()
    assert swedish["version"] == f"sha256:{expected}"


def test_archive_entry_holds_the_exact_text_that_was_hashed(site: Path) -> None:
    for consent in json.loads(_read(site, "consent.json"))["consents"]:
        hexdigest = consent["version"].removeprefix("sha256:")
        entry = json.loads(_read(site, f"archive/consent/{hexdigest}.json"))
        assert hashlib.sha256(entry["text"].encode()).hexdigest() == hexdigest
        assert entry["statement"] == consent["statement"] and entry["lang"] == consent["lang"]
        assert entry["effective"] == "2026-12-01"


@pytest.mark.parametrize("page", ["sv/samtycke.html", "en/consent.html"])
def test_consent_form_boxes_are_unticked_labelled_and_carry_the_version(site: Path, page: str) -> None:
    parsed = ParsedPage(_read(site, page))
    lang = page.split("/")[0]
    consents = [c for c in json.loads(_read(site, "consent.json"))["consents"] if c["lang"] == lang]
    forms = parsed.find("form")
    assert len(forms) == 1 and forms[0].get("action") == "https://exempel.se/samtycke"
    boxes = [a for a in parsed.find("input") if a.get("type") == "checkbox"]
    assert [box["name"] for box in boxes] == [c["purpose"] for c in consents]
    labelled = {label.get("for") for label in parsed.find("label")}
    for box in boxes:
        assert "checked" not in box
        assert box.get("id") and box["id"] in labelled
    hidden = {a["name"]: a["value"] for a in parsed.find("input") if a.get("type") == "hidden"}
    for consent in consents:
        assert hidden[f"{consent['purpose']}__version"] == consent["version"]


@pytest.mark.parametrize("page", PAGES)
def test_page_is_accessible_html(site: Path, page: str) -> None:
    lang = "sv" if page == "index.html" else page.split("/")[0]
    assert_accessible(_read(site, page), lang)
    if page != "index.html":
        assert len(ParsedPage(_read(site, page)).find("style")) == 2  # screen and print


@pytest.mark.parametrize("page", ["sv/integritetspolicy.html", "en/privacy-policy.html",
                                  "sv/samtycke.html", "en/consent.html"])
def test_languages_link_each_other_with_hreflang(site: Path, page: str) -> None:
    parsed = ParsedPage(_read(site, page))
    other = "en" if page.startswith("sv/") else "sv"
    alternates = [a for a in parsed.find("link") if a.get("rel") == "alternate"]
    assert [a["hreflang"] for a in alternates] == [other]
    target = site / page.split("/")[0] / alternates[0]["href"]
    assert target.resolve().is_file()
    assert parsed.find("nav") and parsed.find("footer")


@pytest.mark.parametrize("page", PAGES + ["sv/integritetspolicy.fragment.html",
                                          "en/privacy-policy.fragment.html"])
def test_no_page_requests_anything_from_elsewhere(site: Path, page: str) -> None:
    assert_self_contained(site, page)


@pytest.mark.parametrize("name", ["sv/integritetspolicy.fragment.html",
                                  "en/privacy-policy.fragment.html"])
def test_fragment_is_embeddable(site: Path, name: str) -> None:
    text = _read(site, name)
    parsed = ParsedPage(text)
    assert not parsed.find("html") and not parsed.find("head") and not parsed.find("body")
    assert not parsed.find("style") and not parsed.find("link")
    assert parsed.tags[0] == ("article", {"class": "policygen", "lang": name[:2]})
    assert parsed.find("h1") == []  # the CMS page has its own title (build --fragment-title keeps it)


def test_index_links_every_language(site: Path) -> None:
    parsed = ParsedPage(_read(site, "index.html"))
    hrefs = {a["href"] for a in parsed.find("a")}
    assert {"sv/integritetspolicy.html", "en/privacy-policy.html", "sv/integritetspolicy.pdf",
            "en/privacy-policy.pdf", "sv/samtycke.html", "en/consent.html"} <= hrefs


def test_heading_anchors_become_ids_and_links_resolve(site: Path) -> None:
    for page in ("sv/integritetspolicy.html", "en/privacy-policy.html"):
        parsed = ParsedPage(_read(site, page))
        ids = [attrs["id"] for _, attrs in parsed.tags if attrs.get("id")]
        assert len(ids) == len(set(ids))
        for href in (a["href"] for a in parsed.find("a") if a.get("href", "").startswith("#")):
            assert href[1:] in ids, f"{page}: {href} has no target"
        assert "{#" not in parsed.text


def test_only_some_languages(tmp_path: Path) -> None:
    templates = write_fixture_templates(tmp_path / "templates")
    result = build(load_description(str(EXAMPLE)), tmp_path / "out", languages=["en"],
                   user_templates=templates)
    assert not (tmp_path / "out" / "sv").exists()
    assert "en/privacy-policy.pdf" in result.files
    parsed = ParsedPage((tmp_path / "out" / "en" / "privacy-policy.html").read_text())
    assert not [a for a in parsed.find("link") if a.get("rel") == "alternate"]
    assert [c["lang"] for c in json.loads((tmp_path / "out" / "consent.json").read_text())[
        "consents"]] == ["en"]


def test_no_consent_purpose_means_no_consent_page(tmp_path: Path) -> None:
    description = description_with(
        purposes=[p for p in description_with().model_dump(mode="python", by_alias=True)["purposes"]
                  if p["legal_basis"] != "consent"])
    templates = write_fixture_templates(tmp_path / "templates")
    build(description, tmp_path / "out", user_templates=templates)
    assert not (tmp_path / "out" / "sv" / "samtycke.html").exists()
    assert json.loads((tmp_path / "out" / "consent.json").read_text())["consents"] == []
    assert "samtycke.html" not in (tmp_path / "out" / "index.html").read_text()

