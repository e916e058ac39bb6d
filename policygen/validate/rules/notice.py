"""G8xx: what the notice must say in general: requests, requirements, currency (Art. 12, 13(2)(e))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from policygen.lang.messages import _
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule

OLD_AFTER = dt.timedelta(days=2 * 365)


@rule("G801", "requests.contact_missing", severity="error", article="12")
def requests_contact_missing(ctx: Context) -> Iterator[Hit]:
    """The description does not say where people send requests about their rights.

    Why: you must make it easy for people to use their rights (Art. 12(2)) and answer within a
    month (Art. 12(3)); the policy and the support routines need one clear contact.

    Fix: Add `requests: {contact: <e-mail address or page>}`.
    """
    requests = ctx.description.requests
    if requests is None:
        yield Hit(key="requests",
                  message=_("there is no contact for requests about people's rights"),
                  hint=_("add `requests:` with `contact:` (an e-mail address or a web page)"))


@rule("G802", "requirement.missing", severity="error", article="13(2)(e)")
def requirement_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose on contract or legal obligation does not say whether the data is required.

    Why: when you collect data from the person, the notice must say whether giving it is a
    legal or contractual requirement, whether they must give it, and what happens if they do
    not (Art. 13(2)(e)). It matters most where the answer is yes: contract and legal
    obligation. (Art. 14 has no such duty, so data only from elsewhere is not flagged.)

    Fix: Add `requirement:`, for example "We need your e-mail address to answer you. Without it
    we cannot help you."
    """
    for i, purpose in ctx.purposes():
        if "requirement" not in ctx.missing(purpose):
            continue
        yield Hit(key=f"purposes[{i}].requirement",
                  message=_("purpose `{id}` does not say whether the person must give the data, and what "
                            "happens if they do not").format(id=purpose.id),
                  hint=_("add `requirement:` saying what is required and the consequence of not giving it"))


@rule("G803", "effective.old", severity="info", article="12(1)")
def effective_old(ctx: Context) -> Iterator[Hit]:
    """The policy took effect more than two years ago.

    Why: a notice must describe the processing as it is now (Art. 12(1), 13, 14). Systems,
    processors and retention periods change; a policy untouched for years rarely matches.

    Fix: Review the description against what support does today and update `effective:`.
    """
    effective = ctx.description.effective
    if ctx.today - effective > OLD_AFTER:
        yield Hit(key="effective",
                  message=_("the policy took effect on {date}, more than two years ago").format(
                              date=effective.isoformat()),
                  hint=_("review the description and update `effective:`"))
