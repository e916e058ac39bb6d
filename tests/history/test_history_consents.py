"""Whose consent must be asked again: a change to the statement, the data, the purpose or the
recipients lists the purpose for renewed consent; a typo fixed in the form's heading does not.
And ``consent.json`` says since which published version each consent is valid."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import (base_data, changed, example_data, later, policygen, purpose,  # noqa: E402
                             write)


def _statement(data, text="Yes, send me newsletters and webinar invitations."):  # noqa: ANN001, ANN202
    purpose(data, "newsletter")["consent"]["statement"]["en"] = text


CASES = [
    ("statement reworded", _statement, "renew", ["statement"], True),
    ("data added", lambda d: purpose(d, "newsletter")["data"].append("phone"), "renew", ["data"], True),
    ("data label reworded", lambda d: d["data"][1]["label"].update(en="your work e-mail address"),
     "renew", ["data"], True),
    ("recipient added", lambda d: purpose(d, "newsletter")["recipients"].append("crm"), "renew",
     ["recipients"], False),
    ("recipient moved abroad", lambda d: d["recipients"][1].update(country="IN"), "renew",
     ["recipients"], False),
    ("purpose reworded", lambda d: purpose(d, "newsletter")["title"].update(en="Send you offers"),
     "renew", ["purpose"], False),
    ("statement typo", lambda d: _statement(
        d, "Yes, send me Exempel Support's newsleter by e-mail once a month."), "still_valid", [], True),
    ("withdrawal reworded", lambda d: purpose(d, "newsletter")["consent"]["withdraw"].update(
        en="Reply STOP to any newsletter."), "still_valid", [], True),
    ("data taken away", lambda d: purpose(d, "newsletter")["data"].remove("name"), "still_valid", [], True),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("consents") / "old.yaml", base_data())


def _consents(old: Path, new: Path, lang: str = "en") -> list[dict]:
    result = policygen("diff", old, new, "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["consents"]


@pytest.mark.parametrize(("name", "change", "status", "reasons", "text_changes"), CASES,
                         ids=[case[0] for case in CASES])
def test_what_a_consent_covers_decides_whether_to_ask_again(base: Path, tmp_path: Path, name,
                                                           change, status, reasons,
                                                           text_changes) -> None:
    new = write(tmp_path / "new.yaml", changed(base_data(), change))
    consents = _consents(base, new)
    assert [(c["purpose"], c["status"], c["reasons"]) for c in consents] == [
        ("newsletter", status, reasons)]
    english = next(v for v in consents[0]["versions"] if v["lang"] == "en")
    assert (english["old"] != english["new"]) == text_changes
    assert english["old"].startswith("sha256:") and english["new"].startswith("sha256:")
    if status == "renew":
        title = "Send you offers" if name == "purpose reworded" else "Newsletter"
        assert consents[0]["action"] == (f"“{title}”: the consents you already "
                                         "have do not cover the new text. Ask again, and stop the "
                                         "processing for people who do not say yes.")
        sv = _consents(base, new, "sv")[0]["action"]
        assert "Fråga igen och sluta med behandlingen för dem som inte svarar ja." in sv


def test_a_typo_fixed_in_the_heading_of_the_form_keeps_every_consent(base: Path, tmp_path: Path) -> None:
    """The purpose's title is the heading of its box on the consent form."""
    def misspell(data):  # noqa: ANN001, ANN202
        title = purpose(data, "newsletter")["title"]
        assert title["sv"] == "Nyhetsbrev", title
        title["sv"] = "Nyhetbrev"

    typo = write(tmp_path / "old.yaml", changed(base_data(), misspell))
    assert _consents(typo, base) == []
    report = json.loads(policygen("diff", typo, base, "--format", "json").output)
    assert [(c["field"], c["reason"]) for c in report["changes"]] == [("title", "text_spelling")]


def test_a_purpose_that_now_rests_on_consent_asks_everyone(base: Path, tmp_path: Path) -> None:
    def to_consent(data):  # noqa: ANN001, ANN202
        quality = purpose(data, "quality")
        quality["legal_basis"] = "consent"
        quality["consent"] = {"statement": {"sv": "Ja, skicka mig enkäter.", "en": "Yes, send me surveys."},
                              "withdraw": {"sv": "Svara NEJ.", "en": "Reply NO."}}

    new = write(tmp_path / "new.yaml", changed(base_data(), to_consent))
    consents = _consents(base, new)
    assert [(c["purpose"], c["status"]) for c in consents] == [("quality", "new")]
    assert consents[0]["versions"][0]["old"] is None
    assert consents[0]["action"] == ("“Follow-up and statistics on our support”: "
                                     "nobody has said yes yet. Ask for consent before you start.")


def test_the_human_diff_lists_the_renewal_with_both_version_ids(base: Path, tmp_path: Path) -> None:
    new = write(tmp_path / "new.yaml", changed(
        base_data(), lambda d: purpose(d, "newsletter")["recipients"].append("crm")))
    output = policygen("diff", base, new, "--lang", "en").output
    block = output[output.index("\nConsents\n"):]
    assert "What changed: the recipients" in block
    assert "en: sha256:" in block and "(the text is the same, but what it covers changed)" in block


def test_consent_json_carries_validity_across_published_versions(tmp_path: Path) -> None:
    description = tmp_path / "policy.yaml"
    data = example_data()
    write(description, data)
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    first = json.loads((tmp_path / "site" / "consent.json").read_text())
    # version 2: only the withdrawal text changes — earlier consents still cover it
    data["effective"] = later(40)
    purpose(data, "newsletter")["consent"]["withdraw"]["en"] = "Reply STOP to any newsletter."
    write(description, data)
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    second = json.loads((tmp_path / "site" / "consent.json").read_text())
    english_1 = next(c for c in first["consents"] if c["lang"] == "en")
    english_2 = next(c for c in second["consents"] if c["lang"] == "en")
    swedish_2 = next(c for c in second["consents"] if c["lang"] == "sv")
    assert english_2["valid_since"] == {"policy_version": first["policy_version"],
                                        "effective": "2026-12-01",
                                        "versions": [english_1["version"], english_2["version"]]}
    assert swedish_2["valid_since"]["versions"] == [swedish_2["version"]]  # unchanged in Swedish
    # version 3: a new recipient — from now on only consents given to version 3 count
    data["effective"] = later(80)
    purpose(data, "newsletter")["recipients"].append("crm")
    write(description, data)
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    third = json.loads((tmp_path / "site" / "consent.json").read_text())
    for record in third["consents"]:
        assert record["valid_since"]["policy_version"] == third["policy_version"]
        assert record["valid_since"]["effective"] == later(80)
        assert record["valid_since"]["versions"] == [record["version"]]
