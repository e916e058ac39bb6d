"""``handbook``: one description → the internal support handbook, published like the site.

The handbook is written into a staging folder and swapped into place by
:func:`policygen.render.publish.publish_folder`, the same function ``build`` uses, so it has every
guarantee the site has: one writer at a time (a second ``handbook`` into the same folder waits for
the first), an atomic swap that leaves the previous handbook as it was on any failure or signal,
staging names that fit long ``--out`` names, and a refusal to replace a folder that holds the
description or a ``.git`` folder. The folder is marked as a handbook
(:data:`policygen.render.output_dir.HANDBOOK_MARKER`): ``handbook`` replaces only an empty folder
or an earlier handbook, never a site that ``build`` made nor a folder inside one, and ``build``
refuses a handbook in turn, so internal routines are never published by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygen.locks import DEFAULT_WAIT_SECONDS
from policygen.model.description import Description
from policygen.render.build import check_languages
from policygen.render.output_dir import HANDBOOK_MARKER
from policygen.render.pdf import source_date_epoch
from policygen.render.publish import Marker, publish_folder

MARKER = Marker(HANDBOOK_MARKER, b"policygen handbook folder: internal support routines, never to "
                                 b"be published. `policygen handbook` replaces it as a whole; "
                                 b"`policygen build` refuses it.\n")


@dataclass
class HandbookResult:
    out_dir: Path
    files: list[str] = field(default_factory=list)  # paths relative to out_dir, sorted
    warnings: list[str] = field(default_factory=list)  # written, but say this


def write_handbook(loaded_or_description: Any, out_dir: Path | str,
                   languages: list[str] | None = None, draft: bool = False, *,
                   lock_wait: float = DEFAULT_WAIT_SECONDS,
                   on_wait: Callable[[str], None] | None = None) -> HandbookResult:
    """Render the routines, reply letters, register and CRM catalogue into ``out_dir``.

    ``draft`` marks every document UTKAST / DRAFT: for a description that still has error-level
    GDPR findings, whose gaps the handbook then names instead of filling them.

    Raises :class:`UserError` for anything the user can fix (languages, the output folder, another
    run holding the output folder for longer than ``lock_wait`` seconds).
    """
    description: Description = getattr(loaded_or_description, "description", loaded_or_description)
    source = str(getattr(loaded_or_description, "path", "") or "description")
    languages = check_languages(description, languages, source,
                                getattr(loaded_or_description, "locations", None))
    inputs = [Path(source)] if Path(source).exists() else []
    source_date_epoch()  # a bad SOURCE_DATE_EPOCH is exit 2 before any work, not after it

    def write(staging: Path) -> list[str]:
        return _write_all(description, staging, languages, draft)

    published = publish_folder(Path(out_dir), write, marker=MARKER, inputs=inputs,
                               lock_wait=lock_wait, on_wait=on_wait)
    return HandbookResult(out_dir=Path(out_dir), files=sorted([*published.value, MARKER.name]),
                          warnings=published.warnings)


def _write_all(description: Description, staging: Path, languages: list[str],
               draft: bool) -> list[str]:
    from policygen.render.handbook.documents import render_handbook  # Jinja, WeasyPrint

    files = render_handbook(description, languages, draft=draft)
    for relative, content in sorted(files.items()):
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return sorted(files)
