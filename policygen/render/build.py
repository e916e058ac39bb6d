"""``build``: one description → every public document, written atomically.

Everything is rendered into a temporary folder beside the output folder (same file system), the
consent archive of the previous build is carried into it first, and only when every file has been
written does the new folder take the place of the old one. A failure anywhere removes the
temporary folder and leaves the previous output exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygen.errors import UserError
from policygen.model.description import Description
from policygen.render import consent as consent_records
from policygen.render.output_dir import MARKER, check_replaceable, folder_mode, swap_into_place
from policygen.render.published import Published
from policygen.render.site import labels, language_name, page_path


@dataclass
class BuildResult:
    out_dir: Path
    files: list[str] = field(default_factory=list)  # paths relative to out_dir, sorted
    archived: list[str] = field(default_factory=list)  # consent versions new in this build
    restored: list[str] = field(default_factory=list)  # published texts the history brought back


def build(loaded_or_description: Any, out_dir: Path | str, languages: list[str] | None = None,
          user_templates: Path | str | None = None, draft: bool = False,
          published: Published | None = None) -> BuildResult:
    """Render the policies, PDFs, fragments, consent forms, consent.json, archive and index.

    ``published`` is what the description's published history adds (:mod:`.published`): the
    section "Changes to this policy", the earlier versions' pages, their consent texts for the
    archive and each consent's validity. Raises :class:`UserError` for anything the user can fix
    (languages, templates, output folder).
    """
    description: Description = getattr(loaded_or_description, "description", loaded_or_description)
    source = str(getattr(loaded_or_description, "path", "") or "description")
    out = Path(out_dir).absolute()  # "--out ." needs a real name and parent for the staging folder
    languages = _check_languages(description, languages, source,
                                 getattr(loaded_or_description, "locations", None))
    templates = Path(user_templates) if user_templates is not None else None
    if templates is not None and not templates.is_dir():
        raise UserError.single(str(templates), "the templates folder does not exist",
                               hint="give a folder holding sv/ and en/ with your overrides")
    check_replaceable(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.building-"))
        staging.chmod(folder_mode(out))
    except OSError as error:
        raise _cannot_write(out, error) from None
    try:
        result = _render_all(description, staging, languages, templates, draft, previous=out,
                             published=published or Published())
        swap_into_place(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _cannot_write(out, error) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.out_dir = Path(out_dir)
    return result


def _cannot_write(out: Path, error: OSError) -> UserError:
    where = error.filename or out
    return UserError.single(str(out), f"cannot write the output: {error.strerror or error} ({where})",
                            hint="check that the folder's parent exists, is writable and has space; "
                                 "the previous output was left as it was")


def _check_languages(description: Description, languages: list[str] | None, source: str,
                     locations: Any) -> list[str]:
    available = list(description.languages)
    if languages is None:
        return available
    unknown = [lang for lang in languages if lang not in available]
    if unknown or not languages:
        line, column = locations.find("languages") if locations is not None else (0, 0)
        raise UserError.single(
            source, f"cannot build language(s) {', '.join(unknown) or '(none)'}: the description "
                    f"has {', '.join(available)}",
            key="languages", line=line, column=column,
            hint=f"use --lang with a subset of {','.join(available)}")
    return [lang for lang in available if lang in languages]  # description order, no duplicates


def _render_all(description: Description, staging: Path, languages: list[str],
                templates: Path | None, draft: bool, previous: Path,
                published: Published) -> BuildResult:
    from policygen.render.documents import render_language  # Jinja, markdown-it, WeasyPrint
    from policygen.render.previous import render_previous

    result = BuildResult(out_dir=staging)
    archive = previous / consent_records.ARCHIVE_DIR
    if archive.is_dir():
        shutil.copytree(archive, staging / consent_records.ARCHIVE_DIR)
    restored = consent_records.restore_archive(staging, published.archive)
    files: dict[str, bytes] = {}
    index_entries = []
    for lang in languages:
        rendered = render_language(description, lang, languages, templates, draft,
                                   published.sections.get(lang))
        files.update(rendered.files)
        index_entries.append(_index_entry(lang, rendered))
    files.update(render_previous(published.previous, languages, templates))
    files["consent.json"] = consent_records.consent_json(
        description, languages, published.valid_since).encode("utf-8")
    files["index.html"] = _render_index(description, index_entries, templates, draft)
    files[MARKER] = b"policygen output folder: `policygen build` replaces it as a whole.\n"
    for relative, content in sorted(files.items()):
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    written = consent_records.write_archive(staging, description, languages)
    result.archived = sorted(path.stem for path in written)
    result.restored = sorted(path.stem for path in restored)
    written += restored
    result.files = sorted(files) + [str(path.relative_to(staging)) for path in sorted(written)]
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
    from policygen.render.site import render_index

    with template_errors_as_user_errors():
        environment = make_environment(entries[0]["lang"], "html", templates)
        html = render_index(environment, entries, draft=draft,
                            organisation=description.controller.name)
    return html.encode("utf-8")

