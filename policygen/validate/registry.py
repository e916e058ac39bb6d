"""The registry of GDPR rules: each rule is a function declared with its code and article.

Like a linter's rules, every rule has a stable code (``G101``), a dotted name
(``legitimate_interest.missing``), a default severity and the GDPR article it comes from; what a
rule is and how its docstring documents it is :mod:`policygen.output.gdpr_rule`, shared with the
G9xx rules of ``build``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from policygen.output import SEVERITIES
from policygen.output.gdpr_rule import GdprRule, Hit

if TYPE_CHECKING:
    from policygen.validate.context import Context

_CODE = re.compile(r"^G\d{3}$")
_NAME = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_ARTICLE = re.compile(r"^\d+(\(\d+\))?(\([a-z]\))?$")

Check = Callable[["Context"], Iterator[Hit]]
Rule = GdprRule


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, *, severity: str, article: str,
         article_14: str | None = None) -> Callable[[Check], Check]:
    """Declare a rule; refuses a malformed or duplicate code or name at import time."""

    def register(check: Check) -> Check:
        if not _CODE.match(code) or code in RULES:
            raise ValueError(f"bad or duplicate rule code {code!r}")
        if not _NAME.match(name) or any(r.name == name for r in RULES.values()):
            raise ValueError(f"bad or duplicate rule name {name!r}")
        if severity not in SEVERITIES:
            raise ValueError(f"bad severity {severity!r} for {code}")
        for value in (article, article_14):
            if value is not None and not _ARTICLE.match(value):
                raise ValueError(f"bad article {value!r} for {code}")
        RULES[code] = Rule(code, name, severity, article, article_14, check)
        return check

    return register


def all_rules() -> list[Rule]:
    """Every rule, loaded and sorted by code."""
    from policygen.validate import rules as _rules  # noqa: F401  (importing registers them)

    return [RULES[code] for code in sorted(RULES)]
