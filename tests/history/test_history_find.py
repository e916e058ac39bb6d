"""``--since`` names a published version by date or by id; every way it can name none is a
located refusal that lists the versions there are (``History.find``, in-process)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from policygen.errors import UserError
from policygen.history.store import History, PublishedVersion
from policygen.lang.messages import speaking

FIRST = "sha256:" + "ab12cd34" + "0" * 56
SECOND = "sha256:" + "ab12cd35" + "1" * 56


def _history() -> History:
    versions = [PublishedVersion(index, effective, version, description=None, normal={}, consents=())  # type: ignore[arg-type]
                for index, (effective, version) in enumerate(
                    [(dt.date(2026, 12, 1), FIRST), (dt.date(2027, 3, 1), SECOND)])]
    return History(Path("/site/policy.history.json"), "policy.yaml", versions)


@pytest.mark.parametrize(("since", "expected"), [
    ("2026-12-01", FIRST), ("2027-02-28", FIRST), ("2027-03-01", SECOND), ("2030-01-01", SECOND),
    ("ab12cd34", FIRST), ("sha256:AB12CD35", SECOND), (" ab12cd351 ", SECOND),
])
def test_a_date_or_an_id_finds_its_version(since: str, expected: str) -> None:
    assert _history().find(since).policy_version == expected


@pytest.mark.parametrize(("since", "english", "swedish"), [
    ("2027-02-30", "`2027-02-30` is not a date", "`2027-02-30` är inget giltigt datum"),
    ("2026-11-30", "`2026-11-30` is before the first published version",
     "`2026-11-30` ligger före den första publicerade versionen"),
    ("ab12cd3", "`ab12cd3` names no published version", "`ab12cd3` pekar inte ut någon publicerad version"),
    ("ab12cd", "`ab12cd` names no published version", "`ab12cd` pekar inte ut någon publicerad version"),
    ("ab12cd3f", "`ab12cd3f` names no published version", "`ab12cd3f` pekar inte ut någon publicerad version"),
    ("last", "`last` names no published version", "`last` pekar inte ut någon publicerad version"),
])
def test_a_since_that_names_no_version_is_refused_with_the_versions_listed(since: str, english: str,
                                                                         swedish: str) -> None:
    for language, message in (("en", english), ("sv", swedish)):
        with speaking(language), pytest.raises(UserError) as raised:
            _history().find(since)
        problem = raised.value.problems[0]
        assert (problem.file, problem.message) == ("--since", message)
        assert problem.hint.endswith("policy.history.json: 2026-12-01 (sha256:ab12cd340000…), "
                                     "2027-03-01 (sha256:ab12cd351111…)")


def test_an_id_prefix_two_versions_share_asks_for_more_digits() -> None:
    history = _history()
    history.versions[1] = PublishedVersion(1, dt.date(2027, 3, 1), "sha256:" + "ab12cd34" + "f" * 56,
                                           description=None, normal={}, consents=())  # type: ignore[arg-type]
    with pytest.raises(UserError) as raised:
        history.find("ab12cd34")
    assert raised.value.problems[0].message == "`ab12cd34` matches more than one version; give more digits"
    assert history.find("ab12cd340").policy_version == FIRST


def test_an_empty_history_says_there_is_none_yet() -> None:
    with pytest.raises(UserError) as raised:
        History(Path("policy.history.json"), "policy.yaml").find("2026-12-01")
    assert raised.value.problems[0].hint == "the published versions in policy.history.json: none yet"
