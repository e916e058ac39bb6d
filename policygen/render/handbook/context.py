"""The template context of the handbook in one language: the policy's context plus the handbook's.

Everything the routines and the reply letters print is worked out here or in the modules it calls
(:mod:`.views`, :mod:`.never_record`, :mod:`.training`, :mod:`.quiz`), so the templates only word
things. The policy's context (:func:`policygen.render.context.document_context`) is the base, so a
purpose, a recipient, a transfer or a right reads the same in the handbook as in the policy.
"""

from __future__ import annotations

from typing import Any

from policygen.lang import cldr
from policygen.model.description import Description
from policygen.model.facts import Right
from policygen.render.consent import consent_items, policy_version
from policygen.render.context import document_context
from policygen.render.handbook import never_record, quiz, training
from policygen.render.handbook.views import HandbookView, RIGHTS_WITH_ROUTINES
from policygen.render.handbook.words import all_handbook_packs, handbook_pack, join, say_plain
from policygen.render.words import pack_for, plain

SECTION_ANCHORS = ("top", "contents", "essentials", "records", "data_table", "company_data",
                   "never", "sent_anyway", "requests", "common_steps", "complaint",
                   "contact_leaves", "spoken_consent", "on_behalf", "training", "terms", "quiz")
"""The handbook's fixed anchors (``hb.anchors.<name>``); each right has ``hb.anchors.right_<right>``."""

LETTER_KINDS = ("access", "erasure", "rectification", "objection", "withdrawal", "verify-identity",
                "extension")
"""The reply letters of DESIGN.md's layout; the file name is the kind, in every language."""

LETTER_RIGHT = {"erasure": Right.erasure, "objection": Right.objection,
                "withdrawal": Right.withdraw_consent}
"""Letters that answer a right some descriptions do not give: written only when it applies."""


def routines_file(lang: str) -> str:
    """``sv/rutiner``, ``en/procedures``: the routines' path without suffix."""
    return f"{lang}/{say_plain(lang, 'hb.files.routines')}"


def letters_folder(lang: str) -> str:
    """``sv/svarsbrev``, ``en/reply-letters``."""
    return f"{lang}/{say_plain(lang, 'hb.files.letters')}"


def letter_kinds(routine_rights: set[str]) -> list[str]:
    """The letters a description needs: every kind, except those for a right no purpose has."""
    return [kind for kind in LETTER_KINDS
            if kind not in LETTER_RIGHT or LETTER_RIGHT[kind].value in routine_rights]


def handbook_context(description: Description, lang: str, languages: list[str]) -> dict[str, Any]:
    """Everything the handbook's templates print, for one language."""
    base = document_context(description, lang)
    pack = handbook_pack(lang)
    hb_anchors = {name: plain(pack, f"hb.anchors.{name}") for name in SECTION_ANCHORS}
    right_anchors = {right.value: plain(pack, f"hb.anchors.right_{right.value}")
                     for right in RIGHTS_WITH_ROUTINES}
    view = HandbookView(description, base)
    versions = {item["purpose"]: item["version"] for item in consent_items(description, lang)}
    routines = view.routines(right_anchors, versions)
    rows = list(view.rows.values())
    consents = view.consent_routines(versions)
    kinds = letter_kinds({routine.right for routine in routines})
    folder = say_plain(lang, "hb.files.letters")
    return {
        **base,
        "languages": list(languages),
        "policy_version": policy_version(description),
        "system": description.record_system,
        "system_country": _country(base, description.record_system.country),
        "hb_anchors": hb_anchors,
        "handbook_purposes": view.purposes(),
        "data_rows": rows,
        "holders": view.holders(),
        "rows_by_holder": {holder: view.rows_held_by(holder)
                           for holder in ("contact", "company", "case", "technical")},
        "contact_persons": view.has_contact_persons() and bool(view.rows_held_by("contact")),
        "source_groups": _source_groups(base["sources"]),
        "case_recipients": [r for r in view.recipients_of_holder("case") if r.role == "processor"],
        "contact_recipients": view.recipients_of_holder("contact"),
        "kept_rows": [row for row in rows if row.kept_despite_erasure],
        "kept_groups": view.kept_groups(),
        "escalation": training.escalation_values(view),
        "routines": routines,
        "routine_by_right": {routine.right: routine for routine in routines},
        "consent_routines": consents,
        "spoken_consents": [c for c in consents if c.channel != "web"],
        "never_record": never_record.never_record(description, lang, all_handbook_packs(),
                                                  view.refs),
        "training_terms": training.training_terms(view),
        "quiz": quiz.questions(view, routines),
        "escalate": training.escalation(view),
        "deletion_text": lambda row: quiz.deletion_text(lang, row),
        "quoted": lambda text: training.quoted(lang, text),
        "quoted_list": lambda texts, conjunction="and": training.quoted_list(lang, list(texts),
                                                                              conjunction),
        "on_behalf": None if description.on_behalf_of_customers is None
        else description.on_behalf_of_customers[lang],
        "places": lambda rows_: _places(lang, rows_),
        "letter_kinds": kinds,
        "letter_links": {kind: f"{folder}/{kind}.md" for kind in kinds},
    }


def _source_groups(sources: Any) -> list[dict[str, Any]]:
    """Data from others grouped by where it came from, so a letter names each source once."""
    groups: dict[tuple[str, str | None], list[str]] = {}
    for source in sources:
        groups.setdefault((source.source, source.detail), []).extend(source.labels)
    return [{"source": kind, "detail": detail, "labels": labels}
            for (kind, detail), labels in groups.items()]


def _places(lang: str, rows: Any) -> str:
    """Where to look for data of these rows: "på kontakten, på företaget och i ärendena"."""
    used = {row.holder for row in rows}
    return join(lang, [say_plain(lang, f"hb.places.{holder}")
                       for holder in ("contact", "company", "case", "technical") if holder in used])


def _country(base: dict[str, Any], code: str) -> str:
    return cldr.country_name(pack_for(base["lang"]), code)
