"""Records of processing activities (Art. 30(1)): ``register.csv`` and ``register.md``.

One row per purpose, with what Art. 30(1) asks of a controller: (a) the controller and the data
protection officer, (b) the purpose, with its legal basis, (c) the groups of people and the kinds
of data, (d) the recipients, (e) transfers to third countries and their safeguards, (f) the
retention, (g) the security measures the description names (``security``). The texts are those of
the first built language; the CSV's column names are fixed (docs/handbook.md), the Markdown is
the same register for reading, checked by ``policygen check`` like every document.
"""

from __future__ import annotations

from typing import Any

from policygen.data.countries import in_eu_eea
from policygen.render.handbook.tables import to_csv
from policygen.render.handbook.words import join, retention_text, say_plain

CSV_COLUMNS = ("purpose_id", "purpose", "controller", "controller_contact", "dpo", "legal_basis",
               "legal_basis_detail", "data_subjects", "data_categories", "special_categories",
               "recipients", "transfers", "retention", "sources", "security")
"""The columns of ``register.csv``, in order; Art. 30(1)(a)–(g) in docs/handbook.md."""


def register_rows(context: dict[str, Any]) -> list[dict[str, Any]]:
    """One mapping per purpose, column → text, from the handbook context of one language.

    Besides the CSV columns, ``lists`` holds the same facts as lists for ``register.md``: the
    data, the sources (grouped by where the data comes from), the recipients and the transfers.
    """
    lang = context["lang"]
    controller = context["controller"]
    contact = "; ".join(part for part in (controller.address, controller.email, controller.phone)
                        if part)
    dpo = context["dpo"]
    dpo_text = "" if dpo is None else "; ".join(part for part in (dpo.name, dpo.email, dpo.phone)
                                                 if part)
    transfers = {t.recipient.id: t for t in context["transfers"]}
    rows = []
    for item in context["handbook_purposes"]:
        purpose = item.view
        detail = purpose.legitimate_interest or purpose.legal_obligation or ""
        rows.append({
            "purpose_id": purpose.id,
            "purpose": purpose.title,
            "controller": controller.name,
            "controller_contact": contact,
            "dpo": dpo_text,
            "legal_basis": say_plain(lang, f"hb.register.basis.{purpose.legal_basis}"),
            "legal_basis_detail": detail,
            "data_subjects": join(lang, list(item.subjects)),
            "data_categories": join(lang, list(purpose.data)),
            "special_categories": "" if not purpose.special_data else say_plain(
                lang, "hb.register.special", data=join(lang, list(purpose.special_data)),
                condition=say_plain(lang, f"hb.register.conditions.{purpose.special_condition}")
                if purpose.special_condition else say_plain(lang, "hb.register.no_condition")),
            "recipients": "; ".join(say_plain(lang, "hb.register.recipient", name=r.name,
                                              role=say_plain(lang, f"hb.register.roles.{r.role}"),
                                              country=r.country_name)
                                    for r in purpose.recipients),
            "transfers": "; ".join(_transfer(lang, transfers[r.id]) for r in purpose.recipients
                                   if r.id in transfers and not in_eu_eea(transfers[r.id].country)),
            "retention": retention_text(lang, purpose.retention),
            "sources": "; ".join(say_plain(lang, "hb.register.source", data=join(lang, group["data"]),
                                           source=group["source"])
                                 for group in _sources(lang, item.indirect)),
            "lists": {
                "data": list(purpose.data),
                "sources": _sources(lang, item.indirect),
                "recipients": [say_plain(lang, "hb.register.recipient", name=r.name,
                                         role=say_plain(lang, f"hb.register.roles.{r.role}"),
                                         country=r.country_name) for r in purpose.recipients],
                "transfers": [_transfer(lang, transfers[r.id]) for r in purpose.recipients
                              if r.id in transfers and not in_eu_eea(transfers[r.id].country)],
            },
            "security": context["description"].security[lang]
            if context["description"].security is not None else "",
        })
    return rows


def _sources(lang: str, rows: Any) -> list[dict[str, Any]]:
    """Data from elsewhere grouped by its source: [{"source": text, "data": [labels]}]."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        source = row.source_detail or say_plain(lang, f"hb.register.sources.{row.source}")
        groups.setdefault(source, []).append(row.label)
    return [{"source": source, "data": data} for source, data in groups.items()]


def _transfer(lang: str, transfer: Any) -> str:
    if transfer.safeguard == "adequacy":
        safeguard = say_plain(lang, "hb.register.adequacy",
                              decision=transfer.decision or say_plain(lang, "hb.register.no_decision"))
        if transfer.conditional:
            safeguard = say_plain(lang, "hb.register.dpf", safeguard=safeguard,
                                  name=transfer.recipient.name)
    else:
        safeguard = say_plain(lang, f"hb.register.safeguards.{transfer.safeguard}")
    return say_plain(lang, "hb.register.transfer", name=transfer.recipient.name,
                     country=transfer.country_name, safeguard=safeguard)


def register_csv(rows: list[dict[str, str]]) -> bytes:
    return to_csv(CSV_COLUMNS, ([row[column] for column in CSV_COLUMNS] for row in rows))
