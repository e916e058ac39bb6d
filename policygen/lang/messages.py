"""The interface language: every message, hint, label and help text a user reads, in Swedish or English.

Code is written in English, and an English message is its own catalogue key (a gettext
``msgid``). The Swedish texts live in gettext catalogues under ``policygen/locale/sv/LC_MESSAGES/``:
one ``.po`` file per part of the tool (``cli.po``, ``validate.po``, ``check.po`` …), each compiled
with Babel into the ``.mo`` file beside it (``make messages``). At run time every ``.mo`` file of a
language is read and the catalogues are merged into one, so a message can be moved between parts
without changing how it is found.

Which language speaks is the **interface language**, chosen once per run by the command line
(``--messages sv|en``), else by the environment's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
in the order POSIX gives them), else English. It is independent of the documents' languages: a
Swedish writer may check an English policy and read the findings in Swedish.

How code uses it:

- ``_("Sentence has {count} words (limit {limit}); split it.").format(count=…, limit=…)`` —
  translated when it is called, in the language active then. Placeholders are named and filled
  with ``str.format`` after translation, never with an f-string (the catalogue key must be the
  fixed text).
- ``N_("…")`` marks a text defined at import time (a constant, a click ``help=``) so that
  extraction finds it; it is translated later, where it is shown, with ``_(text)``.
- ``ngettext(singular, plural, n)`` for texts whose form depends on a number.
- ``paragraphs(text)`` translates a multi-paragraph documentation text (a rule's docstring)
  paragraph by paragraph, each paragraph being its own catalogue key.

A message with no Swedish translation falls back to English; ``tests/lang/test_messages.py``
fails the suite for every such message, so the fallback is never what a user sees.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

INTERFACE_LANGUAGES: tuple[str, ...] = ("en", "sv")
"""Languages the interface speaks; English is the source and the fallback."""

DEFAULT = "en"
CATALOGUES = Path(__file__).resolve().parent.parent / "locale"
"""``<lang>/LC_MESSAGES/<part>.po`` (the source, edited by translators) and ``<part>.mo`` (compiled)."""

_BABEL_LOCALES = {"en": "en", "sv": "sv_SE"}
"""The CLDR locale whose number patterns each interface language uses."""
_ACTIVE: ContextVar[str] = ContextVar("interface_language", default=DEFAULT)
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_LOCALE_NAME = re.compile(r"^([A-Za-z]{2,3})(?:[_-][A-Za-z0-9]+)?(?:\.[^@]*)?(?:@.*)?$")


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the locale asks for: ``sv_SE.UTF-8`` → ``sv``; ``C``, unset or a
    language we do not speak → English.

    POSIX order: the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set and not empty
    decides, even when it names a language we do not speak (``LC_ALL=de_DE`` with ``LANG=sv_SE``
    gives English, as every other program on the machine would speak German there).
    """
    environ = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            match = _LOCALE_NAME.match(value)
            language = match.group(1).lower() if match else ""
            return language if language in INTERFACE_LANGUAGES else DEFAULT
    return DEFAULT


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``--messages`` if given, else the environment's locale, else English."""
    if option:
        if option not in INTERFACE_LANGUAGES:
            raise ValueError(f"unknown interface language {option!r}: use one of {', '.join(INTERFACE_LANGUAGES)}")
        return option
    return language_from_environment(environ)


def set_interface_language(language: str) -> None:
    """Make ``language`` the interface language of this run (and of this context's tasks)."""
    if language not in INTERFACE_LANGUAGES:
        raise ValueError(f"unknown interface language {language!r}")
    _ACTIVE.set(language)


def interface_language() -> str:
    return _ACTIVE.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak ``language`` inside the ``with`` block (a worker process, a test, the HTML report)."""
    token = _ACTIVE.set(language)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """Every compiled part of ``language``'s catalogue, chained; English is the identity."""
    merged = gettext.NullTranslations()
    folder = CATALOGUES / language / "LC_MESSAGES"
    if language == DEFAULT or not folder.is_dir():
        return merged
    for path in sorted(folder.glob("*.mo")):
        with path.open("rb") as handle:
            merged.add_fallback(gettext.GNUTranslations(handle))
    return merged


def _(message: str) -> str:
    """``message`` in the interface language (the English text when it has no translation)."""
    return catalogue(_ACTIVE.get()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention extraction looks for
    """Mark ``message`` for the catalogue without translating it yet (import-time texts)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count``, in the interface language."""
    return catalogue(_ACTIVE.get()).ngettext(singular, plural, count)


def number(value: float, decimals: int | None = 0) -> str:
    """``value`` written as the interface language writes numbers: "1,048,576" and "52.3" in
    English, "1 048 576" and "52,3" in Swedish (CLDR's patterns, through Babel).

    ``decimals`` is the fixed number of decimals shown; ``None`` shows as many as the value has
    (up to three), for limits a user wrote ("45.5", "50").
    """
    from babel.numbers import format_decimal  # only where a message shows a number

    pattern = "#,##0.###" if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALES[_ACTIVE.get()])


def paragraphs(text: str) -> str:
    """A documentation text translated paragraph by paragraph.

    Paragraphs are separated by blank lines; each is looked up with its lines joined by single
    spaces (the form in which it is extracted), and an untranslated paragraph keeps its original
    line breaks.
    """
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    out = []
    for block in blocks:
        key = " ".join(block.split())
        translated = _(key)
        out.append(block if translated == key else translated)
    return "\n\n".join(out)


def paragraph_keys(text: str) -> list[str]:
    """The catalogue keys :func:`paragraphs` looks up for ``text`` (for extraction and tests)."""
    return [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", text.strip()) if block.strip()]
