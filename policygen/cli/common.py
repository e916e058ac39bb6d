"""Helpers every command shares: turning user errors into exit code 2, and colour only on a TTY."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from policygen.errors import UserError
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
