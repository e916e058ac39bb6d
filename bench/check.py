"""Benchmark of ``policygen check``, side by side in one run (issue 3's targets).

1. whole-process ``policygen check`` on ~100k English words of policy-like Markdown vs
   ``proselint check`` on the same file (target: not slower, with every rule on);
2. warm throughput on Markdown, Swedish and English, in words per second (target ≥ 60k);
3. a one-page check vs ``python -c "import spacy; spacy.blank('sv')"`` (target ≤ 1.6×);
4. peak memory of the 100k-word check (target ≤ 300 MB), from ``getrusage`` of the child;
5. (extra) a 50 MB Markdown file: wall time and peak memory.

The texts are generated deterministically from varied sentences. Prints a table and writes
``bench/results/check-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

EN_SENTENCES = [
    "We keep your name and e-mail address so that we can answer your question.",
    "If you ask us to delete your data, we will do so within one month.",
    "We may share your information with our service providers, e.g. the company that runs our support system.",
    "In accordance with applicable legislation, the data subject has the right to obtain a copy of the personal data.",
    "You can withdraw your consent at any time by writing to privacy@example.com.",
    "We retain the information for 24 months after the case is closed.",
    "Our processor Lime Technologies AB stores the data in Sweden.",
    "The processing is necessary for the performance of a contract to which you are a party.",
    "In order to improve your experience, we may use the information for marketing purposes.",
    "By using this website you agree to this policy.",
    "Please check this page regularly for changes.",
    "You have the right to complain to the Swedish Authority for Privacy Protection (IMY).",
    "Data are processed by the controller pursuant to Art. 6(1)(f) of the GDPR.",
    "We do not sell your data.",
    "Read more at https://example.com/privacy or call us on +46 8 123 45 67.",
    "Where the legal basis is legitimate interest, you may object to the processing at any time.",
    "Some information is collected automatically, such as the time you contacted us.",
    "We use the information to help you with your support case and to follow up on it.",
    "Subsequent to the termination of the agreement, the data will be erased without undue delay.",
    "Don't hesitate to contact our data protection officer if anything is unclear.",
]
EN_HEADINGS = ["Who we are", "What we collect", "Why we use your data", "How long we keep it",
               "Who we share it with", "Your rights", "Contact us"]
SV_SENTENCES = [
    "Vi sparar ditt namn och din e-postadress så att vi kan svara på din fråga.",
    "Om du ber oss radera dina uppgifter gör vi det inom en månad.",
    "Vi kan komma att dela dina uppgifter med våra leverantörer, t.ex. företaget som driver vårt supportsystem.",
    "I enlighet med tillämplig lagstiftning har den registrerade rätt att erhålla ett registerutdrag.",
    "Du kan när som helst återkalla ditt samtycke genom att skriva till dataskydd@exempel.se.",
    "Vi sparar uppgifterna i 24 månader efter att ärendet har stängts.",
    "Vårt personuppgiftsbiträde Lime Technologies AB lagrar uppgifterna i Sverige.",
    "Behandlingen är nödvändig för att fullgöra ett avtal som du är part i.",
    "För att förbättra din upplevelse kan uppgifterna användas för marknadsföringsändamål.",
    "Genom att använda webbplatsen godkänner du denna policy.",
    "Läs denna policy regelbundet för att se eventuella ändringar.",
    "Du har rätt att klaga hos Integritetsskyddsmyndigheten (IMY).",
    "Uppgifterna behandlas av den personuppgiftsansvarige enligt art. 6.1 f dataskyddsförordningen.",
    "Vi säljer inte dina uppgifter.",
    "Läs mer på https://exempel.se/integritet eller ring oss på 08-123 45 67.",
    "När den rättsliga grunden är berättigat intresse kan du när som helst invända mot behandlingen.",
    "Vissa uppgifter samlas in automatiskt, bl.a. tidpunkten då du kontaktade oss.",
    "Vi använder uppgifterna för att hjälpa dig med ditt ärende och för att följa upp det.",
    "Efter avtalets upphörande raderas uppgifterna utan onödigt dröjsmål.",
    "Tveka inte att kontakta vårt dataskyddsombud om något är oklart.",
]
SV_HEADINGS = ["Vilka vi är", "Vad vi sparar", "Varför vi använder uppgifterna", "Hur länge vi sparar dem",
               "Vem vi delar dem med", "Dina rättigheter", "Kontakta oss"]


def policy_markdown(sentences: list[str], headings: list[str], words: int, seed: int) -> str:
    """Deterministic policy-like Markdown of about ``words`` words: headings, paragraphs, lists."""
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        heading = rng.choice(headings)
        out.append(f"## {heading}\n")
        count += len(heading.split())
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.3:
                items = [f"- {rng.choice(sentences)}" for _ in range(rng.randint(2, 4))]
                out.append("\n".join(items) + "\n")
                count += sum(len(item.split()) - 1 for item in items)
            else:
                paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
                out.append(paragraph + "\n")
                count += len(paragraph.split())
    return "\n".join(out)


def run_child(command: list[str]) -> tuple[float, float, int]:
    """Run ``command`` in a fresh measuring process: (wall seconds, peak RSS in MB, exit code)."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "wall = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps([wall, peak, code]))\n"
    )
    output = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    wall, peak, code = json.loads(output.stdout)
    return wall, peak, code


