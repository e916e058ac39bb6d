"""Pydantic validation errors → located problems in the writer's own terms, for every file we read.

The description, the glossaries and the checker's configuration are all validated by pydantic, and
all of them report their mistakes here, in one wording and in the interface language. Pydantic
reports ``loc`` tuples such as ``('purposes', 1, 'retention', 'period')``; we turn them back into
key paths of the file, find their line and column, and reword the message for a legal writer
(``expected a mapping, found a list``) with a hint (``did you mean `retention`?``). A validator's
own wording (a :func:`invalid` error, or a ``ValueError``) is kept as it is.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from policygen.lang.errors import Problem
from policygen.lang.locations import Locations, join_key, parent_key
from policygen.lang.messages import N_, _
from policygen.lang.suggest import closest, did_you_mean

MAX_TRANSLATED = 500  # more is noise: the loader shows the first hundred
_QUOTED = re.compile(r"'([^']*)'")
_UNION_TAGS = {"code", "custom"}
Explain = Callable[[str, str, Any], "tuple[str, str] | None"]
"""A caller's own message and hint for (error type, key path, value), or ``None`` for the usual ones."""

_EXPECTED = {
    "int_type": N_("expected a whole number, found {found}"), "int_from_float": N_("expected a whole number, found {found}"),
    "float_type": N_("expected a number, found {found}"), "finite_number": N_("expected a finite number, found {found}"),
    "greater_than": N_("expected more than {bound}, found {found}"),
    "greater_than_equal": N_("expected at least {bound}, found {found}"),
    "less_than": N_("expected less than {bound}, found {found}"),
    "less_than_equal": N_("expected at most {bound}, found {found}"),
    "string_pattern_mismatch": N_("{found} is not of the expected form"),
}
_MAPPING = {"yaml": N_("expected a mapping (indented `key: value` lines), found {found}"),
            "toml": N_("expected a table, found {found}"),
            "json": N_("expected an object, found {found}")}


def invalid(code: str, message: str, hint: str = "") -> PydanticCustomError:
    """A pydantic error that keeps our wording; ``message`` is shown as is (no templating)."""
    return PydanticCustomError(code, "{message}", {"message": message, "hint": hint})


def validation_problems(error: ValidationError, file: str, data: Any, root: Any, locations: Locations, *,
                        prefix: str = "", syntax: str = "yaml", hints: Mapping[str, str] | None = None,
                        explain: Explain | None = None) -> list[Problem]:
    """Pydantic's errors about ``data`` (validated as ``root``, a model or a type) as located problems.

    ``locations`` knows where each key is written (by its full key path); ``prefix`` is the key path
    of ``data`` within the file (``tool.policygen.check``); ``syntax`` (``yaml``, ``toml``, ``json``) words
    what a mapping is; ``hints`` maps a key path or an error type to the caller's hint, ahead of
    ours; ``explain`` gives a caller's own message for a value only it knows how to judge.
    """
    problems: list[tuple[str, Problem]] = []
    seen: set[tuple[str, str]] = set()
    typo_targets: set[str] = set()
    for item in error.errors(include_url=False)[:MAX_TRANSLATED]:
        path = _data_path(item["loc"], data)
        message, hint = (explain and explain(item["type"], path, item.get("input"))) or _wording(item, path, root, syntax)
        hint = (hints or {}).get(path) or (hints or {}).get(item["type"]) or hint
        shown = _within(prefix, path)
        if item["type"] == "missing":
            line, column = locations.find(parent_key(shown))
        elif item["type"] == "extra_forbidden" or item.get("input") is None or isinstance(item["input"], (dict, list)):
            line, column = locations.find(shown)  # containers and empty values at their key
        else:
            line, column = locations.find_value(shown)
        problem = Problem(file=file, line=line, column=column, key=shown, message=message, hint=hint)
        if item["type"] == "extra_forbidden":
            typo_targets.update(_within(prefix, target) for target in _typo_target(root, path))
        if (problem.key, problem.message) not in seen:
            seen.add((problem.key, problem.message))
            problems.append((item["type"], problem))
    # ``adress:`` is one mistake, not two: when an unknown key's did-you-mean names a required key
    # missing beside it, the unknown key's message (with that hint) says all there is to fix.
    kept = [problem for kind, problem in problems if not (kind == "missing" and problem.key in typo_targets)]
    return sorted(kept, key=lambda problem: (problem.line, problem.column, problem.key))  # in reading order


def _within(prefix: str, path: str) -> str:
    """The key path ``path`` of the validated data as a key path of the whole file."""
    return join_key(prefix, path) if prefix and path and not path.startswith("[") else prefix + path


def _typo_target(root: Any, path: str) -> list[str]:
    """The key path an unknown key at ``path`` is likely a typo of (what its hint proposes)."""
    key_name, parent = path.rsplit(".", 1)[-1], parent_key(path)
    match = closest(key_name, sorted(set(_allowed_keys(root, parent))))
    return [join_key(parent, match)] if match is not None and match != key_name else []


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


