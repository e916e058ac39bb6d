"""The handbook's documents: routines (md, html, pdf), reply letters, register and CRM catalogue.

The same pipeline as the policy: Jinja templates in ``templates/shared/handbook/`` take every word
from the handbook pack, Markdown becomes HTML through :func:`policygen.render.markdown.markdown_to_html`
(no raw HTML, checked links), the HTML page is the shared layout (``page.html.j2``), and the PDF
comes from :func:`policygen.render.pdf.html_to_pdf` (tagged, reproducible, sealed off).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from policygen.model.description import Description
from policygen.render import site
from policygen.render.documents import template_errors_as_user_errors, tidy_blank_lines
from policygen.render.handbook import crm_fields, register
from policygen.render.handbook.context import handbook_context, letters_folder, routines_file
from policygen.render.handbook.words import handbook_explainer, make_handbook_environment
from policygen.render.markdown import markdown_to_html
from policygen.render.pdf import html_to_pdf

TEMPLATES = "handbook"


@dataclass(frozen=True)
class RegisterTerm:
    term: str
    explanation: str


def render_handbook(description: Description, languages: list[str], *,
                    draft: bool = False) -> dict[str, bytes]:
    """Every file of the handbook, path relative to the output folder → content."""
    with template_errors_as_user_errors():
        files: dict[str, bytes] = {}
        contexts = {lang: {**handbook_context(description, lang, languages), "draft": draft}
                    for lang in languages}
        for lang in languages:
            files.update(_language_files(description, contexts[lang], languages))
        first = contexts[languages[0]]
        files["register.md"] = _register_markdown(first).encode("utf-8")
        files["register.csv"] = register.register_csv(register.register_rows(first))
        files["crm-fields.csv"] = crm_fields.crm_csv(first["data_rows"], languages[0])
        files["crm-fields.json"] = crm_fields.crm_json(
            description, {lang: contexts[lang]["data_rows"] for lang in languages})
    return files


def _fresh(context: dict[str, Any]) -> dict[str, Any]:
    """Each document explains its terms of art anew (a fresh term explainer)."""
    return {**context, "term": handbook_explainer(context["lang"], context["term"])}


def _language_files(description: Description, context: dict[str, Any],
                    languages: list[str]) -> dict[str, bytes]:
    lang = context["lang"]
    markdown_env = make_handbook_environment(lang, "markdown")
    files: dict[str, bytes] = {}
    routines = tidy_blank_lines(markdown_env.get_template(f"{TEMPLATES}/procedures.md.j2")
                                .render(**_fresh(context)))
    stem = routines_file(lang)
    files[f"{stem}.md"] = routines.encode("utf-8")
    body = markdown_to_html(routines)
    pdf_body = markdown_to_html(routines, for_pdf=True)
    html_env = make_handbook_environment(lang, "html")
    name = stem.rsplit("/", 1)[1]
    files[f"{stem}.html"] = _page(html_env, context, body.html, body.title, languages,
                                  pdf_href=f"{name}.pdf").encode("utf-8")
    files[f"{stem}.pdf"] = html_to_pdf(
        _page(html_env, context, pdf_body.html, body.title, languages, pdf_href=None, for_pdf=True),
        effective=description.effective)
    folder = letters_folder(lang)
    for kind in context["letter_kinds"]:
        letter = markdown_env.get_template(f"{TEMPLATES}/letters/{kind}.md.j2").render(**_fresh(context))
        files[f"{folder}/{kind}.md"] = tidy_blank_lines(letter).encode("utf-8")
    return files


def _page(environment: Any, context: dict[str, Any], body_html: str, title: str,
          languages: list[str], *, pdf_href: str | None, for_pdf: bool = False) -> str:
    """The routines in the shared page layout, linked to the same routines in the other languages."""
    lang = context["lang"]
    values = site.layout_context(environment, context, page="policy",
                                 languages=[lang], for_pdf=for_pdf)
    others = [] if for_pdf else [other for other in languages if other != lang]
    values["alternates"] = [{"lang": other, "href": f"../{routines_file(other)}.html"}
                            for other in others]
    values["language_links"] = [{"lang": other, "label": site.language_name(other),
                                 "href": f"../{routines_file(other)}.html"} for other in others]
    template = environment.get_template("page.html.j2")
    return template.render(**values, body_html=Markup(body_html), page_title=title,
                           pdf_href=pdf_href)


def _register_markdown(context: dict[str, Any]) -> str:
    """``register.md``, with a table of the terms of art it uses, found in a first rendering."""
    environment = make_handbook_environment(context["lang"], "markdown")
    template = environment.get_template(f"{TEMPLATES}/register.md.j2")
    values = {**_fresh(context), "register_rows": register.register_rows(context)}
    draft = template.render(**values, register_terms=[])
    used = handbook_explainer(context["lang"], context["term"]).used_in([draft])
    terms = [RegisterTerm(term, explanation) for term, explanation in used]
    return tidy_blank_lines(template.render(**_fresh(values), register_terms=terms))
