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
    return {"name": item.id, "label": label[:1].upper() + label[1:], "text": label,
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
                 "text": consent_text(record["statement"], record["data"], record["withdraw"],
                                      record["script"]),
                 "policy_version": policy_version(description),
                 "effective": description.effective.isoformat()}
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(json.dumps(entry, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        written.append(path)
    return written
