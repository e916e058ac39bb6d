"""Benchmark: the whole `policygen build` of an example against WeasyPrint alone on the same HTML.

The question it answers: how much does everything around the PDF step cost — loading, validating,
Jinja, Markdown, the HTML pages, the consent records, the atomic swap? The target is a ratio of
at most 1.5 (build time / WeasyPrint time).

Both are measured in one process, alternately, after one warm-up of each (so fontconfig and
imports are paid before timing), and the medians are compared. "WeasyPrint alone" renders exactly
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
    parser.add_argument("--runs", type=int, default=5)
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

    build_s = statistics.median(builds)
    alone_s = statistics.median(alone)
    default_s = statistics.median(alone_default)
    result = {
        "description": str(description_path.relative_to(ROOT) if description_path.is_absolute()
                           and ROOT in description_path.parents else description_path),
        "runs": args.runs,
        "pdf_pages_rendered": len(pages),
        "whole_build_s": {"median": round(build_s, 4), "all": [round(t, 4) for t in builds]},
        "weasyprint_alone_s": {"median": round(alone_s, 4), "all": [round(t, 4) for t in alone],
                               "options": pdf.PDF_OPTIONS},
        "weasyprint_alone_default_options_s": {"median": round(default_s, 4),
                                               "all": [round(t, 4) for t in alone_default]},
        "ratio": round(build_s / alone_s, 3),
        "target_ratio": 1.5,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "build.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{'whole build':<38}{build_s * 1000:>9.1f} ms (median of {args.runs})")
    print(f"{'WeasyPrint alone, same HTML + options':<38}{alone_s * 1000:>9.1f} ms")
    print(f"{'WeasyPrint alone, default options':<38}{default_s * 1000:>9.1f} ms")
    verdict = "within" if result["ratio"] <= 1.5 else "ABOVE"
    print(f"{'ratio build / WeasyPrint':<38}{result['ratio']:>9.3f}   ({verdict} the 1.5 target)")
    print(f"written to {results / 'build.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
