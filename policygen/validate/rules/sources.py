"""G6xx: data from elsewhere than the person (Art. 14)."""

from __future__ import annotations

from collections.abc import Iterator

from policygen.model.facts import is_indirect
from policygen.lang.messages import _
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule


@rule("G601", "source.detail_missing", severity="error", article="14(2)(f)")
def source_detail_missing(ctx: Context) -> Iterator[Hit]:
    """Data from another source than the person does not say where it came from.

    Why: when you get data from elsewhere (an employer, a public register) the person must be
    told the source, and whether it is public (Art. 14(2)(f)).

    Fix: Add `source_detail:` naming the source ("Bolagsverket's company register, which is
    public"; "your employer, when they name you as a contact").
    """
    for i, item in enumerate(ctx.description.data):
        if is_indirect(item) and item.source_detail is None:
            yield Hit(key=f"data[{i}].source_detail",
                      message=_("data `{id}` comes from `{source}` but does not say from where").format(
                                  id=item.id, source=item.source.value),
                      hint=_("add `source_detail:` naming the source, and whether it is public"))
