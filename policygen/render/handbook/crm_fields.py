"""The CRM catalogue: one row per kind of data, for the administrator who sets up the record system.

Each row says where the data lives (on the contact, the company, the case, or among technical
data), which purposes use it on which legal bases, where it comes from, and the deletion rule that
follows: the data's own retention, else the longest retention of the purposes that use it, and
why (:meth:`policygen.model.facts.HandbookFacts.deletion_rule`). ``crm-fields.json`` holds every
text in every built language; ``crm-fields.csv`` holds the texts of the first one, for a
spreadsheet.
"""

from __future__ import annotations

import json
from typing import Any

from policygen.model.description import Description
from policygen.render.consent import policy_version
from policygen.render.handbook.quiz import deletion_text
from policygen.render.handbook.tables import to_csv
from policygen.render.handbook.training import quoted
from policygen.render.handbook.views import DataRow
from policygen.render.handbook.words import retention_text, say_plain

CSV_COLUMNS = ("id", "label", "holder", "location", "purposes", "legal_bases", "source",
               "source_detail", "special", "retention_by_purpose", "deletion_rule",
               "deletion_reason", "kept_despite_erasure")
"""The columns of ``crm-fields.csv``, in order (documented in docs/handbook.md)."""


def deletion_reason(lang: str, row: DataRow) -> str:
    """Why the deletion rule is what it is, in one or two sentences."""
    deletion = row.deletion
    if deletion.own is not None:
        return say_plain(lang, "hb.crm.reason_own")
    if not deletion.keepings:
        return say_plain(lang, "hb.crm.reason_unused")
    deciding = deletion.deciding
    if deciding is None:
        return say_plain(lang, "hb.crm.reason_all")
    key = "hb.crm.reason_only" if len(deletion.keepings) == 1 else "hb.crm.reason_longest"
    reason = say_plain(lang, key, purpose=quoted(lang, deciding.purpose.title))
    if deciding.legal_obligation:
        reason += " " + say_plain(lang, "hb.crm.reason_law", text=deciding.legal_obligation)
    return reason


def _retentions(lang: str, row: DataRow) -> str:
    return "; ".join(say_plain(lang, "hb.deletion.part", retention=retention_text(lang, k.retention),
                               purpose=quoted(lang, k.purpose.title))
                     for k in row.deletion.keepings)


def crm_csv(rows: list[DataRow], lang: str) -> bytes:
    """``crm-fields.csv``: one row per kind of data, texts in ``lang``."""
    return to_csv(CSV_COLUMNS, ([
        row.id, row.label, row.holder, say_plain(lang, f"hb.holders.{row.holder}.name"),
        " ".join(ref.id for ref in row.purposes), " ".join(row.legal_bases), row.source,
        row.source_detail or "", "true" if row.special else "false", _retentions(lang, row),
        deletion_text(lang, row), deletion_reason(lang, row),
        " ".join(k.purpose.id for k in row.kept_despite_erasure),
    ] for row in rows))


def _retention_json(retention: Any) -> dict[str, Any] | None:
    if retention is None or (retention.period is None and retention.criteria is None):
        return None
    return {"period": None if retention.period is None else str(retention.period),
            "after": retention.after, "criteria": retention.criteria}


def crm_json(description: Description, rows_by_lang: dict[str, list[DataRow]]) -> bytes:
    """``crm-fields.json``: the same rows with every text in every built language."""
    languages = list(rows_by_lang)
    first = rows_by_lang[languages[0]]
    by_purpose = {p.id: p for p in description.purposes}
    fields = []
    for index, row in enumerate(first):
        item = description.data[index]
        per_lang = {lang: rows_by_lang[lang][index] for lang in languages}
        fields.append({
            "id": row.id,
            "label": {lang: per_lang[lang].label for lang in languages},
            "holder": row.holder,
            "purposes": [ref.id for ref in row.purposes],
            "legal_bases": list(row.legal_bases),
            "source": row.source,
            "source_detail": None if item.source_detail is None
            else {lang: item.source_detail[lang] for lang in languages},
            "special": row.special,
            "own_retention": _retention_json(item.retention),
            "retention_by_purpose": [
                {"purpose": ref.id, "legal_basis": by_purpose[ref.id].legal_basis.value,
                 "retention": _retention_json(by_purpose[ref.id].retention)}
                for ref in row.purposes],
            "deletion": {
                "decided_by": "own_retention" if row.deletion.own is not None
                else (row.deletion.deciding.purpose.id if row.deletion.deciding else None),
                "rule": {lang: deletion_text(lang, per_lang[lang]) for lang in languages},
                "reason": {lang: deletion_reason(lang, per_lang[lang]) for lang in languages},
            },
            "kept_despite_erasure": [k.purpose.id for k in row.kept_despite_erasure],
        })
    document = {
        "controller": description.controller.name,
        "record_system": {"name": description.record_system.name,
                          "country": description.record_system.country},
        "policy_version": policy_version(description),
        "languages": languages,
        "fields": fields,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

