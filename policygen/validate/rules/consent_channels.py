"""G209–G211: consent asked on the phone, by e-mail or in person (``consent.channel``).

Only web consents become boxes on the form, whose answer the form itself records. Anywhere else
an agent asks, and the description must give the words to say and say how the answer is kept,
or nothing shows later what the person heard and that they said yes (Art. 7(1)).
"""

from __future__ import annotations

from collections.abc import Iterator

from policygen.model.description import ConsentChannel
from policygen.model.facts import channel_gaps, needs_consent
from policygen.lang.messages import N_, _
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule

_HOW = {ConsentChannel.phone: N_("on the phone"), ConsentChannel.email: N_("by e-mail"),
        ConsentChannel.in_person: N_("in person")}


@rule("G209", "consent.script_missing", severity="error", article="7(1)")
def consent_script_missing(ctx: Context) -> Iterator[Hit]:
    """Consent asked on the phone or in person has no script.

    Why: asked out loud, the words the agent uses are the text the person consents to. Without
    a script each agent says something different, and you cannot show what a person heard and
    agreed to (Art. 7(1)), nor that the request was clear and plain (Art. 7(2)).

    Fix: Add `consent.script`, in every language: what the agent says when asking, including
    that saying no is fine and how to withdraw later.
    """
    for i, purpose in ctx.purposes():
        if "consent.script" in channel_gaps(purpose):
            yield Hit(key=f"purposes[{i}].consent.script",
                      message=_("purpose `{id}` asks for consent {how} but "
                                "has no script for the agent").format(
                                  id=purpose.id, how=_(_HOW[purpose.consent.channel])),
                      hint=_("add `script:` with what the agent says when asking, in every language"))


@rule("G210", "consent.proof_missing", severity="error", article="7(1)")
def consent_proof_missing(ctx: Context) -> Iterator[Hit]:
    """Consent asked outside the web form does not say how it is recorded.

    Why: the consent form records who said yes to which text; a phone call, an e-mail or a
    conversation records nothing unless you do. You must be able to show that the person
    consented (Art. 7(1)).

    Fix: Add `consent.proof`, in every language: how the answer is kept (the start of the call
    recording, a note in the case with date and time, the person's reply e-mail).
    """
    for i, purpose in ctx.purposes():
        if "consent.proof" in channel_gaps(purpose):
            yield Hit(key=f"purposes[{i}].consent.proof",
                      message=_("purpose `{id}` asks for consent {how} but does not say how the consent is "
                                "recorded").format(id=purpose.id, how=_(_HOW[purpose.consent.channel])),
                      hint=_("add `proof:` saying how the answer is kept, in every language"))


@rule("G211", "consent.script_on_web", severity="info", article="7(2)")
def consent_script_on_web(ctx: Context) -> Iterator[Hit]:
    """A consent asked on the web form has a script, which the form never shows.

    Why: on the web the person reads the statement beside the box, not a script; the script
    is neither shown nor recorded, so a reader of the description may think people heard words
    they never saw.

    Fix: Remove `consent.script`, or set `consent.channel` to where the script is used
    (`phone` or `in_person`).
    """
    for i, purpose in ctx.purposes():
        consent = purpose.consent
        if (consent is None or not needs_consent(purpose) or consent.script is None
                or consent.channel is not ConsentChannel.web):
            continue
        yield Hit(key=f"purposes[{i}].consent.script",
                  message=_("purpose `{id}` asks for consent on the web form, which never shows "
                            "`consent.script`").format(id=purpose.id),
                  hint=_("remove `script:`, or set `channel:` to `phone` or `in_person`"))
