"""Helpers every command shares: exit code 2 for user errors, colour only on a TTY, and the
interface language (``--messages``)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

import click

from policygen.errors import UserError
from policygen.lang.messages import INTERFACE_LANGUAGES, N_, choose_language, set_interface_language, speaking
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
    return value


def messages_option(command: F) -> F:
    """``--messages sv|en``: the language of messages, hints, labels and help (default: the
    locale's, else English). Eager, so that ``--messages sv --help`` is already in Swedish."""
    return click.option(
        "--messages", type=click.Choice(INTERFACE_LANGUAGES), is_eager=True, expose_value=False,
        callback=_choose_messages, metavar="sv|en",
        help=N_("Language of messages and help (default: the locale's LANG, else English)."),
    )(command)


def speaking_the_locale() -> AbstractContextManager[None]:
    """A run speaks the language the environment's locale asks for (``--messages`` may change it
    while the command line is read); afterwards the caller's language is back (a test runs many
    commands in one process)."""
    return speaking(choose_language(None))
