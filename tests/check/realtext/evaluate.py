"""Measure the plain-language checker on real privacy policies against hand labels.

Run from the repository root (the held-out part only once per change, see README.md)::

    python tests/check/realtext/evaluate.py                 # development part
    python tests/check/realtext/evaluate.py --part heldout  # held-out part
    python tests/check/realtext/evaluate.py --unjudged      # also list findings nobody judged

It re-runs ``policygen check`` on the documents and matches each finding to the labels by its
exact position and rule code. What it reports, per language and per category:

* **precision** — of the labelled findings the checker still gives, the share judged right. The
  labels come from samples stratified by category and drawn in rounds over groups of documents
  (the label file's ``strata``), so the per-language figure weights the precision of each stratum
  and category by its share of the findings the checker gives now (a cell with no judged
  finding borrows its category's precision over all strata); the raw share over the sample is
  printed beside it.
* **recall** — of the known problems (findings labelled right, plus the misses marked by hand in
  the sentence sample), the share the checker finds: a finding of the same category overlapping
  the problem's span. Because that pool mixes two samples of different sizes, an *estimated*
  recall is printed too: found problems (precision × findings) against found plus missed problems
  (each stratum's miss rate in its sentence sample × its sentences of four or more words).
* **suggestion accuracy** — of the right findings whose suggestion was judged as a rewrite
  (pasteable and correct, or not), the share judged correct; advice-only suggestions are counted
  apart. A suggestion whose text changed since it was judged counts as unjudged.
* **unjudged** — findings with no label: *new* ones (not given when the sample was drawn; label
  a random sample of these after a change) and *unsampled* ones (left out of the sample).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402 - the folder is not a package


@dataclass
class Tally:
    """Counts for one language (or one category) of one part."""

    right: int = 0
    wrong: int = 0
    known: int = 0
    known_found: int = 0
    misses: int = 0
    suggestion_ok: int = 0
    suggestion_bad: int = 0
    suggestion_advice: int = 0
    suggestion_changed: int = 0
    findings: int = 0

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def recall(self) -> float | None:
        return self.known_found / self.known if self.known else None

    @property
    def suggestion_accuracy(self) -> float | None:
        rated = self.suggestion_ok + self.suggestion_bad
        return self.suggestion_ok / rated if rated else None


@dataclass
class Result:
    """The evaluation of one part and language."""

    part: str
    lang: str
    total: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    gone: Counter = field(default_factory=Counter)
    unjudged_new: list[dict] = field(default_factory=list)
    unjudged_unsampled: int = 0
    sentences_sampled: int = 0
    sentences_total: int = 0
    cells: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    stratum_sentences: dict[str, list[int]] = field(default_factory=dict)
    stratum_misses: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def _found(self, categories: list[str]) -> float | None:
        """Expected right findings among the current ones: each stratum-and-category cell's
        findings × its precision (a cell with no judged finding borrows its category's)."""
        found = 0.0
        counted = False
        for (_, name), cell in self.cells.items():
            if name not in categories or not cell.findings:
                continue
            precision = cell.precision if cell.precision is not None else self.categories[name].precision
            if precision is None:
                continue
            found += precision * cell.findings
            counted = True
        return found if counted else None

    def _weight(self, categories: list[str]) -> int:
        return sum(
            cell.findings
            for (_, name), cell in self.cells.items()
            if name in categories and (cell.precision is not None or self.categories[name].precision is not None)
        )

    @property
    def weighted_precision(self) -> float | None:
        """Precision weighted by each stratum-and-category cell's share of the current findings."""
        names = list(self.categories)
        found, weight = self._found(names), self._weight(names)
        return found / weight if found is not None and weight else None

    def estimated_recall(self, category: str | None = None) -> float | None:
        """True problems found (precision × findings) against those plus the misses expected in
        all sentences (each stratum's sentence-sample miss rate scaled up to its sentences)."""
        names = [category] if category else list(self.categories)
        if not self.sentences_sampled:
            return None
        found = self._found(names) or 0.0
        missed = 0.0
        for stratum, (sampled, total) in self.stratum_sentences.items():
            if sampled:
                missed += sum(self.stratum_misses[(stratum, name)] for name in names) * total / sampled
        return found / (found + missed) if found + missed else None


def _suggestion(entry: dict, finding: dict, tally: Tally) -> None:
    judged = entry.get("suggestion")
    if judged is None:
        return
    if entry.get("suggestion_text", finding.get("suggestion", "")) != finding.get("suggestion", ""):
        tally.suggestion_changed += 1
    elif judged == "ok":
        tally.suggestion_ok += 1
    elif judged == "bad":
        tally.suggestion_bad += 1
    else:
        tally.suggestion_advice += 1


def match(labels: list[dict], current: list[dict]) -> tuple[dict[int, dict], list[dict]]:
    """Pair labels with current findings by exact position and rule code.

    Two findings can share both (an English document gets a LIX and a Flesch finding from PL101
    at the same place); the label then goes to the one with the judged message, else the first.
    Returns the label of each matched finding (by its index in ``current``) and the labels whose
    finding the checker no longer gives.
    """
    free: dict[tuple, list[int]] = defaultdict(list)
    for index, finding in enumerate(current):
        free[tuple(corpus.finding_key(finding))].append(index)
    matches: dict[int, dict] = {}
    gone: list[dict] = []
    for entry in labels:
        candidates = free.get(tuple(corpus.finding_key(entry)), [])
        if not candidates:
            gone.append(entry)
            continue
        same = [i for i in candidates if current[i].get("message") == entry.get("message")]
        chosen = (same or candidates)[0]
        candidates.remove(chosen)
        matches[chosen] = entry
    return matches, gone


def _found(problem: corpus.Span, category: str, current: list[dict]) -> bool:
    return any(f["category"] == category and corpus.span_of(f).overlaps(problem) for f in current)


def strata_of(labels: dict, docs: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Each document's stratum (the group of documents one sampling round was drawn from) and each
    stratum's number of sentences of four or more words when it was sampled. A label file without
    strata is one stratum."""
    strata = labels.get("strata") or [{"name": "all", "documents": docs, "sentences_total": labels.get("sentences_total", 0)}]
    stratum = {corpus.rel(doc): s["name"] for s in strata for doc in s["documents"]}
    for doc in docs:
        stratum.setdefault(corpus.rel(doc), "unsampled")
    return stratum, {s["name"]: s.get("sentences_total", 0) for s in strata}


def evaluate(part: str, lang: str) -> Result:
    """Run the checker on one part and language and measure it against the labels."""
    result = Result(part, lang)
    labels = corpus.load_labels(part, lang)
    docs = corpus.documents(part, lang)
    stratum_of, stratum_total = strata_of(labels, docs)
    found = corpus.run_checker(docs, lang)
    current = [f for path in sorted(found) for f in found[path]]
    matches, gone = match(labels["findings"], current)
    baseline = Counter(tuple(row) for row in corpus.load_baseline(part, lang))
    for index, finding in enumerate(current):
        tally = result.categories[finding["category"]]
        cell = result.cells[(stratum_of[finding["path"]], finding["category"])]
        tally.findings += 1
        cell.findings += 1
        result.total.findings += 1
        entry = matches.get(index)
        if entry is None or entry.get("verdict") is None:
            key = tuple(corpus.finding_key(finding))
            if baseline[key] > 0:
                baseline[key] -= 1
                result.unjudged_unsampled += 1
            else:
                result.unjudged_new.append(finding)
            continue
        baseline[tuple(corpus.finding_key(finding))] -= 1
        for target in (tally, result.total, cell):
            if entry["verdict"] == "right":
                target.right += 1
                _suggestion(entry, finding, target)
            else:
                target.wrong += 1
    for entry in gone:
        if entry.get("verdict"):
            result.gone[entry["verdict"]] += 1
    for entry in labels["findings"]:
        if entry.get("verdict") == "right":
            _count_known(result, entry["category"], corpus.span_of(entry), current)
    result.sentences_total = sum(stratum_total.values())
    sampled: Counter = Counter()
    for sentence in labels["sentences"]:
        if not sentence.get("checked"):
            continue
        stratum = stratum_of[sentence["path"]]
        sampled[stratum] += 1
        result.sentences_sampled += 1
        for miss in sentence["misses"]:
            span = corpus.span_of(miss)
            result.categories[miss["category"]].misses += 1
            result.stratum_misses[(stratum, miss["category"])] += 1
            result.total.misses += 1
            _count_known(result, miss["category"], span, current)
    result.stratum_sentences = {name: [sampled[name], total] for name, total in stratum_total.items()}
    return result


def _count_known(result: Result, category: str, span: corpus.Span, current: list[dict]) -> None:
    hit = _found(span, category, current)
    for target in (result.categories[category], result.total):
        target.known += 1
        target.known_found += hit


def _pct(value: float | None) -> str:
    return "   –  " if value is None else f"{100 * value:5.1f}%"


def report(result: Result, unjudged: bool = False) -> str:
    """The result as a plain-text table."""
    t = result.total
    lines = [
        f"== {result.part} / {result.lang}: {t.findings} findings, {t.judged} judged, "
        f"{len(result.unjudged_new)} new unjudged, {result.unjudged_unsampled} unsampled, "
        f"{result.sentences_sampled} of {result.sentences_total} sentences read for misses",
        f"   precision {_pct(result.weighted_precision)} (weighted; raw sample {_pct(t.precision)}, "
        f"{t.right} right / {t.wrong} wrong)   recall {_pct(t.recall)} ({t.known_found}/{t.known} known problems; "
        f"estimated {_pct(result.estimated_recall())})   suggestions {_pct(t.suggestion_accuracy)} "
        f"({t.suggestion_ok} ok / {t.suggestion_bad} bad, {t.suggestion_advice} advice, {t.suggestion_changed} changed)",
        f"   {'category':<16}{'findings':>9}{'right':>7}{'wrong':>7}{'precision':>11}"
        f"{'known':>7}{'misses':>8}{'recall':>9}{'est.rec':>9}{'sugg ok/bad':>13}{'sugg acc':>10}",
    ]
    for name in sorted(result.categories):
        c = result.categories[name]
        lines.append(
            f"   {name:<16}{c.findings:>9}{c.right:>7}{c.wrong:>7}{_pct(c.precision):>11}"
            f"{c.known:>7}{c.misses:>8}{_pct(c.recall):>9}{_pct(result.estimated_recall(name)):>9}"
            f"{f'{c.suggestion_ok}/{c.suggestion_bad}':>13}{_pct(c.suggestion_accuracy):>10}"
        )
    if result.gone:
        lines.append(f"   labelled findings no longer given: {result.gone['right']} right, {result.gone['wrong']} wrong")
    if unjudged:
        for f in result.unjudged_new:
            lines.append(f"   unjudged {f['path']}:{f['line']}:{f['column']} {f['code']} {corpus.text_at(corpus.span_of(f))!r}")
    return "\n".join(lines)


def as_json(result: Result) -> dict:
    """The figures of one result, for tools."""

    def tally(t: Tally) -> dict:
        return {
            "findings": t.findings,
            "right": t.right,
            "wrong": t.wrong,
            "precision": t.precision,
            "known": t.known,
            "known_found": t.known_found,
            "misses": t.misses,
            "recall": t.recall,
            "suggestion_ok": t.suggestion_ok,
            "suggestion_bad": t.suggestion_bad,
            "suggestion_advice": t.suggestion_advice,
            "suggestion_accuracy": t.suggestion_accuracy,
        }

    return {
        "part": result.part,
        "lang": result.lang,
        "total": tally(result.total) | {
            "weighted_precision": result.weighted_precision,
            "estimated_recall": result.estimated_recall(),
        },
        "categories": {
            name: tally(t) | {"estimated_recall": result.estimated_recall(name)}
            for name, t in sorted(result.categories.items())
        },
        "unjudged_new": len(result.unjudged_new),
        "unjudged_unsampled": result.unjudged_unsampled,
        "gone": dict(result.gone),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=(*corpus.PARTS, "all"), default="dev")
    parser.add_argument("--lang", choices=(*corpus.LANGS, "all"), default="all")
    parser.add_argument("--unjudged", action="store_true", help="list findings no label covers")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    parts = corpus.PARTS if args.part == "all" else (args.part,)
    langs = corpus.LANGS if args.lang == "all" else (args.lang,)
    results = [evaluate(part, lang) for part in parts for lang in langs]
    if args.json:
        print(json.dumps([as_json(r) for r in results], indent=2))
    else:
        print("\n\n".join(report(r, args.unjudged) for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
