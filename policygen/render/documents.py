"""The documents of one language: policy (md, html, pdf, fragment) and consent form.

Turns every failure a user can cause — a broken override template, an undefined variable, a link
with a forbidden scheme, a resource outside our assets — into a located :class:`UserError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateNotFound

from policygen.errors import Problem, UserError
from policygen.lang.messages import _
from policygen.lang.parser_reasons import template_reason
from policygen.model.description import Description
from policygen.model.facts import INTENT_FIELD, Facts
from policygen.render import consent as consent_records
from policygen.render import overrides, site
from policygen.render.context import document_context as content_context
from policygen.render.environment import make_environment, template_error_location
from policygen.render.markdown import MarkdownProblem, markdown_to_html
from policygen.render.origins import origin_maps
from policygen.render.pdf import html_to_pdf, is_forbidden_resource
from policygen.render.published import HistorySection
from policygen.render.sanitize import UnsafeLink, check_page_links, link_target


@dataclass
class LanguageDocuments:
    lang: str
    title: str
    has_consent: bool
    files: dict[str, bytes] = field(default_factory=dict)  # path relative to OUT → content


@contextlib.contextmanager
def template_errors_as_user_errors() -> Iterator[None]:
    """Report template and rendering problems as located user errors (exit 2)."""
    try:
        yield
    except (TemplateError, UnsafeLink, MarkdownProblem) as error:
        name, line = template_error_location(error)
        message = getattr(error, "message", None) or str(error)
        raise UserError([Problem(file=name or "template", line=line, column=0,
                                 message=f"{type(error).__name__}: {template_reason(message)}",
                                 hint=_hint(error))]) from None
    except BaseException as error:
        if is_forbidden_resource(error):
            raise UserError([Problem(file="PDF", message=str(error),
                                     hint=_("remove the reference from your template or stylesheet"))]
                            ) from None
        _raised_inside_a_template(error)
        raise


def _raised_inside_a_template(error: BaseException) -> None:
    """Any exception raised while a template ran (``{{ 1/0 }}``, a filter given a wrong value, a
    macro recursing without end) is the template's problem: a located exit 2, not a traceback."""
    if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: not the template's
        return
    name, line = template_error_location(error)
    if not name:
        return
    raise UserError([Problem(file=name, line=line, column=0,
                             message=_("{error} inside the template: {detail}").format(
                                 error=type(error).__name__, detail=template_reason(str(error)[:300]) or type(error).__name__),
                             hint=_hint(error))]) from None


def _hint(error: BaseException) -> str:
    if isinstance(error, TemplateNotFound):
        return _("no such template in --templates/<lang>/, templates/<lang>/ or templates/shared/; "
                 "built-ins are reachable as builtin/<lang>/<name>")
    if isinstance(error, UnsafeLink):
        return _("links may use only https:, mailto:, tel: or #anchors")
    if isinstance(error, MarkdownProblem):
        return _("give each heading its own {#anchor}")
    return _("check the template near this line; see docs/build.md for the variables a template gets")


def document_context(description: Description, lang: str, languages: list[str],
                     draft: bool, history: HistorySection | None = None) -> dict[str, Any]:
    """The view of the description (:mod:`policygen.render.context`) plus the engine's keys.

    ``history`` is the section "Changes to this policy" from the published history
    (:mod:`policygen.render.published`); ``None`` leaves it out.
    """
    items = consent_records.form_items(description, lang)
    return {
        "history": history,
        **content_context(description, lang),
        "languages": list(languages),
        "draft": draft,
        "policy_version": consent_records.policy_version(description),
        "consent_items": items,
        "links": site.links(lang, languages, has_consent=bool(items)),
        "forms_action": _forms_action(description),
        "forms_identifier": consent_records.form_identifier(description, lang),
        "withdraw_here": Facts(description).withdrawal_on_form()
        and any(item["complete"] for item in items),
        "intent_field": INTENT_FIELD,
    }


def anchor_blocks(context: dict[str, Any]) -> dict[str, str]:
    """Each anchor of the policy → the block of the template that writes its heading."""
    owners = {anchor: ("title" if name == "policy" else name)
              for name, anchor in context["anchors"].items()}
    for key, block in (("purposes", "purposes"), ("recipients", "recipients"),
                       ("transfers", "transfers"), ("automated_decisions", "automated_decisions"),
                       ("rights", "rights")):
        owners.update({item.anchor: block for item in context[key]})
    return owners


