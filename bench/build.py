"""Benchmark: the whole `policygen build` of an example against WeasyPrint alone on the same HTML.

The question it answers: how much does everything around the PDF step cost — loading, validating,
Jinja, Markdown, the HTML pages, the consent records, the atomic swap? The target is a ratio of
at most 1.5 (build time / WeasyPrint time).

Both are measured in one process, alternately, after one warm-up of each (so fontconfig and
imports are paid before timing). The ratio is given on the minimums (the least disturbed runs on a
shared machine, where other work only ever adds time) and on the medians. "WeasyPrint alone" renders exactly
the HTML strings the build handed to WeasyPrint, with the same options (PDF/UA-1); the same HTML
with WeasyPrint's default options is reported as well.

    python bench/build.py [DESCRIPTION] [--runs N]

Prints a table and writes bench/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policygen.model import load_description  # noqa: E402
from policygen.render import documents, pdf  # noqa: E402
from policygen.render.build import build  # noqa: E402
from policygen.validate import run as validate  # noqa: E402


def whole_build(description_path: Path, out: Path) -> None:
    """What `policygen build DESC --out OUT` does, minus printing."""
    loaded = load_description(str(description_path))
    validate(loaded)
    build(loaded, out)


def captured_pdf_html(description_path: Path, scratch: Path) -> list[str]:
    """The HTML strings the build gives to WeasyPrint, in order."""
    captured: list[str] = []
    real = documents.html_to_pdf

    def recording(html: str, *, effective):
        captured.append(html)
        return real(html, effective=effective)

    documents.html_to_pdf = recording
    try:
        whole_build(description_path, scratch / "capture")
    finally:
        documents.html_to_pdf = real
    return captured


def weasyprint_alone(pages: list[str], **options) -> None:
    import weasyprint

    base_url = pdf.assets_dir().as_uri() + "/"
    for html in pages:
        weasyprint.HTML(string=html, base_url=base_url, media_type="print").write_pdf(**options)


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("description", nargs="?", default=str(ROOT / "examples" / "exempel-support.yaml"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    description_path = Path(args.description)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")

    scratch = Path(tempfile.mkdtemp(prefix="policygen-bench-"))
    try:
        pages = captured_pdf_html(description_path, scratch)
        weasyprint_alone(pages, **pdf.PDF_OPTIONS)  # warm-up
        builds, alone, alone_default = [], [], []
        for run in range(args.runs):
            out = scratch / f"out-{run}"
            builds.append(timed(whole_build, description_path, out))
            alone.append(timed(weasyprint_alone, pages, **pdf.PDF_OPTIONS))
            alone_default.append(timed(weasyprint_alone, pages))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    build_s, alone_s, default_s = min(builds), min(alone), min(alone_default)

    def summary(times: list[float]) -> dict[str, Any]:
        return {"min": round(min(times), 4), "median": round(statistics.median(times), 4),
                "all": [round(t, 4) for t in times]}

    result = {
        "description": str(description_path),
        "runs": args.runs,
        "pdf_documents_rendered": len(pages),
        "whole_build_s": summary(builds),
        "weasyprint_alone_s": {**summary(alone), "options": pdf.PDF_OPTIONS},
        "weasyprint_alone_default_options_s": summary(alone_default),
        "ratio_of_minimums": round(build_s / alone_s, 3),
        "ratio_of_medians": round(statistics.median(builds) / statistics.median(alone), 3),
        "target_ratio": 1.5,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "build.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{'':<40}{'min':>9}{'median':>10}   ({args.runs} runs)")
    for label, times in (("whole build", builds), ("WeasyPrint alone, same HTML + options", alone),
                         ("WeasyPrint alone, default options", alone_default)):
        print(f"{label:<40}{min(times) * 1000:>7.0f}ms{statistics.median(times) * 1000:>8.0f}ms")
    verdict = "within" if result["ratio_of_minimums"] <= 1.5 else "ABOVE"
    print(f"{'ratio build / WeasyPrint':<40}{result['ratio_of_minimums']:>9.3f}"
          f"{result['ratio_of_medians']:>10.3f}   ({verdict} the 1.5 target)")
    print(f"load average {result['load_average_1min']} on {result['cpus']} CPUs")
    print(f"written to {results / 'build.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
