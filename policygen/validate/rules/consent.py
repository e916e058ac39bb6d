"""G2xx: consent requests (Art. 7) and explicit consent for special data (Art. 9(2)(a))."""

from __future__ import annotations

from collections.abc import Iterator

from policygen.model.description import LegalBasis, SpecialCondition
from policygen.model.facts import consent_gap, needs_consent
from policygen.lang.messages import _
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule


@rule("G201", "consent.statement_missing", severity="error", article="7(2)")
def consent_statement_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose on consent has no consent statement.

    Why: the person must be asked in clear and plain language, apart from other matters
    (Art. 7(2)), and you must be able to show what they agreed to (Art. 7(1)). The statement is
    the text beside the unticked box of the consent form.

    Fix: Add `consent.statement` to the purpose: one sentence, in the first person, that says
    what the person agrees to ("Yes, send me the newsletter once a month").
    """
    return _consent_part_missing(ctx, "statement", _("purpose `{id}` rests on consent but has no consent statement"),
                                 _("add `statement:` with the sentence shown beside the box"))


@rule("G202", "consent.withdraw_missing", severity="error", article="7(3)")
def consent_withdraw_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose on consent does not say how to withdraw it.

    Why: the person must be told before they consent that they can withdraw at any time, and
    withdrawing must be as easy as giving consent (Art. 7(3), Art. 13(2)(c)).

    Fix: Add `consent.withdraw`: how to withdraw, as easy as giving (a link in every e-mail, a
    reply, the same form).
    """
    return _consent_part_missing(ctx, "withdraw",
                                 _("purpose `{id}` rests on consent but does not say how to withdraw it"),
                                 _("add `withdraw:` saying how to withdraw, as easily as consent was given"))


def _consent_part_missing(ctx: Context, part: str, message: str, hint: str) -> Iterator[Hit]:
    """Purposes on consent whose request lacks ``part``: at ``consent`` when there is no request."""
    for i, purpose in ctx.purposes():
        if purpose.legal_basis is not LegalBasis.consent:
            continue
        if purpose.consent is None:
            yield Hit(key=f"purposes[{i}].consent", message=message.format(id=purpose.id),
                      hint=_("add `consent:` with `statement:` and `withdraw:`"))
        elif getattr(purpose.consent, part) is None:
            yield Hit(key=f"purposes[{i}].consent.{part}", message=message.format(id=purpose.id), hint=hint)


@rule("G203", "explicit_consent.not_asked", severity="error", article="9(2)(a)")
def explicit_consent_not_asked(ctx: Context) -> Iterator[Hit]:
    """A purpose relies on explicit consent for special data but has no consent request.

    Why: `special_condition: explicit_consent` (Art. 9(2)(a)) only holds if the person made an
    express statement of consent. Without a statement and a way to withdraw, there is nothing
    for them to agree to, and nothing you can show later (Art. 7(1)).

    Fix: Add `consent:` with `statement:` and `withdraw:` to the purpose.
    """
    for i, purpose in ctx.purposes():
        if purpose.legal_basis is LegalBasis.consent:
            continue  # a purpose on consent is covered by G201 and G202
        gap = consent_gap(purpose)
        if gap is None:
            continue
        yield Hit(key=f"purposes[{i}].{gap}",
                  message=_("purpose `{id}` relies on explicit consent but "
                            "has no complete consent request").format(
                              id=purpose.id),
                  hint=_("add `consent:` with `statement:` and `withdraw:`"))


@rule("G204", "consent.special_not_explicit", severity="error", article="9(2)(a)")
def consent_special_not_explicit(ctx: Context) -> Iterator[Hit]:
    """A purpose on consent uses special-category data without explicit consent.

    Why: ordinary consent (Art. 6(1)(a)) does not lift the ban on processing special data in
    Art. 9(1); only explicit consent does (Art. 9(2)(a)), or another Art. 9(2) condition.

    Fix: Set `special_condition: explicit_consent` and make the consent statement name the
    special data ("my health information").
    """
    for i, purpose in ctx.purposes():
        special = ctx.special_data(purpose)
        condition = purpose.special_condition
        if purpose.legal_basis is not LegalBasis.consent or not special \
                or condition is SpecialCondition.explicit_consent:
            continue
        names = ", ".join(f"`{item.id}`" for item in special)
        if condition is None:
            yield Hit(key=f"purposes[{i}].special_condition",
                      message=_("purpose `{id}` asks for consent and uses special data ({names}) but does "
                                "not ask for explicit consent").format(id=purpose.id, names=names),
                      hint=_("add `special_condition: explicit_consent` and name the special data in the "
                             "statement"))
        else:
            yield Hit(key=f"purposes[{i}].special_condition",
                      message=_("purpose `{id}` asks for consent but relies on `{condition}` for the "
                                "special data ({names})").format(
                                  id=purpose.id, condition=condition.value, names=names),
                      hint=_("ask for explicit consent, or rest the purpose on the same ground as the "
                             "special data"),
                      severity="warning")


@rule("G205", "consent.asked_without_consent_basis", severity="warning", article="6(1)")
def consent_asked_without_consent_basis(ctx: Context) -> Iterator[Hit]:
    """A purpose that does not rest on consent still has a consent request.

    Why: asking for consent when you rely on another basis misleads the person: withdrawing it
    would change nothing, which is unfair (Art. 5(1)(a); EDPB Guidelines 05/2020, consent).
    The consent form would show a box that means nothing.

    Fix: Remove `consent:`, or change `legal_basis` to `consent` if you really stop when the
    person says no.
    """
    for i, purpose in ctx.purposes():
        if purpose.consent is None or needs_consent(purpose):
            continue
        yield Hit(key=f"purposes[{i}].consent",
                  message=_("purpose `{id}` rests on `{basis}` but asks for consent").format(
                              id=purpose.id, basis=purpose.legal_basis.value),
                  hint=_("remove `consent:`, or use `legal_basis: consent` if a no really stops the "
                         "processing"))
