"""The history on descriptions it was not written against (tests/e2e/descriptions): English
only, Swedish only with hostile text, a public body with automated decisions, nine purposes.

Version 1 is recorded as it is; version 2 moves the date, gives the first purpose one more
recipient and rewords the first purpose's title. Built as version 2 into an empty folder, each
site has the earlier version's pages in every language, a "Changes to this policy" section that
names the change, and every consent text of version 1.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_helpers import REPO, write  # noqa: E402

from policygen.history.publication import prepare_build  # noqa: E402
from policygen.history.record import append_version  # noqa: E402
from policygen.history.store import history_path, read_history  # noqa: E402
from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402
from policygen.render.consent import consent_records  # noqa: E402
from policygen.render.site import page_name  # noqa: E402

UNSEEN = sorted((REPO / "tests" / "e2e" / "descriptions").glob("*.yaml"))


def _data(path: Path) -> dict:
    from ruamel.yaml import YAML

    return json.loads(json.dumps(YAML(typ="safe", pure=True).load(path.read_text("utf-8")),
                                 default=str))


def _version_2(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["effective"] = (dt.date.fromisoformat(data["effective"]) + dt.timedelta(days=45)).isoformat()
    first = data["purposes"][0]
    data.setdefault("recipients", []).append(
        {"id": "newvendor", "name": "Nyleverantören AB", "role": "processor", "country": "SE"})
    first.setdefault("recipients", []).append("newvendor")
    title = first["title"]
    first["title"] = ({lang: text + " och mer" for lang, text in title.items()}
                      if isinstance(title, dict) else title + " och mer")
    return data


@pytest.mark.parametrize("source", UNSEEN, ids=[path.stem for path in UNSEEN])
def test_version_2_of_an_unseen_description(source: Path, tmp_path: Path) -> None:
    description = write(tmp_path / source.name, _data(source))
    path = history_path(description)
    v1 = load_description(str(description))
    append_version(read_history(path, description.name), v1.description)
    write(description, _version_2(_data(source)))
    v2 = load_description(str(description))
    languages = list(v2.description.languages)
    prepared = prepare_build(v2, path, languages, dt.date(2020, 1, 1))
    assert [f.code for f in prepared.findings] == []  # moved date, far ahead of 2020
    out = tmp_path / "site"
    build(v2, out, draft=True, published=prepared.published)
    old_date = v1.description.effective.isoformat()
    for lang in languages:
        name = page_name(lang, "policy")
        earlier = (out / lang / f"{name}-{old_date}.md").read_text(encoding="utf-8")
        assert earlier.startswith("> **") and f"({name}.html)" in earlier.splitlines()[0]
        assert "Nyleverantören" not in earlier
        current = (out / lang / f"{name}.md").read_text(encoding="utf-8")
        section = current[current.index({"sv": "## Ändringar i policyn", "en": "## Changes to this policy"}[lang]):]
        assert "Nyleverantören AB" in section and f"({name}-{old_date}.html)" in section
    archived = {p.stem for p in (out / "archive" / "consent").glob("*.json")}
    assert {r["version"].removeprefix("sha256:")
            for r in consent_records(v1.description, languages)} <= archived
