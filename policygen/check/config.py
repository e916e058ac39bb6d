"""Checker configuration: ``[tool.policygen.check]`` in ``pyproject.toml`` or ``[check]`` in
``policygen.toml``, found from the current folder upwards (the first file that has such a table
wins; ``policygen.toml`` before ``pyproject.toml`` in the same folder).

::

    [tool.policygen.check]
    select = ["PL1", "wordy"]          # codes, code prefixes, dotted names, categories
    ignore = ["PL215"]
    fail-level = "warning"             # error (default) | warning | info | never
    glossaries = ["style/words.yaml"]  # extra glossary files, relative to this config file
    sentence-words = 30                # a rule option, for every language
    [tool.policygen.check.severity]
    PL111 = "error"                    # code, name or category → severity
    [tool.policygen.check.sv]
    document-lix = 42                  # a rule option for Swedish only
    allow = ["tillhandahålla"]         # phrases no glossary rule flags

The table is validated by a pydantic model built from the options the rules declare, with their
kinds (:class:`~policygen.check.settings.Option`). Every mistake — an unknown key, a value of the
wrong type, ``nan``, ``0`` or ``-1`` as a threshold, a selector that names no rule, a glossary that
is not a regular file — is a :class:`UserError` with the file, line, column and key: a typo must
never silently switch a check off.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from policygen.check.findings import SEVERITIES
from policygen.check.settings import Option, Settings
from policygen.check.toml_positions import toml_positions
from policygen.errors import Problem, UserError
from policygen.lang import LANGUAGES
from policygen.lang.datafile import read_text
from policygen.lang.locations import Locations, join_key, parent_key
from policygen.lang.messages import N_, _
from policygen.lang.parser_reasons import os_reason, toml_reason
from policygen.lang.suggest import did_you_mean
from policygen.lang.validation import validation_problems

FAIL_LEVELS = (*SEVERITIES, "never")
_OTHER_SECTIONS = {"validate", "build", "init", "schema"}  # other commands' tables: not the checker's to judge


@dataclass
class ConfigFile:
    """The checker's table of one config file, and where each of its keys is written."""

    path: Path
    table: dict[str, Any]
    prefix: str  # the table's key path: "tool.policygen.check" or "check"
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def where(self, key: str) -> tuple[int, int]:
        """Line and column of ``key`` (relative to the table), else of its nearest written parent."""
        full = join_key(self.prefix, key) if key else self.prefix
        while full not in self.positions and full:
            full = parent_key(full)
        return self.positions.get(full, (0, 0))

    def problem(self, key: str, message: str, hint: str = "") -> Problem:
        line, column = self.where(key)
        return Problem(str(self.path), message, line=line, column=column,
                       key=join_key(self.prefix, key) if key else self.prefix, hint=hint)


