"""G7xx: transfers to third countries (Art. 13(1)(f), 14(1)(f), 44–49).

Whether a country is inside the EU/EEA or has an adequacy decision comes from
:mod:`policygen.data.countries` (dated and cited there).
"""

from __future__ import annotations

from collections.abc import Iterator

from policygen.data.countries import adequacy, in_eu_eea
from policygen.model.description import Certification, Safeguard, Transfer
from policygen.lang.messages import _, ngettext
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule

_NEEDS_COPY = {Safeguard.standard_contractual_clauses, Safeguard.binding_corporate_rules}
_DPF_COUNTRY = "US"  # the Data Privacy Framework certifies US organisations only (2023/1795)


@rule("G701", "transfer.missing", severity="error", article="13(1)(f)", article_14="14(1)(f)")
def transfer_missing(ctx: Context) -> Iterator[Hit]:
    """A recipient outside the EU/EEA has no transfer entry.

    Why: sending data to a third country is a transfer (Art. 44). The notice must say so and
    name the adequacy decision or the safeguard (Art. 13(1)(f); Art. 14(1)(f) for data from
    elsewhere).

    Fix: Add an entry to `transfers:` with the recipient, the country and the safeguard.
    """
    for i, recipient in ctx.abroad_without_transfer():
        yield Hit(key=f"recipients[{i}].country",
                  message=_("recipient `{id}` is in {country}, outside the EU/EEA, but there is no "
                            "transfer entry for it").format(id=recipient.id, country=recipient.country),
                  hint=_("add to `transfers:` an entry with `recipient: {id}`, `country: {country}` and "
                         "`safeguard:`").format(id=recipient.id, country=recipient.country),
                  indirect=ctx.recipient_gets_indirect(recipient.id))


@rule("G702", "transfer.record_system_missing", severity="error", article="13(1)(f)",
      article_14="14(1)(f)")
def transfer_record_system_missing(ctx: Context) -> Iterator[Hit]:
    """The record system is outside the EU/EEA and no transfer goes to its country.

    Why: every piece of customer data is kept in the record system, so keeping it in a third
    country transfers all of it (Art. 44). The notice must name the safeguard (Art. 13(1)(f)).

    Fix: Add the provider of the record system to `recipients:` and a `transfers:` entry for
    its country, or keep the data inside the EU/EEA.
    """
    system = ctx.description.record_system
    if in_eu_eea(system.country):
        return
    if any(t.country == system.country for t in ctx.description.transfers):
        return
    yield Hit(key="record_system.country",
              message=_("the record system `{system}` is in {country}, outside the EU/EEA, but no transfer "
                        "goes to {country}").format(system=system.name, country=system.country),
              hint=_("add its provider to `recipients:` and a `transfers:` entry for that country"),
              indirect=ctx.any_indirect())


@rule("G703", "transfer.copy_missing", severity="error", article="13(1)(f)", article_14="14(1)(f)")
def transfer_copy_missing(ctx: Context) -> Iterator[Hit]:
    """A transfer under a safeguard does not say how to get a copy of it.

    Why: for transfers under Art. 46 or 47 safeguards (standard contractual clauses, binding
    corporate rules) the notice must say how to get a copy, or where it is available
    (Art. 13(1)(f)).

    Fix: Add `copy:` to the transfer, for example "Write to us and we send you a copy".
    """
    for i, transfer in enumerate(ctx.description.transfers):
        if transfer.safeguard not in _NEEDS_COPY or in_eu_eea(transfer.country):
            continue
        if transfer.copy_ is None:
            yield Hit(key=f"transfers[{i}].copy",
                      message=_("the transfer to `{recipient}` in {country} does not say how to get a copy "
                                "of the safeguard").format(
                                  recipient=transfer.recipient, country=transfer.country),
                      hint=_("add `copy:` saying how to get a copy, or where it is published"),
                      indirect=ctx.recipient_gets_indirect(transfer.recipient))


@rule("G704", "transfer.no_adequacy_decision", severity="error", article="45")
def transfer_no_adequacy_decision(ctx: Context) -> Iterator[Hit]:
    """A transfer claims an adequacy decision that does not exist.

    Why: only the countries the European Commission has found adequate (Art. 45) can receive
    data without a further safeguard. Any other country needs an Art. 46 safeguard or, for
    occasional transfers, an Art. 49 derogation.

    Fix: Use `safeguard: standard_contractual_clauses` (with `copy:`) or another safeguard.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        if transfer.safeguard is not Safeguard.adequacy or in_eu_eea(transfer.country):
            continue
        if adequacy(transfer.country) is None:
            yield Hit(key=f"transfers[{i}].safeguard",
                      message=_("{country} has no EU adequacy decision").format(country=transfer.country),
                      hint=_("use `safeguard: standard_contractual_clauses` and add `copy:`"))


@rule("G705", "transfer.adequacy_needs_certification", severity="warning", article="45")
def transfer_adequacy_needs_certification(ctx: Context) -> Iterator[Hit]:
    """A transfer relies on an adequacy decision that covers only some recipients.

    Why: the EU–US Data Privacy Framework decision (Implementing Decision (EU) 2023/1795)
    covers only organisations certified under the framework. For any other US recipient the
    transfer needs an Art. 46 safeguard.

    Fix: Confirm the recipient is on the Data Privacy Framework List, and say so with
    `certification: dpf` on the transfer; otherwise use standard contractual clauses.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        decision = adequacy(transfer.country)
        if (transfer.safeguard is Safeguard.adequacy and decision is not None and decision.conditional
                and not _certified_for(transfer)):
            yield Hit(key=f"transfers[{i}].safeguard",
                      message=_("the adequacy decision for {country} covers only {scope}: confirm that "
                                "`{recipient}` is one").format(country=transfer.country, scope=_(decision.scope),
                                                               recipient=transfer.recipient),
                      hint=_("if it is on the Data Privacy Framework List, add `certification: dpf` to the "
                           "transfer; if not, use standard contractual clauses"))


