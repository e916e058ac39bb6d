"""Helpers every command shares: exit code 2 for user errors, colour only on a TTY, and the
interface language (``--messages``, help texts, click's own texts)."""

from __future__ import annotations

import functools
import gettext
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from policygen.errors import UserError
from policygen.lang.messages import (CATALOGUES, INTERFACE_LANGUAGES, N_, _, choose_language, interface_language,
                                     set_interface_language, speaking)
from policygen.output import ExitCode

F = TypeVar("F", bound=Callable[..., Any])


def user_errors_exit_2(command: F) -> F:
    """Print a :class:`UserError` as located messages on stderr and exit 2 — never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except UserError as error:
            click.echo(error.render(), err=True)
            sys.exit(ExitCode.BAD_INPUT)

    return wrapper  # type: ignore[return-value]


def use_color(stream: Any = None) -> bool:
    """Colour only when writing to a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _choose_messages(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        set_interface_language(choose_language(value))
        _click_follows(interface_language())
    return value


METAVARS = (N_("TEXT"), N_("FILE"), N_("DIRECTORY"), N_("PATH"), N_("INTEGER"), N_("DESCRIPTION"),
            N_("DESCRIPTIONS"), N_("CODE"))
"""The placeholders click derives from a parameter's type (``TEXT``, ``FILE`` …) or an argument's
name (``DESCRIPTION``), as catalogue keys: help and error messages show them translated."""

_DECORATED_METAVAR = re.compile(r"^(\[?)(.+?)(\]?)((?:\.\.\.)?)$")


def translated_metavar(metavar: str) -> str:
    """``[CODE]`` → ``[KOD]``, ``DESCRIPTIONS...`` → ``BESKRIVNINGAR...``: the placeholder inside
    click's brackets and dots in the interface language (unknown ones, like ``sv|en``, unchanged)."""
    match = _DECORATED_METAVAR.match(metavar)
    if not match:
        return metavar
    opening, core, closing, dots = match.groups()
    return f"{opening}{_(core)}{closing}{dots}"


class Option(click.Option):
    """An option whose placeholder (``--out MAPP``) follows the interface language."""

    def make_metavar(self, ctx: click.Context) -> str:
        return translated_metavar(super().make_metavar(ctx))


class Argument(click.Argument):
    """An argument whose placeholder, in usage lines and error messages, follows the interface
    language (``Argument saknas 'BESKRIVNING'``)."""

    def make_metavar(self, ctx: click.Context) -> str:
        return translated_metavar(super().make_metavar(ctx))


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` with a translated placeholder (:class:`Option`)."""
    return click.option(*decls, cls=Option, **attrs)


def argument(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.argument`` with a translated placeholder (:class:`Argument`)."""
    return click.argument(*decls, cls=Argument, **attrs)


def messages_option(command: F) -> F:
    """``--messages sv|en``: the language of messages, hints, labels and help (default: the
    locale's, else English). Eager, so that ``--messages sv --help`` is already in Swedish."""
    return option(
        "--messages", type=click.Choice(INTERFACE_LANGUAGES), is_eager=True, expose_value=False,
        callback=_choose_messages, metavar="sv|en",
        help=N_("Language of messages and help (default: the locale's LANG, else English)."),
    )(command)


CLICK_DOMAIN = "click"
"""Click marks its own texts ("Usage:", "Error: No such option …") with the standard library's
``gettext.gettext``, which reads the current text domain in the languages the environment names.
Their Swedish lives in our catalogue part ``click.po`` (domain ``click``)."""

_CLICK_LANGUAGE = "LANGUAGE"  # the first variable gettext reads, and one nothing else of ours reads
_click_bound = False


def _click_follows(language: str) -> None:
    """Click's texts in ``language`` — only inside :func:`speaking_the_locale`, which undoes it."""
    if _click_bound:
        os.environ[_CLICK_LANGUAGE] = language


def messages_in(args: Sequence[str]) -> str | None:
    """The ``--messages`` value of a command line, read before click parses it: click reports a
    usage error (an unknown option, a missing argument) before any option's callback has run, and
    that error must already speak the language asked for."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--messages" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--messages="):
            value = arg.partition("=")[2]
        if value in INTERFACE_LANGUAGES:
            return value
    return None


@contextmanager
def speaking_the_locale(args: Sequence[str] = ()) -> Iterator[None]:
    """A run speaks the language ``--messages`` in ``args`` asks for, else the environment's
    locale's; afterwards the caller's language is back (a test runs many commands in one process).

    Click's own texts follow: for the run, the process's gettext domain is ``click`` (bound to our
    catalogues) and ``LANGUAGE`` names the interface language; both are restored afterwards.
    """
    global _click_bound
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get(_CLICK_LANGUAGE)
    gettext.bindtextdomain(CLICK_DOMAIN, str(CATALOGUES))
    gettext.textdomain(CLICK_DOMAIN)
    _click_bound = True
    try:
        with speaking(choose_language(messages_in(args))):
            _click_follows(interface_language())
            yield
    finally:
        _click_bound = False
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop(_CLICK_LANGUAGE, None)
        else:
            os.environ[_CLICK_LANGUAGE] = previous_language


@contextmanager
def _help_in_interface_language(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The command's and its parameters' help texts (catalogue keys, marked with ``N_``) swapped
    for their translations while click lays out the help, then put back."""
    owners: list[Any] = [command, *command.get_params(ctx)]
    originals = [(owner, getattr(owner, "help", None), getattr(owner, "short_help", None)) for owner in owners]
    try:
        for owner, help_text, short in originals:
            if help_text:
                owner.help = _(help_text)
            if short:
                owner.short_help = _(short)
        yield
    finally:
        for owner, help_text, short in originals:
            if help_text:
                owner.help = help_text
            if short:
                owner.short_help = short


OPTIONS_METAVAR = N_("[OPTIONS]")
SUBCOMMAND_METAVAR = N_("COMMAND [ARGS]...")
"""Click's own placeholders in usage lines, which click does not mark for translation."""


class TranslatedHelp:
    """Mixin for click commands whose help texts are catalogue keys: ``--help`` and the command
    list show them in the interface language, and so do the usage line's placeholders."""

    @property
    def options_metavar(self) -> str | None:
        shown = self.__dict__.get("_options_metavar")
        return _(shown) if shown else shown

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        self.__dict__["_options_metavar"] = value

    @property
    def subcommand_metavar(self) -> str:
        shown = self.__dict__.get("_subcommand_metavar", "")
        return _(shown) if shown else shown

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        self.__dict__["_subcommand_metavar"] = value

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _help_in_interface_language(self, ctx):  # type: ignore[arg-type]
            super().format_help(ctx, formatter)  # type: ignore[misc]


class Command(TranslatedHelp, click.Command):
    """Every policygen command: help in the interface language."""


def parse_languages(value: str | None) -> list[str] | None:
    """``--lang sv,en`` as a list without repeats; ``None`` when the option is not given."""
    if value is None:
        return None
    languages = [part.strip() for part in value.split(",") if part.strip()]
    if not languages:
        raise UserError.single("--lang", _("no language given"), hint=_("for example --lang sv,en"))
    return list(dict.fromkeys(languages))
