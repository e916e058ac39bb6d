"""``policygen handbook DESC --out DIR``: the internal support handbook, or nothing.

Thin on purpose, like ``build``: load the description, run the GDPR checks, refuse (exit 1) while
there are error-level findings — a handbook must never state what the description does not
support, and a description with such gaps does not support it — then hand over to
:func:`policygen.render.handbook.writer.write_handbook`, which publishes the folder as ``build``
does (one run at a time, atomically) and never into (or inside) a site that ``build`` made. Bad
input of any kind ends in exit 2 with located messages.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from policygen.cli.common import Command, ExitCode, argument, messages_option, option, parse_languages, user_errors_exit_2
from policygen.errors import Problem, UserError
from policygen.lang.articles import cited_article
from policygen.lang.messages import N_, _
from policygen.output.levels import severity_label


@click.command(name="handbook", cls=Command,
               help=N_("Write the internal support handbook: routines, reply letters, phone scripts, "
                       "training with a quiz, the Art. 30 register and the CRM field catalogue."))
@argument("description", type=click.Path(dir_okay=False))
@option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help=N_("Output folder for the handbook; never a site folder. Replaced as a whole, "
                      "only when everything is written."))
@option("--lang", "languages", default=None, metavar="sv,en",
              help=N_("Write only these languages (a subset of the description's languages)."))
@option("--draft", is_flag=True,
              help=N_("Write despite error-level findings; every document is marked UTKAST/DRAFT "
                      "and names the gaps."))
@messages_option
@user_errors_exit_2
def handbook(description: str, out_dir: str, languages: str | None, draft: bool) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.model import load_description

    loaded = load_description(description)
    findings = _findings(loaded)
    errors = [finding for finding in findings if finding.severity == "error"]
    for finding in findings:
        click.echo(_located(description, finding).render(), err=True)
    if errors and not draft:
        click.echo(_("{description}: refusing to write the handbook: {count} error-level finding(s) "
                     "above; routines must not state what the description does not say, so fix them, "
                     "or write a marked draft with --draft").format(description=description,
                                                                    count=len(errors)), err=True)
        sys.exit(ExitCode.FINDINGS)

    from policygen.render.handbook.writer import write_handbook

    result = write_handbook(loaded, Path(out_dir), languages=parse_languages(languages), draft=draft,
                            on_wait=lambda note: click.echo(note, err=True))
    for warning in result.warnings:
        click.echo(_("{out}: warning: {warning}").format(out=out_dir, warning=warning), err=True)
    if draft:
        click.echo(_("wrote the handbook, {count} files, into {out} (internal: do not publish; marked "
                     "UTKAST / DRAFT)").format(count=len(result.files), out=out_dir))
    else:
        click.echo(_("wrote the handbook, {count} files, into {out} (internal: do not publish)").format(
            count=len(result.files), out=out_dir))


def _findings(loaded: Any) -> list[Any]:
    from policygen.validate import run

    return sorted(run(loaded), key=lambda f: (f.line, f.column, f.code, f.key))


def _located(path: str, finding: Any) -> Problem:
    article = " " + cited_article(finding.article) if getattr(finding, "article", "") else ""
    return Problem(file=path, line=finding.line, column=finding.column, key=finding.key,
                   message=f"{severity_label(finding.severity)} {finding.code}{article}: {finding.message}",
                   hint=getattr(finding, "hint", "") or "")
