"""The routines name every purpose and every right that applies to it, and no right that does not.

Rights follow each purpose's legal basis (reference/gdpr-notice.md), plus withdrawal of explicit
consent and the absolute right to object to direct marketing. The tables below are written by hand
from that reference for the descriptions a person has read; the generic tests compare every
description with :func:`policygen.model.facts.all_rights_for_purpose`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hb_helpers import DESCRIPTIONS, LANGUAGES, ROUTINES, read, say, section, unescape
from policygen.model.facts import all_rights_for_purpose
from policygen.render.handbook.views import RIGHTS_WITH_ROUTINES

ALL = ("access", "rectification", "erasure", "restriction", "portability", "objection",
       "withdraw_consent", "complaint")
CONTRACT = ("access", "rectification", "erasure", "restriction", "portability", "complaint")
INTEREST = ("access", "rectification", "erasure", "restriction", "objection", "complaint")
OBLIGATION = ("access", "rectification", "restriction", "complaint")
CONSENT = ("access", "rectification", "erasure", "restriction", "portability", "withdraw_consent",
           "complaint")

EXPECTED = {
    "exempel-support": {"support": CONTRACT, "quality": INTEREST, "security": INTEREST,
                        "newsletter": ALL, "bookkeeping": OBLIGATION},
    "foretagsservice-art14": {"support": INTEREST, "accessibility": CONSENT,
                              "signatory_check": INTEREST},
    "hyrcykel-sv-en": {"rental": CONTRACT, "offers": INTEREST, "interviews": CONSENT,
                       "accounts": OBLIGATION,
                       "accident_help": ("access", "rectification", "erasure", "restriction",
                                         "complaint")},
}


def right_of_anchor(lang: str) -> dict[str, str]:
    anchors = {say(lang, f"hb.anchors.right_{right.value}"): right.value
               for right in RIGHTS_WITH_ROUTINES}
    anchors[say(lang, "hb.anchors.complaint")] = "complaint"
    return anchors


def rights_listed(routines: str, lang: str, title: str) -> tuple[str, ...]:
    """The rights the purpose's section under "What we record" links to, in order."""
    records = section(routines, say(lang, "hb.records.heading"), 2)
    purpose = section(records, title, 3)
    label = re.escape(say(lang, "hb.records.rights_label"))
    line = next(line for line in purpose.splitlines() if re.match(rf"^- \*\*{label}\*\*", line))
    return tuple(right_of_anchor(lang)[anchor] for anchor in re.findall(r"\(#([a-z-]+)\)", line))


def routine_headings(routines: str, lang: str) -> list[str]:
    wanted = {say(lang, f"hb.rights.{right.value}.heading"): right.value
              for right in RIGHTS_WITH_ROUTINES}
    found = []
    for line in routines.splitlines():
        if line.startswith("### ") and unescape(line[4:]) in wanted:
            found.append(wanted[unescape(line[4:])])
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_purpose_lists_exactly_its_rights(handbooks, described, name, lang):
    routines = read(handbooks[name], f"{ROUTINES[lang]}.md")
    for purpose in described[name].purposes:
        assert rights_listed(routines, lang, purpose.title[lang]) == EXPECTED[name][purpose.id], \
            purpose.id


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_description_follows_the_facts(handbooks, described, name, lang):
    description = described[name]
    if lang not in description.languages:
        pytest.skip(f"{name} is not written in {lang}")
    routines = read(handbooks[name], f"{ROUTINES[lang]}.md")
    for purpose in description.purposes:
        expected = tuple(right.value for right in all_rights_for_purpose(purpose))
        assert rights_listed(routines, lang, purpose.title[lang]) == expected, purpose.id
    applying = [right.value for right in RIGHTS_WITH_ROUTINES
                if any(right in all_rights_for_purpose(p) for p in description.purposes)]
    assert routine_headings(routines, lang) == applying


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_routine_names_the_purposes_it_covers(handbooks, described, name, lang):
    description = described[name]
    if lang not in description.languages:
        pytest.skip(f"{name} is not written in {lang}")
    routines = read(handbooks[name], f"{ROUTINES[lang]}.md")
    for right in RIGHTS_WITH_ROUTINES:
        covered = [p.title[lang] for p in description.purposes if right in all_rights_for_purpose(p)]
        if not covered:
            continue
        text = section(routines, say(lang, f"hb.rights.{right.value}.heading"), 3)
        if len(covered) == len(description.purposes):
            assert say(lang, "hb.routine.covers_all") in text
            continue
        intro = say(lang, "hb.routine.covers_some")
        listed = text.split(intro, 1)[1].strip().split("\n\n", 1)[0]
        assert [unescape(line[2:]) for line in listed.splitlines()] == covered, right.value


