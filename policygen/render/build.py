"""``build``: one description → every public document, written atomically, one build at a time.

Everything is rendered into a staging folder beside the output folder, the consent archive of the
previous build is carried into it first, and only when every file has been written does the new
folder take the place of the old one: :func:`policygen.render.publish.publish_folder`, which
``handbook`` uses too, holds the lock, checks the folder (before, with the lock, and just before
the swap), swaps, and cleans up after errors and signals. A failure anywhere — an error, SIGINT,
SIGTERM — leaves the previous output exactly as it was.

What only the site needs is here: the lock means two builds never copy the same old archive and
race to swap, and just before the swap every consent text archived in the published folder must
be in the new folder byte for byte: the archive only grows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygen.errors import UserError
from policygen.lang.messages import _
from policygen.locks import DEFAULT_WAIT_SECONDS
from policygen.model.description import Description
from policygen.render import consent as consent_records
from policygen.render.output_dir import MARKER
from policygen.render.pdf import source_date_epoch
from policygen.render.publish import Marker, publish_folder
from policygen.render.published import Published
from policygen.render.site import labels, language_name, page_path

SITE_MARKER = Marker(MARKER, b"policygen output folder: `policygen build` replaces it as a whole.\n")


@dataclass
class BuildResult:
    out_dir: Path
    files: list[str] = field(default_factory=list)  # paths relative to out_dir, sorted
    archived: list[str] = field(default_factory=list)  # consent versions new in this build
    restored: list[str] = field(default_factory=list)  # published texts the history brought back
    warnings: list[str] = field(default_factory=list)  # the build succeeded, but say this


def build(loaded_or_description: Any, out_dir: Path | str, languages: list[str] | None = None,
          user_templates: Path | str | None = None, draft: bool = False, *,
          fragment_title: bool = False, published: Published | None = None,
          lock_wait: float = DEFAULT_WAIT_SECONDS,
          on_wait: Callable[[str], None] | None = None) -> BuildResult:
    """Render the policies, PDFs, fragments, consent forms, consent.json, archive and index.

    ``published`` is what the description's published history adds (:mod:`.published`): the
    section "Changes to this policy", the earlier versions' pages, their consent texts for the
    archive and each consent's validity. Raises :class:`UserError` for anything the user can fix
    (languages, templates, output folder, another build holding the output folder for longer
    than ``lock_wait`` seconds). ``fragment_title`` keeps the policy's ``<h1>`` in the CMS
    fragment (:func:`site.fragment`).
    """
    description: Description = getattr(loaded_or_description, "description", loaded_or_description)
    source = str(getattr(loaded_or_description, "path", "") or "description")
    out = Path(out_dir).absolute()
    languages = check_languages(description, languages, source,
                                getattr(loaded_or_description, "locations", None))
    templates = Path(user_templates) if user_templates is not None else None
    if templates is not None and not templates.is_dir():
        raise UserError.single(str(templates), _("the templates folder does not exist"),
                               hint=_("give a folder holding sv/ and en/ with your overrides"))
    inputs = [path for path in (Path(source), templates) if path is not None and path.exists()]
    source_date_epoch()  # a bad SOURCE_DATE_EPOCH is exit 2 before any work, not after it

    def write(staging: Path) -> BuildResult:
        # the previous output is read here, with the lock held: its consent archive is carried on
        return _render_all(description, staging, languages, templates, draft, previous=out,
                           fragment_title=fragment_title, published=published or Published())

    done = publish_folder(out, write, marker=SITE_MARKER, inputs=inputs,
                               before_swap=_refuse_lost_archive_texts, lock_wait=lock_wait,
                               on_wait=on_wait)
    result = done.value
    result.warnings[:0] = done.warnings
    result.out_dir = Path(out_dir)
    return result


def _refuse_lost_archive_texts(out: Path, staging: Path) -> None:
    """The consent archive only grows: every text archived in ``out`` must be in ``staging``."""
    lost = consent_records.lost_archive_texts(out, staging)
    if lost:
        shown = ", ".join(lost[:5]) + (" " + _("and {count} more").format(count=len(lost) - 5) if len(lost) > 5 else "")
        raise UserError.single(
            str(out), _("refusing to replace the output: the new build lacks {count} archived consent "
                        "text(s) of the published folder, or holds them changed: {texts}").format(
                count=len(lost), texts=shown),
            hint=_("the consent archive only grows; the published folder was left as it was — "
                   "report this as a bug in policygen"))


def check_languages(description: Description, languages: list[str] | None, source: str,
                     locations: Any) -> list[str]:
    available = list(description.languages)
    if languages is None:
        return available
    unknown = [lang for lang in languages if lang not in available]
    if unknown or not languages:
        line, column = locations.find("languages") if locations is not None else (0, 0)
        raise UserError.single(
            source, _("cannot build language(s) {wanted}: the description has {available}").format(
                wanted=", ".join(unknown) or _("(none)"), available=", ".join(available)),
            key="languages", line=line, column=column,
            hint=_("use --lang with a subset of {available}").format(available=",".join(available)))
    return [lang for lang in available if lang in languages]  # description order, no duplicates


def _render_all(description: Description, staging: Path, languages: list[str],
                templates: Path | None, draft: bool, previous: Path,
                fragment_title: bool = False, published: Published | None = None) -> BuildResult:
    from policygen.render.documents import render_language  # Jinja, markdown-it, WeasyPrint
    from policygen.render.previous import render_previous

    published = published or Published()

    result = BuildResult(out_dir=staging)
    skipped = consent_records.carry_archive(previous, staging)
    result.warnings.extend(_("not carried forward: {what}").format(what=what) for what in skipped)
    restored = consent_records.restore_archive(staging, published.archive)
    files: dict[str, bytes] = {}
    index_entries = []
    for lang in languages:
        rendered = render_language(description, lang, languages, templates, draft,
                                   fragment_title=fragment_title,
                                   history=published.sections.get(lang))
        files.update(rendered.files)
        index_entries.append(_index_entry(lang, rendered))
    files.update(render_previous(published.previous, languages, templates))
    files["consent.json"] = consent_records.consent_json(
        description, languages, published.valid_since).encode("utf-8")
    files["index.html"] = _render_index(description, index_entries, templates, draft)
    for relative, content in sorted(files.items()):
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    written = consent_records.write_archive(staging, description, languages)
    result.archived = sorted(path.stem for path in written)
    result.restored = sorted(path.stem for path in restored)
    written += restored
    result.files = sorted([*files, SITE_MARKER.name]) + [str(path.relative_to(staging))
                                                         for path in sorted(written)]
    return result


def _index_entry(lang: str, rendered: Any) -> dict[str, Any]:
    return {
        "lang": lang,
        "language": language_name(lang),
        "title": rendered.title,
        "policy": page_path(lang, "policy", ".html"),
        "pdf": page_path(lang, "policy", ".pdf"),
        "consent": page_path(lang, "consent", ".html") if rendered.has_consent else None,
        "consent_title": labels(lang)["consent_title"],
        "pdf_label": labels(lang)["pdf_short"],
    }


def _render_index(description: Description, entries: list[dict[str, Any]],
                  templates: Path | None, draft: bool) -> bytes:
    from policygen.render.documents import template_errors_as_user_errors
    from policygen.render.environment import make_environment
    from policygen.render.sanitize import check_page_links
    from policygen.render.site import render_index

    with template_errors_as_user_errors():
        environment = make_environment(entries[0]["lang"], "html", templates)
        html = render_index(environment, entries, draft=draft,
                            organisation=description.controller.name)
        check_page_links(html, "index.html.j2")
    return html.encode("utf-8")

