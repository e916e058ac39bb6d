"""``policygen diff`` as text for a person (``human``) and for a program (``json``), and the
short summary ``build`` prints.

Both say, for every change, what changed (one sentence in the chosen language), whether it is
substantive or editorial and why, and where it is in the description; then the consent purposes
whose earlier consents no longer cover the new text, with the old and new text version ids and
what to do.
"""

from __future__ import annotations

import json
from typing import Any

from policygen.history.changes import Change
from policygen.history.compare import Comparison, Side
from policygen.history.consents import ConsentChange
from policygen.history.sentences import Describer
from policygen.history.speaker import Speaker, in_lang
from policygen.lang.messages import N_, _, ngettext

BUILD_SUMMARY_LINES = 10

CHANGE_KINDS = {"substantive": N_("substantive"), "editorial": N_("editorial")}
"""The two classes of change as the build summary labels them (catalogue keys)."""


def _where(comparison: Comparison, change: Change) -> tuple[str, int, int] | None:
    """The file, line and column of a change: in the new file, else (removed) in the old one."""
    side = comparison.new if change.new_key is not None else comparison.old
    if side.locations is None:
        return None
    line, column = side.locations.find(change.key)  # type: ignore[attr-defined]
    return side.source, line, column


def purpose_title(comparison: Comparison, purpose_id: str, lang: str) -> str:
    purpose = next(p for p in comparison.new.description.purposes if p.id == purpose_id)
    return in_lang(purpose.title, lang)


def consent_action(say: Speaker, comparison: Comparison, change: ConsentChange) -> str:
    """What to do about one consent purpose, in the speaker's language."""
    return say(f"consent.{change.status}", name=purpose_title(comparison, change.purpose, say.lang))


def _side(side: Side) -> dict[str, Any]:
    return {"source": side.source, "policy_version": side.version,
            "effective": side.effective.isoformat()}


def as_json(comparison: Comparison, lang: str) -> str:
    """The JSON of a diff (docs/changes.md, "JSON")."""
    say = Speaker(lang)
    describe = Describer(comparison.old.description, comparison.new.description, say)
    changes = []
    for change in comparison.changes:
        entry: dict[str, Any] = {
            "element": change.element, "id": change.id, "action": change.action,
            "field": change.field, "detail": change.detail, "class": change.kind,
            "reason": change.reason, "reason_text": say(f"reason.{change.reason}"),
            "summary": describe.sentence(change), "key": change.key,
        }
        where = _where(comparison, change)
        if where is not None:
            entry.update({"file": where[0], "line": where[1], "column": where[2]})
        entry.update({"before": change.before, "after": change.after})
        changes.append(entry)
    consents = [{
        "purpose": change.purpose, "status": change.status, "reasons": list(change.reasons),
        "versions": [{"lang": v.lang, "old": v.old, "new": v.new} for v in change.versions],
        "action": consent_action(say, comparison, change),
    } for change in comparison.consents]
    document = {
        "lang": lang,
        "old": _side(comparison.old),
        "new": _side(comparison.new),
        "summary": {"changes": len(comparison.changes),
                    "substantive": len(comparison.substantive),
                    "editorial": len(comparison.editorial),
                    "renew_consent": [change.purpose for change in comparison.renewals]},
        "changes": changes,
        "consents": consents,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _short(version: str) -> str:
    return version.removeprefix("sha256:")[:12]


def _counts(say: Speaker, comparison: Comparison) -> str:
    if not comparison.changes:
        return say("diff.none")
    return say("diff.counts", count=len(comparison.changes),
               substantive=len(comparison.substantive), editorial=len(comparison.editorial))


def human(comparison: Comparison, lang: str) -> str:
    """The diff for a person: a heading, the counts, each change with its class and reason."""
    say = Speaker(lang)
    describe = Describer(comparison.old.description, comparison.new.description, say)
    old, new = comparison.old, comparison.new
    lines = [say("diff.heading", old=f"{old.effective.isoformat()} ({_short(old.version)}, "
                                     f"{old.source})",
                 new=f"{new.effective.isoformat()} ({_short(new.version)}, {new.source})"),
             _counts(say, comparison), ""]
    for change in comparison.changes:
        where = _where(comparison, change)
        place = f"  {where[0]}:{where[1]}:{where[2]}" if where else ""
        label = say(f"element.{change.element}") + (f" `{change.id}`" if change.id else "")
        lines.append(f"{say(f'class.{change.kind}')}  {label}{place}")
        lines.append(f"    {describe.sentence(change)}")
        lines.append(f"    {say('diff.why')} {say(f'reason.{change.reason}')}")
    if comparison.consents:
        lines += ["", say("consent.heading")]
        for change in comparison.consents:
            lines.append(f"  {consent_action(say, comparison, change)}")
            if change.reasons:
                reasons = say.join([say(f"consent.reasons.{reason}") for reason in change.reasons])
                lines.append(f"    {say('consent.because')} {reasons}")
            for version in change.versions:
                if version.old == version.new and change.status == "renew":
                    lines.append(f"    {say('consent.same_version', lang=version.lang, new=version.new)}")
                elif version.old is not None or version.new is not None:
                    lines.append(f"    {say('consent.version', lang=version.lang, old=version.old or '—', new=version.new or '—')}")
    return "\n".join(lines).rstrip() + "\n"


def build_summary(comparison: Comparison, lang: str, command: str) -> list[str]:
    """The few lines ``build`` prints about what changed since the last published version: the
    frame in the interface language, each change's sentence in ``lang`` (a document language)."""
    say = Speaker(lang)
    old = comparison.old
    published = {"date": old.effective.isoformat(), "version": _short(old.version)}
    if comparison.same_version:
        return [_("no changes since the version published for {date} ({version})").format(**published)]
    substantive = ngettext("{count} substantive", "{count} substantive", len(comparison.substantive))
    editorial = ngettext("{count} editorial", "{count} editorial", len(comparison.editorial))
    head = _("changes since the version published for {date} ({version}): {substantive}, {editorial}").format(
        **published, substantive=substantive.format(count=len(comparison.substantive)),
        editorial=editorial.format(count=len(comparison.editorial)))
    describe = Describer(old.description, comparison.new.description, say)
    ordered = comparison.substantive + comparison.editorial
    kinds = {kind: _(label) for kind, label in CHANGE_KINDS.items()}
    width = max(len(label) for label in kinds.values())
    lines = [head]
    for change in ordered[:BUILD_SUMMARY_LINES]:
        lines.append(f"  {kinds.get(change.kind, change.kind):<{width}}  {describe.sentence(change)}")
    if len(ordered) > BUILD_SUMMARY_LINES:
        lines.append("  " + _("… and {count} more").format(count=len(ordered) - BUILD_SUMMARY_LINES))
    for change in comparison.renewals:
        lines.append("  " + _("consent to ask again: {purpose} — {action}").format(
            purpose=change.purpose, action=consent_action(say, comparison, change)))
    lines.append("  " + _("every change and its reason: {command}").format(command=command))
    return lines
