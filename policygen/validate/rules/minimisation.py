"""G5xx: data minimisation (Art. 5(1)(c)): every piece of data has a purpose, every purpose data."""

from __future__ import annotations

from collections.abc import Iterator

from policygen.lang.messages import _
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule


@rule("G501", "data.unused", severity="error", article="5(1)(c)")
def data_unused(ctx: Context) -> Iterator[Hit]:
    """A kind of data is recorded but no purpose uses it.

    Why: data must be adequate, relevant and limited to what the purposes need (Art. 5(1)(c)).
    Data without a purpose has no legal basis either, and the policy cannot explain it.

    Fix: Add the data's id to the `data:` list of the purpose that needs it, or stop recording
    it and remove it from `data:`.
    """
    used = {data_id for _, purpose in ctx.purposes() for data_id in purpose.data}
    for i, item in enumerate(ctx.description.data):
        if item.id not in used:
            yield Hit(key=f"data[{i}]",
                      message=_("data `{id}` is recorded but no purpose uses it").format(id=item.id),
                      hint=_("add it to a purpose's `data:` list, or stop recording it"))


@rule("G502", "purpose.no_data", severity="error", article="5(1)(c)")
def purpose_no_data(ctx: Context) -> Iterator[Hit]:
    """A purpose lists no data.

    Why: the notice must tell people which data each purpose uses (Art. 5(1)(c) limits the data
    to the purpose; Art. 14(1)(d) asks for the categories). A purpose with no data explains
    nothing.

    Fix: List the data the purpose uses in `data:`, or remove the purpose.
    """
    for i, purpose in ctx.purposes():
        if not purpose.data:
            yield Hit(key=f"purposes[{i}].data",
                      message=_("purpose `{id}` uses no data").format(id=purpose.id),
                      hint=_("list the ids of the data it uses in `data:`, or remove the purpose"))


@rule("G503", "recipient.unused", severity="warning", article="13(1)(e)", article_14="14(1)(e)")
def recipient_unused(ctx: Context) -> Iterator[Hit]:
    """A recipient is listed but no purpose sends data to it.

    Why: the notice must say who receives data (Art. 13(1)(e)); a recipient with no purpose
    leaves the reader unable to tell which data it gets, or why.

    Fix: Add the recipient's id to the `recipients:` list of the purposes that use it, or
    remove it.
    """
    used = {rid for _, purpose in ctx.purposes() for rid in purpose.recipients}
    for i, recipient in enumerate(ctx.description.recipients):
        if recipient.id not in used:
            yield Hit(key=f"recipients[{i}]",
                      message=_("recipient `{id}` is listed but no purpose sends data to it").format(
                                  id=recipient.id),
                      hint=_("add it to the `recipients:` of the purposes that use it, or remove it"))