def best_of(command: list[str], runs: int) -> tuple[float, float, int]:
    results = [run_child(command) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results), results[0][2]


def warm_throughput(source: str, lang: str, repeats: int) -> tuple[float, int]:
    """Words per second of the whole checker (every rule) on ``source``, after one warm-up run."""
    sys.path.insert(0, str(ROOT))
    from policygen.check.api import load_settings
    from policygen.check.runner import check_source

    settings, rules = load_settings(ROOT / "bench" / "no-config.toml")
    enabled = [rule for rule in rules if settings.enabled(rule)]
    report = check_source(source, "bench.md", lang, "md", enabled, settings)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        check_source(source, "bench.md", lang, "md", enabled, settings)
        best = min(best, time.perf_counter() - start)
    return report.metrics.words / best, report.metrics.words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no 50 MB file")
    args = parser.parse_args()
    runs = 2 if args.quick else 5
    policygen = str(BIN / "policygen")
    proselint = str(BIN / "proselint")
    rows: list[tuple[str, str, str, str]] = []
    results: dict[str, object] = {"machine": platform.platform(), "python": platform.python_version()}
    no_config = ROOT / "bench" / "no-config.toml"
    no_config.write_text("# empty: the benchmark runs every rule with default settings\n", encoding="utf-8")

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        en = policy_markdown(EN_SENTENCES, EN_HEADINGS, 100_000, seed=1)
        sv = policy_markdown(SV_SENTENCES, SV_HEADINGS, 100_000, seed=2)
        en_path, sv_path = tmp / "policy-en.md", tmp / "policy-sv.md"
        en_path.write_text(en, encoding="utf-8")
        sv_path.write_text(sv, encoding="utf-8")
        page = tmp / "page-sv.md"
        page.write_text(policy_markdown(SV_SENTENCES, SV_HEADINGS, 400, seed=3), encoding="utf-8")

        check_cmd = [policygen, "check", str(en_path), "--lang", "en", "--format", "json",
                     "--fail-level", "never", "--config", str(no_config)]
        ours, our_peak, our_code = best_of(check_cmd, runs)
        theirs, their_peak, _ = best_of([proselint, "check", "-o", "json", str(en_path)], max(1, runs // 2))
        results["whole_process"] = {"words": len(en.split()), "policygen_s": ours, "proselint_s": theirs,
                                    "policygen_exit": our_code, "ratio": ours / theirs}
        rows.append(("100k en words, whole process", f"policygen {ours:.2f} s", f"proselint {theirs:.2f} s",
                     "met" if ours <= theirs else "not met"))

        for lang, source in (("sv", sv), ("en", en)):
            rate, words = warm_throughput(source, lang, runs)
            results[f"warm_{lang}_words_per_s"] = rate
            rows.append((f"warm throughput {lang} ({words} words)", f"{rate / 1000:.0f}k words/s", "target 60k",
                         "met" if rate >= 60_000 else "not met"))

        one_page = [policygen, "check", str(page), "--lang", "sv", "--fail-level", "never", "--config", str(no_config)]
        page_s, _, _ = best_of(one_page, runs)
        spacy_s, _, _ = best_of([sys.executable, "-c", "import spacy; spacy.blank('sv')"], runs)
        results["one_page"] = {"policygen_s": page_s, "spacy_blank_s": spacy_s, "ratio": page_s / spacy_s}
        rows.append(("one-page check vs spacy.blank('sv')", f"{page_s:.2f} s vs {spacy_s:.2f} s",
                     f"{page_s / spacy_s:.2f}×, target 1.6×", "met" if page_s <= 1.6 * spacy_s else "not met"))

        results["peak_mb_100k"] = our_peak
        rows.append(("peak memory, 100k-word check", f"{our_peak:.0f} MB", "target 300 MB",
                     "met" if our_peak <= 300 else "not met"))
        results["proselint_peak_mb"] = their_peak

        if not args.quick:
            big = tmp / "big-en.md"
            with big.open("w", encoding="utf-8") as handle:
                written = 0
                seed = 10
                while written < 50 * 1024 * 1024:
                    chunk = policy_markdown(EN_SENTENCES, EN_HEADINGS, 50_000, seed=seed)
                    handle.write(chunk + "\n")
                    written += len(chunk.encode("utf-8")) + 1
                    seed += 1
            big_cmd = [policygen, "check", str(big), "--lang", "en", "--format", "json", "--fail-level", "never",
                       "--config", str(no_config)]
            big_s, big_peak, big_code = run_child(big_cmd)
            results["file_50mb"] = {"seconds": big_s, "peak_mb": big_peak, "exit": big_code}
            rows.append(("50 MB Markdown file", f"{big_s:.1f} s", f"{big_peak:.0f} MB peak", f"exit {big_code}"))

    no_config.unlink()
    width = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)))
    out = ROOT / "bench" / "results" / f"check-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    main()
