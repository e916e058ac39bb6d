"""Shared material for the content tests: the bundled examples and where their golden files live."""

from __future__ import annotations

import html.parser
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "exempel-support": REPO / "examples" / "exempel-support.yaml",
    "foretagsservice-art14": REPO / "examples" / "foretagsservice-art14.yaml",
    "kundnara-saas": REPO / "examples" / "kundnara-saas.yaml",
}
GOLDEN = REPO / "tests" / "golden"
POLICY_FILE = {"sv": "integritetspolicy", "en": "privacy-policy"}
CONSENT_FILE = {"sv": "samtycke.html", "en": "consent.html"}


def section(markdown: str, anchor: str) -> str:
    """The Markdown from the heading with ``{#anchor}`` up to the next heading of the same or higher level."""
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("#") and line.rstrip().endswith("{#" + anchor + "}"):
            level = len(line) - len(line.lstrip("#"))
            body = [line]
            for following in lines[index + 1:]:
                hashes = len(following) - len(following.lstrip("#"))
                if following.startswith("#") and following[hashes:hashes + 1] == " " and hashes <= level:
                    break
                body.append(following)
            return "\n".join(body)
    raise AssertionError(f"no heading with anchor {anchor!r}")


def headings(markdown: str) -> list[tuple[int, str]]:
    """(level, text) of every ATX heading, anchors included."""
    found = []
    for line in markdown.splitlines():
        stripped = line.lstrip("#")
        level = len(line) - len(stripped)
        if 1 <= level <= 6 and stripped.startswith(" "):
            found.append((level, stripped.strip()))
    return found


class FormParser(html.parser.HTMLParser):
    """Collects the inputs, labels and forms of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict[str, str | None]] = []
        self.labels: list[str | None] = []
        self.forms: list[dict[str, str | None]] = []
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "input":
            self.inputs.append(values)
        elif tag == "label":
            self.labels.append(values.get("for"))
        elif tag == "form":
            self.forms.append(values)
        elif tag == "h1":
            self.h1 += 1
