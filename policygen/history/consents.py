"""Whose consent still covers what: the consent purposes a change touches, and since when a
consent text is valid.

A consent covers what the person agreed to: the statement (or, on the phone, the script), the
data, the purpose and who gets the data (Art. 4(11), 6(1)(a), 7(2)). When any of these changes,
the consents already given do not cover the new text: ask again, and stop the processing for
people who do not say yes. A typo fixed in the statement or in the heading of the form, a new
way to withdraw, data or recipients taken away: the consents already given still cover it.

The consent text's version id (:func:`policygen.render.consent.text_version`) changes with every
letter of the statement, the data labels and the withdrawal text, so it alone cannot say whose
consent must be renewed; :func:`valid_since` says from which published version on the consents
of a purpose are still good, and which text versions they may carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from policygen.history.textdiff import TextChange, compare_text, compare_texts
from policygen.model.description import Description, Purpose
from policygen.model.facts import needs_consent
from policygen.render.consent import consent_items

RENEW = "renew"
STILL_VALID = "still_valid"
NEW = "new"
SCOPE = ("statement", "data", "purpose", "recipients")
"""What a consent covers; a wording change in any of them needs a new consent."""


@dataclass(frozen=True)
class TextVersions:
    lang: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ConsentChange:
    """A consent purpose whose consent text or scope changed.

    ``status``: ``renew`` (earlier consents do not cover the new text: ask again), ``still_valid``
    (the text changed, earlier consents still cover it) or ``new`` (nobody could consent before:
    a new purpose, or one that now rests on consent). ``reasons`` are the parts of
    :data:`SCOPE` that changed.
    """

    purpose: str
    status: str
    reasons: tuple[str, ...]
    versions: tuple[TextVersions, ...]
    index: int  # the purpose's index in the new description


def _purpose(description: Description, purpose_id: str) -> Purpose | None:
    return next((p for p in description.purposes if p.id == purpose_id), None)


def _worded(old: Any, new: Any) -> bool:
    return compare_texts(old, new) is TextChange.wording


def scope_changes(old: Description, new: Description, purpose_id: str) -> tuple[str, ...]:
    """The parts of what a consent covers (:data:`SCOPE`) that changed for ``purpose_id``.

    Only what widens or rewrites the consent counts: data or recipients added, new wording of
    the statement, of the purpose, of a data label or of a recipient; not data or recipients
    removed, a corrected typo, or the withdrawal text.
    """
    before, after = _purpose(old, purpose_id), _purpose(new, purpose_id)
    if before is None or after is None:
        return ()
    found = []
    old_consent, new_consent = before.consent, after.consent
    if (old_consent is not None and new_consent is not None
            and (_worded(old_consent.statement, new_consent.statement)
                 or _worded(old_consent.script, new_consent.script))):
        found.append("statement")
    old_labels = {item.id: item.label for item in old.data}
    new_labels = {item.id: item.label for item in new.data}
    if (any(item not in before.data for item in after.data)
            or any(_worded(old_labels[item], new_labels[item])
                   for item in after.data if item in before.data)):
        found.append("data")
    if (_worded(before.title, after.title) or _worded(before.description, after.description)
            or before.legal_basis != after.legal_basis
            or before.special_condition != after.special_condition
            or before.direct_marketing != after.direct_marketing):
        found.append("purpose")
    old_recipients = {r.id: r for r in old.recipients}
    new_recipients = {r.id: r for r in new.recipients}
    if any(item not in before.recipients or _recipient_changed(old_recipients[item],
                                                               new_recipients[item])
           for item in after.recipients):
        found.append("recipients")
    return tuple(found)


def _recipient_changed(old: Any, new: Any) -> bool:
    return (compare_text(old.name, new.name) is TextChange.wording or old.role != new.role
            or old.country != new.country)


def text_versions(description: Description, lang: str) -> dict[str, str]:
    """Purpose id → the version id of its complete consent text in ``lang``."""
    if lang not in description.languages:
        return {}
    return {item["purpose"]: item["version"] for item in consent_items(description, lang)
            if item["complete"]}


def consent_changes(old: Description, new: Description) -> list[ConsentChange]:
    """Every consent purpose of ``new`` whose consent is new, must be renewed, or whose text
    changed while earlier consents still cover it; in the new description's order."""
    languages = list(new.languages)
    old_versions = {lang: text_versions(old, lang) for lang in languages}
    new_versions = {lang: text_versions(new, lang) for lang in languages}
    found = []
    for index, purpose in enumerate(new.purposes):
        if not needs_consent(purpose):
            continue
        before = _purpose(old, purpose.id)
        versions = tuple(TextVersions(lang, old_versions[lang].get(purpose.id),
                                      new_versions[lang].get(purpose.id)) for lang in languages)
        if before is None or not needs_consent(before):
            found.append(ConsentChange(purpose.id, NEW, (), versions, index))
            continue
        reasons = scope_changes(old, new, purpose.id)
        if reasons:
            found.append(ConsentChange(purpose.id, RENEW, reasons, versions, index))
        elif any(version.old != version.new for version in versions):
            found.append(ConsentChange(purpose.id, STILL_VALID, (), versions, index))
    return found


@dataclass(frozen=True)
class ValidSince:
    """Consents to a purpose are good when given on or after ``effective`` (the published
    version ``policy_version``), with one of the text ``versions`` (per language)."""

    policy_version: str
    effective: str
    versions: dict[str, tuple[str, ...]]


def valid_since(chain: Sequence[tuple[str, Description]], purpose_id: str) -> ValidSince | None:
    """From which version of ``chain`` (oldest first, ``(policy_version, description)``, the last
    one the version being built) the consents to ``purpose_id`` still cover the last version.

    ``None`` when the last version does not ask consent for the purpose.
    """
    _, last = chain[-1]
    purpose = _purpose(last, purpose_id)
    if purpose is None or not needs_consent(purpose):
        return None
    start = len(chain) - 1
    while start > 0:
        _, earlier = chain[start - 1]
        _, later = chain[start]
        before = _purpose(earlier, purpose_id)
        if before is None or not needs_consent(before) or scope_changes(earlier, later, purpose_id):
            break
        start -= 1
    versions: dict[str, list[str]] = {}
    for _, description in chain[start:]:
        for lang in last.languages:
            version = text_versions(description, lang).get(purpose_id)
            if version is not None and version not in versions.setdefault(lang, []):
                versions[lang].append(version)
    first_version, first = chain[start]
    return ValidSince(first_version, first.effective.isoformat(),
                      {lang: tuple(found) for lang, found in versions.items()})
