"""Recording a published version: the new entry, the whole file's text, and an atomic write.

A build that publishes a new version appends one entry to the history (:mod:`.store` describes
the file) and rewrites the file in one step: a temporary file in the same folder, flushed to disk,
then renamed over the old one, so a reader sees the old history or the new one, never half. The
caller holds the history's lock (:mod:`policygen.history.lock`) from before it read the history.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from policygen.errors import UserError
from policygen.history.store import FORMAT, History
from policygen.lang.messages import _
from policygen.lang.parser_reasons import os_reason
from policygen.model.description import Description
from policygen.render.consent import archive_entry, canonical_json, consent_records, policy_version


def normalised(description: Description) -> dict[str, Any]:
    """The description as the history keeps it: JSON values, defaults left out, keys sorted —
    exactly what :func:`policygen.render.consent.policy_version` hashes."""
    return json.loads(canonical_json(description.model_dump(mode="json", by_alias=True,
                                                            exclude_defaults=True)))


def version_entry(description: Description, history: History) -> dict[str, Any]:
    """The history entry for publishing ``description`` after the versions of ``history``.

    A consent text already published keeps the record of its first publication; a new text
    gets the record its archive file gets (:func:`policygen.render.consent.archive_entry`).
    """
    published = {record["version"]: record for version in history.versions
                 for record in version.consents}
    records = []
    for record in consent_records(description, list(description.languages)):
        records.append(published.get(record["version"]) or archive_entry(record, description))
    last = history.last
    return {
        "effective": description.effective.isoformat(),
        "policy_version": policy_version(description),
        "previous": last.policy_version if last else None,
        "consents": [dict(sorted(record.items())) for record in records],
        "description": normalised(description),
    }


def history_text(description_name: str, entries: list[dict[str, Any]]) -> str:
    """The file's text: two-space indentation, keys in a fixed order, one final newline."""
    document = {"policygen_history": FORMAT, "description": description_name,
                "versions": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def stored_entries(history: History) -> list[dict[str, Any]]:
    """The entries of the versions already in ``history``, as they are stored."""
    return [{"effective": v.effective.isoformat(), "policy_version": v.policy_version,
             "previous": history.versions[v.index - 1].policy_version if v.index else None,
             "consents": list(v.consents), "description": v.normal}
            for v in history.versions]


def append_version(history: History, description: Description) -> dict[str, Any]:
    """Write ``history`` with ``description`` as its newest version; returns the new entry.

    The caller holds the history's lock (:func:`policygen.history.lock.history_lock`) from
    before it read ``history``.
    """
    entry = version_entry(description, history)
    text = history_text(history.description_name, [*stored_entries(history), entry])
    try:
        write_atomically(history.path, text.encode("utf-8"))
    except OSError as error:
        raise UserError.single(
            str(history.path), _("cannot record the new version in the history: {reason}").format(reason=os_reason(error)),
            hint=_("the history was left as it was; free some space or fix the permissions, then "
                   "build again to record the version")) from None
    return entry


def write_atomically(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` in one step: never a half-written history."""
    mode = _mode(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    try:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(folder)
    finally:
        os.close(folder)


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