def _fresh(context: dict[str, Any]) -> dict[str, Any]:
    """The context for one template: its own term explainer, which has explained nothing yet."""
    return {**context, "term": context["term"].fresh()}


def _forms_action(description: Description) -> str | None:
    """Where the consent form posts: an https: address only, whatever reached the model."""
    action = description.forms.action if description.forms else None
    if action is not None and not action.lower().startswith("https://"):
        raise UnsafeLink(_("forms.action must be an https:// address, not {action}").format(action=repr(action)))
    return link_target(action) if action is not None else None  # quotes, parentheses encoded


def render_language(description: Description, lang: str, languages: list[str],
                    templates: Path | None, draft: bool, *,
                    fragment_title: bool = False,
                    history: HistorySection | None = None) -> LanguageDocuments:
    with template_errors_as_user_errors():
        return _render_language(description, lang, languages, templates, draft, fragment_title,
                                history)


def _render_language(description: Description, lang: str, languages: list[str],
                     templates: Path | None, draft: bool,
                     fragment_title: bool = False,
                     history: HistorySection | None = None) -> LanguageDocuments:
    context = document_context(description, lang, languages, draft, history)
    markdown_env = make_environment(lang, "markdown", templates)
    html_env = make_environment(lang, "html", templates)
    for environment, name in ((markdown_env, "policy.md.j2"), (html_env, "page.html.j2"),
                              (html_env, "consent.html.j2")):
        overrides.check_blocks(environment, name, templates)
    markdown = policy_markdown(context, markdown_env)
    body = markdown_to_html(markdown)
    overrides.check_anchors(markdown_env, "policy.md.j2", templates, body.links, body.anchors,
                            anchor_blocks(context))
    pdf_body = markdown_to_html(markdown, for_pdf=True)
    page_context = {**context, "pdf_href": context["links"]["pdf"]}
    page = site.wrap_policy(html_env, page_context, body.html, body.title, languages=languages)
    pdf_page = site.wrap_policy(html_env, {**context, "pdf_href": None}, pdf_body.html,
                                body.title, languages=languages, for_pdf=True)
    check_page_links(page, "page.html.j2")  # override HTML: links pass the allow-list too
    check_page_links(pdf_page, "page.html.j2")
    documents = LanguageDocuments(lang=lang, title=body.title,
                                  has_consent=bool(context["consent_items"]))

    def policy(suffix: str) -> str:
        return site.page_path(lang, "policy", suffix)

    documents.files[policy(".md")] = published_markdown(markdown, lang, draft).encode("utf-8")
    documents.files[policy(".html")] = page.encode("utf-8")
    documents.files[policy(".fragment.html")] = site.fragment(body.html, lang, draft, title=fragment_title).encode("utf-8")
    documents.files[policy(".pdf")] = html_to_pdf(pdf_page, effective=description.effective)
    if documents.has_consent:
        form = consent_form(context, html_env, languages)
        check_page_links(form, "consent.html.j2")
        documents.files[site.page_path(lang, "consent", ".html")] = form.encode("utf-8")
    documents.files.update(origin_maps(description, lang, languages, draft, documents.files,
                                       markdown_env, html_env))
    return documents


def policy_markdown(context: dict[str, Any], markdown_env: Any) -> str:
    """The policy as Markdown, from ``policy.md.j2`` (before a draft's note)."""
    return tidy_blank_lines(markdown_env.get_template("policy.md.j2").render(**_fresh(context)))


def consent_form(context: dict[str, Any], html_env: Any, languages: list[str]) -> str:
    """The consent form page."""
    return site.render_consent(html_env, {**_fresh(context), "pdf_href": None}, languages=languages)


def tidy_blank_lines(markdown: str) -> str:
    """One blank line between blocks, as a person would write the published ``.md`` file.

    Optional parts of a template leave runs of blank lines behind; Markdown ignores them, but the
    Markdown file is published too. Fenced code blocks are kept exactly as they are.
    """
    lines: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        marker = line.lstrip()[:3]
        if fence is None and marker in ("```", "~~~"):
            fence = marker
        elif fence is not None and marker == fence:
            fence = None
        elif fence is None and not line.strip() and (not lines or not lines[-1].strip()):
            continue
        lines.append(line.rstrip() if fence is None else line)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n"


def published_markdown(markdown: str, lang: str, draft: bool) -> str:
    """The Markdown file as it is published: a draft starts with its note."""
    if not draft:
        return markdown
    return f"> **{site.labels(lang)['draft_note']}**\n\n{markdown}"
