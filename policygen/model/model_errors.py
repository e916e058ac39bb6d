"""Pydantic validation errors → located problems in the writer's own terms.

Pydantic reports ``loc`` tuples such as ``('purposes', 1, 'retention', 'period')``; we turn them
back into key paths of the YAML file, find their line and column, and reword the message for a
legal writer (``expected a mapping, found a list``) with a hint (``did you mean `retention`?``).
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from policygen.errors import Problem
from policygen.lang.messages import _
from policygen.lang.locations import Locations, join_key, parent_key
from policygen.model.suggest import closest, did_you_mean
from policygen.model.values import SUPPORTED_LANGUAGES, describe

MAX_TRANSLATED = 500  # more is noise: the loader shows the first hundred
_QUOTED = re.compile(r"'([^']*)'")


def validation_problems(error: ValidationError, data: Any, root: type[BaseModel],
                        locations: Locations, file: str) -> list[Problem]:
    problems: list[tuple[str, Problem]] = []
    seen: set[tuple[str, str]] = set()
    typo_targets: set[str] = set()
    for item in error.errors(include_url=False)[:MAX_TRANSLATED]:
        path = _data_path(item["loc"], data)
        problem = _problem(item, path, root, locations, file)
        if item["type"] == "extra_forbidden":
            typo_targets.update(_typo_target(root, path))
        if (problem.key, problem.message) not in seen:
            seen.add((problem.key, problem.message))
            problems.append((item["type"], problem))
    # ``adress:`` is one mistake, not two: when an unknown key's did-you-mean names a required key
    # missing beside it, the unknown key's message (with that hint) says all there is to fix.
    return [problem for kind, problem in problems if not (kind == "missing" and problem.key in typo_targets)]


def _typo_target(root: type[BaseModel], path: str) -> list[str]:
    """The key path an unknown key at ``path`` is likely a typo of (what its hint proposes)."""
    key_name, parent = path.rsplit(".", 1)[-1], parent_key(path)
    match = closest(key_name, sorted(set(_allowed_keys(root, parent))))
    return [join_key(parent, match)] if match is not None and match != key_name else []


_UNION_TAGS = {"code", "custom"}


def _data_path(loc: tuple[Any, ...], data: Any) -> str:
    """Key path of ``loc`` in the data, skipping pydantic's union tags."""
    path, current = "", data
    for segment in loc:
        if isinstance(current, dict) and isinstance(segment, str) and segment in current:
            path, current = join_key(path, segment), current[segment]
        elif isinstance(current, list) and isinstance(segment, int) and 0 <= segment < len(current):
            path, current = join_key(path, segment), current[segment]
        elif isinstance(segment, str) and segment in _UNION_TAGS:
            continue
        else:
            path = join_key(path, segment if isinstance(segment, int) else str(segment))
            current = None
    return path


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    """Model classes inside an annotation (through Optional, list, Union and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_models(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [model for arg in typing.get_args(annotation) for model in _inner_models(arg)]
    return []


def _model_at(root: type[BaseModel], path: str) -> type[BaseModel] | None:
    """The model class describing the mapping at key path ``path`` ("" is the root)."""
    segments = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    current: list[type[BaseModel]] = [root]
    for segment in segments:
        if segment.startswith("["):
            continue
        following: list[type[BaseModel]] = []
        for model in current:
            for name, field in model.model_fields.items():
                if segment in (name, field.alias):
                    following.extend(_inner_models(field.annotation))
        current = following
    return current[0] if current else None


def _allowed_keys(root: type[BaseModel], path: str) -> list[str]:
    model = _model_at(root, path)
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def _unknown_key_hint(root: type[BaseModel], key: str, parent: str) -> str:
    """A typo gets "did you mean"; a key written at the wrong level gets where it belongs."""
    allowed = _allowed_keys(root, parent)
    suggestion = did_you_mean(key, allowed, fallback_list=False)
    if suggestion:
        return suggestion
    homes = [home for home in _key_homes(root).get(key, []) if home != _generic(parent)]
    if 0 < len(homes) <= 3:
        places = _(" or ").join(f"`{home}`" if home else _("the top level") for home in homes)
        return _("`{key}` belongs in {places}; check the indentation").format(key=key, places=places)
    return did_you_mean(key, allowed)


def _generic(path: str) -> str:
    """``purposes[1].retention`` → ``purposes[].retention``: the place, whichever item."""
    return re.sub(r"\[\d+\]", "[]", path)


def _key_homes(root: type[BaseModel]) -> dict[str, list[str]]:
    """Every key of the format → the generic paths of the mappings it may appear in."""
    homes: dict[str, list[str]] = {}
    pending: list[tuple[type[BaseModel], str]] = [(root, "")]
    seen: set[type[BaseModel]] = set()
    while pending:
        model, path = pending.pop(0)
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            key = field.alias or name
            homes.setdefault(key, []).append(path)
            is_list = "list[" in str(field.annotation)
            for inner in _inner_models(field.annotation):
                pending.append((inner, join_key(path, key) + ("[]" if is_list else "")))
    return homes


def _problem(item: dict[str, Any], path: str, root: type[BaseModel],
             locations: Locations, file: str) -> Problem:
    kind = item["type"]
    value = item.get("input")
    context = item.get("ctx") or {}
    key_name = path.rsplit(".", 1)[-1] if path else ""
    # containers and empty values are located at their key; other values where they start
    where = locations.find(path) if value is None or isinstance(value, (dict, list)) \
        else locations.find_value(path)
    hint = str(context.get("hint", ""))
    message = str(context.get("message", "")) or item["msg"]

    if kind == "missing":
        parent = parent_key(path)
        where = locations.find(parent)
        message = _("missing required key `{key}`").format(key=key_name)
        hint = (_("add `{key}:` to `{parent}`").format(key=key_name, parent=parent) if parent
                else _("add `{key}:` at the top level").format(key=key_name))
    elif kind == "extra_forbidden":
        where = locations.find(path)
        parent = parent_key(path)
        message = _("unknown key `{key}`").format(key=key_name)
        hint = _unknown_key_hint(root, key_name, parent)
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = _("expected a mapping (indented `key: value` lines), found {found}").format(found=describe(value))
        hint = _container_hint(value, "mapping")
    elif kind == "list_type":
        message = _("expected a list, found {found}").format(found=describe(value))
        hint = _("write one item per line starting with `- `, or `[a, b]`")
    elif kind == "string_type":
        message = _("expected text, found {found}").format(found=describe(value))
        if isinstance(value, (int, float, bool)):
            quoted = str(value).lower() if isinstance(value, bool) else value
            hint = _('put it in quotes: "{value}"').format(value=quoted)
        else:
            hint = _container_hint(value, "text")
    elif kind == "bool_type":
        message = _("expected true or false, found {found}").format(found=describe(value))
        hint = _("write `true` or `false`")
    elif kind in ("enum", "literal_error"):
        message, hint = _choice_problem(path, value, context)
    elif kind == "too_short" and path == "languages":
        message = _("list at least one language")
        hint = _("e.g. `languages: [sv, en]`")
    return Problem(file=file, line=where[0], column=where[1], key=path, message=message, hint=hint)


def _container_hint(value: Any, expected: str) -> str:
    if value is None:
        return _("the value is empty: fill it in, or remove the key if it is optional")
    if isinstance(value, list) and expected == "mapping":
        return _("remove the `- ` before the keys: this takes one mapping, not a list")
    if isinstance(value, dict) and expected == "text":
        return _("give the text on the same line, in quotes if it contains `: `")
    if isinstance(value, list) and expected == "text":
        return _("write one value here, not a list")
    return ""


def _choice_problem(path: str, value: Any, context: dict[str, Any]) -> tuple[str, str]:
    choices = _QUOTED.findall(str(context.get("expected", "")))
    if path == "format":
        return (_("`format` must be 1, found {found}").format(found=describe(value)),
                _("this version of policygen reads `format: 1`"))
    if path.startswith("languages"):
        supported = _("policygen writes these languages: {languages}").format(languages=", ".join(SUPPORTED_LANGUAGES))
        if isinstance(value, str):
            return _("unsupported language `{language}`").format(language=value), supported
        return _("expected a language code, found {found}").format(found=describe(value)), supported
    if isinstance(value, str):
        message = _("`{value}` is not one of: {choices}").format(value=value, choices=", ".join(choices))
    else:  # "the number `42`": describe() quotes the value itself
        message = _("{found} is not one of: {choices}").format(found=describe(value), choices=", ".join(choices))
    return message, did_you_mean(str(value), choices, fallback_list=False)
