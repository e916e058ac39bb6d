"""Benchmark of ``policygen check``, side by side with proselint and spaCy's start-up, in one run.

Whole processes, as a user waits for them, on the same text for both tools:

(a) a folder of 30 policy-sized files, about 100,000 words in all, half Swedish and half English
    (``sv/`` and ``en/`` folders, as a built site has them): ``policygen check`` against
    ``proselint check`` on the same folder. Target: at most 0.8 × proselint's time. The English
    half alone is reported too, since proselint reads every file as English;
(b) one file of about 100,000 English words: target at most 1.2 × proselint's time;
(c) a one-page Swedish check, cold (a new process, nothing cached), against a bare
    ``python -c "import spacy; spacy.blank('sv')"``: target at most 1.3 ×;
(d) peak memory of the runs of (a) and (b): the largest sum, over all processes of one run, of
    their proportional set size (PSS, so pages that worker processes share count once), sampled
    from ``/proc``. Target: at most 300 MB. The largest single process is reported as well.

The text is generated deterministically: both bundled examples are built with ``policygen
build``, and each file is one of the built policies followed by paragraphs and lists of the
evaluation sentences of its language (``tests/check/eval``: plain sentences and sentences with
the problems the checker looks for), shuffled with a fixed seed.

Each pair of commands runs alternately ``--runs`` times (default 5); times are medians and the
ratio is median / median. Beside each wall time, the CPU time (user + system) of the command and of
every process it started (workers, the forkserver) is given: on a machine shared with other work,
wall times move with the load, CPU times much less. When ``policygen check --help`` offers ``--jobs``, the folder runs pass
``--jobs N`` explicitly (N = the CPUs this process may use); otherwise they run as the default
does. Linux only (``/proc``). Prints a table and writes ``bench/results/check-<time>.json`` and
``.md``.

    python bench/check.py [--runs N]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EVAL = ROOT / "tests" / "check" / "eval"
FILES = 30
FOLDER_WORDS = 100_000
BIG_WORDS = 100_000
PAGE_WORDS = 450
HEADINGS = {
    "sv": ["Mer om hur vi arbetar", "Exempel från kundtjänsten", "Frågor vi ofta får", "Så går det till"],
    "en": ["More on how we work", "Examples from support", "Questions we often get", "How it works"],
}


# --- the text -----------------------------------------------------------------------------------

def built_policies(folder: Path) -> dict[str, list[str]]:
    """The Markdown policies of both bundled examples, built with the command line: lang → texts."""
    policies: dict[str, list[str]] = {"sv": [], "en": []}
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        out = folder / example.stem
        run = subprocess.run([str(BIN / "policygen"), "build", str(example), "--out", str(out)],
                             capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
        if run.returncode != 0:
            raise SystemExit(f"policygen build {example.name} failed:\n{run.stderr}")
        for lang in policies:
            policies[lang].extend(path.read_text(encoding="utf-8") for path in sorted((out / lang).glob("*.md")))
    if not all(policies.values()):
        raise SystemExit(f"the built examples lack a Markdown policy in some language: {folder}")
    return policies


def eval_sentences() -> dict[str, list[str]]:
    """Every sentence of the evaluation sets, problems and clean ones: lang → sentences."""
    sentences: dict[str, list[str]] = {"sv": [], "en": []}
    for path in sorted(EVAL.rglob("*.yaml")):
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("lang") not in sentences:
            continue
        sentences[data["lang"]].extend(item["text"] for item in data["problems"])
        sentences[data["lang"]].extend(data["clean"])
    return sentences


def words(text: str) -> int:
    return len(text.split())


def document(lang: str, seed: int, words_wanted: int, policies: dict[str, list[str]],
             sentences: dict[str, list[str]]) -> str:
    """A built policy of ``lang`` followed by sections of evaluation sentences, up to the word count."""
    rng = random.Random(seed)
    parts = [policies[lang][seed % len(policies[lang])].rstrip() + "\n"]
    count = words(parts[0])
    while count < words_wanted:
        section = [f"## {rng.choice(HEADINGS[lang])}\n"]
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.3:
                section.append("\n".join(f"- {rng.choice(sentences[lang])}" for _ in range(rng.randint(2, 4))) + "\n")
            else:
                section.append(" ".join(rng.choice(sentences[lang]) for _ in range(rng.randint(2, 5))) + "\n")
        text = "\n".join(section)
        parts.append(text)
        count += words(text)
    return "\n".join(parts)


@dataclass
class Corpus:
    folder: Path          # sv/ and en/, FILES files in all
    english: Path         # the English files alone
    big: Path             # one English file
    page: Path            # one Swedish page
    words: dict[str, int] = field(default_factory=dict)


def make_corpus(tmp: Path) -> Corpus:
    policies, sentences = built_policies(tmp / "built"), eval_sentences()
    corpus = Corpus(tmp / "site", tmp / "site" / "en", tmp / "big" / "en" / "policy.md", tmp / "page" / "sv.md")
    per_file = FOLDER_WORDS // FILES
    for number in range(FILES):
        lang = ("sv", "en")[number % 2]
        path = corpus.folder / lang / f"policy-{number:02}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document(lang, number, per_file, policies, sentences), encoding="utf-8")
    big, seed = [], 1000
    while sum(map(words, big)) < BIG_WORDS:
        big.append(document("en", seed, 3000, policies, sentences))
        seed += 1
    corpus.big.parent.mkdir(parents=True)
    corpus.big.write_text("\n".join(big), encoding="utf-8")
    paragraphs, page = policies["sv"][0].split("\n\n"), []
    while sum(map(words, page)) < PAGE_WORDS:
        page.append(paragraphs[len(page)])
    corpus.page.parent.mkdir(parents=True)
    corpus.page.write_text("\n\n".join(page) + "\n", encoding="utf-8")
    corpus.words = {
        "folder": sum(words(p.read_text(encoding="utf-8")) for p in corpus.folder.rglob("*.md")),
        "english": sum(words(p.read_text(encoding="utf-8")) for p in corpus.english.rglob("*.md")),
        "big": words(corpus.big.read_text(encoding="utf-8")),
        "page": words(corpus.page.read_text(encoding="utf-8")),
    }
    return corpus


# --- measuring ------------------------------------------------------------------------------------

def adopt_orphans() -> None:
    """Become the parent of processes our commands leave behind (a forkserver outlives its command
    by a moment), so that their CPU time is counted (Linux ``PR_SET_CHILD_SUBREAPER``)."""
    if ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) != 0:
        raise SystemExit(f"prctl(PR_SET_CHILD_SUBREAPER) failed: {os.strerror(ctypes.get_errno())}")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall time of one whole process (its output thrown away), the CPU time of it and of every
    process it started, and its exit code."""
    cpu = _children_cpu()
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd).returncode
    wall = time.perf_counter() - start
    while True:  # wait for what it left behind, which has ended or is ending (see adopt_orphans)
        try:
            os.wait()
        except ChildProcessError:
            break
    return wall, _children_cpu() - cpu, code


