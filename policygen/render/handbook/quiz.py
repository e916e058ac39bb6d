"""The quiz: at least ten questions with answers, each filled with this organisation's facts.

Ten questions always apply (a doctor's certificate in a case, the deadline, where a kind of data
lives, what stays after an erasure, a password in an e-mail, a caller who wants their data, data
outside the EU, a contact who leaves, how long data is kept, whom to ask); the rest only when the
description has what they are about. Answers never state more than the description says.
"""

from __future__ import annotations

from policygen.data.countries import in_eu_eea
from policygen.model.facts import Right
from policygen.render.handbook.training import Question, escalation, quoted, quoted_list, titles
from policygen.render.handbook.views import DataRow, HandbookView, KeptGroup, Routine
from policygen.render.handbook.words import join, retention_text, say_plain
from policygen.lang import capfirst


def deletion_text(lang: str, row: DataRow) -> str:
    """The deletion rule of one kind of data as one phrase (also the CRM catalogue's cell)."""
    deletion = row.deletion
    if deletion.own is not None:
        return say_plain(lang, "hb.deletion.own", retention=capfirst(retention_text(lang, deletion.own)))
    if not deletion.keepings:
        return say_plain(lang, "hb.deletion.unused")
    deciding = deletion.deciding
    if deciding is not None:
        key = "hb.deletion.single" if len(deletion.keepings) == 1 else "hb.deletion.longest"
        return say_plain(lang, key, retention=capfirst(retention_text(lang, deciding.retention)),
                         purpose=quoted(lang, deciding.purpose.title))
    sentences = [say_plain(lang, "hb.deletion.sentence", purpose=quoted(lang, k.purpose.title),
                           retention=retention_text(lang, k.retention)) for k in deletion.keepings]
    return " ".join([say_plain(lang, "hb.deletion.all")] + sentences)


def kept_group_text(lang: str, group: KeptGroup) -> str:
    """One purpose that keeps data after an erasure request: its data, then how long."""
    return " ".join((say_plain(lang, "hb.kept.data", purpose=quoted(lang, group.keeping.purpose.title),
                               data=quoted_list(lang, [row.label for row in group.data])),
                     say_plain(lang, "hb.kept.time", retention=retention_text(lang, group.keeping.retention))))


def abroad_names(view: HandbookView) -> list[str]:
    """Recipients outside the EU/EEA, by their own country and their transfers' countries, so a
    draft that lacks a transfer entry still names them (Art. 44)."""
    lang, base = view.lang, view.base
    places: dict[tuple[str, str], str] = {}
    for recipient in base["recipients"]:
        if not recipient.in_eu_eea:
            places[(recipient.name, recipient.country_name)] = say_plain(
                lang, "hb.training.abroad", name=recipient.name, country=recipient.country_name)
    for transfer in base["transfers"]:
        if not in_eu_eea(transfer.country):
            places[(transfer.recipient.name, transfer.country_name)] = say_plain(
                lang, "hb.training.abroad", name=transfer.recipient.name,
                country=transfer.country_name)
    return list(places.values())


def questions(view: HandbookView, routines: list[Routine]) -> list[Question]:
    lang, base, description = view.lang, view.base, view.description
    system = description.record_system.name
    by_right = {routine.right: routine for routine in routines}
    rows = list(view.rows.values())
    special = [row for row in rows if row.special]
    company = [row for row in rows if row.holder == "company"]
    cases = [row for row in rows if row.holder == "case"]
    asked: list[Question] = []

    if special:
        asked.append(Question("health_document", "answer_some", items=tuple(
            say_plain(lang, "hb.never.allowed", data=quoted(lang, row.label),
                      purposes=titles(lang, row.purposes))
            for row in special if row.purposes)))
    else:
        asked.append(Question("health_document", "answer_none", {"system": system}))
    asked.append(Question("deadline", values={"contact": base["requests_contact"]}))
    where = (company or cases or rows)[0]
    asked.append(Question("where", f"answer_{where.holder}",
                          {"data": quoted(lang, where.label), "system": system}))
    erasure = by_right.get(Right.erasure.value)
    kept = view.kept_groups()
    if kept:
        asked.append(Question("erasure", "answer_kept",
                              items=tuple(kept_group_text(lang, group) for group in kept)))
    else:
        asked.append(Question("erasure", "answer_nothing_kept",
                              items=tuple(ref.title for ref in (erasure.purposes if erasure else ()))))
    asked.append(Question("password", values={"system": system}))
    asked.append(Question("caller", values={"contact": base["requests_contact"]}))
    abroad = abroad_names(view)
    if abroad:
        asked.append(Question("abroad", "answer_some", {"where": join(lang, abroad)}))
    else:
        asked.append(Question("abroad", "answer_none"))
    objection = by_right.get(Right.objection.value)
    if objection and objection.marketing:
        asked.append(Question("marketing", values={"purposes": titles(lang, objection.marketing)}))
    elif objection and objection.balancing:
        asked.append(Question("objection", values={"purpose": quoted(lang, objection.balancing[0].title),
                                                   "who": escalation(view)}))
    withdraw = by_right.get(Right.withdraw_consent.value)
    spoken = [c for c in withdraw.consents if c.channel != "web"] if withdraw else []
    if spoken:
        asked.append(Question("spoken_consent", values={"purpose": quoted(lang, spoken[0].purpose.title)}))
    if withdraw and withdraw.consents:
        first = withdraw.consents[0]
        if first.only_data:
            asked.append(Question("withdraw", "answer_delete", {
                "purpose": quoted(lang, first.purpose.title),
                "data": quoted_list(lang, list(first.only_data))}))
        else:
            asked.append(Question("withdraw", "answer_keep", {"purpose": quoted(lang, first.purpose.title)},
                                  items=tuple(ref.title for ref in first.other_purposes)))
    asked.append(Question("why_data"))
    if view.has_contact_persons() and view.rows_held_by("contact"):
        asked.append(Question("contact_leaves", "answer_company" if company else "answer",
                              {"system": system,
                               "company": quoted_list(lang, [r.label for r in company])}))
    example = (cases or rows)[0]
    asked.append(Question("retention", values={"data": quoted(lang, example.label)},
                          items=(deletion_text(lang, example),)))
    asked.append(Question("unsure", values={"who": escalation(view)}))
    portability = by_right.get(Right.portability.value)
    if portability and portability.portable:
        asked.append(Question("portability", values={"system": system},
                              items=tuple(capfirst(row.label) for row in portability.portable)))
    explicit = [p for p in base["purposes"] if p.special_condition == "explicit_consent"]
    if explicit:
        asked.append(Question("explicit_consent", values={
            "data": quoted_list(lang, list(explicit[0].special_data) or list(explicit[0].data)),
            "purpose": quoted(lang, explicit[0].title)}))
    if description.on_behalf_of_customers is not None:
        asked.append(Question("on_behalf"))
    return asked
