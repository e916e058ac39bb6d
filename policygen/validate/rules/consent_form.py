"""G206–G208: the consent form, which must say where answers go and who gives them (Art. 7(1)).

A box on a web page proves nothing by itself: the controller must be able to show that *this*
person consented to *this* text (Art. 7(1)). So a form needs an address that records the answer
(``forms.action``) and a field that says who answers (``forms.identifier``); with both, the same
form can withdraw a consent too, as easily as it gave it (Art. 7(3)).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygen.model.facts import form_field_names
from policygen.lang.messages import N_, _, ngettext
from policygen.validate.context import Context
from policygen.validate.registry import Hit, rule


def _forms_key(ctx: Context, key: str) -> str:
    """Where to point: the key under ``forms`` when there is a ``forms:`` mapping; otherwise the
    consent of the first purpose on the form, because a finding at line 1 helps nobody."""
    if ctx.description.forms is not None:
        return f"forms.{key}"
    index, _ = ctx.form_purposes()[0]
    return f"purposes[{index}].consent"


def _form_ids(ctx: Context) -> str:
    """"`a`", "`a` and `b`", "`a`, `b` and `c`": the purposes on the form, as a reader lists them."""
    return _listed([f"`{purpose.id}`" for _, purpose in ctx.form_purposes()])


def _listed(items: list[str]) -> str:
    """"a", "a and b", "a, b and c" in the interface language."""
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


_SENDERS = (
    (re.compile(r"^the box of purpose `(?P<id>[^`]*)`$"), N_("the box of purpose `{id}`")),
    (re.compile(r"^the version of purpose `(?P<id>[^`]*)`$"), N_("the version of purpose `{id}`")),
    (re.compile(r"^the identifier `(?P<id>[^`]*)`$"), N_("the identifier `{id}`")),
    (re.compile(r"^the buttons$"), N_("the buttons")),
)


def _sender(text: str) -> str:
    """What sends a field of the form (:func:`form_field_names` says it in English) in the
    interface language; an unknown wording is shown as it is."""
    for pattern, template in _SENDERS:
        match = pattern.match(text)
        if match:
            return _(template).format(**match.groupdict())
    return text


@rule("G206", "consent.form_action_missing", severity="error", article="7(1)")
def consent_form_action_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose asks for consent on the web, but the form does not say where it is sent.

    Why: you must be able to show that a person consented (Art. 7(1)). Without `forms.action`
    the form is sent back to its own page, where nothing records the answer, and nothing can
    withdraw a consent given there (Art. 7(3)).

    Fix: Add `forms: {action: https://…}` with the address on your website that records each
    answer: who, which purposes, and the version of each text.
    """
    if not ctx.form_purposes():
        return
    forms = ctx.description.forms
    if forms is None or forms.action is None:
        yield Hit(key=_forms_key(ctx, "action"),
                  message=ngettext(
                      "purpose {ids} asks for consent on the web, but `forms.action` does not say where the "
                      "consent form is sent",
                      "purposes {ids} ask for consent on the web, but `forms.action` does not say where the "
                      "consent form is sent",
                      len(ctx.form_purposes())).format(ids=_form_ids(ctx)),
                  hint=_("add `forms:` with `action: https://…`, the address that records each answer"))


@rule("G207", "consent.form_identifier_missing", severity="error", article="7(1)")
def consent_form_identifier_missing(ctx: Context) -> Iterator[Hit]:
    """A purpose asks for consent on the web, but the form does not ask who consents.

    Why: an answer that does not say whose it is proves nothing (Art. 7(1)), and a person cannot
    withdraw on the same page a consent nobody can trace to them (Art. 7(3)).

    Fix: Add `forms.identifier` with the id of the data that says who answers, such as the
    e-mail address the newsletter goes to. The form asks for it, with the data's label.
    """
    if not ctx.form_purposes():
        return
    if ctx.identifier is None:
        yield Hit(key=_forms_key(ctx, "identifier"),
                  message=ngettext(
                      "purpose {ids} asks for consent on the web, but `forms.identifier` does not say who consents",
                      "purposes {ids} ask for consent on the web, but `forms.identifier` does not say who consents",
                      len(ctx.form_purposes())).format(ids=_form_ids(ctx)),
                  hint=_("add `identifier:` under `forms:` with an id from `data`, e.g. the e-mail address"))


@rule("G208", "consent.form_identifier_unused", severity="warning", article="13(1)(c)")
def consent_form_identifier_unused(ctx: Context) -> Iterator[Hit]:
    """The consent form asks for data that none of its purposes lists.

    Why: the form asks each person for the data `forms.identifier` names, but no purpose on the
    form says it uses that data, so the texts people consent to do not tell them what it is for
    (Art. 13(1)(c)). Keeping it with the answer, to show the consent later (Art. 7(1)), can be
    right; only you can tell, so this is a warning.

    Fix: Add the identifier's id to the `data:` of the purposes on the form that use it (the
    newsletter's e-mail address), or name data those purposes already list.
    """
    item = ctx.identifier
    purposes = ctx.form_purposes()
    if item is None or not purposes:
        return
    if not any(item.id in purpose.data for _, purpose in purposes):
        yield Hit(key="forms.identifier",
                  message=_("the consent form asks for `{id}`, but no purpose on the form ({ids}) lists it "
                            "in `data`").format(id=item.id, ids=_form_ids(ctx)),
                  hint=_("add `{id}` to the `data:` of the purpose that uses it, or name data that purpose "
                         "lists").format(id=item.id))


@rule("G212", "consent.form_field_clash", severity="error", article="7(1)")
def consent_form_field_clash(ctx: Context) -> Iterator[Hit]:
    """Two things on the consent form would be sent under the same name.

    Why: the form sends each box under its purpose's id, each version as `<id>__version`, the
    identifier under its data's id, and the buttons as `intent`. If two of them share a name,
    the answer cannot tell them apart, and the record proves nothing (Art. 7(1)).

    Fix: Rename the purpose or the data item so that every name on the form is its own (for
    example `newsletter_email` for the data, `newsletter` for the purpose).
    """
    if not ctx.form_purposes():
        return
    for name, senders in form_field_names(ctx.description).items():
        if len(senders) < 2:
            continue
        yield Hit(key=_clash_key(ctx, name),
                  message=_("the consent form would send {senders} under the same name `{name}`").format(
                      senders=_listed([_sender(sender) for sender in senders]), name=name),
                  hint=_("rename the purpose or the data item so that each name on the form is its own"))


def _clash_key(ctx: Context, name: str) -> str:
    for i, purpose in ctx.form_purposes():
        if name in (purpose.id, f"{purpose.id}__version"):
            return f"purposes[{i}].id"
    return "forms.identifier"
