"""Reading a built site the way a person's browser would: parsed HTML, not the engine's own data.

The end-to-end tests know only the description format (docs/description-format.md) and what the
law asks a policy to say (reference/gdpr-notice.md). They build a description with the command
line, then look for each element in the pages: the ``<main>`` of a policy is a flat run of blocks
(headings, paragraphs, lists) that these helpers cut into sections by heading.
"""

from __future__ import annotations

import hashlib
import html.parser
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

POLICY = {"sv": "integritetspolicy", "en": "privacy-policy"}
CONSENT = {"sv": "samtycke.html", "en": "consent.html"}
MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
UNITS = {"sv": {"days": ("dag", "dagar"), "weeks": ("vecka", "veckor"),
                "months": ("månad", "månader"), "years": ("år", "år")},
         "en": {"days": ("day", "days"), "weeks": ("week", "weeks"),
                "months": ("month", "months"), "years": ("year", "years")}}
# Numbers up to twelve are words in running text; Swedish "one" agrees with its noun.
NUMBER_WORDS = {"sv": "noll ett två tre fyra fem sex sju åtta nio tio elva tolv".split(),
                "en": "zero one two three four five six seven eight nine ten eleven twelve".split()}
SWEDISH_ONE = {"dag": "en", "vecka": "en", "månad": "en", "år": "ett"}
BASIS_ARTICLE = {
    "sv": {"consent": "6.1 a", "contract": "6.1 b", "legal_obligation": "6.1 c",
           "vital_interests": "6.1 d", "public_task": "6.1 e", "legitimate_interests": "6.1 f"},
    "en": {"consent": "6(1)(a)", "contract": "6(1)(b)", "legal_obligation": "6(1)(c)",
           "vital_interests": "6(1)(d)", "public_task": "6(1)(e)", "legitimate_interests": "6(1)(f)"},
}
# reference/gdpr-notice.md, "Which rights apply to which legal basis" (objection kept apart)
# The rights every basis has (access, rectification, restriction) are said once; the policy's one
# rights table has a column for each of the others that applies to some purpose.
TABLE_RIGHTS = ("erasure", "portability", "objection", "withdraw")
RIGHTS = {
    "consent": {"access", "rectification", "erasure", "restriction", "portability", "withdraw"},
    "contract": {"access", "rectification", "erasure", "restriction", "portability"},
    "legal_obligation": {"access", "rectification", "restriction"},
    "legitimate_interests": {"access", "rectification", "erasure", "restriction"},
    "vital_interests": {"access", "rectification", "erasure", "restriction"},
    "public_task": {"access", "rectification", "restriction"},
}
RIGHT_ARTICLE = {"access": "15", "rectification": "16", "erasure": "17", "restriction": "18",
                 "portability": "20"}
COUNTRY = {"sv": {"SE": "Sverige", "IE": "Irland", "JP": "Japan", "IN": "Indien",
                  "BR": "Brasilien", "US": "USA"},
           "en": {"SE": "Sweden", "IE": "Ireland", "JP": "Japan", "IN": "India",
                  "BR": "Brazil", "US": "the United States"}}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "blockquote", "pre", "hr",
          "form", "section", "div"}


def load_yaml(path: Path) -> dict:
    """The description as plain data, read independently of policygen's own loader."""
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def text(value, lang: str) -> str:
    """A description text in ``lang``: a plain string stands for the one language."""
    return value if isinstance(value, str) else value[lang]


def date_words(iso: str, lang: str) -> str:
    year, month, day = (int(part) for part in str(iso).split("-"))
    return f"{day} {MONTHS[lang][month - 1]} {year}"


def duration_words(period: str, lang: str) -> str:
    amount, unit = period.split()
    unit = unit if unit.endswith("s") else unit + "s"
    singular, plural = UNITS[lang][unit]
    count = int(amount)
    if count == 1 and lang == "sv":
        return f"{SWEDISH_ONE[singular]} {singular}"
    number = NUMBER_WORDS[lang][count] if count <= 12 else amount
    return f"{number} {singular if count == 1 else plural}"


