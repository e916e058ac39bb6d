"""``handbook``: one description → the internal support handbook, written atomically.

Like ``build``: everything is rendered into a staging folder beside the output folder, and only
when every file is written does the new folder take the place of the old one; a failure leaves the
previous handbook exactly as it was. The folder is marked as a handbook
(:data:`policygen.render.output_dir.HANDBOOK_MARKER`): ``handbook`` replaces only an empty folder
or an earlier handbook, never a site that ``build`` made nor a folder inside one, and ``build``
refuses a handbook in turn, so internal routines are never published by accident.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from policygen.model.description import Description
from policygen.render.build import _cannot_write, _check_languages
from policygen.render.output_dir import (HANDBOOK_MARKER, check_replaceable, folder_mode,
                                         swap_into_place)

MARKER_TEXT = (b"policygen handbook folder: internal support routines, never to be published. "
               b"`policygen handbook` replaces it as a whole; `policygen build` refuses it.\n")


@dataclass
class HandbookResult:
    out_dir: Path
    files: list[str] = field(default_factory=list)  # paths relative to out_dir, sorted


def write_handbook(loaded_or_description: Any, out_dir: Path | str,
                   languages: list[str] | None = None, draft: bool = False) -> HandbookResult:
    """Render the routines, reply letters, register and CRM catalogue into ``out_dir``.

    ``draft`` marks every document UTKAST / DRAFT: for a description that still has error-level
    GDPR findings, whose gaps the handbook then names instead of filling them.

    Raises :class:`UserError` for anything the user can fix (languages, the output folder).
    """
    description: Description = getattr(loaded_or_description, "description", loaded_or_description)
    source = str(getattr(loaded_or_description, "path", "") or "description")
    out = Path(out_dir).absolute()
    languages = _check_languages(description, languages, source,
                                 getattr(loaded_or_description, "locations", None))
    check_replaceable(out, marker=HANDBOOK_MARKER)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.building-"))
        staging.chmod(folder_mode(out))
    except OSError as error:
        raise _cannot_write(out, error) from None
    try:
        files = _write_all(description, staging, languages, draft)
        check_replaceable(out, marker=HANDBOOK_MARKER)  # again: did a build take it meanwhile?
        swap_into_place(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _cannot_write(out, error) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return HandbookResult(out_dir=Path(out_dir), files=files)


def _write_all(description: Description, staging: Path, languages: list[str],
               draft: bool) -> list[str]:
    from policygen.render.handbook.documents import render_handbook  # Jinja, WeasyPrint

    files = render_handbook(description, languages, draft=draft)
    files[HANDBOOK_MARKER] = MARKER_TEXT
    for relative, content in sorted(files.items()):
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return sorted(files)



