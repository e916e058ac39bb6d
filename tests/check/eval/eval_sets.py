"""Recall and false alarms of the checker on the evaluation sets (the rules: ``README.md``).

- ``dev/``: development sets. Rules may be tuned on them; ``test_recall.py`` holds them to fixed
  targets.
- ``heldout/``: held-out rounds. Nobody tunes on them; each was run once when it was written, and
  ``baseline.yaml`` records that first run. ``test_recall.py`` fails when a change finds fewer
  problems or raises more false alarms than the baseline.

Every sentence becomes a one-line ``.txt`` file, and one ``policygen check --format json`` run per
language checks them all with the default settings (every rule that is on by default, no
configuration), exactly as a user would. A problem sentence counts as found for a category when at
least one finding has that category; a clean sentence with any finding at all is a false alarm.

``python tests/check/eval/eval_sets.py`` prints the tables; ``--record heldout/h2-sv`` records the
first run of a new held-out set in ``baseline.yaml`` (once: it refuses to overwrite).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).parent
REPO = HERE.parents[2]
BASELINE = HERE / "heldout" / "baseline.yaml"
DEV_SETS = tuple(sorted(f"dev/{path.stem}" for path in (HERE / "dev").glob("*.yaml")))
HELDOUT_SETS = tuple(sorted(f"heldout/{path.stem}" for path in (HERE / "heldout").glob("*-*.yaml")))
MEASURED = (
    "vague",
    "wordy",
    "passive",
    "abbreviation",
    "reader-address",
    "consent-by-use",
    "check-regularly",
    "vague-purpose",
    "long-sentence",
)


@dataclass
class Evaluation:
    name: str
    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, str]] = field(default_factory=list)
    known_limits: list[tuple[str, str, bool]] = field(default_factory=list)
    clean: int = 0
    false_alarms: list[tuple[str, list[str]]] = field(default_factory=list)

    def recall(self, category: str) -> float:
        return self.hits[category] / self.totals[category] if self.totals[category] else 1.0

    @property
    def overall(self) -> float:
        total = sum(self.totals[c] for c in MEASURED)
        return sum(self.hits[c] for c in MEASURED) / total if total else 1.0


def set_path(name: str) -> Path:
    return HERE / f"{name}.yaml"


def load_set(name: str) -> dict:
    return YAML(typ="safe", pure=True).load(set_path(name).read_text(encoding="utf-8"))


def fingerprint(name: str) -> str:
    """SHA-256 of the set's file: a held-out set is never edited after its first run."""
    return hashlib.sha256(set_path(name).read_bytes()).hexdigest()


def check_texts(texts: dict[str, str], lang: str, folder: Path) -> dict[str, list[str]]:
    """``key → ["category CODE 'matched text'", …]`` for each text, from one ``policygen check`` run."""
    folder.mkdir(parents=True)
    (folder / "policygen.toml").write_text("# empty: every default rule, default options\n", encoding="utf-8")
    for key, text in texts.items():
        (folder / "texts" / f"{key}.txt").parent.mkdir(exist_ok=True)
        (folder / "texts" / f"{key}.txt").write_text(text + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", "from policygen.cli.main import main; main()", "check", "texts", "--lang", lang,
         "--format", "json", "--fail-level", "never", "--config", "policygen.toml"],
        capture_output=True, text=True, cwd=folder, timeout=600, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"policygen check exited {run.returncode}:\n{run.stderr}")
    found: dict[str, list[str]] = {}
    for report in json.loads(run.stdout)["files"]:
        key = Path(report["path"]).stem
        text = texts[key]
        found[key] = [f"{f['category']} {f['code']} {text[f['column'] - 1 : f['end_column'] - 1]!r}"
                      for f in report["findings"]]
    missing = set(texts) - set(found)
    if missing:
        raise RuntimeError(f"policygen check reported no result for {sorted(missing)}")
    return found


