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

Run from the repository root: ``python tests/check/realtext/make_split.py``.
"""

from __future__ import annotations

import datetime
import random
import sys
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).parent
SEED = 20261207
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


def main() -> int:
    target = HERE / "split.yaml"
    split = _load(target)
    placed = set(split["dev"]) | set(split["heldout"])
    sources = _load(HERE / "sources.yaml")
    if any(draw["seed"] == SEED for draw in split["draws"]):
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
    yaml = YAML()
    yaml.default_flow_style = False
    with target.open("w", encoding="utf-8") as out:
        out.write("# Each document's part, drawn once (make_split.py); never edit or redraw a part.\n")
        yaml.dump(split, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
