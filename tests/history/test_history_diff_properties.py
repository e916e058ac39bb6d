"""Changes nobody wrote a test for, applied to descriptions the diff was not written against.

Random edits (a text reworded or misspelt, a list item removed, copied under a new id or moved,
a value switched, a flag flipped) are applied to every description in the repository; each
edited description that is still well formed is diffed against the original. Whatever changed,
the diff must notice it (a different policy version with the same date means at least one
change), describe every change in Swedish and English, give the JSON and the notice, and never
report anything when nothing changed.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import REPO  # noqa: E402

from policygen.errors import UserError  # noqa: E402
from policygen.history.changes import REASONS  # noqa: E402
from policygen.history.differ import compare  # noqa: E402
from policygen.history.compare import Side, compare_sides  # noqa: E402
from policygen.history.notice import notice  # noqa: E402
from policygen.history.report import as_json, human  # noqa: E402
from policygen.history.sentences import Describer  # noqa: E402
from policygen.history.speaker import Speaker  # noqa: E402
from policygen.model import load_description_text  # noqa: E402
from policygen.model.facts import needs_consent  # noqa: E402
from policygen.render.consent import policy_version  # noqa: E402

FILES = sorted([*(REPO / "examples").glob("*.yaml"),
                *(REPO / "tests" / "e2e" / "descriptions").glob("*.yaml")])
DATA = {path.name: json.loads(json.dumps(YAML(typ="safe", pure=True).load(path.read_text("utf-8")),
                                         default=str)) for path in FILES}
CHOICES = {
    "legal_basis": ["consent", "contract", "legal_obligation", "vital_interests", "public_task",
                    "legitimate_interests"],
    "role": ["processor", "controller", "joint_controller", "authority"],
    "safeguard": ["adequacy", "standard_contractual_clauses", "binding_corporate_rules", "derogation"],
    "holder": ["contact", "company", "case", "technical"],
    "source": ["data_subject", "employer", "public_register", "other"],
    "country": ["SE", "DE", "US", "GB", "IN", "NO"],
    "channel": ["web", "phone", "email", "in_person"],
    "period": ["1 day", "6 weeks", "12 months", "2 years", "36 months"],
}


def _places(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path into the data (keys and list indices)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _edit(data: dict, draw: Any) -> None:
    places = _places(data)[1:]
    path = draw(st.sampled_from(places))
    parent, last = _get(data, path[:-1]), path[-1]
    value = parent[last]
    if path == ("effective",) or path == ("format",):
        return
    if isinstance(value, str):
        if last in CHOICES:
            parent[last] = draw(st.sampled_from(CHOICES[last]))
        else:
            how = draw(st.sampled_from(["append", "typo", "replace"]))
            if how == "append":
                parent[last] = value + draw(st.sampled_from([" Och mer.", " And more.", "!"]))
            elif how == "typo" and len(value) > 3:
                i = draw(st.integers(0, len(value) - 2))
                parent[last] = value[:i] + value[i + 1] + value[i] + value[i + 2:]
            else:
                parent[last] = draw(st.sampled_from(["Nytt innehåll här.", "Brand new text."]))
    elif isinstance(value, bool):
        parent[last] = not value
    elif isinstance(value, int):
        parent[last] = value + 1
    elif isinstance(value, list) and value:
        how = draw(st.sampled_from(["remove", "move", "copy"]))
        index = draw(st.integers(0, len(value) - 1))
        if how == "remove":
            value.pop(index)
        elif how == "move":
            value.insert(0, value.pop(index))
        elif isinstance(value[index], dict) and "id" in value[index]:
            item = copy.deepcopy(value[index])
            item["id"] = item["id"] + "-copy"
            value.append(item)
    elif isinstance(value, dict) and isinstance(parent, dict) and last not in ("controller",):
        if draw(st.booleans()):
            del parent[last]


def _load(data: dict) -> Any:
    try:
        return load_description_text(json.dumps(data, ensure_ascii=False)).description
    except UserError:
        return None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.filter_too_much])
@given(st.data())
def test_any_change_is_noticed_described_and_classified(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DATA)))
    old_data = DATA[name]
    new_data = copy.deepcopy(old_data)
    for _ in range(data.draw(st.integers(1, 3))):
        _edit(new_data, data.draw)
    old = _load(old_data)
    new = _load(new_data)
    if new is None:
        return  # the edit broke the description's form: nothing to diff
    assert compare(old, old) == [] and compare(new, new) == []
    comparison = compare_sides(Side(old, "old.yaml"), Side(new, "new.yaml"))
    if policy_version(old) != policy_version(new):
        assert comparison.changes, "a changed description with no reported change"
    for change in comparison.changes:
        assert change.reason in REASONS and change.kind in ("substantive", "editorial")
    for lang in new.languages:
        describe = Describer(old, new, Speaker(lang))
        for change in comparison.changes:
            assert describe.sentence(change).strip()
        document = json.loads(as_json(comparison, lang))
        assert len(document["changes"]) == len(comparison.changes)
        assert human(comparison, lang)
        assert notice(comparison, lang).startswith("# ")
    for consent in comparison.consents:
        purpose = next(p for p in new.purposes if p.id == consent.purpose)
        assert needs_consent(purpose)