def alternate(first: list[str], second: list[str], runs: int, env: dict[str, str], cwd: Path) -> dict:
    """Run two commands alternately (so a busy moment of a shared machine hits both alike)."""
    times: dict[str, list[float]] = {"policygen": [], "reference": []}
    cpu: dict[str, list[float]] = {"policygen": [], "reference": []}
    codes: dict[str, set[int]] = {"policygen": set(), "reference": set()}
    for _ in range(runs):
        for name, command in (("policygen", first), ("reference", second)):
            seconds, cpu_seconds, code = timed(command, env, cwd)
            times[name].append(seconds)
            cpu[name].append(cpu_seconds)
            codes[name].add(code)
    if codes["policygen"] != {0}:
        raise SystemExit(f"policygen exited {codes['policygen']}: {' '.join(first)}")
    median = {name: statistics.median(values) for name, values in times.items()}
    return {"policygen_s": median["policygen"], "reference_s": median["reference"],
            "ratio": median["policygen"] / median["reference"], "runs": times,
            "policygen_cpu_s": statistics.median(cpu["policygen"]),
            "reference_cpu_s": statistics.median(cpu["reference"]), "cpu_runs": cpu,
            "reference_exit_codes": sorted(codes["reference"])}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; (0, 0) once it is gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    pss = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    rss = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return (int(pss.group(1)) if pss else 0), (int(rss.group(1)) if rss else 0)


