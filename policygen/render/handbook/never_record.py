"""What support never writes into a case: the built-in kinds, and the description's own.

The rule behind the list is data minimisation (Art. 5(1)(c)): support records only what the
description lists, so anything else stays out of a case. The handbook names the kinds that reach
support most often anyway, and that do most harm when they do:

- special categories of data (Art. 9(1)): health, ethnic origin, religion, union membership …;
- personal identity numbers (personnummer), which Swedish law protects on their own (lag (2018:218)
  med kompletterande bestämmelser till EU:s dataskyddsförordning, 3 kap. 10 §);
- passwords and one-time codes; payment card numbers.

A built-in kind stays on the list, but with the exception the description allows: special data
that a purpose lists (with its Art. 9(2) condition), or data whose id or label names the kind
(a ``personnummer`` item) is allowed for the purposes that use it, and for nothing else. The words
that recognise a kind are the handbook pack's (``hb.never.builtin.<kind>.match``) in every
language, so a Swedish label is recognised in an English handbook too.

The organisation adds its own kinds with the description's ``never_record`` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygen.lang.pack import Pack
from policygen.model.description import DataItem, Description
from policygen.model.facts import HandbookFacts
from policygen.render.context import PurposeRef
from policygen.render.words import plain

BUILTIN_KINDS = ("special", "identity_number", "password", "card_number")
"""The kinds every handbook lists, in this order; ``special`` is recognised by ``data[].special``."""


@dataclass(frozen=True)
class AllowedUse:
    """Data of a listed kind that the description does record, and the purposes allowed to."""

    label: str
    purposes: tuple[PurposeRef, ...]
    conditions: tuple[str, ...]  # Art. 9(2) conditions of those purposes (special data only)


@dataclass(frozen=True)
class NeverItem:
    """One kind of data support never records, except where ``allowed`` says."""

    kind: str  # one of BUILTIN_KINDS, or "own" for the description's never_record entries
    label: str | None  # only for "own": built-in labels are the pack's words
    reason: str | None  # only for "own"
    allowed: tuple[AllowedUse, ...]


def match_words(packs: list[Pack], kind: str) -> list[str]:
    """The words that name a built-in kind, from the handbook packs of every language."""
    words: list[str] = []
    for pack in packs:
        words += [word.strip().lower()
                  for word in plain(pack, f"hb.never.builtin.{kind}.match").split(",")]
    return [word for word in dict.fromkeys(words) if word]


def names_kind(item: DataItem, words: list[str]) -> bool:
    """Whether a data item's id or one of its labels names the kind (whole words, any case)."""
    texts = [item.id.replace("_", " ").replace("-", " ")] + list(item.label.values())
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)
               for word in words for text in texts)


def never_record(description: Description, lang: str, packs: list[Pack],
                 refs: dict[str, PurposeRef]) -> list[NeverItem]:
    """The never-record list of one description in ``lang``: built-in kinds first, then its own."""
    facts = HandbookFacts(description)
    items = []
    for kind in BUILTIN_KINDS:
        if kind == "special":
            listed = [item for item in description.data if item.special]
        else:
            words = match_words(packs, kind)
            listed = [item for item in description.data if names_kind(item, words)]
        allowed = []
        for item in listed:
            purposes = facts.purposes_of(item)
            conditions = tuple(dict.fromkeys(p.special_condition.value for p in purposes
                                             if p.special_condition is not None))
            allowed.append(AllowedUse(label=item.label[lang],
                                      purposes=tuple(refs[p.id] for p in purposes),
                                      conditions=conditions if kind == "special" else ()))
        items.append(NeverItem(kind=kind, label=None, reason=None, allowed=tuple(allowed)))
    for own in description.never_record:
        items.append(NeverItem(kind="own", label=own.label[lang],
                               reason=None if own.reason is None else own.reason[lang],
                               allowed=()))
    return items
