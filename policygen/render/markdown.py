"""Markdown → HTML for the policies, with markdown-it-py.

The parser is configured so that nothing in the text can become active markup: raw HTML is shown
as text (``html=False``), images are off, bare URLs are not turned into links, and a link is made
only when :func:`policygen.render.sanitize.is_allowed_href` accepts its target. Headings may end in
``{#anchor-id}``; that becomes the heading's ``id``, so the table of contents and other sites can
link to a stable address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from policygen.lang.messages import _
from policygen.render.sanitize import is_allowed_href, is_external_href

# "{#id}" at the very end of a heading's source, not preceded by a backslash (an escaped "{").
_ANCHOR_SUFFIX = re.compile(r"(?<!\\)\{#([a-z0-9-]+)\}\s*$")


class MarkdownProblem(ValueError):
    """The generated Markdown breaks a rule of the document structure (e.g. a duplicate anchor)."""


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    title: str  # text of the first level-1 heading, "" when there is none
    anchors: tuple[str, ...]
    links: tuple[str, ...]  # every link target, in document order


def _heading_anchors(state: StateCore) -> None:
    """Move a trailing ``{#id}`` of each heading into the heading's ``id`` attribute."""
    seen: set[str] = set()
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        inline = tokens[index + 1]
        match = _ANCHOR_SUFFIX.search(inline.content)
        if match is None or not inline.children:
            continue
        last = inline.children[-1]
        suffix = re.search(r"\s*\{#" + re.escape(match.group(1)) + r"\}\s*$", last.content)
        if last.type != "text" or suffix is None:
            continue
        anchor = match.group(1)
        if anchor in seen:
            raise MarkdownProblem(_("the anchor {anchor} is used by more than one heading").format(anchor=f"{{#{anchor}}}"))
        seen.add(anchor)
        last.content = last.content[: suffix.start()]
        inline.content = inline.content[: match.start()].rstrip()
        token.attrSet("id", anchor)


def _drop_relative_links(state: StateCore) -> None:
    """For the PDF: a link to another page of the site has no target in a file; keep the text only."""
    for token in state.tokens:
        for child in token.children or ():
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if not href.startswith("#") and not is_external_href(href):
                    child.attrs.pop("href", None)


def _validate_link(url: str) -> bool:
    return is_allowed_href(url)


@cache
def _parser(for_pdf: bool) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.disable("image")
    parser.validateLink = _validate_link  # type: ignore[method-assign]
    parser.core.ruler.push("heading_anchors", _heading_anchors)
    if for_pdf:
        parser.core.ruler.push("drop_relative_links", _drop_relative_links)
    return parser


def markdown_to_html(text: str, *, for_pdf: bool = False) -> RenderedMarkdown:
    """Convert a policy's Markdown to an HTML body; ``for_pdf`` drops links to sibling pages."""
    parser = _parser(for_pdf)
    tokens = parser.parse(text)
    html = parser.renderer.render(tokens, parser.options, {})
    return RenderedMarkdown(html=html, title=_first_h1(tokens), anchors=_anchors(tokens),
                            links=_links(tokens))


def _first_h1(tokens: list) -> str:
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            inline = tokens[index + 1]
            return "".join(child.content for child in inline.children or ()
                           if child.type in ("text", "code_inline"))
    return ""


def _anchors(tokens: list) -> tuple[str, ...]:
    return tuple(str(token.attrGet("id")) for token in tokens
                 if token.type == "heading_open" and token.attrGet("id"))


def _links(tokens: list) -> tuple[str, ...]:
    return tuple(str(child.attrGet("href")) for token in tokens for child in token.children or ()
                 if child.type == "link_open" and child.attrGet("href") is not None)
