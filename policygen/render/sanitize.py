"""Text from a description is data, never markup.

Every value a Markdown template prints goes through :func:`escape_markdown` (the Markdown
environment's ``finalize``), so a controller name like ``[x](javascript:alert(1))`` or
``<script>`` shows as the characters it is made of. Markdown the code builds on purpose is wrapped
in :class:`MarkdownSafe`, and links are made only through :func:`md_link`, which checks the scheme.
The same scheme check guards the Markdown → HTML step (:func:`is_allowed_href`).
"""

from __future__ import annotations

import html.parser
import re

from policygen.lang.messages import _

ALLOWED_SCHEMES = ("https", "mailto", "tel")

# Characters that start or end Markdown syntax anywhere in a line. "{" is included so that a value
# can never end a heading with an anchor "{#id}".
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>#|~&{}])")
# What would turn a value that happens to start a line into a block: a list item ("- ", "+ ",
# "1. ", "1) "), or a thematic break or setext underline ("---", "- - -", "---- -", "==="). Headings,
# quotes, "*" lists and "***"/"___" breaks are already disarmed by escaping "#", ">", "*" and "_".
_BLOCK_START = re.compile(r"^([-+]|\d{1,9}[.)])(?=\s|$)")
_RULE_LINE = re.compile(r"^[-=][-= ]*$")
_WHITESPACE_RUN = re.compile(r"\s+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ANCHOR = re.compile(r"^#[a-z0-9-]+$")
_RELATIVE_PATH = re.compile(r"^(\.\./)?[a-z0-9][a-z0-9._/-]*(#[a-z0-9-]+)?$")
_UNSAFE_IN_URL = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


class MarkdownSafe(str):
    """Markdown that code built deliberately from escaped parts; printed without escaping."""

    __slots__ = ()

    def __add__(self, other: str) -> "MarkdownSafe | str":
        if isinstance(other, MarkdownSafe):
            return MarkdownSafe(str.__add__(self, other))
        return str.__add__(self, other)


class UnsafeLink(ValueError):
    """A link whose target is not one of the allowed kinds (see :func:`is_allowed_href`)."""


def escape_markdown(value: object) -> MarkdownSafe:
    """Return ``value`` as Markdown that shows exactly its characters, on one line.

    Newlines collapse to one space (an inline value must not start a block), leading and trailing
    white space is dropped (four spaces would start a code block, two at the end a line break).
    """
    if isinstance(value, MarkdownSafe):
        return value
    text = _WHITESPACE_RUN.sub(" ", str(value)).strip()
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _BLOCK_START.sub(lambda match: _neutralise_block_start(match.group(1)), text)
    if _RULE_LINE.match(text):
        text = "\\" + text
    return MarkdownSafe(text)


def escape_markdown_text(text: str, *, line_start: bool = True) -> str:
    """Plain text from a language pack as Markdown: like :func:`escape_markdown`, but it keeps the
    text's spaces and line breaks (a phrase's lines are the lines of one paragraph, and a piece
    between two values keeps its spaces). ``line_start``: the text begins a line."""
    lines = text.split("\n")
    escaped = []
    for number, line in enumerate(lines):
        line = _INLINE_SPECIALS.sub(r"\\\1", line)
        if number > 0 or line_start:
            line = _BLOCK_START.sub(lambda match: _neutralise_block_start(match.group(1)), line)
            if _RULE_LINE.match(line):
                line = "\\" + line
        escaped.append(line)
    return "\n".join(escaped)


def _neutralise_block_start(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def is_allowed_href(href: str) -> bool:
    """True for ``https:``, ``mailto:``, ``tel:`` links, in-page ``#anchors`` and our relative paths.

    Relative paths are what the engine itself links (``samtycke.html``, ``../en/consent.html``):
    lower-case, no scheme, no ``//`` host, at most one leading ``../``.
    """
    if not href or _UNSAFE_IN_URL.search(href):
        return False
    if _ANCHOR.match(href):
        return True
    scheme = _SCHEME.match(href)
    if scheme is None:
        return bool(_RELATIVE_PATH.match(href)) and "//" not in href
    if scheme.group(1).lower() not in ALLOWED_SCHEMES:
        return False
    if scheme.group(1).lower() == "https":
        return href.lower().startswith("https://") and len(href) > len("https://")
    return len(href) > len(scheme.group(0))


def is_external_href(href: str) -> bool:
    """True for a link that leaves the document set: ``https:``, ``mailto:`` or ``tel:``."""
    scheme = _SCHEME.match(href)
    return scheme is not None and scheme.group(1).lower() in ALLOWED_SCHEMES


def md_link(text: object, url: str) -> MarkdownSafe:
    """``[text](url)`` with ``text`` escaped and ``url`` checked; raises :class:`UnsafeLink`.

    The target is made safe first (:func:`link_target`): a ``mailto:`` carries exactly one
    percent-encoded address, an ``https:`` address gets its quotes, parentheses and backslashes
    percent-encoded, so every address that passed validation makes a working link.
    """
    url = link_target(str(url))
    if not is_allowed_href(url) or "(" in url or ")" in url:
        raise UnsafeLink(_("refusing to link to {url}: only https:, mailto:, tel: and #anchors").format(url=repr(url)))
    return MarkdownSafe(f"[{escape_markdown(text)}]({url})")


# Characters that a validated https: address may hold but that would end a Markdown link
# destination or an HTML attribute, or that browsers treat differently ("\" as "/"): encoded.
_URL_ENCODE = {char: f"%{ord(char):02X}" for char in "'()\\\"<>`{}|^"}
# In a mailto: address, everything but these is percent-encoded (RFC 6068): no "?" can start
# headers, no "&" or "%" can smuggle in another recipient.
_MAILTO_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.@!$*+=_~-")


def link_target(url: str) -> str:
    """``url`` as it goes into a link: ``tel:`` digits only, ``mailto:`` one encoded address,
    ``https:`` with the characters of :data:`_URL_ENCODE` encoded. Other URLs are unchanged (and
    then judged by :func:`is_allowed_href`)."""
    url = url.strip()
    lower = url.lower()
    if lower.startswith("tel:"):
        return "tel:" + re.sub(r"[\s().-]", "", url[4:])
    if lower.startswith("mailto:"):
        address = url[len("mailto:"):]
        if "?" in address or address.count("@") != 1:
            raise UnsafeLink(_("refusing mailto: {address}: a mailto: link carries exactly one address, no "
                               "headers").format(address=repr(address)))
        return "mailto:" + "".join(char if char in _MAILTO_SAFE else _percent(char)
                                   for char in address)
    if lower.startswith("https:"):
        return "".join(_URL_ENCODE.get(char, char) for char in url)
    return url


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


_ANCHOR_ID = re.compile(r"^[a-z0-9-]+$")


def heading_anchor(anchor_id: str) -> MarkdownSafe:
    """``{#id}`` for the end of a heading whose id is computed (``{{ anchor(purpose.anchor) }}``)."""
    if not _ANCHOR_ID.match(str(anchor_id)):
        raise UnsafeLink(_("an anchor id must be lower-case a-z, 0-9 and '-', not {anchor}").format(anchor=repr(anchor_id)))
    return MarkdownSafe("{#" + str(anchor_id) + "}")


# What a page made from a template may contain: links that pass :func:`is_allowed_href`, and
# nothing that runs or loads (pages are self-contained, docs/build.md). Override templates are
# code from pull requests; this is checked on the HTML they produce, whatever Jinja did to make it.
_LINK_ATTRIBUTES = {"href", "action", "formaction", "xlink:href"}
_LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "ping", "manifest",
                       "codebase", "archive", "lowsrc", "dynsrc", "imagesrcset"}
_ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                "portal", "img", "video", "audio", "source", "track", "svg", "math"}


