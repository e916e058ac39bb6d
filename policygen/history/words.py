"""The words of changes: one sentence per change, in Swedish or English, plain or as Markdown.

Every word comes from the pack ``templates/<lang>/changes.yaml`` (read and checked like the main
``pack.yaml``, :mod:`policygen.lang.pack`); names, dates, countries and lists come from the
description and CLDR. The same sentence serves the legal writer (``policygen diff``, the build's
summary), the policy's "Changes to this policy" section and the notice to customers, so a
change reads the same wherever it is shown.

A :class:`Speaker` says a phrase in one language: as plain text (terms of art printed bare), or
as Markdown for the notice, where every value is escaped and each term is explained the first
time (the policy's own machinery, :mod:`policygen.render.words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from policygen.data.authorities import known_authority
from policygen.history.changes import Change
from policygen.lang import cldr
from policygen.lang.pack import Pack, Plural, Slot, load_pack
from policygen.model.description import Description, Duration
from policygen.render.locale import format_duration, join_list
from policygen.render.sanitize import MarkdownSafe, escape_markdown
from policygen.render.terms import TermExplainer
from policygen.render.words import make_say, pack_for
from policygen.resources import templates_dir

PACK_FILE = "changes.yaml"


@cache
def changes_pack(lang: str) -> Pack:
    """``templates/<lang>/changes.yaml``: the words of this package."""
    return load_pack(lang, templates_dir(), PACK_FILE)


class Speaker:
    """Says phrases of the changes pack in ``lang``: plain text, or Markdown when given a
    :class:`~policygen.render.terms.TermExplainer` (which explains each term on first use)."""

    def __init__(self, lang: str, explainer: TermExplainer | None = None) -> None:
        self.lang = lang
        self.pack = changes_pack(lang)
        self.main = pack_for(lang)
        self.markdown = explainer is not None
        self._context = {"term": explainer}
        self._say = make_say(self.pack, "markdown") if self.markdown else None

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
        if self._say is not None:
            return MarkdownSafe(_one_full_stop(self._say(self._context, key, count=count,
                                                         **values)))
        entry = self.pack.entry(key)
        if isinstance(entry, Plural):  # the main pack names the locale whose plural rules apply
            if count is None:
                raise KeyError(f"{key!r} has plural forms: say it with count=…")
            entry = entry.forms.get(cldr.plural_category(self.main, count)) or entry.forms["other"]
        phrase = entry
        if count is not None:
            values.setdefault("count", cldr.format_number(self.main, count))
        out = []
        for part in phrase.parts:
            if isinstance(part, str):
                out.append(part)
            elif part.kind == "value":
                out.append(str(_required(values, part, key)))
            else:
                out.append(part.form or part.name)
        return _one_full_stop("".join(out))

    def text(self, value: Any) -> str:
        """A value from the description, as this speaker prints it (escaped in Markdown)."""
        return escape_markdown(value) if self.markdown else str(value)

    def join(self, items: list[str]) -> str:
        """Items as a sentence lists them ("a, b och c"), safe Markdown when the items are."""
        if self.markdown:
            items = [item if isinstance(item, MarkdownSafe) else escape_markdown(item)
                     for item in items]
        return join_list(self.main, items)

    def quoted(self, name: str) -> str:
        return self("quoted", name=name)

    def date(self, value: Any) -> str:
        return cldr.format_date(self.main, value)

    def country(self, code: str) -> str:
        return cldr.country_name(self.main, code)

    def duration(self, value: Duration) -> str:
        return format_duration(self.main, value)

    def language(self, code: str) -> str:
        """A language's name in running text ("engelska", "English")."""
        return cldr.locale(self.main).languages[code]


_DOUBLE_STOP = re.compile(r"(?<=[^\W\d_])\.\.(?=\s|$|”|“|\))")


def _one_full_stop(text: str) -> str:
    """"… till Sendwise Inc.." → "… till Sendwise Inc.": a name that ends with a full stop ends
    the sentence too."""
    return _DOUBLE_STOP.sub(".", text)


