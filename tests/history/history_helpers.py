"""Shared material for the history tests: a base description as data, written as JSON (which
YAML 1.2 reads as it is), the command line in-process, and the example built as version 1."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from policygen.cli.main import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-support.yaml"


def example_data() -> dict[str, Any]:
    """The bundled example as plain data (dates as ISO strings)."""
    data = YAML(typ="safe", pure=True).load(EXAMPLE.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def base_data() -> dict[str, Any]:
    """The example with what the change tests need to add or take away one thing at a time:
    groups of people (one used by `support`), a kind of data and a recipient that no purpose
    uses, and an automated decision."""
    data = example_data()
    data["subjects"] = [
        {"id": "contacts", "label": {"sv": "kontaktpersoner hos våra kunder",
                                     "en": "contact persons at our customers"}},
        {"id": "visitors", "label": {"sv": "besökare på vår webbplats",
                                     "en": "visitors to our website"}},
    ]
    data["purposes"][0]["subjects"] = ["contacts"]
    data["data"].append({"id": "fax", "label": {"sv": "ditt faxnummer", "en": "your fax number"},
                         "holder": "contact"})
    data["recipients"].append({
        "id": "archive", "name": "Arkivbolaget AB", "role": "processor", "country": "SE",
        "description": {"sv": "Arkivbolaget förvarar gamla pappersakter åt oss.",
                        "en": "Arkivbolaget stores old paper files for us."}})
    data["automated_decisions"] = [{
        "description": {"sv": "Vi sorterar ditt ärende automatiskt efter ämne.",
                        "en": "We sort your case automatically by subject."},
        "logic": {"sv": "Ett program läser rubriken och väljer en kö.",
                  "en": "A program reads the subject line and chooses a queue."},
        "consequences": {"sv": "Ditt ärende kan hamna hos fel grupp först.",
                         "en": "Your case may first reach the wrong team."}}]
    data["changes"] = {"notice_days": 30}
    return data


def changed(data: dict[str, Any], change: Any) -> dict[str, Any]:
    """A deep copy of ``data`` with ``change`` (a function of the copy) applied."""
    result = copy.deepcopy(data)
    change(result)
    return result


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def policygen(*args: Any) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def later(days: int) -> str:
    """The ISO date ``days`` from today."""
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def purpose(data: dict[str, Any], purpose_id: str) -> dict[str, Any]:
    return next(p for p in data["purposes"] if p["id"] == purpose_id)


def recipient(data: dict[str, Any], recipient_id: str) -> dict[str, Any]:
    return next(r for r in data["recipients"] if r["id"] == recipient_id)


def data_item(data: dict[str, Any], data_id: str) -> dict[str, Any]:
    return next(d for d in data["data"] if d["id"] == data_id)
