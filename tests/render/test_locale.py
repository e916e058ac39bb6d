"""Dates, durations, plurals and lists read naturally in Swedish and English."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import Environment, StrictUndefined

from policygen.model.description import Duration
from policygen.render.locale import FILTERS, format_date, format_duration, join_list, plural


@pytest.mark.parametrize(("lang", "expected"), [("sv", "1 februari 2027"), ("en", "1 February 2027")])
def test_date(lang, expected):
    assert format_date(dt.date(2027, 2, 1), lang) == expected


def test_every_month_in_swedish_is_lower_case_and_english_capitalised():
    sv = [format_date(dt.date(2026, m, 15), "sv").split()[1] for m in range(1, 13)]
    en = [format_date(dt.date(2026, m, 15), "en").split()[1] for m in range(1, 13)]
    assert sv[11] == "december" and all(name.islower() for name in sv)
    assert en[4] == "May" and all(name[0].isupper() for name in en)


@pytest.mark.parametrize(("amount", "unit", "sv", "en"), [
    (1, "months", "1 månad", "1 month"),
    (24, "months", "24 månader", "24 months"),
    (1, "days", "1 dag", "1 day"),
    (90, "days", "90 dagar", "90 days"),
    (1, "weeks", "1 vecka", "1 week"),
    (2, "weeks", "2 veckor", "2 weeks"),
    (1, "years", "1 år", "1 year"),
    (7, "years", "7 år", "7 years"),
])
def test_duration(amount, unit, sv, en):
    duration = Duration(amount=amount, unit=unit)
    assert format_duration(duration, "sv") == sv
    assert format_duration(duration, "en") == en
    assert format_duration((amount, unit), "en") == en


def test_plural():
    assert plural(1, "ändamål", "ändamålen") == "ändamål"
    assert plural(0, "purpose", "purposes") == "purposes"
    assert plural(3, "purpose", "purposes") == "purposes"


@pytest.mark.parametrize(("items", "sv", "en"), [
    ([], "", ""),
    (["namn"], "namn", "namn"),
    (["namn", "e-post"], "namn och e-post", "namn and e-post"),
    (["namn", "e-post", "telefonnummer"], "namn, e-post och telefonnummer",
     "namn, e-post and telefonnummer"),
])
def test_join_list(items, sv, en):
    assert join_list(items, "sv") == sv
    assert join_list(items, "en") == en


def test_join_list_with_or():
    assert join_list(["a", "b", "c"], "sv", "or") == "a, b eller c"
    assert join_list(["a", "b"], "en", "or") == "a or b"


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="no locale data"):
        format_date(dt.date(2027, 1, 1), "de")


def test_filters_take_the_language_from_the_template_context():
    env = Environment(undefined=StrictUndefined)
    env.filters.update(FILTERS)
    template = env.from_string(
        "{{ d|date }} · {{ p|duration }} · {{ items|join_list }} · {{ items|join_list('or') }}"
        " · {{ d|date('en') }}")
    values = {"d": dt.date(2027, 2, 1), "p": Duration(amount=24, unit="months"),
              "items": ["namn", "e-post", "telefonnummer"]}
    assert template.render(lang="sv", **values) == (
        "1 februari 2027 · 24 månader · namn, e-post och telefonnummer · "
        "namn, e-post eller telefonnummer · 1 February 2027")
    assert template.render(lang="en", **values).startswith("1 February 2027 · 24 months · ")


def test_number_words_up_to_twelve():
    from policygen.render.locale import number_word
    assert number_word(2, "sv") == "två" and number_word(1, "sv") == "ett"
    assert number_word(12, "en") == "twelve" and number_word(13, "en") == "13"
