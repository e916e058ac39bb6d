"""Assign each real-text document to the development part or the held-out part, once.

The split is by document, per language, and each document's part is drawn at random with a fixed
seed before any finding on it is looked at, so that the held-out documents stay unseen by whoever
tunes the checker. A document keeps its part for ever: ``split.yaml`` records every draw (its
seed and the documents it placed) and this tool only places documents that ``sources.yaml`` lists
and the split does not have yet. For those it aims at ``HELDOUT_SHARE`` of each language's
documents in the held-out part: it shuffles the new ids (sorted first, so the draw depends only
on the seed; Swedish first, then English, from one generator) and puts the first
``round(HELDOUT_SHARE × all documents of the language) − already held out`` of them (at least
none, at most all) in the held-out part, the rest in development.

Once a held-out part has been run and its figures reported, it may be studied only after it has
become development: ``make_split.py promote`` moves every held-out document to the development
part, records the move in ``split.yaml`` (date, documents, why) and merges the held-out labels
and baselines into the development ones (strata renamed ``heldout<N>-…`` so they stay apart), so
that nothing of the record is lost. A new held-out part is then drawn from new documents only,
before anything about them is looked at: ``make_split.py`` with a new ``SEED`` places them. With the
held-out part empty, ``round(HELDOUT_SHARE × all documents)`` is larger than a batch of new documents
that is under 40 % of its language, so the cut puts the whole batch in the held-out part (round 3,
seeds 20261218, 20261219 and 20261220: 5 + 1 + 1 of 24 Swedish and 5 of 18 English documents, all
held out; round 4, seed 20261221: 5 of 29 Swedish and 5 of 23 English, all held out; round 5, seeds 20261222 to
20261225 for the batches found one after another: 4 + 1 of 34 Swedish and 5 + 1 + 1 of 30 English, all held out;
round 6, seeds 20261226 to 20261229, one per batch: 1 + 2 + 0 + 1 of 38 Swedish and 1 + 1 + 1 + 1 of 34 English,
all held out);
``test_realtext.py``
checks that the draws after the last move held out every document they placed.

Run from the repository root: ``python tests/check/realtext/make_split.py`` (or ``… promote heldout<N>``).
"""

from __future__ import annotations

import datetime
import json
import random
import sys
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).parent
SEED = 20261229
HELDOUT_SHARE = 0.4
LANGS = ("sv", "en")


