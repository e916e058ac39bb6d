"""G3xx: special categories of personal data (Art. 9) and automated decisions on them (Art. 22(4))."""

from __future__ import annotations

from collections.abc import Iterator

from policygen.model.description import LegalBasis, SpecialCondition
from policygen.lang.messages import _
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule

_ALLOWED_FOR_AUTOMATED = {SpecialCondition.explicit_consent, SpecialCondition.substantial_public_interest}


def _names(items: list) -> str:
    return ", ".join(f"`{item.id}`" for item in items)


@rule("G301", "special.no_condition", severity="error", article="9")
def special_no_condition(ctx: Context) -> Iterator[Hit]:
    """A purpose uses special-category data without an Art. 9(2) condition.

    Why: processing health data, union membership, religion and the other special categories
    is forbidden (Art. 9(1)) unless one of the conditions of Art. 9(2) applies, in addition to
    the legal basis of Art. 6.

    Fix: Set `special_condition` on the purpose (for example `explicit_consent` with a consent
    request, or `legal_claims`), or stop using the special data for this purpose.
    """
    for i, purpose in ctx.purposes():
        special = ctx.special_data(purpose)
        if "special_condition" not in ctx.missing(purpose):
            continue
        if purpose.legal_basis in (LegalBasis.consent, LegalBasis.legitimate_interests):
            continue  # G204 and G302 say it more precisely
        yield Hit(key=f"purposes[{i}].special_condition",
                  message=_("purpose `{id}` uses special data ({names}) "
                            "without an Art. 9(2) condition").format(
                              id=purpose.id, names=_names(special)),
                  hint=_("add `special_condition:` (explicit_consent, legal_claims, …) or remove the "
                         "special data"))


@rule("G302", "special.legitimate_interests", severity="error", article="9")
def special_legitimate_interests(ctx: Context) -> Iterator[Hit]:
    """A purpose uses special-category data on legitimate interests alone.

    Why: a legitimate interest (Art. 6(1)(f)) never lifts the ban of Art. 9(1). Health
    information that people write in their cases, for example, needs its own Art. 9(2)
    condition.

    Fix: Add an Art. 9(2) condition (`explicit_consent` with a consent request, or
    `legal_claims` when you keep it to defend a claim), or stop using the special data.
    """
    for i, purpose in ctx.purposes():
        special = ctx.special_data(purpose)
        if purpose.legal_basis is LegalBasis.legitimate_interests \
                and "special_condition" in ctx.missing(purpose):
            yield Hit(key=f"purposes[{i}].special_condition",
                      message=_("purpose `{id}` uses special data ({names}) on legitimate interests, which "
                                "does not lift the Art. 9 ban").format(id=purpose.id, names=_names(special)),
                      hint=_("add `special_condition:` (explicit_consent, legal_claims, …) or remove the "
                             "special data"))


@rule("G303", "special.condition_without_special_data", severity="warning", article="9")
def special_condition_without_special_data(ctx: Context) -> Iterator[Hit]:
    """A purpose names an Art. 9(2) condition but uses no data marked special.

    Why: either a data item is special and not marked (`special: true`), so the policy does
    not say so, or the condition is left over and tells the reader something untrue.

    Fix: Mark the special data item with `special: true`, or remove `special_condition`.
    """
    for i, purpose in ctx.purposes():
        if purpose.special_condition is not None and not ctx.special_data(purpose):
            yield Hit(key=f"purposes[{i}].special_condition",
                      message=_("purpose `{id}` names an Art. 9(2) condition "
                                "but uses no special data").format(
                                  id=purpose.id),
                      hint=_("mark the special data item `special: true`, or remove `special_condition:`"))


@rule("G304", "special.automated_decision", severity="warning", article="22(4)")
def special_automated_decision(ctx: Context) -> Iterator[Hit]:
    """Automated decisions exist while special data is used without explicit consent.

    Why: an automated decision or profiling may only rest on special data with explicit
    consent (Art. 9(2)(a)) or a substantial public interest (Art. 9(2)(g)), and suitable
    safeguards (Art. 22(4)). The description does not link decisions to data, so check it.

    Fix: Make sure the automated decision does not use the special data, or base that use on
    explicit consent and describe the safeguards.
    """
    if not ctx.description.automated_decisions:
        return
    risky = [
        item
        for _, purpose in ctx.purposes()
        if purpose.special_condition not in _ALLOWED_FOR_AUTOMATED
        for item in ctx.special_data(purpose)
    ]
    if risky:
        unique = list({item.id: item for item in risky}.values())
        yield Hit(key="automated_decisions[0]",
                  message=_("automated decisions and special data ({names}) without explicit consent: "
                            "confirm the decisions do not use the special data").format(names=_names(unique)),
                  hint=_("Art. 22(4) allows automated decisions on special data only with explicit consent "
                       "or a substantial public interest, and safeguards"))