def find_config(start: Path | None = None) -> ConfigFile | None:
    """The nearest config file with checker settings."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in ("policygen.toml", "pyproject.toml"):
            path = candidate_folder / name
            if path.is_file():
                config = _read(path)
                if config is not None:
                    return config
    return None


def load_config(path: Path) -> ConfigFile:
    """An explicitly named config file (``--config``); a missing table is an empty configuration."""
    return _read(path) or ConfigFile(path, {}, _prefix(path))


def _prefix(path: Path) -> str:
    return "tool.policygen.check" if path.name == "pyproject.toml" else "check"


def _read(path: Path) -> ConfigFile | None:
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        if "(at end of document)" in str(error):
            line, column = text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(error))
        raise UserError.single(str(path), _("invalid TOML: {error}").format(error=toml_reason(message)), line=line, column=column,
                               hint=_("check the quotes, brackets and `key = value` on this line")) from None
    config = ConfigFile(path, {}, _prefix(path), toml_positions(text))
    parents = config.prefix.split(".")[:-1]  # "tool", "policygen" in pyproject.toml
    tool = data
    for depth, name in enumerate(parents):
        tool = tool.get(name)
        if tool is None:
            return None
        if not isinstance(tool, dict):
            raise UserError([_located(config, ".".join(parents[: depth + 1]), _("must be a table"),
                                      _("checker settings go in a [{table}] table").format(table=config.prefix))])
    for key in tool:
        if key != "check" and key not in _OTHER_SECTIONS:
            raise UserError([_located(config, join_key(".".join(parents), key), _("unknown key `{key}`").format(key=key),
                                      _("checker settings go in the [{table}] table").format(table=config.prefix))])
    table = tool.get("check")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UserError([config.problem("", _("must be a table"),
                                        _("write [{table}] as a table header").format(table=config.prefix))])
    config.table = table
    return config


def _located(config: ConfigFile, key: str, message: str, hint: str) -> Problem:
    line, column = config.positions.get(key, (0, 0))
    return Problem(str(config.path), message, line=line, column=column, key=key, hint=hint)


_STRICT = ConfigDict(extra="forbid", strict=True)
_Strings = Annotated[list[str], BeforeValidator(lambda value: [value] if isinstance(value, str) else value)]
"""A list of strings; one string alone is a list of one."""
_NAMES = Literal[tuple(FAIL_LEVELS)]  # type: ignore[valid-type]


def _table_model(options: dict[str, Option]) -> type[BaseModel]:
    """The pydantic model of a ``check`` table whose rules declare ``options``."""
    option_fields: dict[str, Any] = {
        name.replace("-", "_"): (option.kind | None, Field(None, alias=name)) for name, option in options.items()
    }
    strings = _Strings | None
    per_language = create_model("LanguageTable", __config__=_STRICT, allow=(strings, None), **option_fields)
    return create_model(
        "CheckTable",
        __config__=_STRICT,
        select=(strings, None),
        ignore=(strings, None),
        fail_level=(_NAMES | None, Field(None, alias="fail-level")),
        glossaries=(strings, None),
        allow=(strings, None),
        severity=(dict[str, Literal[SEVERITIES]] | None, None),  # type: ignore[valid-type]
        **{lang: (per_language | None, None) for lang in LANGUAGES},
        **option_fields,
    )


_HINTS = {
    "greater_than": N_("to switch a check off, add its rule to `ignore`"),
    "greater_than_equal": N_("to switch a check off, add its rule to `ignore`"),
    "finite_number": N_("to switch a check off, add its rule to `ignore`"),
    "int_type": N_("write a whole number without quotes, such as 25"),
    "float_type": N_("write a number without quotes, such as 45"),
    "list_type": N_('write a list of text in quotes, such as ["PL111", "wordy"]'),
}


def settings_from(config: ConfigFile | None, options: dict[str, Option]) -> Settings:
    """Validate a ``check`` table against the known keys and option kinds; build :class:`Settings`.

    The rule selectors are checked afterwards by :func:`check_rule_keys`, against every rule,
    including those the table's own glossaries declare."""
    settings = Settings(defaults={name: option.default for name, option in options.items()})
    if config is None or not config.table:
        return settings
    model = _table_model(options)
    try:
        model.model_validate(config.table)
    except ValidationError as error:
        raise UserError(validation_problems(
            error, str(config.path), config.table, model, Locations(config.positions), prefix=config.prefix,
            syntax="toml", hints={kind: _(hint) for kind, hint in _HINTS.items()})) from None
    table = config.table
    settings.select = _strings(table.get("select"))
    settings.ignore = _strings(table.get("ignore"))
    settings.fail_level = table.get("fail-level", settings.fail_level)
    settings.glossaries = tuple(config.path.parent / item for item in _strings(table.get("glossaries")))
    problems = [
        config.problem(f"glossaries[{index}]", problem, _("name a .yaml glossary file, relative to this config file"))
        for index, path in enumerate(settings.glossaries)
        if (problem := _not_a_glossary(path))
    ]
    if problems:
        raise UserError(problems)
    if "allow" in table:
        settings.allowed["*"] = _strings(table["allow"])
    for rule_key, severity in (table.get("severity") or {}).items():
        settings.severities[rule_key.upper() if rule_key.upper().startswith("PL") else rule_key] = severity
    for lang in LANGUAGES:
        if lang in table:
            overrides = dict(table[lang])
            if "allow" in overrides:
                settings.allowed[lang] = _strings(overrides.pop("allow"))
            settings.lang_options[lang] = overrides
    settings.options = {key: value for key, value in table.items() if key in options}
    return settings


def check_rule_keys(config: ConfigFile | None, rules: list) -> None:  # noqa: ANN001 - Rule objects
    """Refuse a ``select``, ``ignore`` or ``severity`` key that names no rule (a typo checks nothing)."""
    if config is None:
        return
    keys = {key for rule in rules for key in (rule.code, rule.name, rule.category)}
    problems = []
    for option in ("select", "ignore"):
        for index, value in enumerate(_strings(config.table.get(option))):
            if not is_selector(value, keys):
                problems.append(config.problem(f"{option}[{index}]", _not_a_rule_key(value),
                                               did_you_mean(value, keys, fallback_list=False)))
    for rule_key in config.table.get("severity") or {}:
        if (rule_key.upper() if rule_key.upper().startswith("PL") else rule_key) not in keys:
            problems.append(config.problem(f"severity.{rule_key}", _not_a_rule_key(rule_key),
                                           did_you_mean(rule_key, keys, fallback_list=False)))
    if problems:
        raise UserError(problems)


def _strings(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _not_a_glossary(path: Path) -> str:
    """Why ``path`` cannot be a glossary file (only regular files are read), or ``""``."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return _("cannot read the glossary file {path}: {error}").format(path=repr(str(path)),
                                                                        error=os_reason(error))
    if not stat.S_ISREG(mode):
        return _("the glossary {path} is not a regular file (a folder, device, pipe or socket)").format(
            path=repr(str(path)))
    return ""


def is_selector(value: str, rule_keys: set[str]) -> bool:
    """Does ``value`` name rules: a code or code prefix, a dotted name or its prefix, a category?"""
    if value.upper().startswith("PL") or value in rule_keys:
        return True
    return any(name.startswith(value + ".") for name in rule_keys)


def check_option_selectors(option: str, values: tuple[str, ...], rules: list) -> None:  # noqa: ANN001
    """Refuse ``--select``/``--ignore`` values that name no rule (a typo would check nothing)."""
    keys = {key for rule in rules for key in (rule.code, rule.name, rule.category)}
    for value in values:
        if not is_selector(value, keys):
            raise UserError([Problem(option, _not_a_rule_key(value), hint=did_you_mean(value, keys, fallback_list=False))])


def _not_a_rule_key(key: str) -> str:
    return _("{key} is not a rule code, name or category").format(key=repr(key))