def peak_memory(command: list[str], env: dict[str, str], cwd: Path) -> dict:
    """Peak of the summed PSS of the process and its descendants (sampled), and the largest RSS."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    peak = {"pss_mb": 0.0, "processes": 1}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree, pids, index = _children(), [process.pid], 0
            while index < len(pids):
                pids.extend(tree.get(pids[index], []))
                index += 1
            total = sum(_memory_kb(pid)[0] for pid in pids) / 1024
            if total > peak["pss_mb"]:
                peak["pss_mb"] = total
            peak["processes"] = max(peak["processes"], len(pids))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"policygen exited {process.returncode}: {' '.join(command)}")
    return {"pss_mb": peak["pss_mb"], "largest_process_rss_mb": usage.ru_maxrss / 1024,
            "processes": peak["processes"]}


# --- the run --------------------------------------------------------------------------------------

def jobs_option() -> list[str]:
    """``--jobs N`` when this policygen has the option, else nothing (the default behaviour)."""
    help_text = subprocess.run([str(BIN / "policygen"), "check", "--help"], capture_output=True, text=True).stdout
    if "--jobs" not in help_text:
        return []
    return ["--jobs", str(len(os.sched_getaffinity(0)))]


def row(measure: str, ours: str, reference: str, ratio: str, target: str, met: bool | None) -> list[str]:
    return [measure, ours, reference, ratio, target, "—" if met is None else ("met" if met else "not met")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (median), default 5")
    args = parser.parse_args()
    policygen, proselint = str(BIN / "policygen"), str(BIN / "proselint")
    if not Path(proselint).exists():
        raise SystemExit("proselint is not installed: pip install -e '.[bench]' (make bench does it)")
    jobs = jobs_option()
    adopt_orphans()

    with tempfile.TemporaryDirectory(prefix="policygen-bench-") as folder:
        tmp = Path(folder)
        home = tmp / "home"  # nothing from the user's home (caches, configuration) helps or hinders
        home.mkdir()
        env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"),
                   XDG_CONFIG_HOME=str(home / ".config"), NO_COLOR="1")
        (tmp / "policygen.toml").write_text("# empty: every default rule with default options\n", encoding="utf-8")
        corpus = make_corpus(tmp)
        check = [policygen, "check", "--format", "json", "--fail-level", "never", "--config", "policygen.toml"]
        lint = [proselint, "check", "-o", "json"]

        results: dict[str, object] = {
            "date": time.strftime("%Y-%m-%d %H:%M:%S"),
            "machine": platform.platform(), "python": platform.python_version(),
            "cpus_usable": len(os.sched_getaffinity(0)), "load_average": os.getloadavg(),
            "runs": args.runs, "jobs_option": " ".join(jobs) or "not offered", "words": corpus.words,
        }
        results["folder"] = alternate([*check, *jobs, str(corpus.folder)], [*lint, str(corpus.folder)],
                                      args.runs, env, tmp)
        results["folder_english"] = alternate([*check, *jobs, str(corpus.english)], [*lint, str(corpus.english)],
                                              args.runs, env, tmp)
        results["big_file"] = alternate([*check, str(corpus.big)], [*lint, str(corpus.big)], args.runs, env, tmp)
        results["one_page_cold"] = alternate(
            [policygen, "check", "--lang", "sv", "--fail-level", "never", "--config", "policygen.toml",
             str(corpus.page)],
            [sys.executable, "-c", "import spacy; spacy.blank('sv')"], args.runs, env, tmp)
        memory = {"folder": peak_memory([*check, *jobs, str(corpus.folder)], env, tmp),
                  "big_file": peak_memory([*check, str(corpus.big)], env, tmp)}
        results["memory"] = memory

    rows = [row("measure", "policygen", "reference", "ratio", "target", None)]
    rows[0][-1] = "result"
    for key, label, reference, target in (
        ("folder", f"(a) {FILES} files, {corpus.words['folder']:,} words, sv+en", "proselint", 0.8),
        ("folder_english", f"    the {FILES // 2} English files, {corpus.words['english']:,} words", "proselint", None),
        ("big_file", f"(b) 1 file, {corpus.words['big']:,} English words", "proselint", 1.2),
        ("one_page_cold", f"(c) one page cold, {corpus.words['page']} Swedish words", "spacy.blank('sv')", 1.3),
    ):
        result = results[key]
        rows.append(row(label, f"{result['policygen_s']:.2f} s (cpu {result['policygen_cpu_s']:.2f} s)",
                        f"{reference} {result['reference_s']:.2f} s (cpu {result['reference_cpu_s']:.2f} s)",
                        f"{result['ratio']:.2f}×", f"≤ {target}×" if target else "(information)",
                        result["ratio"] <= target if target else None))
    worst = max(memory.values(), key=lambda m: m["pss_mb"])
    rows.append(row("(d) peak memory, (a) and (b)", f"{worst['pss_mb']:.0f} MB",
                    f"largest process {max(m['largest_process_rss_mb'] for m in memory.values()):.0f} MB RSS",
                    "", "≤ 300 MB", worst["pss_mb"] <= 300))
    results["table"] = rows

    width = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    header = (f"policygen check vs proselint / spaCy — {results['date']}, {results['cpus_usable']} CPU(s), "
              f"load {results['load_average'][0]:.1f}, median of {args.runs} runs, --jobs: {results['jobs_option']}")
    print(header)
    print("\n".join(lines))

    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    stem = f"check-{time.strftime('%Y%m%d-%H%M%S')}"
    (out / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    markdown = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    markdown += ["| " + " | ".join(cell.strip() for cell in r) + " |" for r in rows[1:]]
    (out / f"{stem}.md").write_text(header + "\n\n" + "\n".join(markdown) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}/{stem}.json and .md")


if __name__ == "__main__":
    main()
