"""Jinja environments: one per language and kind, with the template search path, words and filters.

``kind`` is ``"markdown"`` (the policy) or ``"html"`` (layout and consent forms). Both use Jinja's
autoescape, so that text a template makes itself — a block (also through ``{{ super() }}``), a
macro, ``caller()``, a ``{% set %}`` block — is ``Markup`` and printed as it is, while every
value from the description is escaped. The escape differs: for Markdown, ``finalize`` escapes a
value as Markdown text (:func:`~policygen.render.sanitize.escape_markdown`) and marks it
``Markup``, so Jinja's HTML escape leaves it alone; for HTML, Jinja's own escape applies. Both are
strict: an undefined name or a printed ``None`` stops the build, because an empty gap in a legal
text is worse than no text.

Search order for a name: ``user/<lang>/`` → built-in ``templates/<lang>/`` → ``user/shared/`` →
built-in ``templates/shared/``. Built-ins stay reachable as ``builtin/<name>``,
``builtin/shared/<name>`` and ``builtin/<lang>/<name>`` (the language's folder, else shared), so an
override can extend one and replace a single block.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any, Literal

from jinja2 import (BaseLoader, ChoiceLoader, Environment, PrefixLoader, StrictUndefined,
                    TemplateError, TemplateNotFound, TemplateSyntaxError)
from markupsafe import Markup

from policygen.lang import LANGUAGES
from policygen.render.locale import filters
from policygen.render.sandbox import RegularFilesLoader as FileSystemLoader
from policygen.render.sandbox import sandboxed
from policygen.render.sanitize import MarkdownSafe, escape_markdown, heading_anchor, md_link
from policygen.render.stylesheet import check_stylesheet
from policygen.render.words import make_say, pack_for, plain
from policygen.resources import templates_dir

Kind = Literal["markdown", "html"]

# Markdown headings end in "{#anchor}", which Jinja would read as the start of a comment; so in
# Markdown templates a comment is written {## … ##}.
_MARKDOWN_COMMENTS = {"comment_start_string": "{##", "comment_end_string": "##}"}


class PrintedNone(TemplateError):
    """A template printed ``None``: a value the description does not have."""


def _refuse_none(value: Any) -> Any:
    if value is None:
        raise PrintedNone("a template printed None (a value missing from the description); "
                          "test it with {% if … %} before printing it")
    return value


def _finalize_markdown(value: Any) -> Markup:
    """Every printed value as Markdown: template-made text as it is, anything else escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(escape_markdown(_refuse_none(value)))


def _md_escape_filter(value: Any) -> MarkdownSafe:
    return escape_markdown(_refuse_none(value))


class _BuiltinLoader(BaseLoader):
    """``builtin/…`` names: ``<lang>/<name>`` falls back to ``shared/<name>``, and so does ``<name>``."""

    def __init__(self, root: Path) -> None:
        self.files = FileSystemLoader(str(root))

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Any]:
        folder, _, name = template.rpartition("/")
        candidates = [template]
        if folder in LANGUAGES or not folder:
            candidates.append(f"shared/{name}")
        for candidate in candidates:
            try:
                return self.files.get_source(environment, candidate)
            except TemplateNotFound:
                continue
        raise TemplateNotFound(template)


def _loader(lang: str, user_templates: Path | None) -> ChoiceLoader:
    builtin = templates_dir()
    search = []
    if user_templates is not None:
        search.append(str(user_templates / lang))
    search.append(str(builtin / lang))
    if user_templates is not None:
        search.append(str(user_templates / "shared"))
    search.append(str(builtin / "shared"))
    return ChoiceLoader([
        PrefixLoader({"builtin": _BuiltinLoader(builtin)}, delimiter="/"),
        FileSystemLoader(search),
    ])


def make_environment(lang: str, kind: Kind, user_templates: Path | None = None) -> Environment:
    """The Jinja environment for one language and kind (see the module docstring)."""
    if kind not in ("markdown", "html"):
        raise ValueError(f"unknown template kind {kind!r}")
    markdown = kind == "markdown"
    # every environment runs in the template sandbox (render/sandbox.py): built-ins and overrides
    environment = sandboxed(Environment)(
        loader=_loader(lang, user_templates),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize_markdown if markdown else _refuse_none,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        **(_MARKDOWN_COMMENTS if markdown else {}),
    )
    pack = pack_for(lang)
    environment.globals["say"] = make_say(pack, kind)
    environment.globals["anchor_id"] = lambda name, **values: plain(pack, f"anchors.{name}", **values)
    environment.filters.update(filters(lang))
    if markdown:
        environment.globals["md_link"] = md_link
        environment.globals["anchor"] = heading_anchor
        environment.filters["md_escape"] = _md_escape_filter
    return environment


def raw_source(environment: Environment, name: str) -> Markup:
    """A shared asset (a stylesheet) read through the same search path, so a user can override it."""
    source, filename, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
    return Markup(check_stylesheet(source, filename))


def template_error_location(error: BaseException) -> tuple[str, int]:
    """(template name or file, line) where a template error happened; ("", 0) when unknown.

    Syntax errors carry it; runtime errors (an undefined name, a printed None) do not, but Jinja
    rewrites the traceback so that the template's frames show its file and line.
    """
    if isinstance(error, TemplateSyntaxError):
        return (error.filename or error.name or "", error.lineno or 0)
    location = ("", 0)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.endswith(".j2") or frame.filename.endswith(".css"):
            location = (frame.filename, frame.lineno or 0)
    if isinstance(error, TemplateNotFound) and location == ("", 0):
        # asked for by the engine itself, not by an {% extends %} or {% include %} in a template
        return (error.name or "", 0)
    return location
