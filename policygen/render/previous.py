"""Earlier versions of the policy, kept in the output folder beside the current one.

Each published version is rendered again from the description it was published with (kept in
the description's history), so a new output folder — a fresh checkout, a CI runner — still has
every earlier policy: ``sv/integritetspolicy-2026-12-01.{md,html}`` beside
``sv/integritetspolicy.html``. The words are today's templates'; what the policy says (purposes,
data, recipients, rights, dates) is the earlier version's. The exact consent texts, which must be
shown as they were, come from the history itself, not from rendering (the consent archive).

An earlier page says at its top that it is an earlier version, from when until when it applied,
and links to the current one; its language links go to the same earlier version in the other
languages, and it has no PDF and no consent form (nobody can consent to an earlier version).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from policygen.render import site
from policygen.render.documents import (document_context, template_errors_as_user_errors,
                                        tidy_blank_lines)
from policygen.render.environment import make_environment
from policygen.render.markdown import markdown_to_html
from policygen.render.published import PreviousVersion
from policygen.render.sanitize import escape_markdown, md_link


def render_previous(versions: list[PreviousVersion], languages: list[str],
                    templates: Path | None) -> dict[str, bytes]:
    """The md and html files of the earlier versions, for each built language each was in.

    The templates are compiled once per language for all versions: compiling them is most of the
    work of rendering a page without its PDF.
    """
    environments = {lang: (make_environment(lang, "markdown", templates),
                           make_environment(lang, "html", templates)) for lang in languages}
    files: dict[str, bytes] = {}
    with template_errors_as_user_errors():
        for version in versions:
            built = [lang for lang in languages if lang in version.files]
            for lang in built:
                files.update(_render(version, lang, built, *environments[lang]))
    return files


def _render(version: PreviousVersion, lang: str, languages: list[str], environment: Environment,
            html_env: Environment) -> dict[str, bytes]:
    description = version.description
    context = document_context(description, lang, languages, draft=False,
                               history=version.sections.get(lang))
    context["term"] = context["term"].fresh()
    markdown = tidy_blank_lines(environment.get_template("policy.md.j2").render(**context))
    note = version.notes[lang]
    markdown = (f"> **{escape_markdown(note.text)}** {md_link(note.link_label, note.href)}\n\n"
                + markdown)
    body = markdown_to_html(markdown)
    values = site.layout_context(html_env, {**context, "pdf_href": None}, page="policy",
                                 languages=languages, for_pdf=False)
    others = [other for other in languages if other != lang]
    values["alternates"] = [{"lang": other, "href": f"../{other}/{version.files[other]}.html"}
                            for other in others]
    values["language_links"] = [{"lang": other, "label": site.language_name(other),
                                 "href": f"../{other}/{version.files[other]}.html"}
                                for other in others]
    page = html_env.get_template("page.html.j2").render(**values, body_html=Markup(body.html),
                                                        page_title=body.title)
    name = f"{lang}/{version.files[lang]}"
    return {f"{name}.md": markdown.encode("utf-8"), f"{name}.html": page.encode("utf-8")}
