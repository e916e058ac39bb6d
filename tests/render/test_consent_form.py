"""The consent form and consent.json: consent that proves something (issue 10).

Expectations come from the description and the law, not from the engine: the identifier's field
type follows the documented rule (docs/description-format.md, ``forms.identifier``), a phone
consent's version is recomputed here from its script and texts, and the sentences the page may
or may not say are named here.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_helpers import ParsedPage, description_with  # noqa: E402
from content_helpers import CONSENT_FILE, EXAMPLES  # noqa: E402

from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402

LANGS = ("sv", "en")
NEWSLETTER = 3  # index of the newsletter purpose in exempel-support
EASY = {"sv": "lika enkelt som att säga ja", "en": "as easy as saying yes"}
CONSENTED = re.compile(r"du har (sagt ja|samtyckt)|you have (said yes|consented)", re.I)
DEFAULT_VOLUNTARY = {"sv": "Det är frivilligt. Om du säger nej ändras inget annat för dig.",
                     "en": "It is your choice. If you say no, nothing else changes for you."}


def version(*parts: str) -> str:
    text = unicodedata.normalize("NFC", "\n".join(parts))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def page(folder: Path, lang: str) -> ParsedPage:
    return ParsedPage((folder / lang / CONSENT_FILE[lang]).read_text(encoding="utf-8"))


def words(parsed: ParsedPage) -> str:
    return re.sub(r"\s+", " ", parsed.text)


def inputs(parsed: ParsedPage, **attrs: str) -> list[dict]:
    return [a for a in parsed.find("input") if all(a.get(k) == v for k, v in attrs.items())]


def identifier_field(parsed: ParsedPage) -> dict:
    (field,) = [a for a in parsed.find("input") if a.get("type") in ("email", "tel", "text")]
    return field


def label_for(parsed: ParsedPage, html: str, control_id: str) -> str:
    match = re.search(rf'<label for="{re.escape(control_id)}">(.*?)</label>', html, re.S)
    assert match, f"no label for {control_id}"
    return match.group(1)


# --- the bundled examples ----------------------------------------------------------------------

IDENTIFIERS = {  # example → (data id, Swedish label, English label): what the description says
    "exempel-support": ("email", "Din e-postadress", "Your e-mail address"),
    "foretagsservice-art14": ("work_email", "Din e-postadress på jobbet", "Your work e-mail address"),
    "kundnara-saas": ("newsletter_email", "E-postadressen som du prenumererar med",
                      "The e-mail address you subscribe with"),
}


@pytest.mark.parametrize("example", sorted(IDENTIFIERS))
@pytest.mark.parametrize("lang", LANGS)
def test_the_form_asks_who_consents(built, example, lang):
    html = (built[example] / lang / CONSENT_FILE[lang]).read_text(encoding="utf-8")
    parsed = ParsedPage(html)
    data_id, *labels = IDENTIFIERS[example]
    field = identifier_field(parsed)
    assert (field["name"], field["type"], field["autocomplete"]) == (data_id, "email", "email")
    assert "required" in field
    assert label_for(parsed, html, field["id"]) == labels[LANGS.index(lang)]
    (form,) = parsed.find("form")
    assert form["action"] == load_description(str(EXAMPLES[example])).description.forms.action


@pytest.mark.parametrize("example", sorted(IDENTIFIERS))
@pytest.mark.parametrize("lang", LANGS)
def test_the_same_form_gives_and_withdraws_and_says_so(built, example, lang):
    parsed = page(built[example], lang)
    assert [(b["type"], b["name"], b["value"]) for b in parsed.find("button")] == [
        ("submit", "intent", "give"), ("submit", "intent", "withdraw")]
    assert EASY[lang] in words(parsed)
    assert not CONSENTED.search(words(parsed))


@pytest.mark.parametrize("example", sorted(IDENTIFIERS))
@pytest.mark.parametrize("lang", LANGS)
def test_every_box_says_it_is_voluntary_and_every_control_has_its_label(built, example, lang):
    html = (built[example] / lang / CONSENT_FILE[lang]).read_text(encoding="utf-8")
    parsed = ParsedPage(html)
    description = load_description(str(EXAMPLES[example])).description
    on_form = [p for p in description.purposes if p.consent and p.consent.channel.value == "web"]
    boxes = inputs(parsed, type="checkbox")
    assert [b["name"] for b in boxes] == [p.id for p in on_form]
    for box, purpose in zip(boxes, on_form, strict=True):
        assert "checked" not in box
        described = box["aria-describedby"].split()
        assert len(described) == 2
        voluntary = re.search(rf'<p class="consent-voluntary" id="{described[0]}">(.*?)</p>', html).group(1)
        own = purpose.requirement[lang] if purpose.requirement else DEFAULT_VOLUNTARY[lang]
        assert voluntary == own.replace("'", "&#39;")
        assert f'<dl class="consent-details" id="{described[1]}">' in html
    for control in (a for a in parsed.find("input") if a.get("type") != "hidden"):
        assert label_for(parsed, html, control["id"]).strip()


def test_a_phone_consent_is_recorded_with_its_script_and_proof_and_never_a_box(built):
    """kundnara-saas records call recording on the phone: consent.json has it (channel, script,
    proof, no form), its version covers the words the person heard, and the form has no box."""
    folder = built["kundnara-saas"]
    description = load_description(str(EXAMPLES["kundnara-saas"])).description
    recording = next(p for p in description.purposes if p.id == "call_recording")
    records = json.loads((folder / "consent.json").read_text(encoding="utf-8"))["consents"]
    for lang in LANGS:
        (record,) = [r for r in records if r["purpose"] == "call_recording" and r["lang"] == lang]
        consent = recording.consent
        assert (record["channel"], record["form"]) == ("phone", None)
        assert record["script"] == consent.script[lang] and record["proof"] == consent.proof[lang]
        labels = [next(d.label[lang] for d in description.data if d.id == i) for i in recording.data]
        assert record["version"] == version(consent.script[lang], consent.statement[lang],
                                            ", ".join(labels), consent.withdraw[lang])
        archived = json.loads((folder / "archive" / "consent" / (
            record["version"].removeprefix("sha256:") + ".json")).read_text(encoding="utf-8"))
        assert archived["text"].startswith(consent.script[lang] + "\n" + consent.statement[lang])
        assert archived["script"] == consent.script[lang]
        parsed = page(folder, lang)
        assert not [a for a in parsed.find("input") if a.get("name", "").startswith("call_recording")]
        assert consent.statement[lang] not in words(parsed)
        (web,) = [r for r in records if r["purpose"] == "newsletter" and r["lang"] == lang]
        assert web["form"] == {"page": f"{lang}/{CONSENT_FILE[lang]}",
                               "action": "https://kundnara.se/samtycke",
                               "identifier": "newsletter_email", "field": "newsletter",
                               "version_field": "newsletter__version", "intent_field": "intent"}


def test_the_consent_pages_pass_the_plain_language_check(built):
    """`policygen check` at its default thresholds, no suppressions, on every built consent page."""
    pages = [str(built[example] / lang / CONSENT_FILE[lang]) for example in EXAMPLES for lang in LANGS]
    run = subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main()",
                          "check", "--format", "json", *pages], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout)
    assert [(f["path"], finding["code"]) for f in report["files"] for finding in f["findings"]] == []
    assert len(report["files"]) == len(pages)
    for file in report["files"]:
        assert file["metrics"]["lix"] < 40, file


# --- descriptions unlike the examples ----------------------------------------------------------

def _with_identifier(data_id: str, label: dict[str, str]) -> object:
    description = description_with()
    data = [*[d.model_dump() for d in description.data],
            {"id": data_id, "label": label, "holder": "contact", "source": "data_subject"}]
    purposes = [p.model_dump(by_alias=True) for p in description.purposes]
    purposes[NEWSLETTER]["data"] = [*purposes[NEWSLETTER]["data"], data_id]
    return description_with(data=data, purposes=purposes,
                            forms={"action": "https://exempel.se/samtycke", "identifier": data_id})


@pytest.mark.parametrize(("data_id", "label", "kind"), [
    ("mobile", {"sv": "ditt mobilnummer", "en": "your mobile number"}, ("tel", "tel")),
    ("sms_number", {"sv": "telefonnumret för sms", "en": "the phone number for text messages"},
     ("tel", "tel")),
    ("customer_no", {"sv": "ditt kundnummer", "en": "your customer number"}, ("text", None)),
    ("contact", {"sv": "din e-postadress eller ditt telefonnummer",
                 "en": "your e-mail address or phone number"}, ("text", None)),
    ("work_mail", {"sv": "adressen dit vi skickar brevet", "en": "where we send the letter"},
     ("email", "email")),
])
def test_the_identifiers_field_type_follows_the_data(tmp_path, data_id, label, kind):
    out = tmp_path / "out"
    build(_with_identifier(data_id, label), out)
    for lang in LANGS:
        html = (out / lang / CONSENT_FILE[lang]).read_text(encoding="utf-8")
        field = identifier_field(ParsedPage(html))
        assert (field["type"], field.get("autocomplete")) == kind
        assert field["name"] == data_id
        assert label_for(ParsedPage(html), html, field["id"]) == label[lang][:1].upper() + label[lang][1:]


@pytest.mark.parametrize("forms", [None, {"action": "https://exempel.se/samtycke"},
                                   {"identifier": "email"}])
def test_a_draft_that_cannot_withdraw_does_not_say_it_can(tmp_path, forms):
    """Without forms.action or forms.identifier (G206/G207, so only --draft builds it) the form
    has no withdraw button, does not claim that withdrawing is as easy, and says what is missing."""
    out = tmp_path / "out"
    build(description_with(forms=forms), out, draft=True)
    for lang in LANGS:
        html = (out / lang / CONSENT_FILE[lang]).read_text(encoding="utf-8")
        parsed = ParsedPage(html)
        assert [b["value"] for b in parsed.find("button")] == ["give"]
        assert EASY[lang] not in words(parsed)
        notes = re.findall(r'<p class="consent-missing" role="note">(.*?)</p>', html)
        action = (forms or {}).get("action")
        identifier = (forms or {}).get("identifier")
        assert ("action" in (forms or {})) == bool(parsed.find("form")[0].get("action"))
        if lang == "sv":
            assert any("vart formuläret skickas" in n for n in notes) == (action is None)
            assert any("vem som svarar" in n for n in notes) == (identifier is None)
        else:
            assert any("where the form is sent" in n for n in notes) == (action is None)
            assert any("who answers" in n for n in notes) == (identifier is None)
        assert (len([a for a in parsed.find("input") if a.get("type") == "email"]) == 1) == bool(identifier)


def test_only_web_consents_make_a_consent_page(tmp_path):
    """A description whose only consent is asked on the phone has no consent page, no link to
    one, and still records the consent in consent.json."""
    description = description_with({f"purposes.{NEWSLETTER}.consent.channel": "phone",
                                     f"purposes.{NEWSLETTER}.consent.script":
                                         {"sv": "Får vi skicka nyhetsbrevet?", "en": "May we send the newsletter?"},
                                     f"purposes.{NEWSLETTER}.consent.proof":
                                         {"sv": "Vi antecknar ditt ja.", "en": "We note your yes."}})
    out = tmp_path / "out"
    build(description, out)
    assert not (out / "sv" / "samtycke.html").exists() and not (out / "en" / "consent.html").exists()
    records = json.loads((out / "consent.json").read_text(encoding="utf-8"))["consents"]
    assert [(r["purpose"], r["channel"], r["script"]) for r in records] == [
        ("newsletter", "phone", "Får vi skicka nyhetsbrevet?"),
        ("newsletter", "phone", "May we send the newsletter?")]
    assert "samtycke.html" not in (out / "sv" / "integritetspolicy.html").read_text(encoding="utf-8")


def test_a_phone_consent_without_its_script_is_neither_recorded_nor_archived(tmp_path):
    """A draft phone consent lacking its script (G209) or proof (G210) proves nothing yet."""
    for missing in ("script", "proof"):
        changes = {f"purposes.{NEWSLETTER}.consent.channel": "phone",
                   f"purposes.{NEWSLETTER}.consent.script": {"sv": "Får vi?", "en": "May we?"},
                   f"purposes.{NEWSLETTER}.consent.proof": {"sv": "Vi antecknar.", "en": "We note it."}}
        changes[f"purposes.{NEWSLETTER}.consent.{missing}"] = None
        out = tmp_path / missing
        build(description_with(changes), out, draft=True)
        assert json.loads((out / "consent.json").read_text(encoding="utf-8"))["consents"] == []
        assert not list((out / "archive" / "consent").glob("*.json"))


def test_a_script_on_a_web_consent_is_not_part_of_its_version(tmp_path):
    """The form never shows a script (G211), so it cannot be part of what the person saw."""
    plain, scripted = tmp_path / "plain", tmp_path / "scripted"
    build(description_with(), plain)
    build(description_with({f"purposes.{NEWSLETTER}.consent.script":
                            {"sv": "Vill du ha vårt nyhetsbrev?", "en": "Would you like our newsletter?"}}),
          scripted)

    def versions(folder: Path) -> list[tuple[str, str | None]]:
        records = json.loads((folder / "consent.json").read_text(encoding="utf-8"))["consents"]
        return [(r["version"], r["script"]) for r in records]

    assert versions(plain) == versions(scripted)
    assert all(script is None for _, script in versions(scripted))
