"""`policygen build` with a published history: version 1, a change, version 2 into a new empty
folder; refusing a change that keeps its date; warnings for short notice; drafts."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import example_data, later, policygen, purpose, write  # noqa: E402


def widen(data: dict, effective: str) -> dict:
    """Version 2 of the issue's story: the newsletter also invites to webinars, and the US mail
    processor is replaced by a German one."""
    data = json.loads(json.dumps(data))
    data["effective"] = effective
    newsletter = purpose(data, "newsletter")
    newsletter["consent"]["statement"] = {
        "sv": "Ja, skicka nyhetsbrev och inbjudningar till webbinarier till min e-postadress.",
        "en": "Yes, send me newsletters and invitations to webinars by e-mail."}
    mailer = next(r for r in data["recipients"] if r["id"] == "mailer")
    mailer.update(id="postbud", name="Postbud GmbH", country="DE",
                  description={"sv": "Postbud skickar vår e-post åt oss.",
                               "en": "Postbud sends our e-mail for us."})
    for item in data["purposes"]:
        item["recipients"] = ["postbud" if r == "mailer" else r for r in item.get("recipients", [])]
    data["transfers"] = []
    return data


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict:
    """Version 1 built into `site1`; version 2 built into a new, empty folder `site2`."""
    root = tmp_path_factory.mktemp("story")
    description = root / "policy.yaml"
    v1 = example_data()
    write(description, v1)
    first = policygen("build", description, "--out", root / "site1")
    assert first.exit_code == 0, first.output
    history_v1 = (root / "policy.history.json").read_text(encoding="utf-8")
    v1_consent = json.loads((root / "site1" / "consent.json").read_text(encoding="utf-8"))
    write(description, widen(v1, later(60)))
    second = policygen("build", description, "--out", root / "site2")
    return {"root": root, "description": description, "first": first, "second": second,
            "history_v1": history_v1, "v1_consent": v1_consent}


def test_version_2_in_a_new_folder_has_both_consent_texts_and_the_previous_policy(story) -> None:
    assert story["second"].exit_code == 0, story["second"].output
    site = story["root"] / "site2"
    archived = {path.name for path in (site / "archive" / "consent").glob("*.json")}
    old = {c["version"].removeprefix("sha256:") + ".json" for c in story["v1_consent"]["consents"]}
    new = {c["version"].removeprefix("sha256:") + ".json"
           for c in json.loads((site / "consent.json").read_text())["consents"]}
    assert len(old) == 2 and len(new) == 2 and archived == old | new
    for name in old:  # the earlier texts are byte for byte what version 1 archived
        assert (site / "archive" / "consent" / name).read_bytes() == \
            (story["root"] / "site1" / "archive" / "consent" / name).read_bytes()
    previous = site / "sv" / "integritetspolicy-2026-12-01.md"
    assert previous.is_file() and (site / "en" / "privacy-policy-2026-12-01.html").is_file()
    text = previous.read_text(encoding="utf-8")
    assert text.startswith("> **Det här är en tidigare version av policyn, för tiden från "
                           "1 december 2026 fram till ")
    assert "Sendwise Inc." in text and "Postbud" not in text  # what version 1 said
    # its own version id, which the page footer shows (the Markdown no longer carries it)
    own = story["v1_consent"]["policy_version"]
    current_id = json.loads((site / "consent.json").read_text())["policy_version"]
    assert own != current_id
    page = (site / "sv" / "integritetspolicy-2026-12-01.html").read_text(encoding="utf-8")
    footer = page[page.index('<footer class="site-footer">'):]
    assert (f'<code class="version" title="{own}">{own.removeprefix("sha256:")[:12]}</code>'
            in footer)
    assert current_id.removeprefix("sha256:")[:12] not in page
    current = (site / "sv" / "integritetspolicy.md").read_text(encoding="utf-8")
    assert "[1 december 2026](integritetspolicy-2026-12-01.html)" in current
    html = (site / "en" / "privacy-policy-2026-12-01.html").read_text(encoding="utf-8")
    assert 'href="../sv/integritetspolicy-2026-12-01.html"' in html
    assert 'href="privacy-policy.html">Read the latest version</a>' in html


def test_the_policy_shows_its_changes(story) -> None:
    site = story["root"] / "site2"
    for lang, page, heading, first in (
            ("sv", "integritetspolicy", "## Ändringar i policyn {#andringar-i-policyn}",
             "- **1 december 2026**. Den första versionen av policyn."),
            ("en", "privacy-policy", "## Changes to this policy {#changes-to-this-policy}",
             "- **1 December 2026**. The first version of this policy.")):
        text = (site / lang / f"{page}.md").read_text(encoding="utf-8")
        section = text[text.index(heading):]
        entries = [line for line in section.splitlines() if line.startswith("- **")]
        assert len(entries) == 2 and entries[1] == first
        assert {"sv": "(den här versionen)", "en": "(this version)"}[lang] in entries[0]
        assert {"sv": "Postbud GmbH i Tyskland får nu uppgifter om dig.",
                "en": "Postbud GmbH in Germany now gets data about you."}[lang] in entries[0]
        assert "Sendwise" not in entries[0]  # a recipient removed is editorial: not listed


def test_the_build_summarises_what_changed(story) -> None:
    output = story["second"].output
    first = story["v1_consent"]["policy_version"].removeprefix("sha256:")[:12]
    assert re.search(rf"changes since the version published for 2026-12-01 \({first}\): "
                     r"\d+ substantive, \d+ editorial", output)
    assert "consent to ask again: newsletter" in output
    assert "every change and its reason: policygen diff " in output
    assert "recorded the version of " in output
    assert "restored published consent text sha256:" in output


def test_consent_json_says_since_when_a_consent_is_valid(story) -> None:
    site = story["root"] / "site2"
    document = json.loads((site / "consent.json").read_text())
    for record in document["consents"]:
        # the statement was widened: only consents to the new text, from version 2 on, count
        assert record["valid_since"] == {"policy_version": document["policy_version"],
                                         "effective": later(60), "versions": [record["version"]]}


def test_the_history_records_both_versions_and_diffs_as_an_addition(story) -> None:
    path = story["root"] / "policy.history.json"
    history = json.loads(path.read_text(encoding="utf-8"))
    first, second = history["versions"]
    assert history["description"] == "policy.yaml"
    assert second["previous"] == first["policy_version"] and first["previous"] is None
    assert second["effective"] == later(60)
    assert {c["version"] for c in second["consents"]} == {
        c["version"] for c in json.loads((story["root"] / "site2" / "consent.json").read_text())["consents"]}
    old_lines = story["history_v1"].splitlines()
    new_lines = path.read_text(encoding="utf-8").splitlines()
    # appending version 2 adds lines; of version 1's lines only the list's closing ones change
    assert new_lines[:len(old_lines) - 3] == old_lines[:-3]


def test_building_the_same_version_again_adds_nothing(story, tmp_path: Path) -> None:
    path = story["root"] / "policy.history.json"
    before = path.read_bytes()
    again = policygen("build", story["description"], "--out", tmp_path / "site")
    assert again.exit_code == 0, again.output
    assert path.read_bytes() == before
    assert "no changes since the version published for " in again.output


def test_editing_without_moving_effective_fails_with_a_located_message(tmp_path: Path) -> None:
    description = write(tmp_path / "policy.yaml", example_data())
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    history = (tmp_path / "policy.history.json").read_bytes()
    site = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    data = example_data()
    purpose(data, "quality")["retention"]["period"] = "18 months"
    write(description, data)
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(description.read_text().splitlines(), 1)
                if text.strip().startswith('"effective"'))
    assert (f"{description}:{line}:3: error G901 effective: the description changed since the "
            f"version published for 2026-12-01, but `effective` is still 2026-12-01") in result.output
    assert "refusing to build" in result.output
    assert (tmp_path / "policy.history.json").read_bytes() == history
    assert {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()} == site
    draft = policygen("build", description, "--out", tmp_path / "draft", "--draft")
    assert draft.exit_code == 0 and "G901" in draft.output
    assert (tmp_path / "policy.history.json").read_bytes() == history  # a draft never records


def test_an_earlier_date_than_the_published_one_is_refused(tmp_path: Path) -> None:
    description = write(tmp_path / "policy.yaml", example_data())
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    data = example_data()
    data["effective"] = "2026-06-01"
    write(description, data)
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 1
    assert "error G901 effective: `effective` (2026-06-01) is before the last published " \
           "version's date (2026-12-01)" in result.output


def test_short_notice_and_a_new_purpose_without_notice_warn(tmp_path: Path) -> None:
    data = example_data()
    data["changes"] = {"notice_days": 30}
    data["effective"] = later(-30)  # version 1 took effect a month ago
    description = write(tmp_path / "policy.yaml", data)
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    soon = json.loads(json.dumps(data))
    soon["effective"] = later(10)
    purpose(soon, "quality")["retention"]["period"] = "18 months"
    write(description, soon)
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert (f"warning G902 effective: 1 substantive change takes effect {later(10)} "
            f"(in 10 days); the notice period is 30 days") in result.output
    assert "(12(1))" in result.output or "12(1)" in result.output
    (tmp_path / "policy.history.json").unlink()  # start again from version 1
    write(description, data)
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    today = json.loads(json.dumps(data))
    today["effective"] = later(0)
    today["purposes"].append({
        "id": "webinars", "title": {"sv": "Bjuda in dig till webbinarier", "en": "Invite you to webinars"},
        "data": ["email"], "legal_basis": "legitimate_interests",
        "legitimate_interest": {"sv": "Vi vill visa nya funktioner.", "en": "We want to show new features."},
        "retention": {"period": "6 months", "after": {"sv": "webbinariet", "en": "the webinar"}},
        "recipients": ["crm"]})
    write(description, today)
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert re.search(r":\d+:5: warning G903 purposes\[5\]: purpose `webinars` is new, and the "
                     rf"policy takes effect {later(0)}, not in the future", result.output)
    assert "G902 effective" in result.output and "(today)" in result.output


def test_a_draft_without_a_history_writes_none(tmp_path: Path) -> None:
    description = write(tmp_path / "policy.yaml", example_data())
    assert policygen("build", description, "--out", tmp_path / "site", "--draft").exit_code == 0
    assert not (tmp_path / "policy.history.json").exists()
    assert not list(tmp_path.glob(".*.lock"))


def test_history_can_live_elsewhere(tmp_path: Path) -> None:
    description = write(tmp_path / "policy.yaml", example_data())
    elsewhere = tmp_path / "records" / "policy.history.json"
    elsewhere.parent.mkdir()
    assert policygen("build", description, "--out", tmp_path / "site", "--history", elsewhere).exit_code == 0
    assert elsewhere.is_file() and not (tmp_path / "policy.history.json").exists()


def test_text_from_the_description_stays_text_in_the_changes_section(tmp_path: Path) -> None:
    description = write(tmp_path / "policy.yaml", example_data())
    assert policygen("build", description, "--out", tmp_path / "site").exit_code == 0
    data = example_data()
    data["effective"] = later(60)
    data["purposes"].append({
        "id": "evil", "title": {"sv": "[klicka](javascript:alert(1)) <script>x</script>",
                                "en": "**bold** `code`"},
        "data": ["email"], "legal_basis": "legitimate_interests",
        "legitimate_interest": {"sv": "Vi vill testa.", "en": "We want to test."},
        "retention": {"period": "1 month", "after": {"sv": "testet", "en": "the test"}},
        "recipients": ["crm"]})
    write(description, data)
    result = policygen("build", description, "--out", tmp_path / "site")
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "site" / "sv" / "integritetspolicy.md").read_text(encoding="utf-8")
    section = markdown[markdown.index("## Ändringar i policyn"):]
    assert r"något nytt: \[klicka\](javascript:alert(1)) \<script\>x\</script\>." in section
    html = (tmp_path / "site" / "sv" / "integritetspolicy.html").read_text(encoding="utf-8")
    assert 'href="javascript:' not in html
    assert "<script>x" not in html
    english = (tmp_path / "site" / "en" / "privacy-policy.md").read_text(encoding="utf-8")
    assert r"something new: \*\*bold\*\* \`code\`." in english
