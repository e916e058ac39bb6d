"""``build``: one description → every public document, written atomically, one build at a time.

Everything is rendered into a temporary folder beside the output folder (same file system), the
consent archive of the previous build is carried into it first, and only when every file has been
written does the new folder take the place of the old one. A failure anywhere — an error, SIGINT,
SIGTERM — removes the temporary folder and leaves the previous output exactly as it was.

Builds into the same folder take turns: each holds an advisory lock beside the output folder
(:mod:`policygen.locks`) from before it looks at the folder until the swap is done, so two builds
never copy the same old archive and race to swap. Just before the swap, with the lock held, the
folder is checked again (still ours, nothing of the user's in it) and every consent text archived
in it must be in the new folder byte for byte: the archive only grows.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygen.errors import UserError
from policygen.lang.messages import _
from policygen.locks import DEFAULT_WAIT_SECONDS, exclusive_lock
from policygen.model.description import Description
from policygen.render import consent as consent_records
from policygen.render.output_dir import (MARKER, check_replaceable, folder_mode, make_staging,
                                         remove_leftovers, swap_into_place)
from policygen.render.pdf import source_date_epoch
from policygen.render.site import labels, language_name, page_path

# Signals that end a build: each raises into the normal clean-up instead of killing the process
# where it stands (which would leave the staging folder behind). 128 + n is the shell's exit code
# for a process ended by signal n.
_ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


@dataclass
class BuildResult:
    out_dir: Path
    files: list[str] = field(default_factory=list)  # paths relative to out_dir, sorted
    archived: list[str] = field(default_factory=list)  # consent versions new in this build
    warnings: list[str] = field(default_factory=list)  # the build succeeded, but say this


def build(loaded_or_description: Any, out_dir: Path | str, languages: list[str] | None = None,
          user_templates: Path | str | None = None, draft: bool = False, *,
          fragment_title: bool = False,
          lock_wait: float = DEFAULT_WAIT_SECONDS,
          on_wait: Callable[[str], None] | None = None) -> BuildResult:
    """Render the policies, PDFs, fragments, consent forms, consent.json, archive and index.

    Raises :class:`UserError` for anything the user can fix (languages, templates, output folder,
    another build holding the output folder for longer than ``lock_wait`` seconds).
    ``fragment_title`` keeps the policy's ``<h1>`` in the CMS fragment (:func:`site.fragment`).
    """
    description: Description = getattr(loaded_or_description, "description", loaded_or_description)
    source = str(getattr(loaded_or_description, "path", "") or "description")
    out = Path(out_dir).absolute()  # "--out ." needs a real name and parent for the staging folder
    languages = _check_languages(description, languages, source,
                                 getattr(loaded_or_description, "locations", None))
    templates = Path(user_templates) if user_templates is not None else None
    if templates is not None and not templates.is_dir():
        raise UserError.single(str(templates), _("the templates folder does not exist"),
                               hint=_("give a folder holding sv/ and en/ with your overrides"))
    inputs = [path for path in (Path(source), templates) if path is not None and path.exists()]
    source_date_epoch()  # a bad SOURCE_DATE_EPOCH is exit 2 before any work, not after it
    check_replaceable(out, inputs)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _cannot_write(out, error) from None
    with _ending_signals_raise(), \
            exclusive_lock(out, what=_("another build into {out}").format(out=out), wait=lock_wait, on_wait=on_wait):
        warnings = remove_leftovers(out)
        check_replaceable(out, inputs)  # a build we waited for may have changed it
        replacing = os.path.lexists(out)
        result = _build_locked(description, out, languages, templates, draft, inputs, replacing,
                               fragment_title)
    result.warnings[:0] = warnings
    result.out_dir = Path(out_dir)
    return result


def _build_locked(description: Description, out: Path, languages: list[str],
                  templates: Path | None, draft: bool, inputs: list[Path],
                  replacing: bool, fragment_title: bool) -> BuildResult:
    try:
        staging = make_staging(out)
        staging.chmod(folder_mode(out))
    except OSError as error:
        raise _cannot_write(out, error) from None
    try:
        result = _render_all(description, staging, languages, templates, draft, previous=out,
                             fragment_title=fragment_title)
        check_replaceable(out, inputs)  # again, just before the swap: was it replaced meanwhile?
        _refuse_lost_archive_texts(out, staging)
        with _ending_signals_deferred():
            swapped = swap_into_place(staging, out, replacing=replacing)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _cannot_write(out, error) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if swapped.left_behind is not None:
        result.warnings.append(
            _("the new output is in place in {out}, but the previous output could not be deleted "
              "completely ({reason}): it is left in {left}; the next build into {name} removes it").format(
                out=out, reason=swapped.error, left=swapped.left_behind, name=out.name))
    return result


def _refuse_lost_archive_texts(out: Path, staging: Path) -> None:
    lost = consent_records.lost_archive_texts(out, staging)
    if lost:
        shown = ", ".join(lost[:5]) + (" " + _("and {count} more").format(count=len(lost) - 5) if len(lost) > 5 else "")
        raise UserError.single(
            str(out), _("refusing to replace the output: the new build lacks {count} archived consent "
                        "text(s) of the published folder, or holds them changed: {texts}").format(
                count=len(lost), texts=shown),
            hint=_("the consent archive only grows; the published folder was left as it was — "
                   "report this as a bug in policygen"))


@contextlib.contextmanager
def _ending_signals_raise() -> Iterator[None]:
    """While building, SIGTERM and SIGHUP raise ``SystemExit(128 + n)`` (SIGINT already raises
    KeyboardInterrupt), so the ``except`` clauses remove the staging folder. Only in the main
    thread, and only for signals whose handling is still the default."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(number: int, _frame: Any) -> None:
        raise SystemExit(128 + number)

    previous = {}
    for number in _ENDING_SIGNALS:
        if signal.getsignal(number) == signal.SIG_DFL:
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def _ending_signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back during the swap: it must not stop half-way."""
    if threading.current_thread() is not threading.main_thread() or os.name != "posix":
        yield
        return
    held = {signal.SIGINT, *_ENDING_SIGNALS}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _cannot_write(out: Path, error: OSError) -> UserError:
    where = error.filename or out
    return UserError.single(str(out), _("cannot write the output: {reason} ({path})").format(
                                reason=error.strerror or error, path=where),
                            hint=_("check that the folder's parent exists, is writable and has space; "
                                   "the previous output was left as it was"))


def _check_languages(description: Description, languages: list[str] | None, source: str,
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
                fragment_title: bool = False) -> BuildResult:
    from policygen.render.documents import render_language  # Jinja, markdown-it, WeasyPrint

    result = BuildResult(out_dir=staging)
    skipped = consent_records.carry_archive(previous, staging)
    result.warnings.extend(_("not carried forward: {what}").format(what=what) for what in skipped)
    files: dict[str, bytes] = {}
    index_entries = []
    for lang in languages:
        rendered = render_language(description, lang, languages, templates, draft,
                                   fragment_title=fragment_title)
        files.update(rendered.files)
        index_entries.append(_index_entry(lang, rendered))
    files["consent.json"] = consent_records.consent_json(description, languages).encode("utf-8")
    files["index.html"] = _render_index(description, index_entries, templates, draft)
    files[MARKER] = b"policygen output folder: `policygen build` replaces it as a whole.\n"
    for relative, content in sorted(files.items()):
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    written = consent_records.write_archive(staging, description, languages)
    result.archived = sorted(path.stem for path in written)
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
    from policygen.render.sanitize import check_page_links
    from policygen.render.site import render_index

    with template_errors_as_user_errors():
        environment = make_environment(entries[0]["lang"], "html", templates)
        html = render_index(environment, entries, draft=draft,
                            organisation=description.controller.name)
        check_page_links(html, "index.html.j2")
    return html.encode("utf-8")

