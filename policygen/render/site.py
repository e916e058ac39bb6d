"""The site around the documents: file names, links between pages, the layout, fragments, index.

The policy body comes from the content templates as Markdown; here it is wrapped in the shared
layout (``page.html.j2``) so that every page has the same landmarks, language switch, stylesheets
and footer, and so that the two languages point at each other with ``hreflang``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from policygen.lang import cldr
from policygen.render.context import VERSION_SHOWN
from policygen.render.environment import raw_source
from policygen.render.words import pack_for, plain

LAYOUT_LABELS = ("draft", "draft_note", "skip", "language", "version", "effective",
                 "consent_title", "pdf", "pdf_short")
"""The layout's own words (the pack's ``layout`` section), as the page templates get them."""


def labels(lang: str) -> dict[str, str]:
    """The layout's words in ``lang``, from its language pack."""
    pack = pack_for(lang)
    return {name: plain(pack, f"layout.{name}") for name in LAYOUT_LABELS}


def language_name(lang: str) -> str:
    """``lang``'s name in its own language, for the language switch ("Svenska", "English")."""
    return cldr.language_name(pack_for(lang), lang)


@dataclass(frozen=True)
class Page:
    """One generated page: its path relative to the output folder and its HTML."""

    path: str
    html: str


def page_name(lang: str, page: str) -> str:
    """The file name (without suffix) of ``page`` (``policy`` or ``consent``) in ``lang``."""
    return plain(pack_for(lang), f"pages.{page}")


def page_path(lang: str, page: str, suffix: str) -> str:
    return f"{lang}/{page_name(lang, page)}{suffix}"


def links(lang: str, languages: list[str], has_consent: bool) -> dict[str, Any]:
    """Relative links from a page in ``lang`` to its siblings and to the other language."""
    others = [other for other in languages if other != lang]
    other_language = None
    if others:
        other = others[0]
        other_language = {"lang": other, "label": language_name(other),
                          "href": f"../{page_path(other, 'policy', '.html')}"}
    return {
        "policy": f"{page_name(lang, 'policy')}.html",
        "consent": f"{page_name(lang, 'consent')}.html" if has_consent else None,
        "pdf": f"{page_name(lang, 'policy')}.pdf",
        "other_language": other_language,
    }


def alternates(page: str, lang: str, languages: list[str]) -> list[dict[str, str]]:
    """``<link rel="alternate" hreflang>`` targets: the same page in every other built language."""
    return [{"lang": other, "href": f"../{page_path(other, page, '.html')}"}
            for other in languages if other != lang]


def short_version(version: str) -> str:
    """The policy version as a page's footer shows it: the first hex digits, enough to tell
    versions apart (``3f14f89c6c14``); ``consent.json`` keeps the whole ``sha256:…`` id."""
    return version.removeprefix("sha256:")[:VERSION_SHOWN]


def layout_context(environment: Environment, context: dict[str, Any], *, page: str,
                   languages: list[str], for_pdf: bool) -> dict[str, Any]:
    """What ``page.html.j2`` needs besides the document context."""
    lang = context["lang"]
    return {
        **context,
        "labels": labels(lang),
        "alternates": [] if for_pdf else alternates(page, lang, languages),
        "language_links": [] if for_pdf else [
            {"lang": other, "label": language_name(other),
             "href": f"../{page_path(other, page, '.html')}"}
            for other in languages if other != lang],
        "for_pdf": for_pdf,
        "policy_version_short": short_version(context["policy_version"]),
        "screen_css": raw_source(environment, "style.css"),
        "print_css": raw_source(environment, "print.css"),
    }


def wrap_policy(environment: Environment, context: dict[str, Any], body_html: str, title: str, *,
                languages: list[str], for_pdf: bool = False) -> str:
    """The full policy page: the converted Markdown inside the shared layout."""
    template = environment.get_template("page.html.j2")
    values = layout_context(environment, context, page="policy", languages=languages,
                            for_pdf=for_pdf)
    return template.render(**values, body_html=Markup(body_html), page_title=title)


def render_consent(environment: Environment, context: dict[str, Any], *,
                   languages: list[str]) -> str:
    """The consent form: the content side's ``consent.html.j2``, which extends the layout."""
    template = environment.get_template("consent.html.j2")
    values = layout_context(environment, context, page="consent", languages=languages,
                            for_pdf=False)
    lang = context["lang"]
    title = plain(pack_for(lang), "layout.page_title", title=labels(lang)["consent_title"],
                  organisation=context["organisation"])
    return template.render(**values, page_title=title)


_FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>\n?", re.DOTALL)


def fragment(body_html: str, lang: str, draft: bool, *, title: bool = False) -> str:
    """The policy body for pasting into a CMS: no ``<html>``, ``<head>`` or stylesheet.

    A CMS page has its own ``<h1>`` (the page title), and a page must have only one, so the
    fragment leaves the policy's title out and starts at its ``<h2>`` sections; ``title=True``
    (``build --fragment-title``) keeps it, for a page that has no heading of its own.
    """
    if not title:
        body_html = _FIRST_H1.sub("", body_html, count=1)
    banner = ""
    if draft:
        note = Markup.escape(labels(lang)["draft_note"])
        banner = f'<p class="policygen-draft" role="note"><strong>{note}</strong></p>\n'
    return f'<article class="policygen" lang="{lang}">\n{banner}{body_html}</article>\n'


def render_index(environment: Environment, entries: list[dict[str, Any]], *, draft: bool,
                 organisation: str) -> str:
    """``index.html``: one entry per language, each linking its policy, PDF and consent form."""
    template = environment.get_template("index.html.j2")
    return template.render(
        entries=entries, draft=draft, organisation=organisation,
        draft_label=" / ".join(labels(entry["lang"])["draft"] for entry in entries),
        screen_css=raw_source(environment, "style.css"),
        print_css=raw_source(environment, "print.css"),
        lang=entries[0]["lang"],
    )
