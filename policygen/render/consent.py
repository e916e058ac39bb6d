"""Consent records: what each consent box says, its version id, ``consent.json`` and the archive.

Art. 7(1) asks the controller to be able to show that a person consented — which means showing the
exact text they saw, perhaps years later. So every consent text gets a version id (the sha256 of
the text shown), the form sends that id with the answer, and every text ever built is kept in
``archive/consent/<hex>.json``, written once and never changed.

The archive is carried from one build to the next file by file (:func:`carry_archive`): only
regular files are copied, and no symbolic link is ever followed, so a link planted in a published
folder can never pull an outside file into the next one. Before a build replaces the published
folder, :func:`lost_archive_texts` compares the two archives byte for byte: the archive only grows.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygen.lang.datafile import file_kind
from policygen.lang.messages import _, number
from policygen.lang.parser_reasons import os_reason
from policygen.model.description import ConsentChannel, Description, LegalBasis, Purpose
from policygen.model.facts import (
    INTENT_FIELD,
    ContactKind,
    Facts,
    consent_channel,
    consent_recordable,
    contact_kind,
    needs_consent,
)
from policygen.lang import capfirst
from policygen.render.site import page_name

ARCHIVE_DIR = Path("archive") / "consent"


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 characters kept: the same data always gives the same text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def policy_version(description: Description) -> str:
    """sha256 of the canonical JSON of the validated description (DESIGN.md, ``consent.json``).

    Values left at their defaults are left out, so an optional key that a later policygen adds
    does not change the version of a description that does not use it.
    """
    payload = canonical_json(description.model_dump(mode="json", by_alias=True,
                                                     exclude_defaults=True))
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def consent_text(statement: str, data: list[str], withdraw: str, script: str | None = None) -> str:
    """The text of a consent request, as hashed, one part per line, NFC.

    Statement, data labels joined by ", ", withdrawal; for a consent asked out loud or by
    e-mail, the script comes first: the words the person heard are part of what they agreed to.
    """
    parts = (script, statement, ", ".join(data), withdraw) if script else (
        statement, ", ".join(data), withdraw)
    return unicodedata.normalize("NFC", "\n".join(parts))


def text_version(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def consent_items(description: Description, lang: str) -> list[dict[str, Any]]:
    """One item per purpose that asks for consent, any channel, in description order.

    See docs/build.md for the keys. ``script`` is only kept for channels other than the web,
    where an agent or an e-mail asks; on the form the person reads the statement, and a script
    would be a text nobody saw in the version that proves what they saw.
    """
    labels = {item.id: item.label[lang] for item in description.data}
    items = []
    for purpose in description.purposes:
        if not needs_consent(purpose):
            continue
        consent = purpose.consent
        channel = consent_channel(purpose)
        statement = consent.statement[lang] if consent and consent.statement else ""
        withdraw = consent.withdraw[lang] if consent and consent.withdraw else ""
        script = (consent.script[lang] if consent and consent.script
                  and channel is not ConsentChannel.web else None)
        proof = consent.proof[lang] if consent and consent.proof else None
        data = [labels[data_id] for data_id in purpose.data]
        items.append({
            "purpose": purpose.id,
            "field": purpose.id,
            "title": purpose.title[lang],
            "channel": channel.value,
            "statement": statement,
            "data": data,
            "withdraw": withdraw,
            "script": script,
            "proof": proof,
            "voluntary": _voluntary(purpose, lang),
            "version": text_version(consent_text(statement, data, withdraw, script)),
            # a draft may lack the statement, the withdrawal text, or the script or proof its
            # channel needs (GDPR errors, Art. 7): such a request is never offered, recorded or
            # archived
            "complete": consent_recordable(purpose),
        })
    return items


def _voluntary(purpose: Purpose, lang: str) -> str | None:
    """The description's own Art. 13(2)(e) words for a purpose on consent (its ``requirement``),
    shown beside the box instead of the pack's "saying no changes nothing else"; ``None`` when it
    gives none. A purpose on another basis with explicit consent for special data has a
    requirement about that basis, not about the consent, so it is never used there."""
    if purpose.legal_basis is LegalBasis.consent and purpose.requirement is not None:
        return purpose.requirement[lang]
    return None


def form_items(description: Description, lang: str) -> list[dict[str, Any]]:
    """The consent items that become boxes on the consent form: those asked on the web."""
    return [item for item in consent_items(description, lang) if item["channel"] == "web"]


def form_identifier(description: Description, lang: str) -> dict[str, str] | None:
    """The field that asks who consents (``forms.identifier``), or ``None`` without one.

    Its ``name`` is the data's id, its ``label`` the data's label with a capital letter, and
    its input type and ``autocomplete`` token follow what the data is
    (:func:`policygen.model.facts.contact_kind`): an e-mail address, a phone number, or text.
    """
    item = Facts(description).identifier
    if item is None:
        return None
    label = item.label[lang]
    kind = contact_kind(item)
    return {"name": item.id, "label": capfirst(label), "text": label,
            "type": _INPUT_TYPES[kind], "autocomplete": _AUTOCOMPLETE.get(kind)}


_INPUT_TYPES = {ContactKind.email: "email", ContactKind.phone: "tel", ContactKind.other: "text"}
_AUTOCOMPLETE = {ContactKind.email: "email", ContactKind.phone: "tel"}


def consent_records(description: Description, languages: list[str]) -> list[dict[str, Any]]:
    """The ``consents`` list of ``consent.json``: one record per consent purpose and language.

    Besides the text and its version, each record says how the consent is asked and proven:
    ``channel``; ``script`` (what the agent says, for a consent not asked on the form);
    ``proof`` (how the answer is kept, as the description says); ``form`` (for web consents:
    the page, the address it posts to and the fields that carry the answer).
    """
    legal_basis = {purpose.id: purpose.legal_basis.value for purpose in description.purposes}
    action = description.forms.action if description.forms else None
    records = []
    for lang in languages:
        identifier = form_identifier(description, lang)
        for item in consent_items(description, lang):
            if not item["complete"]:
                continue
            records.append({
                "purpose": item["purpose"],
                "lang": lang,
                "controller": description.controller.name,
                "legal_basis": legal_basis[item["purpose"]],
                "statement": item["statement"],
                "withdraw": item["withdraw"],
                "data": item["data"],
                "version": item["version"],
                "channel": item["channel"],
                "script": item["script"],
                "proof": item["proof"],
                "form": _form_record(item, lang, action, identifier),
            })
    return records


def _form_record(item: dict[str, Any], lang: str, action: str | None,
                 identifier: dict[str, str] | None) -> dict[str, Any] | None:
    """Where a web consent is given and what its answer carries; ``None`` for other channels."""
    if item["channel"] != "web":
        return None
    return {"page": f"{lang}/{page_name(lang, 'consent')}.html",
            "action": action,
            "identifier": identifier["name"] if identifier else None,
            "field": item["field"],
            "version_field": f"{item['field']}__version",
            "intent_field": INTENT_FIELD}


def consent_json(description: Description, languages: list[str],
                 valid_since: dict[str, dict[str, Any]] | None = None) -> str:
    """The text of ``consent.json``: stable key order and indentation, UTF-8, final newline.

    Each record says since which published version its consents are valid (``valid_since``),
    from ``valid_since`` (purpose → ``{"policy_version", "effective", "versions": {lang: […]}}``,
    worked out from the published history); without it, since this version.
    """
    records = [{**record, "valid_since": _valid_since(record, description, valid_since or {})}
               for record in consent_records(description, languages)]
    document = {"policy_version": policy_version(description), "consents": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _valid_since(record: dict[str, Any], description: Description,
                 known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A consent with one of ``versions`` (text version ids), given on or after ``effective``,
    covers this record's text: a CRM renews every other consent to the purpose."""
    validity = known.get(record["purpose"])
    if validity is None:
        return {"policy_version": policy_version(description),
                "effective": description.effective.isoformat(), "versions": [record["version"]]}
    versions = list(validity["versions"].get(record["lang"], ())) or [record["version"]]
    return {"policy_version": validity["policy_version"], "effective": validity["effective"],
            "versions": versions}


