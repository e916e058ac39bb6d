"""``policygen build DESC --out DIR``: every public document, or nothing.

Thin on purpose: load the description, run the GDPR checks, refuse (exit 1) while there are
error-level findings unless ``--draft``, then hand over to :func:`policygen.render.build.build`,
which writes atomically. Bad input of any kind — the description, ``--lang``, an override
template, the output folder — ends in exit 2 with located messages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policygen.cli.common import Command, messages_option, user_errors_exit_2
from policygen.errors import UserError
from policygen.lang.messages import N_, _
from policygen.output import ExitCode, FileReport, Report, render, should_fail, used_rules
from policygen.output.levels import findings_at_or_above


@click.command(name="build", cls=Command,
               help=N_("Render policies, PDFs, fragments and consent forms from a description."))
@messages_option
@click.argument("description", type=click.Path(dir_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help=N_("Output folder; replaced as a whole, only when the build succeeds."))
@click.option("--lang", "languages", default=None, metavar="sv,en",
              help=N_("Build only these languages (a subset of the description's languages)."))
@click.option("--templates", "user_templates", default=None, type=click.Path(file_okay=False),
              help=N_("Folder with template overrides: <lang>/<name> before the built-in templates."))
@click.option("--draft", is_flag=True,
              help=N_("Build despite error-level findings; every page and PDF is marked UTKAST/DRAFT."))
@click.option("--fragment-title", is_flag=True,
              help=N_("Keep the policy's <h1> in the CMS fragments (for a page without a title of "
                   "its own); by default the fragment starts at its sections."))
@user_errors_exit_2
def build(description: str, out_dir: str, languages: str | None, user_templates: str | None,
          draft: bool, fragment_title: bool) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.model import load_description
    from policygen.validate import catalogue, run

    loaded = load_description(description)
    files = [FileReport(description, run(loaded))]
    report = Report(command="build", files=files, rules=used_rules(files, catalogue()))
    if files[0].findings:
        click.echo(render("human", report), nl=False, err=True)
    if should_fail(report, exit_zero=draft):
        errors = findings_at_or_above(report, "error")
        click.echo(_("{description}: refusing to build: {count} error-level finding(s) above; fix them, "
                     "or build a marked draft with --draft").format(description=description, count=errors), err=True)
        sys.exit(ExitCode.FINDINGS)

    from policygen.render.build import build as build_documents

    result = build_documents(loaded, Path(out_dir), languages=_parse_languages(languages),
                             user_templates=Path(user_templates) if user_templates else None,
                             draft=draft, fragment_title=fragment_title,
                             on_wait=lambda note: click.echo(note, err=True))
    for warning in result.warnings:
        click.echo(_("{out}: warning: {warning}").format(out=out_dir, warning=warning), err=True)
    if draft:
        click.echo(_("built {count} files into {out} (marked UTKAST / DRAFT)").format(count=len(result.files), out=out_dir))
    else:
        click.echo(_("built {count} files into {out}").format(count=len(result.files), out=out_dir))
    for version in result.archived:
        click.echo(_("archived consent text {version}").format(version=f"sha256:{version}"))


def _parse_languages(value: str | None) -> list[str] | None:
    if value is None:
        return None
    languages = [part.strip() for part in value.split(",") if part.strip()]
    if not languages:
        raise UserError.single("--lang", _("no language given"), hint=_("for example --lang sv,en"))
    return list(dict.fromkeys(languages))
