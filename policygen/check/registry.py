"""Every rule, from code and from data: the rule modules in ``policygen/check/rules/`` and the rules
declared in glossary files (shipped ones, then the user's from configuration)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policygen.check.rule import Rule, RuleDefinitionError, class_rules

if TYPE_CHECKING:
    from policygen.check.settings import Option


@cache
def import_rule_modules() -> None:
    """Import every module in ``policygen/check/rules/``: defining a rule class registers it."""
    import policygen.check.rules as package

    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{module.name}")


@cache
def _shipped_glossary_rules() -> tuple[Rule, ...]:
    from policygen.check.glossary_rules import shipped_glossary_rules
    from policygen.resources import glossary_dir

    return tuple(shipped_glossary_rules(glossary_dir()))


def all_rules(user_glossaries: Iterable[Path] = ()) -> list[Rule]:
    """Every rule, sorted by code. ``user_glossaries`` are extra glossary files from configuration:
    they declare new rules or add entries to a shipped glossary rule of the same code."""
    import_rule_modules()
    rules: dict[str, Rule] = {code: cls() for code, cls in class_rules().items()}
    shipped: Iterable[Rule] = _shipped_glossary_rules()
    if user_glossaries:
        from policygen.check.glossary_rules import with_user_glossaries

        taken = {key: rule.code for rule in rules.values() for key in (rule.code, rule.name)}
        shipped = with_user_glossaries(shipped, [Path(path) for path in user_glossaries], taken)  # type: ignore[arg-type]
    for rule in shipped:
        if rule.code in rules:
            raise RuleDefinitionError(f"{rule.code} is declared both in code and in {', '.join(rule.sources)}")  # type: ignore[attr-defined]
        rules[rule.code] = rule
    names: dict[str, str] = {}
    for rule in rules.values():
        if rule.name in names:
            raise RuleDefinitionError(f"rule name {rule.name} is used by {names[rule.name]} and {rule.code}")
        names[rule.name] = rule.code
    return [rules[code] for code in sorted(rules)]


def options(rules: Iterable[Rule]) -> dict[str, Option]:
    """Every option of the engine and the rules; an option name belongs to one rule."""
    from policygen.check.settings import ENGINE_OPTIONS

    found: dict[str, Option] = dict(ENGINE_OPTIONS)
    owner: dict[str, str] = {name: "engine" for name in ENGINE_OPTIONS}
    for rule in rules:
        for name, option in rule.options.items():
            if name in owner and owner[name] != rule.code:
                raise RuleDefinitionError(f"option {name!r} is declared by {owner[name]} and {rule.code}")
            owner[name] = rule.code
            found[name] = option
    return found


def option_defaults(rules: Iterable[Rule]) -> dict[str, Any]:
    """Every option with its default (``Settings.defaults``)."""
    return {name: option.default for name, option in options(rules).items()}


def find_rule(rules: Iterable[Rule], key: str) -> Rule | None:
    """The rule whose code (any case) or dotted name is ``key``."""
    for rule in rules:
        if key.upper() == rule.code or key == rule.name:
            return rule
    return None