class _PageLinks(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position = _("line {line}").format(line=self.getpos()[0])
        if tag in _ACTIVE_TAGS:
            self.problems.append(_("{element} ({position}): pages may not run or load anything").format(
                element=f"<{tag}>", position=position))
        if tag == "meta" and any(name == "http-equiv" and (value or "").lower() == "refresh"
                                 for name, value in attrs):
            self.problems.append(_("{element} ({position}) is not allowed").format(
                element="<meta http-equiv=refresh>", position=position))
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(_("{element} ({position}): event handlers are not allowed").format(
                    element=f"<{tag} {name}>", position=position))
            elif name in _LOADING_ATTRIBUTES:
                self.problems.append(_("{element} ({position}): pages may not load anything").format(
                    element=f"<{tag} {name}>", position=position))
            elif name == "style" and value and re.search(r"url\s*\(|expression\s*\(|@import|\\",
                                                          value, re.I):
                self.problems.append(_("{element} ({position}): url(), @import and escapes are not allowed "
                                       "in a style attribute").format(element=f"<{tag} style>", position=position))
            elif name in _LINK_ATTRIBUTES and not _allowed_page_link(tag, attrs, value or ""):
                self.problems.append(_("{element} ({position}): only https:, mailto:, tel:, #anchors and our "
                                       "own pages").format(element=f"<{tag} {name}={value!r}>", position=position))

    handle_startendtag = handle_starttag


def _allowed_page_link(tag: str, attrs: list[tuple[str, str | None]], href: str) -> bool:
    if tag == "link":  # <link rel=alternate> to our own pages; never a stylesheet or an icon
        rel = dict(attrs).get("rel") or ""
        return rel.lower() == "alternate" and is_allowed_href(href) and not is_external_href(href)
    return is_allowed_href(href)


def check_page_links(page: str, template: str) -> str:
    """Return ``page`` if every link passes :func:`is_allowed_href` and nothing runs or loads;
    else raise :class:`UnsafeLink` naming ``template`` (the template that made the page)."""
    parser = _PageLinks()
    parser.feed(page)
    parser.close()
    if parser.problems:
        shown = "; ".join(parser.problems[:5])
        raise UnsafeLink(_("{template} makes a page with {problems}").format(template=template, problems=shown))
    return page
