"""One sentence per change, in Swedish or English: what the legal writer reads in ``policygen
diff``, what customers read in the notice and in the policy's "Changes to this policy".

The same sentence serves all three, so a change reads the same wherever it is shown. A recipient
or a kind of data added together with the purposes that now use it is told in one sentence
(:meth:`Describer.lines`), the way a reader thinks of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from policygen.data.authorities import known_authority
from policygen.history.changes import Change
from policygen.history.speaker import Speaker, in_lang
from policygen.model.description import Description


def _recipient_of(transfer_id: str) -> str:
    """``mailer/US#2`` → ``mailer``."""
    return transfer_id.split("/")[0]


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
