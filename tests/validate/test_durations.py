"""One syntax of a retention period: the JSON Schema editors use and the loader accept exactly the
same strings, and every unit has its words in every language pack."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from policygen.model.description import DurationUnit
from policygen.model.schema import description_schema
from policygen.model.values import DURATION_UNITS, parse_duration


def _period_validator() -> jsonschema.protocols.Validator:
    schema = description_schema()
    period = schema["$defs"]["Retention"]["properties"]["period"]
    validator = jsonschema.validators.validator_for(schema)
    return validator({**period, "$defs": schema["$defs"]})


PERIOD = _period_validator()


def schema_accepts(text: str) -> bool:
    return PERIOD.is_valid(text)


def loader_accepts(text: str) -> bool:
    try:
        parse_duration(text)
    except PydanticCustomError:
        return False
    return True


WORDS = ["day", "days", "week", "weeks", "month", "months", "year", "years", "Months", "dagar",
         "mån", "yr", "d", ""]
SPACES = st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=3)
NUMBERS = st.one_of(st.integers(min_value=-3, max_value=10_000).map(str),
                    st.sampled_from(["0", "00", "012", "+5", "٢٤", "1.5", "1e3", ""]))
SHAPED = st.builds(lambda a, n, b, w, c: a + n + b + w + c,
                   SPACES, NUMBERS, SPACES, st.sampled_from(WORDS), SPACES)
ANY = st.text(alphabet="0123456789 \tdaymonthswekrDMY+-\n.", max_size=14)


@given(st.one_of(SHAPED, ANY))
@example("24months")
@example("24 months")
@example("24 months\n")
@example("1 Year")
@example("0 days")
@example(" 7 years ")
@example("٢٤ months")
def test_schema_and_loader_accept_the_same_periods(text: str) -> None:
    assert schema_accepts(text) == loader_accepts(text), repr(text)


@pytest.mark.parametrize("text", ["24 months", "24months", "1 year", "90 days", "2 weeks",
                                  " 1 day "])
def test_common_periods_are_accepted_by_both(text: str) -> None:
    assert schema_accepts(text) and loader_accepts(text)


@pytest.mark.parametrize(("text", "hint"), [
    ("24 månader", "write the unit in English: `24 months`"),
    ("24 Months", "lower case: `24 months`"),
    ("0 days", "`criteria`"),
    ("24 mnths", "did you mean `24 months`?"),
    ("+24 months", "without a sign"),
])
def test_a_rejected_period_says_how_to_write_it(text: str, hint: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_duration(text)
    assert hint in caught.value.context["hint"]
    assert not schema_accepts(text)


def test_the_units_are_one_list() -> None:
    assert [unit.value for unit in DurationUnit] == list(DURATION_UNITS)
