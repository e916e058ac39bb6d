"""The plain-language check of a description's own texts, reported where they are written.

A writer edits the description, not the generated documents; so ``policygen validate`` (and
``policygen check`` on a description) reads every text people will read with the rules of that
text's language and reports each finding at its line and column in the YAML, with its key path
(``purposes[2].title.sv``) and kind ``language``.

Which rules read a description's texts:

- every rule that reads sentences and words (long sentences, vague and wordy words, passives,
  reader address, consent by use …) runs on each text as a document of its own;
- rules on the readability of a whole document or section (PL101, PL102) do not: a text is one
  part of a document, and the document is measured when it is checked after ``build``;
- PL209 (a term of art unexplained on first use) does not: the build explains every term of art
  from the same glossary where a document first uses it, so a description never needs to;
- PL001 (an unused suppression) judges the YAML comments that suppress findings here.

Severities: a language finding is reported at its rule's severity, but never above ``warning``
(:data:`MAX_SEVERITY`). A description's wording is advice while it is written; the built document
is where the checker's errors gate. So language findings fail ``validate`` only under
``--fail-level warning`` (or ``info``), the way a CI job opts in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from policygen.check.api import check_texts
from policygen.check.rule import Rule
from policygen.check.settings import ENGINE_OPTIONS, Settings
from policygen.lang.messages import N_, _
from policygen.model import LoadedDescription
from policygen.output import FileReport, Finding
from policygen.output.levels import severity_rank
from policygen.source.texts import SourceText, source_texts

MAX_SEVERITY = "warning"
NOT_FOR_DESCRIPTIONS = frozenset({"PL209"})
"""Rules that read text but not a description's: see the module documentation."""
SUPPRESSION_FORMAT = "yaml"
APPROXIMATE_HINT = N_("policygen could not place this text's characters exactly in the YAML, so the "
                      "finding is shown at the start of the value")
"""A catalogue key: shown as ``_(APPROXIMATE_HINT)``."""


def description_rules(rules: Iterable[Rule], settings: Settings) -> list[Rule]:
    """The rules, among ``rules``, that check a description's texts under ``settings``."""
    return [rule for rule in rules if settings.enabled(rule) and rule.code not in NOT_FOR_DESCRIPTIONS]


def check_loaded(loaded: LoadedDescription, source: str, rules: list[Rule], settings: Settings,
                 inline_config: bool = True) -> FileReport:
    """The language findings of a loaded description whose file text is ``source``, as the
    description's entry in a report (findings sorted; ``source`` kept for the HTML report)."""
    texts = source_texts(loaded, source)
    active = description_rules(rules, settings)
    findings: list[Finding] = []
    languages = list(dict.fromkeys(text.lang for text in texts))
    for lang in languages:
        group = [text for text in texts if text.lang == lang]
        results = check_texts([text.blocks for text in group], loaded.path, lang, active, settings)
        for text, found in zip(group, results, strict=True):
            findings.extend(_placed(finding, text) for finding in found)
    if inline_config:
        findings = _suppressed(source, findings, texts, active, languages, settings)
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.key, f.end_line or 0, f.end_column or 0))
    report = FileReport(loaded.path, source=source)
    _keep(report, findings, settings, languages)
    return report


def _placed(finding: Finding, text: SourceText) -> Finding:
    severity = finding.severity
    if severity_rank(severity) > severity_rank(MAX_SEVERITY):
        severity = MAX_SEVERITY
    hint = finding.hint if text.exact else _(APPROXIMATE_HINT)
    return dataclasses.replace(finding, kind="language", key=text.key, severity=severity, hint=hint)


def _suppressed(source: str, findings: list[Finding], texts: list[SourceText], active: list[Rule],
                languages: list[str], settings: Settings) -> list[Finding]:
    """The findings no ``# policygen: …`` comment suppresses, plus PL001 for comments that
    suppress nothing (:mod:`policygen.check.suppress`)."""
    from policygen.check.suppress import CODE, apply_suppressions, rule_keys

    ran = [rule for rule in active if any(rule.applies_to(lang) for lang in languages)]
    unused = next((settings.severity(rule) for rule in active if rule.code == CODE), None)
    if unused is not None and severity_rank(unused) > severity_rank(MAX_SEVERITY):
        unused = MAX_SEVERITY
    kept = apply_suppressions(source, findings, SUPPRESSION_FORMAT, unused_severity=unused,
                              ran=rule_keys(ran), skip=[(text.start, text.end) for text in texts])
    return [finding if finding.kind == "language" else dataclasses.replace(finding, kind="language")
            for finding in kept]


def _keep(report: FileReport, findings: list[Finding], settings: Settings, languages: list[str]) -> None:
    """At most the ``max-findings`` setting's number of findings; the rest are counted."""
    limit = settings.option(languages[0] if languages else "sv", "max-findings") or \
        ENGINE_OPTIONS["max-findings"].default
    report.findings = findings[:limit]
    rest = findings[limit:]
    report.omitted = len(rest)
    report.omitted_severities = frozenset(finding.severity for finding in rest)