def evaluate_sets(names: tuple[str, ...] | list[str], workdir: Path) -> dict[str, Evaluation]:
    """Recall and false alarms on each named set (``dev/sv-base``, ``heldout/h1-en`` …)."""
    data = {name: load_set(name) for name in names}
    results: dict[str, Evaluation] = {}
    for lang in sorted({d["lang"] for d in data.values()}):
        texts: dict[str, str] = {}
        for number, name in enumerate(names):
            if data[name]["lang"] != lang:
                continue
            for index, item in enumerate(data[name]["problems"]):
                texts[f"{number:02}-p{index:04}"] = item["text"]
            for index, text in enumerate(data[name]["clean"]):
                texts[f"{number:02}-c{index:04}"] = text
        found = check_texts(texts, lang, workdir / lang)
        for number, name in enumerate(names):
            if data[name]["lang"] == lang:
                results[name] = _score(name, data[name], found, f"{number:02}")
    return {name: results[name] for name in names}


def _score(name: str, data: dict, found: dict[str, list[str]], prefix: str) -> Evaluation:
    result = Evaluation(name)
    for index, item in enumerate(data["problems"]):
        categories = {entry.split()[0] for entry in found[f"{prefix}-p{index:04}"]}
        if item.get("known_limit"):  # a documented limit: reported, not counted in the recall
            result.known_limits.extend((c, item["text"], c in categories) for c in item["expect"])
            continue
        for category in item["expect"]:
            result.totals[category] += 1
            if category in categories:
                result.hits[category] += 1
            else:
                result.misses.append((category, item["text"]))
    for index, text in enumerate(data["clean"]):
        result.clean += 1
        if found[f"{prefix}-c{index:04}"]:
            result.false_alarms.append((text, found[f"{prefix}-c{index:04}"]))
    return result


def load_baseline() -> dict[str, dict]:
    if not BASELINE.exists():
        return {}
    return YAML(typ="safe", pure=True).load(BASELINE.read_text(encoding="utf-8")) or {}


def record(name: str, evaluation: Evaluation) -> None:
    """Append the first run of the held-out set ``name`` to ``baseline.yaml`` (never overwrite)."""
    if not name.startswith("heldout/"):
        raise SystemExit("only held-out sets have a recorded baseline")
    if name in load_baseline():
        raise SystemExit(f"{name} already has its first run recorded; write a new round instead")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=REPO, check=True).stdout.strip()
    entry = {
        "date": dt.date.today().isoformat(),
        "commit": commit,
        "sha256": fingerprint(name),
        "hits": {c: evaluation.hits[c] for c in MEASURED if evaluation.totals[c]},
        "totals": {c: evaluation.totals[c] for c in MEASURED if evaluation.totals[c]},
        "clean": evaluation.clean,
        "false_alarms": len(evaluation.false_alarms),
    }
    yaml = YAML()
    yaml.default_flow_style = None
    yaml.width = 200
    with BASELINE.open("a", encoding="utf-8") as stream:
        yaml.dump({name: entry}, stream)


def table(evaluation: Evaluation) -> str:
    """Recall per category and false alarms; the sentences only for development sets, so that
    nobody tunes on a held-out set's misses by reading them in a report."""
    lines = [f"{evaluation.name}: recall per category"]
    for category in MEASURED:
        lines.append(
            f"  {category:16} {evaluation.hits[category]:3}/{evaluation.totals[category]:<3}"
            f" {evaluation.recall(category):6.1%}"
        )
    lines.append(f"  {'all':16} {evaluation.overall:14.1%}")
    lines.append(f"  false alarms: {len(evaluation.false_alarms)} of {evaluation.clean} clean sentences")
    if evaluation.name.startswith("heldout/"):
        return "\n".join(lines)
    lines.extend(f"  missed {category}: {text}" for category, text in evaluation.misses)
    lines.extend(
        f"  known limit, {'found' if found else 'missed'} {category}: {text}"
        for category, text, found in evaluation.known_limits
    )
    lines.extend(f"  false alarm: {text} -> {found}" for text, found in evaluation.false_alarms)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Recall and false alarms on the evaluation sets.")
    parser.add_argument("sets", nargs="*", help="set names (dev/sv-base, heldout/h1-en …); default: all")
    parser.add_argument("--record", action="store_true",
                        help="record the first run of the named held-out sets in heldout/baseline.yaml")
    args = parser.parse_args()
    names = args.sets or [*DEV_SETS, *HELDOUT_SETS]
    with tempfile.TemporaryDirectory() as folder:
        evaluations = evaluate_sets(names, Path(folder))
    for name, evaluation in evaluations.items():
        print(table(evaluation))
        if args.record:
            record(name, evaluation)
            print(f"  recorded in {BASELINE.relative_to(REPO)}")


if __name__ == "__main__":
    main()
