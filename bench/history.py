"""Benchmark: what a long published history costs a build, a diff and the file itself.

A description is published N times (each version 30 days after the one before, each with one
substantive change: a longer retention, alternating with a reworded consent statement). For each
N it measures, in one process after a warm-up, the minimum over a few runs of:

- reading and checking the whole history (every hash, the chain, every stored description);
- what build adds before rendering: read, compare with the last version, the findings, and the
  section, validity and archive records for the renderer (``prepare_build``);
- the whole build with the history (earlier versions rendered as md and html) against the same
  build without it — the cost of keeping N earlier versions in the output folder;
- ``diff --since`` the first version, in all three formats;

and the history's size in bytes and lines.

    python bench/history.py [--versions 1,10,30] [--runs 3]

Prints a table and writes bench/results/history.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402

from policygen.history.compare import Side, compare_sides  # noqa: E402
from policygen.history.notice import notice  # noqa: E402
from policygen.history.publication import prepare_build  # noqa: E402
from policygen.history.report import as_json, human  # noqa: E402
from policygen.history.record import append_version  # noqa: E402
from policygen.history.store import history_path, read_history  # noqa: E402
from policygen.model import load_description  # noqa: E402
from policygen.render.build import build  # noqa: E402

EXAMPLE = ROOT / "examples" / "exempel-support.yaml"


def version(data: dict, number: int) -> dict:
    data = json.loads(json.dumps(data, default=str))
    data["effective"] = (dt.date(2026, 12, 1) + dt.timedelta(days=30 * number)).isoformat()
    quality = next(p for p in data["purposes"] if p["id"] == "quality")
    quality["retention"]["period"] = f"{12 + number // 2} months"
    newsletter = next(p for p in data["purposes"] if p["id"] == "newsletter")
    newsletter["consent"]["statement"]["en"] = (
        f"Yes, send me Exempel Support's newsletter by e-mail, edition {number % 2 + 1}.")
    return data


def publish(folder: Path, versions: int) -> Path:
    """The description published ``versions`` times; returns the description's path."""
    base = YAML(typ="safe", pure=True).load(EXAMPLE.read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    description = folder / "policy.yaml"
    path = history_path(description)
    for number in range(versions):
        description.write_text(json.dumps(version(base, number), ensure_ascii=False), "utf-8")
        loaded = load_description(str(description))
        append_version(read_history(path, description.name), loaded.description)
    return description


def best(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(folder: Path, versions: int, runs: int) -> dict:
    description = publish(folder / f"n{versions}", versions)
    path = history_path(description)
    loaded = load_description(str(description))
    languages = list(loaded.description.languages)
    today = dt.date(2026, 12, 5)
    prepared = prepare_build(loaded, path, languages, today)
    outs = iter(range(10_000))

    def with_history() -> None:
        build(loaded, folder / f"with-{versions}-{next(outs)}", published=prepared.published)

    def without_history() -> None:
        build(loaded, folder / f"without-{versions}-{next(outs)}")

    history = read_history(path, description.name)
    first = history.versions[0]

    def diff_all() -> None:
        comparison = compare_sides(Side(first.description, path.name),
                                   Side(loaded.description, str(description), loaded.locations))
        for lang in languages:
            human(comparison, lang), as_json(comparison, lang), notice(comparison, lang)

    return {
        "versions": versions,
        "history_bytes": path.stat().st_size,
        "history_lines": path.read_text(encoding="utf-8").count("\n"),
        "read_and_check_s": round(best(lambda: read_history(path, description.name), runs), 4),
        "prepare_build_s": round(best(lambda: prepare_build(loaded, path, languages, today), runs), 4),
        "build_with_history_s": round(best(with_history, runs), 4),
        "build_without_history_s": round(best(without_history, runs), 4),
        "diff_since_first_all_formats_s": round(best(diff_all, runs), 4),
        "earlier_pages": len(prepared.published.previous) * len(languages),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", default="1,10,30")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    scratch = Path(tempfile.mkdtemp(prefix="policygen-bench-history-"))
    try:
        measure(scratch / "warm", 2, 1)
        rows = [measure(scratch, int(n), args.runs) for n in args.versions.split(",")]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result = {"rows": rows, "runs": args.runs, "load_average_1min": round(os.getloadavg()[0], 2),
              "cpus": os.cpu_count(), "python": platform.python_version()}
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "history.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    head = ("versions", "history KB", "read+check", "prepare", "build", "build w/o", "diff ×3×2")
    print("".join(f"{h:>12}" for h in head))
    for row in rows:
        print(f"{row['versions']:>12}{row['history_bytes'] / 1024:>12.0f}"
              f"{row['read_and_check_s'] * 1000:>10.0f}ms{row['prepare_build_s'] * 1000:>10.0f}ms"
              f"{row['build_with_history_s'] * 1000:>10.0f}ms"
              f"{row['build_without_history_s'] * 1000:>10.0f}ms"
              f"{row['diff_since_first_all_formats_s'] * 1000:>10.0f}ms")
    print(f"load average {result['load_average_1min']} on {result['cpus']} CPUs; minimum of "
          f"{args.runs} runs; written to {results / 'history.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
