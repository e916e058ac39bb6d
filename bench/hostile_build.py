"""Benchmark: `policygen build` on hostile but valid descriptions, to show the work stays linear.

The cases of issue 9: one unbroken word of N characters in a purpose title or in a recipient name
(before the fix a 20 KB word took 61 s and 200 KB over 500 s, because WeasyPrint breaks an
over-long word in quadratic time). Each build runs as its own process (`policygen build --lang
sv`); the figure is that process's CPU time (user + system), which other work on a shared machine
does not inflate the way it inflates wall time. Linear means: doubling N about doubles the time.

    python bench/hostile_build.py [--sizes 10000,20000,40000,80000] [--out bench/results/hostile_build.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "exempel-support.yaml"


def purpose_title(source: str, word: str) -> str:
    return source.replace("sv: Skicka vårt nyhetsbrev till dig", f"sv: Skicka {word} nyhetsbrev", 1)


def recipient_name(source: str, word: str) -> str:
    start = source.index("name:", source.index("recipients:\n  - id: crm"))
    return source[:start] + f"name: Lime{word}" + source[source.index("\n", start):]


CASES = {"purpose title": purpose_title, "recipient name": recipient_name}


def cpu_seconds_of_build(text: str, folder: Path) -> float:
    description = folder / "desc.yaml"
    description.write_text(text, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main()",
                          "build", str(description), "--out", str(folder / "site"), "--lang", "sv"],
                         capture_output=True, text=True, check=False,
                         env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise SystemExit(run.stderr)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000,40000,80000")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "hostile_build.json")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    source = EXAMPLE.read_text(encoding="utf-8")
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        baseline = cpu_seconds_of_build(source, Path(tmp))
        print(f"{'case':<16} {'size':>8} {'cpu s':>8} {'s per 10 KB above baseline':>28}")
        print(f"{'example as is':<16} {0:>8} {baseline:>8.2f}")
        for name, make in CASES.items():
            results[name] = {}
            for size in sizes:
                seconds = cpu_seconds_of_build(make(source, "A" * size), Path(tmp))
                results[name][str(size)] = round(seconds, 2)
                per = (seconds - baseline) / (size / 10_000)
                print(f"{name:<16} {size:>8} {seconds:>8.2f} {per:>28.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"baseline_cpu_s": round(baseline, 2), "cases": results},
                                   indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
