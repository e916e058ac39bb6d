"""The checker finds the plain-language problems in policy-style sentences and leaves clean plain
sentences alone: recall of at least 85 % per measured category and overall, and at most one false
alarm in eight clean sentences, in each evaluation set (see ``eval_sets.py`` for the method)."""

from __future__ import annotations

import pytest

from eval_sets import MEASURED, SETS, evaluate, table

RECALL_TARGET = 0.85
FALSE_ALARM_SHARE = 1 / 8


@pytest.fixture(scope="module", params=SETS)
def evaluation(request):
    return evaluate(request.param)


def test_recall_per_category(evaluation) -> None:
    low = [c for c in MEASURED if evaluation.totals[c] and evaluation.recall(c) < RECALL_TARGET]
    assert not low, table(evaluation)


def test_overall_recall(evaluation) -> None:
    assert evaluation.overall >= RECALL_TARGET, table(evaluation)


def test_false_alarms(evaluation) -> None:
    assert len(evaluation.false_alarms) <= evaluation.clean * FALSE_ALARM_SHARE, table(evaluation)


def test_sets_are_large_enough() -> None:
    for name in ("sv", "en"):
        main, holdout = evaluate(name), evaluate(f"{name}-holdout")
        problems = sum(main.totals.values()) + sum(holdout.totals.values())
        assert problems >= 60 and main.clean + holdout.clean >= 40