def _model_at(root: Any, path: str) -> type[BaseModel] | None:
    """The model class describing the mapping at key path ``path`` ("" is the root)."""
    current = _inner_models(root)
    for segment in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if segment.startswith("["):
            continue
        current = [inner for model in current for name, field in model.model_fields.items()
                   if segment in (name, field.alias) for inner in _inner_models(field.annotation)]
    return current[0] if current else None


def _allowed_keys(root: Any, path: str) -> list[str]:
    model = _model_at(root, path)
    return [] if model is None else [field.alias or name for name, field in model.model_fields.items()]


def _unknown_key_hint(root: Any, key: str, parent: str, syntax: str) -> str:
    """A typo gets "did you mean"; a key written at the wrong level of a YAML file gets where it belongs."""
    allowed = _allowed_keys(root, parent)
    suggestion = did_you_mean(key, allowed, fallback_list=False)
    if suggestion:
        return suggestion
    homes = [home for home in _key_homes(root).get(key, []) if home != _generic(parent)]
    if syntax == "yaml" and 0 < len(homes) <= 3:
        places = _(" or ").join(f"`{home}`" if home else _("the top level") for home in homes)
        return _("`{key}` belongs in {places}; check the indentation").format(key=key, places=places)
    return did_you_mean(key, allowed)


def _generic(path: str) -> str:
    """``purposes[1].retention`` → ``purposes[].retention``: the place, whichever item."""
    return re.sub(r"\[\d+\]", "[]", path)


def _key_homes(root: Any) -> dict[str, list[str]]:
    """Every key of the format → the generic paths of the mappings it may appear in."""
    homes: dict[str, list[str]] = {}
    pending: list[tuple[type[BaseModel], str]] = [(root, "")] if _inner_models(root) == [root] else []
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


def _wording(item: dict[str, Any], path: str, root: Any, syntax: str) -> tuple[str, str]:
    """Our message and hint for one pydantic error."""
    kind, value, context = item["type"], item.get("input"), item.get("ctx") or {}
    key_name = path.rsplit(".", 1)[-1] if path else ""
    if kind == "missing":
        parent = parent_key(path)
        return (_("missing required key `{key}`").format(key=key_name),
                _("add `{key}:` to `{parent}`").format(key=key_name, parent=parent) if parent
                else _("add `{key}:` at the top level").format(key=key_name))
    if kind == "extra_forbidden":
        return (_("unknown key `{key}`").format(key=key_name),
                _unknown_key_hint(root, key_name, parent_key(path), syntax))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _(_MAPPING[syntax]).format(found=describe(value)), _container_hint(value, "mapping")
    if kind == "list_type":
        return (_("expected a list, found {found}").format(found=describe(value)),
                _("write one item per line starting with `- `, or `[a, b]`"))
    if kind == "string_type":
        if isinstance(value, (int, float, bool)):
            quoted = str(value).lower() if isinstance(value, bool) else value
            hint = _('put it in quotes: "{value}"').format(value=quoted)
        else:
            hint = _container_hint(value, "text")
        return _("expected text, found {found}").format(found=describe(value)), hint
    if kind == "bool_type":
        return _("expected true or false, found {found}").format(found=describe(value)), _("write `true` or `false`")
    if kind in ("enum", "literal_error"):
        return _choice_problem(value, context)
    if kind in ("too_short", "string_too_short") and context.get("min_length") == 1:
        return _("must not be empty"), ""
    if kind in _EXPECTED:
        bound = next((context[name] for name in ("gt", "ge", "lt", "le") if name in context), "")
        bound = int(bound) if isinstance(bound, float) and bound.is_integer() else bound
        return _(_EXPECTED[kind]).format(bound=bound, found=describe(value)), ""
    if kind == "value_error":
        return str(context.get("error", item["msg"])), ""
    return str(context.get("message", "")) or item["msg"], str(context.get("hint", ""))


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


def _choice_problem(value: Any, context: dict[str, Any]) -> tuple[str, str]:
    choices = _QUOTED.findall(str(context.get("expected", "")))
    if isinstance(value, str):
        message = _("`{value}` is not one of: {choices}").format(value=value, choices=", ".join(choices))
    else:  # "the number `42`": describe() quotes the value itself
        message = _("{found} is not one of: {choices}").format(found=describe(value), choices=", ".join(choices))
    return message, did_you_mean(str(value), choices, fallback_list=False)


def describe(value: Any) -> str:
    """How a found value is named in messages: 'a list', 'a number', 'text `abc`' …"""
    if value is None:
        return _("an empty value")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return _("the number `{value}`").format(value=value)
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return _("the text `{text}`").format(text=shown)
    return type(value).__name__
