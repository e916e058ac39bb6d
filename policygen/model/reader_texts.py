"""Which values of a description people read, found from the model's own types.

Two parts of policygen need this list and must agree on it: the plain-language check of the
description's texts (``policygen validate``), and the build, which records where each sentence of
a built document came from (its *origin*). So the list is derived here, once, from the field types
of :mod:`policygen.model.description` instead of being written out by hand:

- every field typed :data:`~policygen.model.fields.Text` is prose for people (titles, descriptions,
  interests, requirements, retention events and criteria, consent texts, recipient descriptions,
  transfer copy texts, source details, data and subject labels, automated decisions,
  ``on_behalf_of_customers``, ``changes.notify`` …), except the fields in :data:`INTERNAL`;
- a *name* is shown to readers too but is not prose (the controller, a recipient, the record
  system, the supervisory authority): :func:`shown_names` lists them for origins only.

Key paths are those of messages (``purposes[1].title``; :func:`~policygen.lang.locations.join_key`),
with the YAML alias of a field (``transfers[0].copy``, not ``copy_``).
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from policygen.model.fields import Label, Text
from policygen.lang.locations import join_key, parent_key

INTERNAL = frozenset({"security"})
"""Text fields no published document shows: ``security`` feeds the internal records of processing
(Art. 30(1)(g)) and is written for the authority and the organisation, not for the people whose
data it is."""

NAME_FIELDS = frozenset({"controller.name", "controller.address", "dpo.name", "record_system.name",
                         "recipients[].name"})
"""Plain-string fields a published document prints as they are (their key with list indices as ``[]``)."""


@dataclass(frozen=True)
class ReaderText:
    """One text people read: its key path, the field's name and its translations ``{lang: text}``.
    ``plain`` marks a name written once for every language (a plain string in the model)."""

    key: str
    field: str
    text: dict[str, str]
    plain: bool = False


def reader_texts(description: BaseModel) -> list[ReaderText]:
    """Every prose text of ``description`` in file order (field order, list order)."""
    return [ReaderText(key, key_field(key), value) for key, kind, value in _walk(description, "")
            if kind == "text" and value is not None]


def shown_names(description: BaseModel) -> list[ReaderText]:
    """Every name a published document prints (:data:`NAME_FIELDS`, and fields typed
    :data:`~policygen.model.fields.Label`), with one entry per language."""
    languages = list(getattr(description, "languages", []) or [])
    names = []
    for key, kind, value in _walk(description, ""):
        if value is None:
            continue
        if kind == "label":
            names.append(ReaderText(key, key_field(key), dict(value)))
        elif kind == "plain" and _generic(key) in NAME_FIELDS and isinstance(value, str):
            names.append(ReaderText(key, key_field(key), {lang: value for lang in languages}, plain=True))
    return names


def with_values(description: BaseModel, values: dict[str, Any]) -> BaseModel:
    """A copy of ``description`` with the value at each key of ``values`` replaced, unvalidated.

    For renderings that must not change what is published (the build's origin map): the copy is
    never written anywhere. Keys are those :func:`reader_texts` and :func:`shown_names` give.
    """
    return _replace(description, "", values)


def key_field(key: str) -> str:
    """The field name at the end of a key path: ``purposes[1].retention.after`` → ``after``."""
    last = key[len(parent_key(key)):].lstrip(".")
    return last


def _generic(key: str) -> str:
    """``recipients[2].name`` → ``recipients[].name``."""
    out, depth = [], 0
    for char in key:
        if char == "[":
            depth += 1
            out.append("[")
        elif char == "]":
            depth -= 1
            out.append("]")
        elif not depth:
            out.append(char)
    return "".join(out)


def _kind(annotation: Any) -> str:
    """``text``, ``label`` or ``plain`` for a field's annotation (``Text | None`` is ``text``)."""
    candidates = [annotation, *typing.get_args(annotation)]
    if any(candidate == Text for candidate in candidates):
        return "text"
    if any(candidate == Label for candidate in candidates):
        return "label"
    return "plain"


def _fields(model: BaseModel) -> Iterator[tuple[str, str, str]]:
    """``(attribute, YAML key, kind)`` of each field of ``model``."""
    for attribute, info in type(model).model_fields.items():
        annotation = info.rebuild_annotation() if info.metadata else info.annotation
        yield attribute, info.alias or attribute, _kind(annotation)


def _walk(node: Any, key: str) -> Iterator[tuple[str, str, Any]]:
    """``(key, kind, value)`` of every field value below ``node``, depth first in field order."""
    if isinstance(node, BaseModel):
        for attribute, name, kind in _fields(node):
            path = join_key(key, name)
            if path in INTERNAL:
                continue
            value = getattr(node, attribute)
            if kind in ("text", "label"):
                yield path, kind, value
            elif isinstance(value, (BaseModel, list)):
                yield from _walk(value, path)
            else:
                yield path, "plain", value
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, join_key(key, index))


def _replace(node: Any, key: str, values: dict[str, Any]) -> Any:
    if not any(target == key or target.startswith(key) for target in values):
        return node
    if isinstance(node, BaseModel):
        updates = {}
        for attribute, name, _ in _fields(node):
            path = join_key(key, name)
            if path in values:
                updates[attribute] = values[path]
            else:
                value = getattr(node, attribute)
                replaced = _replace(value, path, values)
                if replaced is not value:
                    updates[attribute] = replaced
        return node.model_copy(update=updates) if updates else node
    if isinstance(node, list):
        items = [_replace(item, join_key(key, index), values) for index, item in enumerate(node)]
        return items if any(a is not b for a, b in zip(items, node)) else node
    return node

