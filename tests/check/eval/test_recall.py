"""The checker finds the plain-language problems in policy-style sentences and leaves clean plain
sentences alone (method: ``eval_sets.py``; rules for the sets: ``README.md``).

- Development sets (``dev/``), which rules are tuned on: recall of at least 85 % per measured
  category and overall, and at most one false alarm in eight clean sentences, in each set.
- Held-out sets (``heldout/``), which nobody tunes on: no category finds fewer problems and no set
  raises more false alarms than at the recorded first run (``heldout/baseline.yaml``), and the set
  is the file that was measured then.
"""

from __future__ import annotations

import pytest

from eval_sets import DEV_SETS, HELDOUT_SETS, MEASURED, evaluate_sets, fingerprint, load_baseline, table

RECALL_TARGET = 0.85
FALSE_ALARM_SHARE = 1 / 8


@pytest.fixture(scope="module")
def evaluations(tmp_path_factory):
    return evaluate_sets([*DEV_SETS, *HELDOUT_SETS], tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("name", DEV_SETS)
def test_development_set_recall_per_category(evaluations, name) -> None:
    evaluation = evaluations[name]
    low = [c for c in MEASURED if evaluation.totals[c] and evaluation.recall(c) < RECALL_TARGET]
    assert not low, table(evaluation)


@pytest.mark.parametrize("name", DEV_SETS)
def test_development_set_overall_recall(evaluations, name) -> None:
    assert evaluations[name].overall >= RECALL_TARGET, table(evaluations[name])


@pytest.mark.parametrize("name", DEV_SETS)
def test_development_set_false_alarms(evaluations, name) -> None:
    evaluation = evaluations[name]
    assert len(evaluation.false_alarms) <= evaluation.clean * FALSE_ALARM_SHARE, table(evaluation)


def test_every_held_out_set_has_its_first_run_recorded() -> None:
    assert HELDOUT_SETS, "there is no held-out set"
    assert sorted(load_baseline()) == sorted(HELDOUT_SETS)


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_held_out_set_is_the_one_measured(name) -> None:
    assert fingerprint(name) == load_baseline()[name]["sha256"], (
        f"{name} changed after its first run: a held-out set is never edited (README.md)")


# Drops below a first run that a change accepted knowingly, with the hits it now has: the test
# still fails if the category drops further, and the issue note reports the drop. Never used to
# hide a drop nobody looked at; remove an entry when the category is back at its first run.
ACCEPTED_DROPS: dict[str, dict[str, int]] = {
    # Issue 11 (precision): passives whose agent is named, a clause about the reader, or the law
    # as agent are no longer flagged. H1 then misses 3 of 17 Swedish and 1 of 12 English passives
    # it found before (sv 17 → 14, en 11 → 10); rules were not changed after this run.
    # Round 20 (passive6): an agent that names the writer or the writer's own people or supplier
    # ("by us", "by our payment provider") counts as a named agent too, so "Payment details are
    # handled by our payment provider" is no longer flagged (en 10 → 9).
    "heldout/h1-sv": {"passive": 14},
    "heldout/h1-en": {"passive": 9},
}


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_held_out_recall_does_not_drop_below_the_first_run(evaluations, name) -> None:
    evaluation, baseline = evaluations[name], load_baseline()[name]
    assert {c: evaluation.totals[c] for c in MEASURED if evaluation.totals[c]} == baseline["totals"]
    floor = {**baseline["hits"], **ACCEPTED_DROPS.get(name, {})}
    dropped = {c: f"{evaluation.hits[c]}/{evaluation.totals[c]}, first run {baseline['hits'][c]}, "
                  f"accepted {hits}" for c, hits in floor.items() if evaluation.hits[c] < hits}
    assert not dropped, f"{dropped}\n{table(evaluation)}"


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_held_out_false_alarms_do_not_rise_above_the_first_run(evaluations, name) -> None:
    evaluation, baseline = evaluations[name], load_baseline()[name]
    assert evaluation.clean == baseline["clean"]
    assert len(evaluation.false_alarms) <= baseline["false_alarms"], table(evaluation)


def test_sets_are_large_enough() -> None:
    from eval_sets import load_set

    for lang in ("sv", "en"):
        for names in (DEV_SETS, HELDOUT_SETS):
            sets = [load_set(name) for name in names if load_set(name)["lang"] == lang]
            problems = sum(len(item["expect"]) for data in sets for item in data["problems"])
            clean = sum(len(data["clean"]) for data in sets)
            assert problems >= 60 and clean >= 20, (lang, names)
