"""G1xx: the legal basis of each purpose (Art. 6) and what the notice must say about it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygen.model.description import LegalBasis, Source
from policygen.lang.messages import _
from policygen.validate.context import Context, joined
from policygen.validate.registry import Hit, rule

_NAMES_A_LAW = re.compile(
    r"\blag\b|lagen\b|lag\s|\w+lag(en)?\b|förordning|föreskrift|balken?\b|\bsfs\b|\d{4}:\d+"
    r"|\bact\b|\blaw\b|\bregulation\b|\bdirective\b|\bcode\b|\bstatute\b|\d{4}/\d+"
)
_NECESSARY = re.compile(
    r"krävs|måste|nödvändig|behöver vi|vi behöver|\brequired\b|\bmust\b|\bnecessary\b|\bwe need\b"
)
_VOLUNTARY = re.compile(r"frivillig|valfri|ditt val|\boptional\b|\bvoluntary\b|your choice|free to")


@rule("G101", "legitimate_interest.missing", severity="error",
      article="13(1)(d)", article_14="14(2)(b)")
def legitimate_interest_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose on legitimate interests does not say what the interest is.

    Why: when the basis is Art. 6(1)(f) the notice must name the legitimate interests pursued
    (Art. 13(1)(d); Art. 14(2)(b) for data from elsewhere). Without it the reader cannot judge
    the balance or decide whether to object.

    Fix: Add `legitimate_interest` to the purpose: one or two plain sentences about what you
    want to achieve and why it matters to you.
    """
    for i, purpose in ctx.purposes():
        if "legitimate_interest" in ctx.missing(purpose):
            yield Hit(
                key=f"purposes[{i}].legitimate_interest",
                message=_("purpose `{id}` rests on legitimate interests "
                          "but does not state the interest").format(
                            id=purpose.id),
                hint=_("add `legitimate_interest:` with the interest you pursue, in every language"),
                indirect=ctx.uses_indirect(purpose),
            )


@rule("G102", "legal_obligation.missing", severity="error", article="6(1)(c)")
def legal_obligation_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose on a legal obligation does not name the law.

    Why: Art. 6(1)(c) only applies to an obligation laid down by Union or Member State law
    (Art. 6(3)). The reader must be able to see which law obliges you.

    Fix: Add `legal_obligation` naming the law (for example "bokföringslagen (1999:1078)") and
    what it requires of you.
    """
    for i, purpose in ctx.purposes():
        if "legal_obligation" in ctx.missing(purpose):
            yield Hit(
                key=f"purposes[{i}].legal_obligation",
                message=_("purpose `{id}` rests on a legal obligation but does not name the law").format(
                            id=purpose.id),
                hint=_("add `legal_obligation:` naming the law and what it requires"),
            )


@rule("G103", "legal_obligation.law_not_named", severity="warning", article="6(1)(c)")
def legal_obligation_law_not_named(ctx: Context) -> Iterator[Hit]:
    """The legal obligation text does not seem to name a law.

    Why: "we must by law" tells the reader nothing they can check. Art. 6(3) asks for a basis
    in Union or Member State law, so name it.

    Fix: Name the act and, for Swedish law, its SFS number: "bokföringslagen (1999:1078)".
    """
    for i, purpose in ctx.purposes():
        text = purpose.legal_obligation
        if purpose.legal_basis is LegalBasis.legal_obligation and text is not None:
            if not _NAMES_A_LAW.search(joined(text)):
                yield Hit(
                    key=f"purposes[{i}].legal_obligation",
                    message=_("the legal obligation of purpose `{id}` names no law").format(id=purpose.id),
                    hint=_('name the law, for example "bokföringslagen '
                           '(1999:1078)" / "the Swedish Bookkeeping Act"'),
                )


@rule("G104", "consent.conditional", severity="warning", article="7(4)")
def consent_conditional(ctx: Context) -> Iterator[Hit]:
    """A purpose on consent says that the data is required.

    Why: consent is not freely given when the service depends on it (Art. 7(4), Recital 43).
    If you need the data to deliver what the person asked for, the basis is the contract
    (Art. 6(1)(b)), not consent; asking for consent you cannot do without misleads the person.

    Fix: If the data is needed for the contract, change `legal_basis` to `contract`; otherwise
    say in `requirement` that giving the data is voluntary.
    """
    for i, purpose in ctx.purposes():
        text = joined(purpose.requirement)
        if purpose.legal_basis is LegalBasis.consent and _NECESSARY.search(text) and not _VOLUNTARY.search(text):
            yield Hit(
                key=f"purposes[{i}].requirement",
                message=_("purpose `{id}` asks for consent but says the data is required").format(
                            id=purpose.id),
                hint=_("use `legal_basis: contract` when the service needs the data; consent must be "
                       "voluntary"),
            )


@rule("G105", "public_task.law_not_named", severity="warning", article="6(3)")
def public_task_law_not_named(ctx: Context) -> Iterator[Hit]:
    """A purpose on a public task does not name the law that lays down the task.

    Why: Art. 6(1)(e) needs a task laid down by Union or Member State law (Art. 6(3)). A
    company rarely has one; when it does, the reader should see which law gives it.

    Fix: Name the law in `legal_obligation`, or choose the basis that really applies.
    """
    for i, purpose in ctx.purposes():
        if purpose.legal_basis is LegalBasis.public_task and purpose.legal_obligation is None:
            yield Hit(
                key=f"purposes[{i}].legal_obligation",
                message=_("purpose `{id}` rests on a public task but names no law that lays it down").format(
                            id=purpose.id),
                hint=_("name the law in `legal_obligation:`, or choose another legal basis"),
            )


@rule("G106", "contract.with_someone_else", severity="warning", article="6(1)(b)")
def contract_with_someone_else(ctx: Context) -> Iterator[Hit]:
    """A purpose on contract uses data about people an employer named.

    Why: Art. 6(1)(b) covers only a contract to which the person is party. Contact persons
    named by their employer (your customer) are not party to your contract with the company;
    the usual basis is legitimate interests (Art. 6(1)(f)), with the interest stated.

    Fix: Change `legal_basis` to `legitimate_interests` and add `legitimate_interest`, or split
    the purpose so the contract basis only covers people who are themselves your customers.
    """
    for i, purpose in ctx.purposes():
        if purpose.legal_basis is not LegalBasis.contract:
            continue
        if any(item.source is Source.employer for item in ctx.data_of(purpose)):
            yield Hit(
                key=f"purposes[{i}].legal_basis",
                message=_("purpose `{id}` rests on a contract but uses data an employer gave you").format(
                            id=purpose.id),
                hint=_("the people an employer names are not party to your contract; consider legitimate "
                       "interests"),
            )