def _required(values: dict[str, Any], slot: Slot, key: str) -> Any:
    if values.get(slot.name) is None:
        raise KeyError(f"{key!r} needs the value {{{slot.name}}}")
    return values[slot.name]


def _recipient_of(transfer_id: str) -> str:
    """``mailer/US#2`` → ``mailer``."""
    return transfer_id.split("/")[0]


def in_lang(text: dict[str, str] | None, lang: str) -> str:
    """A text in ``lang``, or in the description's first language when it lacks ``lang`` (a
    version written before the language was added)."""
    if not text:
        return ""
    return text.get(lang) or next(iter(text.values()))


class Describer:
    """The sentence for each change between two descriptions, in one speaker's language."""

    def __init__(self, old: Description, new: Description, say: Speaker) -> None:
        self.old, self.new, self.say = old, new, say
        self.lang = say.lang

    # -- names --------------------------------------------------------------------------------
    def _side(self, change: Change) -> Description:
        return self.old if change.action == "removed" else self.new

    def _find(self, description: Description, kind: str, id_: str) -> Any:
        items = {"purpose": description.purposes, "data": description.data,
                 "recipient": description.recipients, "subject": description.subjects}[kind]
        return next((item for item in items if item.id == id_), None)

    def _either(self, kind: str, id_: str) -> Any:
        return self._find(self.new, kind, id_) or self._find(self.old, kind, id_)

    def title(self, purpose_id: str) -> str:
        return in_lang(self._either("purpose", purpose_id).title, self.lang)

    def label(self, kind: str, id_: str) -> str:
        return in_lang(self._either(kind, id_).label, self.lang)

    def recipient_name(self, id_: str) -> str:
        return self._either("recipient", id_).name

    def authority(self, value: Any) -> str:
        if isinstance(value, str):
            known = known_authority(value)
            return known.name.get(self.lang) or value if known else value
        return in_lang(value.name, self.lang)

    def quoted_titles(self, ids: list[str]) -> str:
        return self.say.join([self.say.quoted(self.title(pid)) for pid in ids])

    # -- sentences ----------------------------------------------------------------------------
    def lines(self, changes: Sequence[Change]) -> list[str]:
        """The sentences readers get (the policy's section, the notice): one per change, except
        that a recipient or kind of data added or removed takes the purposes that gained or
        lost it along into its own sentence, instead of one more sentence per purpose. The
        sentence names the purpose when there is one; a list of several purpose titles makes a
        sentence too long to read, and the policy names them."""
        whole = {(c.element, c.id) for c in changes
                 if c.element in ("recipient", "data") and c.action in ("added", "removed")}
        gained: dict[tuple[str, str], list[str]] = {}
        out = []
        for change in changes:
            if change.element == "purpose" and change.field in ("recipients", "data"):
                kind = "recipient" if change.field == "recipients" else "data"
                ids = change.after if change.detail == "added" else change.before
                for item in ids:
                    if (kind, item) in whole and change.detail == "added":
                        gained.setdefault((kind, item), []).append(change.id)
                left = [item for item in ids if (kind, item) not in whole]
                if not left:
                    continue
                change = replace(change, **({"after": left} if change.detail == "added"
                                            else {"before": left}))
            out.append(change)
        sentences = []
        for change in out:
            purposes = gained.get((change.element, change.id))
            if change.action == "added" and purposes and len(purposes) == 1:
                sentences.append(self._added_for(change, purposes))
            else:
                sentences.append(self.sentence(change))
        return sentences

    def _added_for(self, change: Change, purposes: list[str]) -> str:
        say, items = self.say, self.quoted_titles(purposes)
        if change.element == "recipient":
            recipient = self._find(self.new, "recipient", change.id)
            return say("change.recipient.added_for", name=recipient.name,
                       country=say.country(recipient.country), items=items)
        return say("change.data.added_for", name=self.label("data", change.id), items=items)

    def sentence(self, change: Change) -> str:
        say = self.say
        handler = getattr(self, f"_{change.element}")
        if change.reason == "order":
            return self._order(change)
        if change.detail in ("spelling", "form") or (change.detail == "wording"
                                                     and change.field != "retention"):
            special = self._special_text(change)
            if special is not None:
                return special
            what = self._what(change)
            return say(f"change.text.{change.detail}", what=what)
        return handler(change)

    def _special_text(self, change: Change) -> str | None:
        """Wording changes that read better as their own sentence (a renamed purpose …)."""
        say = self.say
        if change.detail != "wording":
            return None
        if change.element == "purpose" and change.field == "title":
            return say("change.purpose.title", old=in_lang(change.before, self.lang),
                       new=in_lang(change.after, self.lang))
        if change.element == "recipient" and change.field == "name":
            return say("change.recipient.name", old=change.before, new=change.after)
        if change.element == "controller" and change.field == "name":
            return say("change.controller.name", old=change.before, new=change.after)
        if change.element == "on_behalf_of_customers":
            return say("change.on_behalf_of_customers")
        return None

    def _order(self, change: Change) -> str:
        say = self.say
        if change.id:
            what = say(f"order.purpose_{change.field}", name=self.title(change.id))
        else:
            what = say(f"order.{change.element}")
        return say("change.order", what=what)

    def _what(self, change: Change) -> str:
        say, field = self.say, change.field.replace(".", "_")
        element = change.element
        if element == "purpose":
            return say(f"what.purpose.{field}", name=self.title(change.id))
        if element in ("data", "subject"):
            return say(f"what.{element}.{field}", name=self.label(element, change.id))
        if element == "recipient":
            return say(f"what.recipient.{field}", name=self.recipient_name(change.id))
        if element == "transfer":
            return say("what.transfer.copy", name=self.recipient_name(_recipient_of(change.id)))
        if element == "automated_decision":
            return say(f"what.automated_decision.{field}")
        return say(f"what.{element}.{field}")

    def _purpose(self, change: Change) -> str:
        say, name = self.say, self.title(change.id)
        if change.action in ("added", "removed"):
            return say(f"change.purpose.{change.action}", name=name)
        field = change.field
        if field == "legal_basis":
            return say("change.purpose.legal_basis", name=name, old=say(f"basis.{change.before}"),
                       new=say(f"basis.{change.after}"))
        if field == "special_condition":
            return say("change.purpose.special_condition", name=name)
        if field == "retention":
            return self._retention(change, say.quoted(name))
        if field in ("data", "recipients", "subjects"):
            ids = change.after if change.detail == "added" else change.before
            if field == "data":
                items = [self.label("data", item) for item in ids]
            elif field == "recipients":
                items = [self.recipient_name(item) for item in ids]
            else:
                items = [self.label("subject", item) for item in ids]
            return say(f"change.purpose.{field}_{change.detail}", name=name,
                       items=say.join(items))
        if field == "consent":
            return say("change.purpose.consent_added" if change.after is not None
                       else "change.purpose.consent_removed", name=name)
        if field == "consent.channel":
            return say("change.purpose.consent_channel", name=name)
        if field == "consent.proof":
            return say("change.purpose.consent_proof", name=name)
        if field == "direct_marketing":
            return say("change.purpose.direct_marketing_on" if change.after
                       else "change.purpose.direct_marketing_off", name=name)
        raise KeyError(f"no sentence for purpose field {field!r}")

    def _retention(self, change: Change, name: str) -> str:
        say = self.say
        if change.detail in ("longer", "shorter"):
            old = self._retention_of(self.old, change)
            new = self._retention_of(self.new, change)
            return say("change.retention.period", name=name, old=say.duration(old.period),
                       new=say.duration(new.period))
        if change.detail == "same":
            return say("change.retention.same", name=name)
        return say("change.retention.rule", name=name)

    def _retention_of(self, description: Description, change: Change) -> Any:
        kind = "purpose" if change.element == "purpose" else "data"
        return self._find(description, kind, change.id).retention

    def _data(self, change: Change) -> str:
        say = self.say
        name = self.label("data", change.id)
        if change.action == "added":
            return say("change.data.added", name=name)
        if change.action == "removed":
            return say("change.data.removed", name=name)
        if change.field == "retention":
            return self._retention(change, say.quoted(name))
        if change.field == "special":
            return say("change.data.special_on" if change.after else "change.data.special_off",
                       name=name)
        return say(f"change.data.{change.field}", name=name)

    def _subject(self, change: Change) -> str:
        return self.say(f"change.subject.{change.action}", name=self.label("subject", change.id))

    def _recipient(self, change: Change) -> str:
        say = self.say
        recipient = self._find(self._side(change), "recipient", change.id)
        name = recipient.name
        if change.action == "added":
            return say("change.recipient.added", name=name, country=say.country(recipient.country))
        if change.action == "removed":
            return say("change.recipient.removed", name=name)
        if change.field == "country":
            return say("change.recipient.country", name=name, old=say.country(change.before),
                       new=say.country(change.after))
        return say(f"change.recipient.{change.field}", name=name)

    def _transfer(self, change: Change) -> str:
        recipient_id, country = _recipient_of(change.id), change.id.split("/")[1].split("#")[0]
        name = self.recipient_name(recipient_id)
        key = change.action if change.action != "changed" else "safeguard"
        return self.say(f"change.transfer.{key}", name=name, country=self.say.country(country))

    def _controller(self, change: Change) -> str:
        field = change.field
        if change.after is None and field in ("phone", "website"):
            return self.say(f"change.controller.{field}_removed")
        if field == "website":
            return self.say("change.controller.website", new=change.after)
        return self.say(f"change.controller.{field}", old=change.before, new=change.after)

    def _dpo(self, change: Change) -> str:
        if change.action == "added":
            return self.say("change.dpo.added", email=self.new.dpo.email)
        if change.action == "removed":
            return self.say("change.dpo.removed")
        if change.field == "email":
            return self.say("change.dpo.email", new=change.after)
        return self.say("change.dpo.details")

    def _authority(self, change: Change) -> str:
        return self.say("change.authority", old=self.authority(self.old.authority),
                        new=self.authority(self.new.authority))

    def _record_system(self, change: Change) -> str:
        if change.field == "country":
            return self.say("change.record_system.country", old=self.say.country(change.before),
                            new=self.say.country(change.after))
        return self.say("change.record_system.name", old=change.before, new=change.after)

    def _languages(self, change: Change) -> str:
        return self.say(f"change.languages.{change.action}", name=self.say.language(change.id))

    def _right(self, change: Change) -> str:
        say = self.say
        right = say(f"right.{change.id}")
        common = [pid for pid in (change.after or []) + (change.before or [])
                  if self._find(self.old, "purpose", pid) and self._find(self.new, "purpose", pid)]
        if change.reason == "right_lost":
            lost = [pid for pid in change.before if pid in common and pid not in change.after]
            return say("change.right.lost", right=right, items=self.quoted_titles(lost))
        if change.reason == "right_gained":
            gained = [pid for pid in change.after if pid in common and pid not in change.before]
            return say("change.right.gained", right=right, items=self.quoted_titles(gained))
        return say(f"change.right.{change.action}", right=right)

    def _automated_decision(self, change: Change) -> str:
        return self.say(f"change.automated_decision.{change.action}")

    def _requests(self, change: Change) -> str:
        return self.say("change.requests.contact",
                        new=change.after or self.new.controller.email)

    def _forms(self, change: Change) -> str:
        return self.say("change.forms")

    def _changes(self, change: Change) -> str:
        return self.say("change.changes")

    def _security(self, change: Change) -> str:
        return self.say("change.security")

    def _on_behalf_of_customers(self, change: Change) -> str:
        return self.say("change.on_behalf_of_customers")