def _certified_for(transfer: Transfer) -> bool:
    """Whether the transfer names the certification its country's adequacy decision relies on."""
    return transfer.certification is Certification.dpf and transfer.country == _DPF_COUNTRY


@rule("G706", "transfer.inside_eea", severity="info", article="44")
def transfer_inside_eea(ctx: Context) -> Iterator[Hit]:
    """A transfer entry names a country inside the EU/EEA.

    Why: data that stays in the EU/EEA is not transferred to a third country (Art. 44), so
    the policy would tell people about a transfer that does not happen.

    Fix: Remove the entry, or correct the country.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        if in_eu_eea(transfer.country):
            yield Hit(key=f"transfers[{i}].country",
                      message=_("{country} is inside the EU/EEA: this is not a "
                                "transfer to a third country").format(
                                  country=transfer.country),
                      hint=_("remove the entry from `transfers:`, or correct the country"))


@rule("G707", "transfer.country_mismatch", severity="warning", article="13(1)(f)",
      article_14="14(1)(f)")
def transfer_country_mismatch(ctx: Context) -> Iterator[Hit]:
    """A transfer's country differs from its recipient's country.

    Why: the reader must learn where their data goes. If the recipient passes data on to
    another country (a sub-processor), say so in the recipient's description; if it is a
    typing error, the policy names the wrong country.

    Fix: Make `country` the same in the recipient and the transfer, or explain the onward
    transfer in the recipient's description.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        recipient = ctx.recipients_by_id.get(transfer.recipient)
        if recipient is None or recipient.country == transfer.country:
            continue
        yield Hit(key=f"transfers[{i}].country",
                  message=_("the transfer to `{id}` names {country}, but "
                            "the recipient is in {country2}").format(
                              id=recipient.id, country=transfer.country, country2=recipient.country),
                  hint=_("use the same country, or explain the onward transfer in the recipient's "
                         "description"),
                  indirect=ctx.recipient_gets_indirect(recipient.id))


@rule("G708", "transfer.derogation_routine", severity="warning", article="49")
def transfer_derogation_routine(ctx: Context) -> Iterator[Hit]:
    """A regular transfer relies on an Art. 49 derogation.

    Why: derogations (explicit consent to the transfer, a contract with the person, legal
    claims …) are exceptions for occasional, non-repetitive transfers (Art. 49; EDPB
    Guidelines 2/2018). A recipient that a purpose uses every day receives data routinely.

    Fix: Use an Art. 46 safeguard such as standard contractual clauses, with `copy:`.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        if transfer.safeguard is not Safeguard.derogation or in_eu_eea(transfer.country):
            continue
        users = ctx.purposes_using(transfer.recipient)
        if users:
            purposes = ", ".join(f"`{purpose.id}`" for _, purpose in users)
            yield Hit(key=f"transfers[{i}].safeguard",
                      message=ngettext(
                          "the transfer to `{recipient}` is part of purpose {purposes} but relies on a derogation, "
                          "which is only for occasional transfers",
                          "the transfer to `{recipient}` is part of purposes {purposes} but relies on a derogation, "
                          "which is only for occasional transfers",
                          len(users)).format(recipient=transfer.recipient, purposes=purposes),
                      hint=_("use `safeguard: standard_contractual_clauses` and add `copy:`"))


@rule("G709", "transfer.certification_not_us", severity="error", article="45")
def transfer_certification_not_us(ctx: Context) -> Iterator[Hit]:
    """A transfer names the Data Privacy Framework for a country other than the United States.

    Why: the EU–US Data Privacy Framework (Implementing Decision (EU) 2023/1795) certifies US
    organisations only. A recipient elsewhere cannot be certified under it, so the policy would
    name a protection the transfer does not have (Art. 13(1)(f)).

    Fix: Remove `certification: dpf`, or correct `country:` if the recipient is in the United
    States.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        if transfer.certification is Certification.dpf and transfer.country != _DPF_COUNTRY:
            yield Hit(key=f"transfers[{i}].certification",
                      message=_("the transfer to `{recipient}` names the EU-US Data Privacy Framework, "
                                "which covers only US organisations, but goes to {country}").format(
                                  recipient=transfer.recipient, country=transfer.country),
                      hint=_("remove `certification: dpf`, or correct `country:`"))


@rule("G710", "transfer.certification_without_adequacy", severity="warning", article="45")
def transfer_certification_without_adequacy(ctx: Context) -> Iterator[Hit]:
    """A transfer names the Data Privacy Framework but relies on another safeguard.

    Why: certification under the Data Privacy Framework matters because the adequacy decision
    (Art. 45) covers certified organisations. A transfer that relies on standard contractual
    clauses, binding corporate rules or a derogation rests on that ground instead, and the
    policy must name the ground the transfer really uses (Art. 13(1)(f)).

    Fix: If you rely on the certification, set `safeguard: adequacy`; if you rely on the other
    safeguard, remove `certification: dpf`.
    """
    for i, transfer in enumerate(ctx.description.transfers):
        if (transfer.certification is Certification.dpf and transfer.country == _DPF_COUNTRY
                and transfer.safeguard is not Safeguard.adequacy):
            yield Hit(key=f"transfers[{i}].certification",
                      message=_("the transfer to `{recipient}` names the Data Privacy Framework but relies "
                                "on `{safeguard}`").format(
                                  recipient=transfer.recipient, safeguard=transfer.safeguard.value),
                      hint=_("set `safeguard: adequacy` if you rely on the certification; "
                           "otherwise remove `certification: dpf`"))
