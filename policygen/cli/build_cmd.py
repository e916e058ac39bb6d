"""``policygen build DESC --out DIR``: every public document, or nothing.

Thin on purpose: load the description, run the GDPR checks, compare it with its last published
version (:mod:`policygen.history`: the history beside the description), refuse (exit 1) while
there are error-level findings unless ``--draft``, then hand over to
:func:`policygen.render.build.build`, which writes atomically, and record the new version in the
history. Bad input of any kind — the description, its history, ``--lang``, an override
template, the output folder — ends in exit 2 with located messages.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path

import click

from policygen.cli.common import Command, argument, messages_option, option, parse_languages, user_errors_exit_2
from policygen.errors import UserError
from policygen.lang.messages import N_, _, interface_language
from policygen.output import ExitCode, FileReport, Report, render, should_fail, used_rules
from policygen.output.levels import findings_at_or_above


@click.command(name="build", cls=Command,
               help=N_("Render policies, PDFs, fragments and consent forms from a description."))
@messages_option
@argument("description", type=click.Path(dir_okay=False))
@option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help=N_("Output folder; replaced as a whole, only when the build succeeds."))
@option("--lang", "languages", default=None, metavar="sv,en",
              help=N_("Build only these languages (a subset of the description's languages)."))
@option("--templates", "user_templates", default=None, type=click.Path(file_okay=False),
              help=N_("Folder with template overrides: <lang>/<name> before the built-in templates."))
@option("--draft", is_flag=True,
              help=N_("Build despite error-level findings; every page and PDF is marked UTKAST/DRAFT. "
                      "A draft reads the published history but never adds to it."))
@option("--fragment-title", is_flag=True,
              help=N_("Keep the policy's <h1> in the CMS fragments (for a page without a title of "
                   "its own); by default the fragment starts at its sections."))
@option("--history", "history_file", default=None, type=click.Path(dir_okay=False),
              help=N_("The published history (default: beside the description, <name>.history.json)."))
@user_errors_exit_2
def build(description: str, out_dir: str, languages: str | None, user_templates: str | None,
          draft: bool, fragment_title: bool, history_file: str | None) -> None:
    """The help text is a catalogue key above: click shows it in the interface language."""
    from policygen.history.lock import history_lock
    from policygen.history.rules import catalogue as change_catalogue
    from policygen.history.store import history_path
    from policygen.model import load_description
    from policygen.validate import catalogue, run

    loaded = load_description(description)
    chosen = parse_languages(languages)
    path = Path(history_file) if history_file else history_path(description)
    lock = (contextlib.nullcontext() if draft else
            history_lock(path, on_wait=lambda note: click.echo(note, err=True)))
    with lock:
        from policygen.history.publication import prepare_build

        built_languages = [lang for lang in loaded.description.languages
                           if chosen is None or lang in chosen]
        published = prepare_build(loaded, path, built_languages, dt.date.today())
        findings = sorted([*run(loaded), *published.findings],
                          key=lambda f: (f.line, f.column, f.code, f.key))
        files = [FileReport(description, findings)]
        report = Report(command="build", files=files,
                        rules=used_rules(files, [*catalogue(), *change_catalogue()]))
        if files[0].findings:
            click.echo(render("human", report), nl=False, err=True)
        _summary(published, loaded, description)
        if should_fail(report, exit_zero=draft):
            errors = findings_at_or_above(report, "error")
            click.echo(_("{description}: refusing to build: {count} error-level finding(s) above; "
                         "fix them, or build a marked draft with --draft").format(
                description=description, count=errors), err=True)
            sys.exit(ExitCode.FINDINGS)

        from policygen.render.build import build as build_documents

        result = build_documents(loaded, Path(out_dir), languages=chosen,
                                 user_templates=Path(user_templates) if user_templates else None,
                                 draft=draft, fragment_title=fragment_title,
                                 published=published.published,
                                 on_wait=lambda note: click.echo(note, err=True))
        for warning in result.warnings:
            click.echo(_("{out}: warning: {warning}").format(out=out_dir, warning=warning), err=True)
        if draft:
            click.echo(_("built {count} files into {out} (marked UTKAST / DRAFT)").format(
                count=len(result.files), out=out_dir))
        else:
            click.echo(_("built {count} files into {out}").format(count=len(result.files), out=out_dir))
        for version in result.archived:
            click.echo(_("archived consent text {version}").format(version=f"sha256:{version}"))
        for version in result.restored:
            click.echo(_("restored published consent text {version} from {history}").format(
                version=f"sha256:{version}", history=path.name))
        if not draft and published.new_version:
            from policygen.history.record import append_version

            entry = append_version(published.history, loaded.description)
            click.echo(_("recorded the version of {date} ({version}…) in {history}").format(
                date=entry["effective"], version=entry["policy_version"][:19], history=path))


def _summary(published, loaded, description: str) -> None:  # noqa: ANN001
    """What changed since the last published version, in a few lines (``diff`` says it all)."""
    from policygen.history.report import build_summary

    if published.comparison is None:
        return
    languages = loaded.description.languages
    spoken = interface_language()
    lang = spoken if spoken in languages else "en" if "en" in languages else languages[0]
    effective = published.comparison.old.effective.isoformat()
    for line in build_summary(published.comparison, lang,
                              f"policygen diff {description} --since {effective}"):
        click.echo(line)