def consent_version(statement: str, labels: list[str], withdraw: str) -> str:
    """docs/build.md: sha256 of NFC(statement + "\\n" + ", ".join(labels) + "\\n" + withdraw)."""
    shown = unicodedata.normalize("NFC", statement + "\n" + ", ".join(labels) + "\n" + withdraw)
    return "sha256:" + hashlib.sha256(shown.encode("utf-8")).hexdigest()


@dataclass
class Block:
    """One top-level block of ``<main>``: its tag, id, visible text and the links inside it."""

    tag: str
    id: str | None
    text: str = ""
    hrefs: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, link text)


class Page(html.parser.HTMLParser):
    """A parsed page: every element's attributes, the blocks of ``<main>``, all ids and links."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[Block] = []
        self.ids: list[str] = []
        self.title = ""
        self._stack: list[str] = []
        self._in_main = False
        self._block: Block | None = None
        self._depth = 0
        self._link: list | None = None
        self._in_title = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.elements.append((tag, values))
        if values.get("id"):
            self.ids.append(values["id"])
        if tag == "title":
            self._in_title = True
        if tag == "main":
            self._in_main = True
        elif self._in_main and self._block is None and tag in BLOCKS:
            self._block = Block(tag, values.get("id"))
            self._depth = 0
        if self._block is not None and tag not in VOID:
            self._depth += 1
        if self._block is not None and tag == "a":
            self._block.hrefs.append(values.get("href") or "")
            self._link = [values.get("href") or "", ""]
        if self._block is not None and tag == "li" and self._block.text:
            self._block.text += "\n"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "main":
            self._in_main = False
        if tag == "a" and self._link is not None and self._block is not None:
            self._block.links.append((self._link[0], self._link[1]))
            self._link = None
        if self._block is not None and tag not in VOID:
            self._depth -= 1
            if self._depth == 0:
                self.blocks.append(self._block)
                self._block = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._block is not None:
            self._block.text += data
            if self._link is not None:
                self._link[1] += data

    # --- queries -------------------------------------------------------------------------
    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]

    def section(self, anchor: str) -> list[Block]:
        """The blocks from the heading with id ``anchor`` up to the next heading of its level."""
        for index, block in enumerate(self.blocks):
            if block.id == anchor and block.tag.startswith("h"):
                level = int(block.tag[1])
                found = [block]
                for following in self.blocks[index + 1:]:
                    if following.tag.startswith("h") and following.tag[1:].isdigit() \
                            and int(following.tag[1]) <= level:
                        break
                    found.append(following)
                return found
        raise AssertionError(f"no heading with id {anchor!r}")

    def section_by_heading(self, title: str, level: str) -> list[Block]:
        matches = [b for b in self.blocks if b.tag == level and " ".join(b.text.split()) == title]
        assert len(matches) == 1, f"{len(matches)} {level} headings read {title!r}"
        return self.section(matches[0].id)

    def main_text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


class TableParser(html.parser.HTMLParser):
    """The first ``<table>`` of a page: rows of cells, each ``(text, [hrefs])``."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, list[str]]]] = []
        self._cell: list | None = None
        self._done = False
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ["", []]
        elif tag == "a" and self._cell is not None:
            self._cell[1].append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and not self._done:
            self.rows[-1].append((" ".join(self._cell[0].split()), self._cell[1]))
            self._cell = None
        elif tag == "table":
            self._done = True

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0] += data


def joined(blocks: list[Block]) -> str:
    """The visible text of blocks with white space collapsed, as a reader sees it."""
    return " ".join(" ".join(block.text for block in blocks).split())


def hrefs(blocks: list[Block]) -> list[str]:
    return [href for block in blocks for href in block.hrefs]


def squash(value: str) -> str:
    return " ".join(value.split())


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
