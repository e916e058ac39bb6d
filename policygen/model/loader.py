"""Loading a description: file → checked bytes → YAML data with positions → typed model.

Every format error found on the way becomes one located :class:`~policygen.errors.Problem`;
as many as possible are collected in one run (all unknown keys, all missing translations, all
dangling ids) so the writer can fix them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from policygen.errors import Problem, UserError
from policygen.lang.messages import _, number
from policygen.model.description import Description
from policygen.model.hygiene import hygiene_problems
from policygen.lang.locations import Locations
from policygen.lang.validation import describe, validation_problems
from policygen.model.printable import printable_problem
from policygen.model.references import reference_problems
from policygen.model.source import read_description_text
from policygen.model.values import SUPPORTED_LANGUAGES
from policygen.lang.yaml_tree import parse_yaml


MAX_PROBLEMS = 100


@dataclass(frozen=True)
class LoadedDescription:
    """A valid description together with where each of its keys was written."""

    path: str
    description: Description
    locations: Locations


def load_description(path: str) -> LoadedDescription:
    """Read and check the description at ``path``; raise :class:`UserError` on format errors."""
    path = str(path)
    return load_description_text(read_description_text(path), path)


def load_description_text(text: str, path: str = "<string>") -> LoadedDescription:
    """Check a description given as text (``path`` is only used in messages)."""
    try:
        return _load(text, path)
    except UserError as error:
        raise UserError([printable_problem(problem) for problem in error.problems]) from None


def _load(text: str, path: str) -> LoadedDescription:
    data, locations = parse_yaml(text, path)
    if data is None:
        raise UserError.single(path, _("the file is empty"), line=1, column=1,
                               hint=_("run `policygen init` to write a starter description"))
    if not isinstance(data, dict):
        raise UserError.single(
            path, _("the top level must be a mapping (format, languages, controller …), found {found}").format(
                found=describe(data)),
            line=locations.find("")[0], column=locations.find("")[1],
            hint=_("start with `format: 1` on the first line, without `- ` in front; "
                   "run `policygen init` for an example"),
        )
    if "format" not in data and not set(map(str, data)) & set(Description.model_fields):
        raise UserError.single(path, _("this is not a policygen description: it has no `format: 1` and "
                                       "none of the description's keys"), line=1, column=1,
                               hint=_("check the file name; run `policygen init` to write a starter description"))
    problems: list[Problem] = []
    description = None
    try:
        description = Description.model_validate(data, context={"languages": _languages(data)})
    except ValidationError as error:
        problems.extend(validation_problems(error, path, data, Description, locations, explain=_explain))
    problems.extend(reference_problems(data, locations, path))
    problems = _hygiene_first(problems, hygiene_problems(data, locations, path))
    if problems or description is None:
        raise UserError(_first(sorted(problems, key=lambda p: (p.line, p.column, p.key)), path))
    return LoadedDescription(path=path, description=description, locations=locations)


def _explain(kind: str, path: str, value: Any) -> tuple[str, str] | None:
    """The description's own wording for its version and its languages."""
    if kind in ("enum", "literal_error") and path == "format":
        return (_("`format` must be 1, found {found}").format(found=describe(value)),
                _("this version of policygen reads `format: 1`"))
    if kind in ("enum", "literal_error") and path.startswith("languages"):
        supported = _("policygen writes these languages: {languages}").format(languages=", ".join(SUPPORTED_LANGUAGES))
        if isinstance(value, str):
            return _("unsupported language `{language}`").format(language=value), supported
        return _("expected a language code, found {found}").format(found=describe(value)), supported
    if kind == "too_short" and path == "languages":
        return _("list at least one language"), _("e.g. `languages: [sv, en]`")
    return None


def _hygiene_first(problems: list[Problem], hygiene: list[Problem]) -> list[Problem]:
    """A value with a control character is reported for that alone: whatever else is wrong with
    it (an e-mail address that no longer looks like one) follows from it."""
    dirty = {problem.key for problem in hygiene}
    return [problem for problem in problems if problem.key not in dirty] + hygiene


def _first(problems: list[Problem], path: str) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS`, and a note of how many more there are."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + [Problem(file=path, message=_("… and {count} more problems").format(count=number(more)),
                                              hint=_("fix the problems above first, then run again"))]


def _languages(data: dict[str, Any]) -> list[str] | None:
    """The languages every text must be given in; None when ``languages`` itself is wrong.

    A wrong ``languages`` is reported once; checking every text against it would bury that one
    message under a translation error per text.
    """
    languages = data.get("languages")
    if not isinstance(languages, list):
        return None
    if not languages or len(set(map(str, languages))) != len(languages):
        return None
    if not all(isinstance(lang, str) and lang in SUPPORTED_LANGUAGES for lang in languages):
        return None
    return languages
