"""Ids and the references between entries: unique ids, and every reference resolves.

Runs on the plain data (before or despite model errors), so one run reports a dangling id together
with every other format error.
"""

from __future__ import annotations

from typing import Any

from policygen.errors import Problem
from policygen.lang.messages import _
from policygen.lang.locations import Locations, join_key
from policygen.lang.suggest import closest
from policygen.model.values import anchor_slug

_ID_LISTS = ("data", "purposes", "recipients", "subjects")
_ANCHORED = ("purposes", "recipients")  # their ids become heading anchors (#purpose-<slug>)
_ENOUGH = 150  # the loader shows the first hundred problems; finding more only costs time


def reference_problems(data: Any, locations: Locations, file: str) -> list[Problem]:
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    ids = {name: _collect_ids(data, name, locations, file, problems) for name in _ID_LISTS}
    for index, purpose in _entries(data, "purposes"):
        base = join_key("purposes", index)
        for field, target in (("data", "data"), ("recipients", "recipients"),
                              ("subjects", "subjects")):
            refs = purpose.get(field)
            if isinstance(refs, list):
                for position, ref in enumerate(refs):
                    if len(problems) >= _ENOUGH:
                        return problems
                    key = join_key(join_key(base, field), position)
                    problems.extend(_resolve(ref, ids[target], target, key, locations, file))
    for index, transfer in _entries(data, "transfers"):
        key = join_key(join_key("transfers", index), "recipient")
        if "recipient" in transfer:
            problems.extend(_resolve(transfer["recipient"], ids["recipients"], "recipients", key,
                                     locations, file))
    forms = data.get("forms")
    if isinstance(forms, dict) and "identifier" in forms:
        problems.extend(_resolve(forms["identifier"], ids["data"], "data", "forms.identifier",
                                 locations, file))
    return problems


def _entries(data: dict[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(name)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _collect_ids(data: dict[str, Any], name: str, locations: Locations, file: str,
                 problems: list[Problem]) -> list[str]:
    seen: dict[str, str] = {}
    slugs: dict[str, tuple[str, str]] = {}  # anchor slug → (id, key)
    for index, item in _entries(data, name):
        value = item.get("id")
        if not isinstance(value, str):
            continue
        key = join_key(join_key(name, index), "id")
        slug = anchor_slug(value)
        if name in _ANCHORED and value not in seen and slug in slugs:
            other, other_key = slugs[slug]
            line, column = locations.find_value(key)
            problems.append(Problem(
                file=file, line=line, column=column, key=key,
                message=_("id `{id}` gives the same anchor (`{slug}`) as `{other}` (line {line}): the two "
                          "headings would share one link target").format(
                    id=value, slug=slug, other=other, line=locations.find_value(other_key)[0]),
                hint=_("make the ids differ in letters or digits, not only in `-` and `_`"),
            ))
        slugs.setdefault(slug, (value, key))
        if value in seen:
            line, column = locations.find_value(key)
            first_line = locations.find_value(seen[value])[0]
            problems.append(Problem(
                file=file, line=line, column=column, key=key,
                message=_("id `{id}` is already used in `{name}` (line {line})").format(
                    id=value, name=name, line=first_line),
                hint=_("give each entry in `{name}` its own id").format(name=name),
            ))
        else:
            seen[value] = key
    return list(seen)


def _resolve(ref: Any, known: list[str], target: str, key: str, locations: Locations,
             file: str) -> list[Problem]:
    if not isinstance(ref, str) or ref in known:
        return []
    line, column = locations.find_value(key)
    match = closest(ref, known) if len(known) <= 500 else None
    if match is not None:
        hint = _("did you mean `{match}`?").format(match=match)
    elif known:
        hint = _("ids in `{target}`: {ids}").format(target=target, ids=", ".join(f"`{name}`" for name in known))
    else:
        hint = _("add an entry with `id: {id}` to `{target}`").format(id=ref, target=target)
    return [Problem(file=file, line=line, column=column, key=key,
                    message=_("`{id}` is not an id in `{target}`").format(id=ref, target=target), hint=hint)]
