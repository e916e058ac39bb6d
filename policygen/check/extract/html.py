"""HTML → prose blocks, each character mapped to its exact source line and column.

Only the ``<main>`` element is prose when the page has one, else ``<body>`` (navigation and footers
of a built site are not the policy). Script, style, code and pre contents are skipped. Block
elements (h1–h6, p, li, td, th, dt, dd, caption, figcaption, label, legend, summary) each make a
block; text standing directly in a container (a ``<div>``) makes a block of its own. Entities are
decoded, and each decoded character maps to the entity it came from. Positions come from the
stdlib parser's ``getpos()`` plus offsets inside the text; the source is fed in slices so a large
file is never held as blocks all at once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from policygen.check.document import Block
from policygen.check.extract.builder import BlockBuilder

BLOCK_ELEMENTS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd",
    "caption", "figcaption", "label", "legend", "summary",
}  # fmt: skip
SKIPPED = {"script", "style", "code", "pre", "template", "svg", "math", "noscript", "head", "textarea", "select"}
CONTAINERS = {
    "div", "section", "article", "aside", "header", "footer", "nav", "main", "body", "blockquote",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "form", "fieldset", "figure",
    "details", "address", "hr", "br",
}  # fmt: skip
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "base", "col", "embed", "track"}
_IMPLIED_END = {"li": {"li", "p"}, "p": {"p"}, "td": {"td", "th"}, "th": {"td", "th"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_CLOSED_BY = {"ul": ("li", "p"), "ol": ("li", "p"), "tr": ("td", "th", "p"), "table": ("td", "th", "p"),
              "dl": ("dt", "dd", "p"), "div": ("p",), "section": ("p",), "main": ("p",), "body": ("p",)}
_HAS_MAIN = re.compile(r"<main[\s>/]", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_SLICE = 1 << 18
# Python's parser (3.11, 3.12) raises AssertionError on a marked section whose name is no name
# ("<![0"). HTML5 reads every "<![" in HTML content as a bogus comment that ends at the first ">",
# so each is fed as one: "<!?" has the same length, and every position stays where it was.
_MARKED_SECTION = re.compile(r"<!\[")


def detect_html_lang(source: str) -> str | None:
    """The primary language subtag of ``<html lang="…">`` (``sv-SE`` → ``sv``), if any."""
    match = _HTML_LANG.search(source[:65536])
    return match.group(1).lower() if match else None


def _kind(tag: str, inside_list_item: bool) -> str:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if tag in ("td", "th"):
        return "table_cell"
    if tag == "li" or inside_list_item:
        return "list_item"
    return "paragraph"


class _ProseParser(HTMLParser):
    def __init__(self, lines: list[str], prose_root: str, first_line: int) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = lines
        self.prose_root = prose_root
        self.line_shift = first_line - 1
        self.root_depth = 0
        self.skip_depth = 0
        self.quote_depth = 0  # inside <blockquote>: quoted text (Block.quote)
        self.open_blocks: list[str] = []
        self.builder: BlockBuilder | None = None
        self.blocks: list[Block] = []

    # -- where we are --------------------------------------------------------------------------

    def _in_prose(self) -> bool:
        return self.root_depth > 0 and self.skip_depth == 0

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line + self.line_shift, offset + 1

    def _flush(self) -> None:
        if self.builder is not None:
            block = self.builder.build()
            if block is not None:
                block.quote = self.quote_depth > 0
                self.blocks.append(block)
            self.builder = None

    def _current(self) -> BlockBuilder:
        if self.builder is None:
            line, _ = self._position()
            tag = self.open_blocks[-1] if self.open_blocks else ""
            kind = _kind(tag, "li" in self.open_blocks)
            level = int(tag[1]) if kind == "heading" else 0
            self.builder = BlockBuilder(kind, line, level)
        return self.builder

    # -- parser callbacks ----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        if tag == self.prose_root:
            self.root_depth += 1
            return
        if tag in VOID:
            if tag in ("br", "hr") and self.builder is not None:
                self.builder.space(*self._position())
            return
        if tag in SKIPPED:
            self.skip_depth += 1
            if tag in ("code", "pre") and self.builder is not None:
                self.builder.space(*self._position())
            return
        if not self._in_prose():
            return
        if tag in BLOCK_ELEMENTS:
            self._flush()
            if self.open_blocks and _IMPLIED_END.get(tag, {tag}) & {self.open_blocks[-1]}:
                self.open_blocks.pop()  # <li>a<li>b, <p>a<p>b: the previous one ended implicitly
            self.open_blocks.append(tag)
        elif tag in CONTAINERS:
            self._flush()
            if tag == "blockquote":
                self.quote_depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        if tag in ("br", "hr") and self.builder is not None:
            self.builder.space(*self._position())

    def handle_endtag(self, tag: str) -> None:
        if tag == self.prose_root:
            self._flush()
            self.root_depth = max(self.root_depth - 1, 0)
            return
        if tag in SKIPPED:
            self.skip_depth = max(self.skip_depth - 1, 0)
            return
        if not self._in_prose():
            return
        if tag in BLOCK_ELEMENTS:
            self._flush()
            if tag in self.open_blocks:
                while self.open_blocks and self.open_blocks.pop() != tag:
                    pass
        elif tag in CONTAINERS:
            self._flush()
            if tag == "blockquote":
                self.quote_depth = max(self.quote_depth - 1, 0)
            closes = _CLOSED_BY.get(tag, ())
            while self.open_blocks and self.open_blocks[-1] in closes:
                self.open_blocks.pop()

    def handle_data(self, data: str) -> None:
        if not self._in_prose() or not data:
            return
        if self.builder is None and not data.strip():
            return
        builder = self._current()
        line, column = self._position()
        for index, piece in enumerate(data.split("\n")):
            if index:
                builder.space(line, column)
                line, column = line + 1, 1
            builder.copy(piece, line, column)
            column += len(piece)

    def _reference(self, raw_name: str, decoded: str) -> None:
        if not self._in_prose():
            return
        line, column = self._position()
        source_line = self.lines[line - self.line_shift - 1] if line - self.line_shift - 1 < len(self.lines) else ""
        width = len(raw_name) + 1
        if source_line[column - 1 + width : column + width] == ";":
            width += 1
        self._current().decoded(decoded, line, column, width)

    def handle_entityref(self, name: str) -> None:
        self._reference(name, html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference("#" + name, html.unescape(f"&#{name};"))


def extract_html(source: str, first_line: int = 1) -> Iterator[Block]:
    """Prose blocks of an HTML document, in source order."""
    root = "main" if _HAS_MAIN.search(source) else "body"
    if root == "body" and not re.search(r"<body[\s>]", source, re.IGNORECASE):
        source_root_open = True
    else:
        source_root_open = False
    parser = _ProseParser(source.split("\n"), root, first_line)
    if source_root_open:
        parser.root_depth = 1  # a fragment without <body>: all of it is prose
    fed = _MARKED_SECTION.sub("<!?", source)
    for start in range(0, len(fed), _SLICE):
        parser.feed(fed[start : start + _SLICE])
        yield from parser.blocks
        parser.blocks.clear()
    parser.close()
    parser._flush()
    yield from parser.blocks
