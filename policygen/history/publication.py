"""What the published history adds to a build (:class:`policygen.render.published.Published`).

The versions of the history, and the description being built as the newest one unless it is the
last published version itself, form a chain. From it come:

- the policy's section "Changes to this policy": each version's date with a sentence for each
  substantive change it brought (the first version says it was the first), newest first, and
  links to the earlier versions' pages;
- the earlier versions' pages, each with its own section up to that version;
- every consent text ever published, for the output folder's archive;
- for each consent purpose, since which version its consents are valid (``consent.json``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from policygen.history.changes import Change
from policygen.history.compare import Comparison, Side, compare_sides
from policygen.history.consents import valid_since
from policygen.history.differ import compare
from policygen.history.rules import review_findings
from policygen.history.sentences import Describer
from policygen.history.speaker import Speaker
from policygen.history.store import History, read_history
from policygen.model import LoadedDescription
from policygen.model.description import Description
from policygen.model.facts import needs_consent
from policygen.output import Finding
from policygen.render.consent import policy_version
from policygen.render.published import (EarlierNote, HistoryEntry, HistorySection,
                                        PreviousVersion, Published, VersionLink)
from policygen.render.site import page_name

Chain = list[tuple[str, Description]]


def chain_of(history: History, description: Description) -> Chain:
    """The published versions, oldest first, and ``description`` unless it is the last one."""
    chain = [(version.policy_version, version.description) for version in history.versions]
    current = policy_version(description)
    if not chain or chain[-1][0] != current:
        chain.append((current, description))
    return chain


def publication(history: History, description: Description, languages: list[str]) -> Published:
    """What a build of ``description`` in ``languages`` shows of ``history`` (module docstring)."""
    chain = chain_of(history, description)
    pairs = _Pairs(chain)
    last = len(chain) - 1
    sections = {lang: section for lang in languages
                if (section := _section(chain, pairs, last, lang)) is not None}
    previous = []
    for index in range(last):
        _, earlier = chain[index]
        built = [lang for lang in languages if lang in earlier.languages]
        if not built:
            continue
        previous.append(PreviousVersion(
            description=earlier, effective=earlier.effective,
            files={lang: file_name(lang, earlier) for lang in built},
            sections={lang: section for lang in built
                      if (section := _section(chain, pairs, index, lang)) is not None},
            notes={lang: _note(chain, index, lang) for lang in built}))
    return Published(sections=sections, previous=previous, archive=_archive(history),
                     valid_since=_validity(chain, description))


def _archive(history: History) -> list[dict]:
    """Every consent record of the history, each text once, in the order first published."""
    archive, seen = [], set()
    for version in history.versions:
        for record in version.consents:
            if record["version"] not in seen:
                seen.add(record["version"])
                archive.append(record)
    return archive


def _validity(chain: Chain, description: Description) -> dict[str, dict]:
    """Purpose → since when its consents are valid, for ``consent.json`` (``valid_since``)."""
    validity = {}
    for purpose in description.purposes:
        found = valid_since(chain, purpose.id) if needs_consent(purpose) else None
        if found is not None:
            validity[purpose.id] = {"policy_version": found.policy_version,
                                    "effective": found.effective,
                                    "versions": {lang: list(ids)
                                                 for lang, ids in found.versions.items()}}
    return validity


def file_name(lang: str, description: Description) -> str:
    """The earlier version's page name, without suffix: ``integritetspolicy-2026-12-01``."""
    return Speaker(lang)("history.file", name=page_name(lang, "policy"),
                         date=description.effective.isoformat())


class _Pairs:
    """The changes between consecutive versions of the chain, each worked out once."""

    def __init__(self, chain: Chain) -> None:
        self.chain = chain
        self._changes: dict[int, tuple[Change, ...]] = {}

    def changes(self, index: int) -> tuple[Change, ...]:
        """From version ``index - 1`` to version ``index``."""
        if index not in self._changes:
            self._changes[index] = tuple(compare(self.chain[index - 1][1], self.chain[index][1]))
        return self._changes[index]


def substantive_lines(old: Description, new: Description, changes: tuple[Change, ...] | list[Change],
                      lang: str) -> tuple[str, ...]:
    describe = Describer(old, new, Speaker(lang))
    return tuple(describe.lines([change for change in changes if change.substantive]))


def _section(chain: Chain, pairs: _Pairs, index: int, lang: str) -> HistorySection | None:
    """The section of the page of version ``index``: nothing before the second version."""
    if index == 0:
        return None
    say = Speaker(lang)
    entries = []
    for position in range(index, -1, -1):
        _, description = chain[position]
        if position == 0:
            lines: tuple[str, ...] = (say("history.first"),)
        else:
            lines = substantive_lines(chain[position - 1][1], description,
                                      pairs.changes(position), lang)
            if not lines:
                continue
        entries.append(HistoryEntry(description.effective, lines, current=position == index))
    links = tuple(VersionLink(chain[position][1].effective,
                              f"{file_name(lang, chain[position][1])}.html")
                  for position in range(index - 1, -1, -1)
                  if lang in chain[position][1].languages)
    return HistorySection(heading=say("history.heading"), anchor=say("history.anchor"),
                          intro=say("history.intro"), this_version=say("history.this_version"),
                          previous_label=say("history.previous"), entries=tuple(entries),
                          previous=links)


def _note(chain: Chain, index: int, lang: str) -> EarlierNote:
    say = Speaker(lang)
    start, end = chain[index][1].effective, chain[index + 1][1].effective
    return EarlierNote(text=say("history.earlier_note", start=say.date(start), end=say.date(end)),
                       link_label=say("history.current_link"),
                       href=f"{page_name(lang, 'policy')}.html")


@dataclass
class BuildHistory:
    """What ``build`` takes from, and adds to, the published history of the description."""

    history: History
    comparison: Comparison | None  # with the last published version; None before the first
    findings: list[Finding]
    published: Published

    @property
    def new_version(self) -> bool:
        """Whether publishing this build adds a version to the history."""
        return self.comparison is None or not self.comparison.same_version


def prepare_build(loaded: LoadedDescription, path: Path, languages: list[str],
                  today: dt.date) -> BuildHistory:
    """Read the history at ``path``, compare the description with its last version, judge the
    change (:mod:`policygen.history.rules`) and work out what the build shows of the history."""
    history = read_history(path, Path(loaded.path).name)
    comparison = None
    findings: list[Finding] = []
    last = history.last
    if last is not None:
        comparison = compare_sides(Side(last.description, f"{path.name} "
                                                          f"({last.effective.isoformat()})"),
                                   Side(loaded.description, loaded.path, loaded.locations))
        findings = review_findings(comparison, loaded.locations, today)
    return BuildHistory(history, comparison, findings,
                        publication(history, loaded.description, languages))
