"""``policygen init [PATH]``: write a commented starter description that already validates.

A writer starts from a file that passes ``policygen validate`` and shows every key in use, instead
of from a blank page. It never overwrites a file: a description is hand-written legal work.
"""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources

import click

from policygen.cli.common import Command, argument, messages_option, user_errors_exit_2
from policygen.errors import UserError
from policygen.lang.messages import N_, _
from policygen.lang.parser_reasons import os_reason

DEFAULT_PATH = "policygen.yaml"
STARTER_DATE = "2026-12-01"  # the date in the packaged starter, replaced by today's


@click.command(name="init", cls=Command,
               help=N_("Write a commented starter description to PATH (default: policygen.yaml)."))
@messages_option
@argument("path", default=DEFAULT_PATH, type=click.Path(dir_okay=False))
@user_errors_exit_2
def init(path: str) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    starter = resources.files("policygen.model").joinpath("starter.yaml").read_text(encoding="utf-8")
    starter = starter.replace(f"effective: {STARTER_DATE}", f"effective: {dt.date.today().isoformat()}", 1)
    try:
        with open(path, "xb") as stream:  # "x": fails if the file exists, with no race
            stream.write(starter.encode("utf-8"))
    except FileExistsError:
        raise UserError.single(path, _("file already exists; policygen init never overwrites a file"),
                               hint=_("choose another name, e.g. `policygen init new.yaml`")) from None
    except OSError as error:
        raise UserError.single(path, _("cannot write the file: {reason}").format(reason=os_reason(error)),
                               hint=_("check that the folder exists and is writable")) from None
    click.echo(_("Wrote {path}. Edit it, then run: policygen validate {path}").format(path=os.fspath(path)))
