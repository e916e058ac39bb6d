"""G4xx: how long data is kept (Art. 13(2)(a), Art. 14(2)(a)) and erasure on withdrawal (Art. 17)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygen.model.description import LegalBasis
from policygen.lang.messages import _
from policygen.validate.context import Context, joined
from policygen.validate.registry import Hit, rule


@rule("G401", "retention.missing", severity="error", article="13(2)(a)", article_14="14(2)(a)")
def retention_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose does not say how long the data is kept.

    Why: the notice must give the period for which the data is stored or, when that is not
    possible, the criteria used to decide it (Art. 13(2)(a); Art. 14(2)(a) for data from
    elsewhere). Keeping data "as long as needed" is neither.

    Fix: Add `retention:` with `period:` and `after:` ("24 months" after "the case is closed"),
    or `criteria:` when no fixed period is possible.
    """
    for i, purpose in ctx.purposes():
        if "retention" not in ctx.missing(purpose):
            continue
        yield Hit(key=f"purposes[{i}].retention",
                  message=_("purpose `{id}` does not say how long the data is kept").format(id=purpose.id),
                  hint=_('add `retention:` with `period: 24 months` and `after:`, or `criteria:`'),
                  indirect=ctx.uses_indirect(purpose))



_WITHDRAWAL = re.compile(r"återkall|samtycke|withdraw|consent")


@rule("G402", "retention.consent_fixed_period", severity="info", article="17(1)(b)")
def retention_consent_fixed_period(ctx: Context) -> Iterator[Hit]:
    """A purpose on consent keeps data for a fixed period without mentioning withdrawal.

    Why: when a person withdraws consent, data kept only on that consent must be erased
    (Art. 17(1)(b)). A fixed period alone suggests you keep it until the period ends.

    Fix: Use `criteria:` ("until you withdraw your consent"), or mention withdrawal in `after:`.
    """
    for i, purpose in ctx.purposes():
        retention = purpose.retention
        if purpose.legal_basis is not LegalBasis.consent or retention is None or retention.period is None:
            continue
        if _WITHDRAWAL.search(joined(retention.after)):
            continue
        yield Hit(key=f"purposes[{i}].retention",
                  message=_("purpose `{id}` rests on consent but its retention period does not say that "
                            "you delete the data when consent is withdrawn").format(id=purpose.id),
                  hint=_('use `criteria: "until you withdraw your consent"`, '
                         'or mention withdrawal in `after:`'))
