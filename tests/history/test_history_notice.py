"""`policygen diff --format md`: a notice ready to send, in Swedish and English, that passes
`policygen check` at its default thresholds — for every kind of change, and for the issue's
story (a purpose added, the US vendor replaced by a German one, the newsletter consent widened)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import base_data, changed, later, policygen, purpose, write  # noqa: E402
from test_history_diff_kinds import CASES, NEW_PURPOSE  # noqa: E402


def story(data: dict) -> None:
    data["effective"] = later(45)
    data["purposes"].append(NEW_PURPOSE)
    purpose(data, "newsletter")["consent"]["statement"] = {
        "sv": "Ja, skicka nyhetsbrev och inbjudningar till webbinarier till min e-postadress.",
        "en": "Yes, send me newsletters and invitations to webinars by e-mail."}
    mailer = next(r for r in data["recipients"] if r["id"] == "mailer")
    mailer.update(id="postbud", name="Postbud GmbH", country="DE")
    for item in data["purposes"]:
        item["recipients"] = ["postbud" if r == "mailer" else r for r in item.get("recipients", [])]
    data["transfers"] = []


@pytest.fixture(scope="module")
def notices(tmp_path_factory) -> Path:
    """The notice of every change in the kinds table and of the story, in both languages."""
    root = tmp_path_factory.mktemp("notices")
    old = write(root / "old.yaml", base_data())
    folder = root / "notices"
    folder.mkdir()
    cases = [(name.replace(" ", "-").replace("'", ""), change) for name, change, _ in CASES]
    for name, change in [*cases, ("story", story)]:
        new = write(root / f"{name}.yaml", changed(base_data(), change))
        languages = json.loads(new.read_text())["languages"]
        for lang in languages:
            result = policygen("diff", old, new, "--format", "md", "--lang", lang)
            assert result.exit_code == 0, result.output
            (folder / f"{name}.{lang}.md").write_text(result.output, encoding="utf-8")
    return folder


def test_every_notice_passes_check(notices: Path) -> None:
    result = policygen("check", notices)
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith(f"0 findings in {len(list(notices.glob('*.md')))} files")


def test_the_story_notice_in_swedish(notices: Path) -> None:
    text = (notices / "story.sv.md").read_text(encoding="utf-8")
    assert text.startswith("# Exempel Support AB ändrar sin integritetspolicy\n\n")
    day = int(later(45)[8:])
    assert f"Den {day} " in text and "börjar en ny version av vår integritetspolicy att gälla" in text
    changes = text[text.index("## Det här ändras"):text.index("## Andra ändringar")]
    assert "- Vi använder nu dina uppgifter till något nytt: Bjuda in dig till webbinarier." in changes
    assert "- Postbud GmbH i Tyskland får nu uppgifter om dig." in changes
    assert "- Vi har ändrat texten du säger ja till för ”Nyhetsbrev”." in changes
    others = text[text.index("## Andra ändringar"):text.index("## Vi frågar dig igen")]
    assert "- Vi skickar inte längre uppgifter till Sendwise Inc. i USA." in others
    consent = text[text.index("## Vi frågar dig igen"):text.index("## Har du frågor?")]
    assert "samtycke (att du frivilligt och tydligt säger ja till något" in consent  # explained
    assert "Om du inte gör det, slutar vi med det från och med den " in consent
    assert "[dataskydd@exempel.se](mailto:dataskydd@exempel.se)" in text
    assert text.endswith("Med vänliga hälsningar\\\nExempel Support AB\n")


def test_the_story_notice_in_english(notices: Path) -> None:
    text = (notices / "story.en.md").read_text(encoding="utf-8")
    assert text.startswith("# Exempel Support AB is changing its privacy policy\n\n")
    assert "- We now use your data for something new: Invite you to webinars." in text
    assert "We are asking you again" in text and "your earlier consent (" in text


def test_a_notice_escapes_what_the_description_says(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", base_data())
    hostile = changed(base_data(), lambda d: d["purposes"].append(
        {**NEW_PURPOSE, "title": {"sv": "[klicka](javascript:alert(1)) <b>fet</b>",
                                  "en": "# heading *bold*"}}))
    new = write(tmp_path / "new.yaml", hostile)
    sv = policygen("diff", old, new, "--format", "md", "--lang", "sv").output
    en = policygen("diff", old, new, "--format", "md", "--lang", "en").output
    assert r"\[klicka\](javascript:alert(1)) \<b\>fet\</b\>" in sv
    assert r"something new: \# heading \*bold\*." in en


def test_a_notice_needs_a_language_of_the_description(tmp_path: Path) -> None:
    data = base_data()
    swedish = changed(data, lambda d: None)
    swedish["languages"] = ["sv"]

    def only_sv(value):  # noqa: ANN001, ANN202
        if isinstance(value, dict):
            return value["sv"] if set(value) == {"sv", "en"} else {k: only_sv(v) for k, v in value.items()}
        return [only_sv(v) for v in value] if isinstance(value, list) else value

    swedish = only_sv(swedish)
    path = write(tmp_path / "sv.yaml", swedish)
    result = policygen("diff", path, path, "--format", "md", "--lang", "en")
    assert result.exit_code == 2
    assert "the description has no `en` text for the notice" in result.output
