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

Unknown keys are errors naming the key (a typo must not silently turn a check off).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from policygen.check.findings import SEVERITIES
from policygen.check.settings import LANGUAGES, Settings
from policygen.errors import Problem, UserError

FAIL_LEVELS = (*SEVERITIES, "never")
_TOP_KEYS = {"select", "ignore", "fail-level", "glossaries", "severity", "allow", *LANGUAGES}
_OTHER_SECTIONS = {"validate", "build", "init", "diff", "schema"}


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file with checker settings, and that table."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in ("policygen.toml", "pyproject.toml"):
            path = candidate_folder / name
            if path.is_file():
                table = _check_table(path, _load(path))
                if table is not None:
                    return path, table
    return None


def load_config(path: Path) -> tuple[Path, dict[str, Any]]:
    """An explicitly named config file (``--config``); a missing table is an empty configuration."""
    if not path.is_file():
        raise UserError.single(str(path), "config file not found")
    return path, _check_table(path, _load(path)) or {}


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UserError.single(str(path), f"cannot read config file: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UserError.single(str(path), f"invalid TOML: {error}") from None


def _check_table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = data.get("tool", {}).get("policygen")
        prefix = "tool.policygen"
    else:
        tool = data
        prefix = ""
    if tool is None:
        return None
    for key in tool:
        if key != "check" and key not in _OTHER_SECTIONS:
            raise UserError.single(
                str(path), f"unknown key {key!r}", key=f"{prefix}.{key}".lstrip("."),
                hint="checker settings go in the [" + f"{prefix}.check".lstrip(".") + "] table",
            )
    table = tool.get("check")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UserError.single(str(path), "must be a table", key=f"{prefix}.check".lstrip("."))
    return table


def settings_from(
    table: dict[str, Any], config_path: Path | None, option_defaults: dict[str, Any], rule_keys: set[str]
) -> Settings:
    """Validate a ``check`` table against the known keys and rule options; build :class:`Settings`."""
    file = str(config_path) if config_path else "<config>"
    prefix = "tool.policygen.check" if config_path and config_path.name == "pyproject.toml" else "check"

    def fail(key: str, message: str, hint: str = "") -> UserError:
        return UserError([Problem(file, message, key=f"{prefix}.{key}", hint=hint)])

    def strings(key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    def check_selectors(key: str, values: tuple[str, ...]) -> None:
        for value in values:
            if not is_selector(value, rule_keys):
                raise fail(key, f"{value!r} is not a rule code, name or category", _suggest(value, rule_keys))

    settings = Settings(defaults=dict(option_defaults))
    base = config_path.parent if config_path else Path.cwd()
    for key, value in table.items():
        if key in option_defaults:
            settings.options[key] = _option_value(key, value, option_defaults[key], fail)
        elif key in ("select", "ignore"):
            values = strings(key, value)
            check_selectors(key, values)
            setattr(settings, key, values)
        elif key == "fail-level":
            if value not in FAIL_LEVELS:
                raise fail(key, f"must be one of {', '.join(FAIL_LEVELS)}")
            settings.fail_level = value
        elif key == "glossaries":
            settings.glossaries = tuple(base / item for item in strings(key, value))
        elif key == "allow":
            settings.allowed["*"] = strings(key, value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise fail(key, "must be a table of rule → severity")
            for rule_key, severity in value.items():
                if severity not in SEVERITIES:
                    raise fail(f"severity.{rule_key}", f"must be one of {', '.join(SEVERITIES)}")
                if rule_key.upper() in rule_keys or rule_key.upper().startswith("PL9"):
                    rule_key = rule_key.upper()
                elif rule_key not in rule_keys:
                    raise fail(f"severity.{rule_key}", "not a rule code, name or category", _suggest(rule_key, rule_keys))
                settings.severities[rule_key] = severity
        elif key in LANGUAGES:
            if not isinstance(value, dict):
                raise fail(key, "must be a table of options for this language")
            overrides: dict[str, Any] = {}
            for option, option_value in value.items():
                if option == "allow":
                    settings.allowed[key] = strings(f"{key}.allow", option_value)
                elif option in option_defaults:
                    overrides[option] = _option_value(
                        f"{key}.{option}", option_value, option_defaults[option], fail
                    )
                else:
                    raise fail(f"{key}.{option}", f"unknown key {option!r}", _suggest(option, set(option_defaults)))
            settings.lang_options[key] = overrides
        else:
            raise fail(key, f"unknown key {key!r}", _suggest(key, _TOP_KEYS | set(option_defaults)))
    return settings


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
            raise UserError([Problem(option, f"{value!r} is not a rule code, name or category", hint=_suggest(value, keys))])


def _option_value(key: str, value: Any, default: Any, fail: Any) -> Any:
    """Check ``value`` against the kind of the option's default (a per-language default's values)."""
    if isinstance(default, dict):
        default = next(iter(default.values()), None)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise fail(key, "must be true or false")
    elif isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail(key, "must be a number")
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise fail(key, "must be a string")
    elif isinstance(default, (list, tuple)):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail(key, "must be a list of strings")
    return value


def _suggest(word: str, candidates: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, sorted(candidates), n=1)
    return f"did you mean {close[0]!r}?" if close else ""
