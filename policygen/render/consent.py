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


def consent_json(description: Description, languages: list[str]) -> str:
    """The text of ``consent.json``: stable key order and indentation, UTF-8, final newline."""
    document = {"policy_version": policy_version(description),
                "consents": consent_records(description, languages)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_archive(out: Path, description: Description, languages: list[str]) -> list[Path]:
    """Add every consent text of this build to ``out/archive/consent/``; never touch an existing one.

    ``out`` is the build's temporary folder, already holding the previous archive. Returns the
    files written by this build.
    """
    folder = out / ARCHIVE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for record in consent_records(description, languages):
        path = folder / (record["version"].removeprefix("sha256:") + ".json")
        if path.exists():
            continue
        entry = {**record,
                 "text": consent_text(record["statement"], record["data"], record["withdraw"]),
                 "policy_version": policy_version(description),
                 "effective": description.effective.isoformat()}
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        written.append(path)
    return written