ONLY_A_LAW = """\
format: 1
languages: [sv, en]
effective: 2027-01-01
controller: {name: Lagbundet AB, address: "Gatan 1, 111 11 Stockholm", email: info@lagbundet.se}
record_system: {name: Lagbundet CRM, country: SE}
data:
  - id: name
    label: {sv: ditt namn, en: your name}
    holder: contact
  - id: invoice
    label: {sv: dina fakturor, en: your invoices}
    holder: company
purposes:
  - id: accounts
    title: {sv: Bokföra, en: Keep accounts}
    data: [name, invoice]
    legal_basis: legal_obligation
    legal_obligation: {sv: Bokföringslagen (1999:1078) kräver det., en: The Swedish Bookkeeping Act (1999:1078) requires it.}
    retention: {period: 7 years, after: {sv: räkenskapsårets slut, en: the end of the financial year}}
    requirement: {sv: Lagen kräver uppgifterna., en: The law requires the data.}
requests: {contact: info@lagbundet.se}
"""


def test_a_right_no_purpose_has_gets_no_routine_and_no_letter(tmp_path: Path):
    from policygen.model import load_description_text
    from policygen.render.handbook.writer import write_handbook

    write_handbook(load_description_text(ONLY_A_LAW), tmp_path / "hb")
    for lang in LANGUAGES:
        routines = read(tmp_path / "hb", f"{ROUTINES[lang]}.md")
        assert routine_headings(routines, lang) == ["access", "rectification", "restriction"]
        for right in ("erasure", "portability", "objection", "withdraw_consent"):
            assert say(lang, f"hb.rights.{right}.heading") not in unescape(routines)
    letters = sorted(path.name for path in (tmp_path / "hb" / "sv" / "svarsbrev").iterdir())
    assert letters == ["access.md", "extension.md", "rectification.md", "verify-identity.md"]


PORTABILITY_EXPLAINED = {
    "sv": "Dataportabilitet betyder att personen kan få ut uppgifterna som hen har gett oss i ett vanligt "
          "digitalt format och flytta dem till någon annan.",
    "en": "Data portability means that the person can get the data they gave us in a common digital format, "
          "and take it elsewhere.",
}


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_data_portability_is_explained_before_a_purpose_first_lists_it(handbooks, described, name, lang):
    if lang not in described[name].languages:
        pytest.skip(f"{name} is not written in {lang}")
    routines = read(handbooks[name], f"{ROUTINES[lang]}.md")
    explanation = PORTABILITY_EXPLAINED[lang]
    link = f"[{say(lang, 'hb.rights.portability.short')}](#{say(lang, 'hb.anchors.right_portability')})"
    records = section(routines, say(lang, "hb.records.heading"), 2)
    if link in records:
        assert explanation in records and records.index(explanation) < records.index(link)
    else:
        assert explanation not in routines


def test_without_the_right_to_data_portability_it_is_not_explained(tmp_path: Path):
    from policygen.model import load_description_text
    from policygen.render.handbook.writer import write_handbook

    write_handbook(load_description_text(ONLY_A_LAW), tmp_path / "hb")
    for lang in LANGUAGES:
        assert PORTABILITY_EXPLAINED[lang] not in read(tmp_path / "hb", f"{ROUTINES[lang]}.md")
