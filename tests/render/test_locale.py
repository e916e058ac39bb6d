"""Dates, durations, lists and numbers read naturally in Swedish and English (CLDR and the packs)."""

from __future__ import annotations

import datetime as dt

import pytest

from policygen.lang import LANGUAGES, cldr
from policygen.model.description import Duration, DurationUnit
from policygen.render.environment import make_environment
from policygen.render.locale import format_date, format_duration, join_list
from policygen.render.words import pack_for


@pytest.mark.parametrize(("lang", "expected"), [("sv", "1 februari 2027"), ("en", "1 February 2027")])
def test_date(lang, expected):
    assert format_date(dt.date(2027, 2, 1), lang) == expected


def test_every_month_in_swedish_is_lower_case_and_english_capitalised():
    sv = [format_date(dt.date(2026, m, 15), "sv").split()[1] for m in range(1, 13)]
    en = [format_date(dt.date(2026, m, 15), "en").split()[1] for m in range(1, 13)]
    assert sv[11] == "december" and all(name.islower() for name in sv)
    assert en[4] == "May" and all(name[0].isupper() for name in en)


# Running text writes numbers up to twelve in words, in both languages ("sju år", "seven years");
# Swedish "one" agrees with its noun (en månad, ett år).
@pytest.mark.parametrize(("amount", "unit", "sv", "en"), [
    (1, "months", "en månad", "one month"),
    (12, "months", "tolv månader", "twelve months"),
    (13, "months", "13 månader", "13 months"),
    (24, "months", "24 månader", "24 months"),
    (1, "days", "en dag", "one day"),
    (90, "days", "90 dagar", "90 days"),
    (1, "weeks", "en vecka", "one week"),
    (2, "weeks", "två veckor", "two weeks"),
    (1, "years", "ett år", "one year"),
    (7, "years", "sju år", "seven years"),
    (1000, "days", "1\u00a0000 dagar", "1,000 days"),
])
def test_duration(amount, unit, sv, en):
    duration = Duration(amount=amount, unit=unit)
    assert format_duration(pack_for("sv"), duration) == sv
    assert format_duration(pack_for("en"), duration) == en


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_unit_of_time_has_words_in_every_pack(lang):
    for unit in DurationUnit:
        assert format_duration(pack_for(lang), Duration(amount=2, unit=unit)).startswith(
            {"sv": "två ", "en": "two "}[lang])
        assert format_duration(pack_for(lang), Duration(amount=30, unit=unit)).startswith("30 ")


@pytest.mark.parametrize(("items", "sv", "en"), [
    ([], "", ""),
    (["namn"], "namn", "namn"),
    (["namn", "e-post"], "namn och e-post", "namn and e-post"),
    (["namn", "e-post", "telefonnummer"], "namn, e-post och telefonnummer",
     "namn, e-post and telefonnummer"),
])
def test_join_list(items, sv, en):
    assert join_list(pack_for("sv"), items) == sv
    assert join_list(pack_for("en"), items) == en


@pytest.mark.parametrize(("lang", "items", "expected"), [
    ("sv", ["ditt namn", "ditt företags namn och organisationsnummer", "fakturaadress och betalningar"],
     "ditt namn, ditt företags namn och organisationsnummer, och fakturaadress och betalningar"),
    ("en", ["your name", "your company's name and number", "billing address and payments"],
     "your name, your company's name and number, and billing address and payments"),
    ("sv", ["namn och adress", "e-post"], "namn och adress, och e-post"),
    ("en", ["name", "e-mail"], "name and e-mail"),
])
def test_a_comma_before_the_last_conjunction_when_an_item_has_one_of_its_own(lang, items, expected):
    """Without it "namn och organisationsnummer och fakturaadress och betalningar" is one run."""
    assert join_list(pack_for(lang), items) == expected


def test_an_or_list_is_serial_only_when_an_item_contains_or():
    assert join_list(pack_for("sv"), ["dag eller natt", "helg"], "or") == "dag eller natt, eller helg"
    assert join_list(pack_for("sv"), ["dag och natt", "helg"], "or") == "dag och natt eller helg"


def test_join_list_with_or():
    assert join_list(pack_for("sv"), ["a", "b", "c"], "or") == "a, b eller c"
    assert join_list(pack_for("en"), ["a", "b"], "or") == "a or b"


def test_a_language_without_a_pack_is_an_error():
    with pytest.raises(Exception, match="pack"):
        format_date(dt.date(2027, 1, 1), "de")


def test_filters_speak_the_language_of_their_environment():
    values = {"d": dt.date(2027, 2, 1), "p": Duration(amount=24, unit="months"),
              "items": ["namn", "e-post", "telefonnummer"]}
    source = ("{{ d|date }} · {{ p|duration }} · {{ items|join_list }} · "
              "{{ items|join_list('or') }} · {{ 3|number_word }}")
    sv = make_environment("sv", "html").from_string(source).render(**values)
    en = make_environment("en", "html").from_string(source).render(**values)
    assert sv == ("1 februari 2027 · 24 månader · namn, e-post och telefonnummer · "
                  "namn, e-post eller telefonnummer · tre")
    assert en == ("1 February 2027 · 24 months · namn, e-post and telefonnummer · "
                  "namn, e-post or telefonnummer · three")


def test_number_words_up_to_twelve_then_digits():
    sv, en = pack_for("sv"), pack_for("en")
    assert cldr.number_word(sv, 2) == "två" and cldr.number_word(sv, 1) == "ett"
    assert cldr.number_word(en, 12) == "twelve" and cldr.number_word(en, 13) == "13"
    assert cldr.number_word(sv, 1500) == "1\xa0500" and cldr.number_word(en, 1500) == "1,500"