def write_archive(out: Path, description: Description, languages: list[str]) -> list[Path]:
    """Add every consent text of this build to ``out/archive/consent/``; never touch an existing one.

    ``out`` is the build's temporary folder, already holding the previous archive. Returns the
    files written by this build.
    """
    return restore_archive(out, [archive_entry(record, description)
                                 for record in consent_records(description, languages)])


def archive_entry(record: dict[str, Any], description: Description) -> dict[str, Any]:
    """The archive's record of one consent text: the ``consent.json`` record, the exact text
    shown, and the policy version and date it was first built with."""
    return {**record,
            "text": consent_text(record["statement"], record["data"], record["withdraw"],
                                 record.get("script")),
            "policy_version": policy_version(description),
            "effective": description.effective.isoformat()}


def archive_bytes(entry: dict[str, Any]) -> bytes:
    """An archive file's exact bytes: sorted keys, indented, UTF-8, final newline."""
    return (json.dumps(entry, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def restore_archive(out: Path, entries: list[dict[str, Any]]) -> list[Path]:
    """Write each archive entry whose text is not archived in ``out`` yet; never touch one that is.

    Used for this build's texts and for the texts of earlier published versions (kept in the
    description's history), so a new output folder holds every text ever published.
    """
    folder = out / ARCHIVE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in entries:
        path = folder / (entry["version"].removeprefix("sha256:") + ".json")
        if path.exists():
            continue
        with open(path, "xb") as stream:
            stream.write(archive_bytes(entry))
        written.append(path)
    return written


MAX_ARCHIVE_FILE = 16 * 1024 * 1024  # a record is a few kilobytes; anything larger is not ours
_DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
_FILE_FLAGS = os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass
class ArchiveReading:
    """The regular files of a published archive (name → bytes), and what was skipped, and why."""

    texts: dict[str, bytes] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def read_archive(out: Path) -> ArchiveReading:
    """Every regular file in ``out/archive/consent/``, reached without following a link.

    Each step (``archive``, ``consent``, each file) is opened with ``O_NOFOLLOW`` relative to the
    folder before it, so a link anywhere on the way is skipped and reported, never followed.
    """
    reading = ArchiveReading()
    descriptor = _open_folder(out, None, reading, "")
    if descriptor is None:
        return reading
    try:
        for part in ARCHIVE_DIR.parts:
            inner = _open_folder(Path(part), descriptor, reading, part)
            os.close(descriptor)
            descriptor = inner
            if descriptor is None:
                return reading
        for name in sorted(os.listdir(descriptor)):
            content = _read_regular(name, descriptor, reading)
            if content is not None:
                reading.texts[name] = content
    finally:
        if descriptor is not None:
            os.close(descriptor)
    return reading


def _open_folder(path: Path, parent: int | None, reading: ArchiveReading, shown: str) -> int | None:
    try:
        return os.open(path, _DIRECTORY_FLAGS, dir_fd=parent)
    except FileNotFoundError:
        return None
    except OSError as error:
        if parent is None:
            raise
        reading.skipped.append(_("{path}: cannot be opened as a folder ({reason})").format(path=shown, reason=os_reason(error)))
        return None


def _read_regular(name: str, folder: int, reading: ArchiveReading) -> bytes | None:
    shown = str(ARCHIVE_DIR / name)
    try:
        status = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except OSError as error:
        reading.skipped.append(_("{path}: cannot read it ({reason})").format(path=shown, reason=os_reason(error)))
        return None
    if not stat.S_ISREG(status.st_mode):
        reading.skipped.append(_("{path}: {kind}, not a regular file").format(path=shown, kind=file_kind(status.st_mode)))
        return None
    if status.st_size > MAX_ARCHIVE_FILE:
        reading.skipped.append(_("{path}: {size} bytes, too large to be a consent record").format(
            path=shown, size=number(status.st_size)))
        return None
    descriptor = os.open(name, _FILE_FLAGS, dir_fd=folder)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # replaced since the stat above
            reading.skipped.append(_("{path}: not a regular file").format(path=shown))
            return None
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def carry_archive(previous: Path, staging: Path) -> list[str]:
    """Copy the previous output's archive into the staging folder, as new regular files.

    Returns what was skipped (links, folders, special files), for the build to report.
    """
    reading = read_archive(previous)
    if reading.texts:
        folder = staging / ARCHIVE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in reading.texts.items():
            with open(folder / name, "xb") as stream:
                stream.write(content)
    return reading.skipped


def lost_archive_texts(previous: Path, staging: Path) -> list[str]:
    """Archived texts of ``previous`` that ``staging`` lacks or holds with other bytes."""
    old = read_archive(previous).texts
    new = read_archive(staging).texts
    return sorted(str(ARCHIVE_DIR / name) for name, content in old.items()
                  if new.get(name) != content)
