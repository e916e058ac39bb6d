"""Consent records: what each consent box says, its version id, ``consent.json`` and the archive.

Art. 7(1) asks the controller to be able to show that a person consented — which means showing the
exact text they saw, perhaps years later. So every consent text gets a version id (the sha256 of
the text shown), the form sends that id with the answer, and every text ever built is kept in
``archive/consent/<hex>.json``, written once and never changed.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any

from policygen.model.description import Description
from policygen.model.facts import consent_gap, needs_consent

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


def consent_text(statement: str, data: list[str], withdraw: str) -> str:
    """The text shown, as hashed: statement, data labels joined by ", ", withdrawal, one per line, NFC."""
    return unicodedata.normalize("NFC", "\n".join((statement, ", ".join(data), withdraw)))


def text_version(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def consent_items(description: Description, lang: str) -> list[dict[str, Any]]:
    """One item per purpose that needs a consent box, in description order (see docs/build.md)."""
    labels = {item.id: item.label[lang] for item in description.data}
    items = []
    for purpose in description.purposes:
        if not needs_consent(purpose):
            continue
        consent = purpose.consent
        statement = consent.statement[lang] if consent and consent.statement else ""
        withdraw = consent.withdraw[lang] if consent and consent.withdraw else ""
        data = [labels[data_id] for data_id in purpose.data]
        items.append({
            "purpose": purpose.id,
            "field": purpose.id,
            "title": purpose.title[lang],
            "statement": statement,
            "data": data,
            "withdraw": withdraw,
            "version": text_version(consent_text(statement, data, withdraw)),
            # a draft may lack the statement or the withdrawal text (a GDPR error, 7(2)/7(3)):
            # such a box is never offered, recorded or archived
            "complete": consent_gap(purpose) is None,
        })
    return items


def consent_records(description: Description, languages: list[str]) -> list[dict[str, Any]]:
    """The ``consents`` list of ``consent.json``: one record per consent purpose and language."""
    legal_basis = {purpose.id: purpose.legal_basis.value for purpose in description.purposes}
    records = []
    for lang in languages:
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
            })
    return records


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
            "text": consent_text(record["statement"], record["data"], record["withdraw"]),
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