def _load(path: Path):  # noqa: ANN202 - YAML data of any shape
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def place(new: list[str], total: int, already_heldout: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Shuffle the new ids of one language and cut so that about ``HELDOUT_SHARE`` of all its
    documents end up held out; returns (development, held-out)."""
    ordered = sorted(new)
    rng.shuffle(ordered)
    wanted = round(HELDOUT_SHARE * total) - already_heldout
    cut = max(0, min(len(ordered), wanted))
    return sorted(ordered[cut:]), sorted(ordered[:cut])


def _dump_split(target: Path, split: dict) -> None:
    yaml = YAML()
    yaml.default_flow_style = False
    with target.open("w", encoding="utf-8") as out:
        out.write("# Each document's part, drawn once (make_split.py); never edit or redraw a part.\n")
        yaml.dump(split, out)


def _merge_labels(lang: str, round_name: str, note: str) -> None:
    """Append the held-out label file and baseline of ``lang`` to the development ones, keeping
    every round, stratum, finding and sentence; the strata get the ``round_name`` prefix."""
    labels = HERE / "labels"
    heldout, dev = labels / f"heldout-{lang}.yaml", labels / f"dev-{lang}.yaml"
    moved, kept = _load(heldout), _load(dev)
    for one_round in moved["rounds"]:
        kept["rounds"].append({**one_round, "part": "heldout", "note": f"{one_round.get('note') or ''}; {note}".lstrip("; ")})
    for stratum in moved["strata"]:
        kept["strata"].append({**stratum, "name": f"{round_name}-{stratum['name']}"})
    kept["findings"] += moved["findings"]
    kept["sentences"] += moved["sentences"]
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    with dev.open("w", encoding="utf-8") as out:
        yaml.dump(kept, out)
    heldout.unlink()
    base_heldout, base_dev = labels / f"baseline-heldout-{lang}.json", labels / f"baseline-dev-{lang}.json"
    dev_base, moved_base = json.loads(base_dev.read_text(encoding="utf-8")), json.loads(base_heldout.read_text(encoding="utf-8"))
    rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in dev_base["findings"] + moved_base["findings"])
    merged = json.dumps([*dev_base.get("merged", []), {"from": f"baseline-heldout-{lang}.json", "commit": moved_base.get("commit")}])
    base_dev.write_text(f'{{"commit": "{dev_base["commit"]}",\n"merged": {merged},\n"findings": [\n{rows}\n]}}\n', encoding="utf-8")
    base_heldout.unlink()


def promote(round_name: str, note: str) -> int:
    """Move the whole held-out part (documents, labels, baselines) into development, recorded."""
    target = HERE / "split.yaml"
    split = _load(target)
    if not split["heldout"]:
        print("the held-out part is empty; nothing to move", file=sys.stderr)
        return 1
    moved = sorted(split["heldout"])
    split["draws"].append({"moved_to_dev": round_name, "date": datetime.date.today().isoformat(), "note": note, "documents": moved})
    split["dev"] = sorted(split["dev"] + moved)
    split["heldout"] = []
    _dump_split(target, split)
    for lang in LANGS:
        _merge_labels(lang, round_name, note)
    return 0


def main() -> int:
    target = HERE / "split.yaml"
    split = _load(target)
    placed = set(split["dev"]) | set(split["heldout"])
    sources = _load(HERE / "sources.yaml")
    if any(draw.get("seed") == SEED for draw in split["draws"]):
        print(f"seed {SEED} was already used; set a new SEED to place new documents", file=sys.stderr)
        return 1
    rng = random.Random(SEED)
    draw = {"seed": SEED, "heldout_share": HELDOUT_SHARE, "date": datetime.date.today().isoformat(), "dev": [], "heldout": []}
    for lang in LANGS:
        ids = [doc["id"] for doc in sources["documents"] if doc["lang"] == lang]
        new = [doc for doc in ids if doc not in placed]
        heldout_before = sum(1 for doc in split["heldout"] if doc.startswith(f"{lang}/"))
        dev, heldout = place(new, len(ids), heldout_before, rng)
        draw["dev"] += dev
        draw["heldout"] += heldout
    if not draw["dev"] and not draw["heldout"]:
        print("every document already has its part; nothing drawn", file=sys.stderr)
        return 0
    split["draws"].append(draw)
    split["dev"] = sorted(split["dev"] + draw["dev"])
    split["heldout"] = sorted(split["heldout"] + draw["heldout"])
    _dump_split(target, split)
    return 0


PROMOTE_NOTES = {
    "heldout1": (
        "held-out round 1 (the documents the seeds 20261205 and 20261207 put in the held-out part) was run once at "
        "stop 15 and its figures were reported (README, 'Held-out round 1: the record'); it became development after "
        "that run, with its labels, so that its false alarms could be studied; a new held-out part was drawn afterwards"
    ),
    "heldout2": (
        "held-out round 2 (the documents seed 20261216 put in the held-out part) was run once at stop 16 and its "
        "figures were reported (README, 'Held-out round 2: the record'); it became development after that run, with "
        "its labels, so that its false alarms could be studied; a new held-out part is drawn from new documents"
    ),
    "heldout3": (
        "held-out round 3 (the documents seeds 20261218 to 20261220 put in the held-out part) was run once and its figures were "
        "reported (README, 'Held-out round 3'); it became development after that run, with its labels, so that its "
        "false alarms could be studied; a new held-out part is drawn from new documents"
    ),
    "heldout4": (
        "held-out round 4 (the documents seed 20261221 put in the held-out part) was run once and its figures were "
        "reported (README, 'Held-out round 4'); it became development after that run, with its labels, so that its "
        "false alarms could be studied; a new held-out part is drawn from new documents"
    ),
    "heldout5": (
        "held-out round 5 (the documents seeds 20261222 to 20261225 put in the held-out part) was run once and its figures "
        "were reported (README, 'Held-out round 5'); it became development after that run, with its labels, so that its "
        "false alarms could be studied; a new held-out part is drawn from new documents"
    ),
    "heldout6": (
        "held-out round 6 (the documents seeds 20261226 to 20261229 put in the held-out part) was run once and its figures "
        "were reported (README, 'Held-out round 6'); it became development after that run, with its labels, so that its "
        "false alarms could be studied; a new held-out part is drawn from new documents"
    ),
}

if __name__ == "__main__":
    if sys.argv[1:2] == ["promote"]:
        if sys.argv[2:] and sys.argv[2] in PROMOTE_NOTES:
            sys.exit(promote(sys.argv[2], PROMOTE_NOTES[sys.argv[2]]))
        print(f"usage: make_split.py promote {{{'|'.join(PROMOTE_NOTES)}}}", file=sys.stderr)
        sys.exit(2)
    sys.exit(main())
