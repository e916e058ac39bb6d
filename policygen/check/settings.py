"""Checker settings: which rules run, how severe they are, thresholds per language, extra glossaries.

Built from defaults (each rule's ``options``) plus configuration (``policygen.check.config``) plus
command-line options. Rules read thresholds through :meth:`Settings.option`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

if TYPE_CHECKING:
    from policygen.check.rule import Rule

WordCount = Annotated[int, Field(strict=True, ge=1)]
"""A number of words or findings: a whole number, at least 1."""
Score = Annotated[float, Field(strict=True, gt=0, le=100, allow_inf_nan=False)]
"""A readability threshold (LIX, Flesch Reading Ease): more than 0, at most 100, never nan."""
Share = Annotated[float, Field(strict=True, gt=0, le=1, allow_inf_nan=False)]
"""A share of the words: more than 0, at most 1."""


@dataclass(frozen=True)
class Option:
    """A setting a rule reads: its default (a value, a per-language mapping such as ``{"en": 50}``,
    or ``None`` for a check that is off until configured) and the kind of value it takes.

    The kind is checked when configuration is read, so ``nan``, ``0`` or ``"abc"`` is a located
    error instead of a threshold that silently switches a check off. A check is switched off by
    ignoring its rule, never by a threshold.
    """

    default: Any
    kind: Any


QuotedLaw = Literal["skip", "info", "keep"]
"""What becomes of findings inside quoted law (policygen.check.arbitrate): dropped, kept at
severity info, or kept as they are."""

ENGINE_OPTIONS = {
    "max-findings": Option(10_000, WordCount),
    "quoted-law": Option("skip", QuotedLaw),
    "one-per-span": Option(True, Annotated[bool, Field(strict=True)]),
}
"""Options of the engine itself (not of one rule): findings kept per file, the rest only counted;
what happens to findings inside quoted law; whether overlapping findings of different rules are
reduced to the most useful one (``false`` keeps every rule's finding, to measure rules apart)."""


@dataclass
class Settings:
    """What to check and how.

    ``select``/``ignore`` hold rule codes (``PL111``), code prefixes (``PL2``), dotted names
    (``sentence.too_long``) or categories (``wordy``); an empty ``select`` means every rule.
    ``options`` maps an option name to a value for every language, ``lang_options`` maps a language
    to its own overrides; both are checked against the options the rules declare.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, str] = field(default_factory=dict)
    fail_level: str = "error"
    glossaries: tuple[Path, ...] = ()
    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    lang_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)

    def option(self, lang: str, name: str) -> Any:
        """The value of option ``name`` for ``lang``: language override, then global, then default.

        A default may be a per-language mapping (``{"sv": 45, "en": 45}``); a language it does not
        name gets ``None`` (the check does not apply).
        """
        if name in self.lang_options.get(lang, {}):
            return self.lang_options[lang][name]
        if name in self.options:
            return self.options[name]
        default = self.defaults.get(name)
        if isinstance(default, dict):
            return default.get(lang)
        return default

    def allow(self, lang: str) -> tuple[str, ...]:
        """Extra phrases the user allows (terms of art no glossary rule should flag)."""
        return self.allowed.get(lang, ()) + self.allowed.get("*", ())

    def enabled(self, rule: "Rule") -> bool:
        if self.select and not any(matches(rule, selector) for selector in self.select):
            return False
        return not any(matches(rule, selector) for selector in self.ignore)

    def narrow(self, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
        """Apply the command line: ``--select`` replaces the configured selection, ``--ignore`` adds."""
        if select:
            self.select = tuple(select)
        self.ignore += tuple(ignore)

    def severity(self, rule: "Rule") -> str:
        for key in (rule.code, rule.name, rule.category):
            if key in self.severities:
                return self.severities[key]
        return rule.severity


_GDPR_CODE = re.compile(r"^G\d*$", re.IGNORECASE)


def matches(rule: "Rule", selector: str) -> bool:
    """Does ``selector`` (code, code prefix, dotted name or name prefix, category) pick ``rule``?

    ``rule`` is anything with a ``code``, ``name`` and ``category``: a plain-language rule, or the
    :class:`~policygen.output.RuleInfo` of a GDPR rule (``validate --select G4``)."""
    selector = selector.strip()
    if selector.upper().startswith("PL") or _GDPR_CODE.match(selector):
        return rule.code.startswith(selector.upper())
    return selector in (rule.name, rule.category) or rule.name.startswith(selector + ".")
