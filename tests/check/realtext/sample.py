"""Draw the labelling samples of the real-text set, and fill in the hand labels.

Used once per part and language, in this order (from the repository root)::

    python tests/check/realtext/sample.py draw dev sv      # round 1: writes labels/dev-sv.yaml, unlabelled
    python tests/check/realtext/sample.py list dev sv      # prints what to judge, numbered
    python tests/check/realtext/sample.py apply dev sv FILE  # fills verdicts from a judgment file
    python tests/check/realtext/sample.py record dev sv    # stores the judged message and suggestion
    python tests/check/realtext/sample.py baseline dev sv  # keeps all findings the sample came from
    python tests/check/realtext/sample.py topup dev sv     # a later round: new documents, more labels

``topup`` is how the set grows when documents are added (their part drawn first by
``make_split.py``): it records the documents of the part as strata (the documents the earlier
rounds were drawn from, and the new ones), then draws a further random sample of findings and of
sentences from all the part's findings and sentences that carry no label yet, with its own seed
(``SEED2``), stratified by category like the first round, and extends the baseline to the new
documents. Within each stratum and category every finding has the same chance to be labelled, so
``evaluate.py`` weights precision by stratum and category and scales misses per stratum.

A held-out round (``draw heldout <lang>``, now round 6: seed ``HELDOUT_SEED``, stratum
``round-6-heldout``) draws ``HELDOUT_SIZES`` findings and sentences per language from its one run,
records its round and stratum, and keeps the baseline from that same run. Round 2 used seed
``20261216-heldout-<lang>`` and stratum ``round-2-heldout`` (now ``heldout2-round-2-heldout`` in the
development label files), round 3 seed ``20261218-heldout-<lang>`` (now ``heldout3-…``), round 4 seed
``20261221-heldout-<lang>`` (now ``heldout4-…``), round 5 seed ``20261222-heldout-<lang>`` (now
``heldout5-…``); each new round sets its own seed here before its one run.

``draw`` refuses to overwrite a label file: the sample is drawn once, with the fixed seed below,
from the findings of the checker as it was then (its commit is recorded in the file). The finding
sample is stratified by category: every category with findings gets at least ``FLOOR`` of them
(or all it has), and the rest of the sample is drawn at random from the remaining findings, so
common categories keep their share. The sentence sample is drawn at random from the sentences of
four words or more (headings and labels of one to three words are left out).

A judgment file has one line per item (``#`` starts a comment)::

    F12 R ok  the passive hides who stores the data       # finding 12: right, suggestion ok
    F13 W -   agent named: 'stored by Google'              # finding 13: false alarm
    F14 R bad 'vi härledar' is not Swedish                 # suggestion wrong or not pasteable
    F15 R adv generic advice, nothing to paste             # suggestion is advice, not a rewrite
    S4 -                                                   # sentence 4: nothing missed
    S5 passive "lagras" | hides who stores it               # sentence 5: a miss, exact text
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402 - the folder is not a package

SEED = 20261206
FLOOR = 6
SIZES = {"dev": 150, "heldout": 100}
SEED2 = 20261208
FLOOR2 = 3
SENTENCE_SIZES = {"dev": 100, "heldout": 75}
HELDOUT_ROUND = 6
HELDOUT_SEED = 20261226
HELDOUT_SIZES = (50, 25)
"""Held-out round 6 (the new documents drawn after round 5 became development, seeds 20261226 to
20261229 of ``make_split.py``; the sample seed is the first of them): findings and sentences sampled per
language from its one run, at least ``FLOOR2`` findings per category, as in rounds 2 to 5. Drawn once by
the lead, after the rule changes it measures."""
MIN_DRAW = 30
MIN_WORDS = 4
SUGGESTION = {"ok": "ok", "bad": "bad", "adv": "advice", "-": None}
VERDICT = {"R": "right", "W": "wrong"}


def _commit() -> str:
    """The commit of the checker under evaluation: the last commit that changed anything outside
    this folder (this folder's own commits do not change the checker)."""
    done = subprocess.run(
        ["git", "log", "-1", "--format=%h", "--", ".", ":(exclude)tests/check/realtext"],
        capture_output=True,
        text=True,
        check=False,
        cwd=corpus.HERE.parent.parent.parent,
    )
    return done.stdout.strip() or "unknown"


def stratified(findings: list[dict], size: int, rng: random.Random, floor: int = FLOOR) -> list[dict]:
    """``size`` findings: at least ``floor`` of each category (or all it has), the rest at random."""
    by_category: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        by_category[finding["category"]].append(finding)
    chosen: list[dict] = []
    rest: list[dict] = []
    for category in sorted(by_category):
        group = by_category[category][:]
        rng.shuffle(group)
        chosen += group[:floor]
        rest += group[floor:]
    rng.shuffle(rest)
    chosen += rest[: max(0, size - len(chosen))]
    return sorted(chosen, key=lambda f: (f["path"], f["line"], f["column"], f["code"]))


def _entry(span: corpus.Span) -> dict:
    return {
        "path": span.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def draw(part: str, lang: str) -> None:
    target = corpus.label_file(part, lang)
    if target.exists():
        raise SystemExit(f"{target} exists: samples are drawn once")
    heldout_round = part == "heldout"
    seed = f"{HELDOUT_SEED}-{part}-{lang}" if heldout_round else f"{SEED}-{part}-{lang}"
    finding_size, sentence_size = HELDOUT_SIZES if heldout_round else (SIZES[part], SIZES[part])
    rng = random.Random(seed)
    docs = corpus.documents(part, lang)
    found = corpus.run_checker(docs, lang)
    findings = [finding for path in sorted(found) for finding in found[path]]
    sample = stratified(findings, finding_size, rng, FLOOR2 if heldout_round else FLOOR)
    all_sentences = [span for doc in docs for span, words in corpus.sentences(doc, lang) if words >= MIN_WORDS]
    picked = sorted(rng.sample(all_sentences, min(sentence_size, len(all_sentences))), key=lambda s: (s.path, s.line, s.column))
    data = {
        "part": part,
        "lang": lang,
        "checker_commit": _commit(),
        "sample_seed": seed,
        "findings_total": len(findings),
        "sentences_total": len(all_sentences),
        **(
            {
                "rounds": [{"seed": seed, "checker_commit": _commit(), "findings_drawn": len(sample),
                            "sentences_drawn": len(picked),
                            "note": f"held-out round {HELDOUT_ROUND}: its one run, after the rule changes it measures were committed"}],
                "strata": [{"name": f"round-{HELDOUT_ROUND}-heldout", "documents": docs, "sentences_total": len(all_sentences),
                            "findings_total": len(findings)}],
            }
            if heldout_round
            else {}
        ),
        "findings": [
            {
                **_entry(corpus.span_of(f)),
                "code": f["code"],
                "category": f["category"],
                "text": corpus.text_at(corpus.span_of(f)),
                "verdict": None,
                "reason": None,
                "suggestion": None,
            }
            for f in sample
        ],
        "sentences": [{**_entry(s), "text": corpus.text_at(s), "misses": []} for s in picked],
    }
    _write(target, data)
    if heldout_round:  # the population the sample came from, kept from the same run
        rows = [corpus.finding_key(f) for f in findings]
        lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
        corpus.baseline_file(part, lang).write_text(f'{{"commit": "{_commit()}",\n"findings": [\n{lines}\n]}}\n', encoding="utf-8")


def _write(target: Path, data: dict) -> None:
    target.parent.mkdir(exist_ok=True)
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    with target.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def _sentence_around(span: corpus.Span, lang: str) -> str:
    doc = span.path.removeprefix("docs/").removesuffix(".md")
    for sentence, _ in corpus.sentences(doc, lang):
        if span.overlaps(sentence):
            return corpus.text_at(sentence)
    return ""


def listing(part: str, lang: str, todo_only: bool = False) -> None:
    """Print the sample for a person to judge: each finding in its sentence, each sentence with the
    findings the checker has inside it (with ``todo_only``, only what is not judged yet)."""
    data = corpus.load_labels(part, lang)
    found = corpus.run_checker(corpus.documents(part, lang), lang)
    current = {(f["path"], f["line"], f["column"], f["code"]): f for fs in found.values() for f in fs}
    for number, entry in enumerate(data["findings"]):
        if todo_only and entry.get("verdict"):
            continue
        finding = current.get((entry["path"], entry["line"], entry["column"], entry["code"]), {})
        span = corpus.span_of(entry)
        print(f"F{number} {entry['code']} {entry['category']} {entry['path']}:{entry['line']}:{entry['column']}")
        print(f"   text: {entry['text']!r}")
        print(f"   msg:  {finding.get('message', '?')}")
        print(f"   sugg: {finding.get('suggestion', '')}")
        if entry["category"] != "readability":
            print(f"   in:   {_sentence_around(span, lang)}")
    all_findings = [f for fs in found.values() for f in fs]
    for number, entry in enumerate(data["sentences"]):
        if todo_only and entry.get("checked"):
            continue
        span = corpus.span_of(entry)
        inside = [
            f"{f['code']}:{corpus.text_at(corpus.span_of(f))[:40]!r}"
            for f in all_findings
            if corpus.span_of(f).overlaps(span) and f["category"] != "readability"
        ]
        print(f"S{number} {entry['path']}:{entry['line']}: {entry['text']}")
        print(f"   found: {', '.join(inside) or '-'}")


_MISS = re.compile(r'^S(\d+)\s+([a-z-]+)\s+"([^"]+)"(?:\s*#(\d+))?\s*(?:\|\s*(.*))?$')


def _locate(sentence: corpus.Span, needle: str, occurrence: int) -> corpus.Span:
    """The exact span of ``needle`` inside a sentence (its ``occurrence``-th match, 1-based)."""
    lines = (corpus.HERE / sentence.path).read_text(encoding="utf-8").split("\n")
    seen = 0
    for line in range(sentence.line, sentence.end_line + 1):
        text = lines[line - 1]
        start = sentence.column - 1 if line == sentence.line else 0
        stop = sentence.end_column - 1 if line == sentence.end_line else len(text)
        index = text.find(needle, start)
        while index != -1 and index + len(needle) <= stop:
            seen += 1
            if seen == occurrence:
                return corpus.Span(sentence.path, line, index + 1, line, index + 1 + len(needle))
            index = text.find(needle, index + 1)
    raise SystemExit(f"{needle!r} not found in {sentence.path}:{sentence.line}")


def apply(part: str, lang: str, judgments: Path) -> None:
    data = corpus.load_labels(part, lang)
    for raw in judgments.read_text(encoding="utf-8").splitlines():
        line = raw.split("  #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("F"):
            number, verdict, suggestion, *reason = line.split(None, 3)
            entry = data["findings"][int(number[1:])]
            entry["verdict"] = VERDICT[verdict]
            entry["suggestion"] = SUGGESTION[suggestion]
            entry["reason"] = reason[0] if reason else ""
            continue
        if re.fullmatch(r"S\d+\s+-", line):
            data["sentences"][int(line.split()[0][1:])]["checked"] = True
            continue
        match = _MISS.match(line)
        if not match:
            raise SystemExit(f"cannot read judgment: {raw}")
        number, category, needle, occurrence, reason = match.groups()
        sentence = data["sentences"][int(number)]
        span = _locate(corpus.span_of(sentence), needle, int(occurrence or 1))
        sentence["checked"] = True
        sentence["misses"].append(
            {**_entry(span), "category": category, "text": needle, "reason": (reason or "").strip()}
        )
    _write(corpus.label_file(part, lang), data)


def record(part: str, lang: str) -> None:
    """Store beside each labelled finding the message and suggestion that were judged, so that a
    later change of the suggestion text shows up as unjudged instead of inheriting the verdict."""
    data = corpus.load_labels(part, lang)
    found = corpus.run_checker(corpus.documents(part, lang), lang)
    current = {(f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["code"]): f for fs in found.values() for f in fs}
    for entry in data["findings"]:
        key = (entry["path"], entry["line"], entry["column"], entry["end_line"], entry["end_column"], entry["code"])
        finding = current.get(key)
        if finding is None:
            raise SystemExit(f"labelled finding no longer produced: {key}")
        entry.setdefault("message", finding.get("message", ""))
        entry.setdefault("suggestion_text", finding.get("suggestion", ""))
    _write(corpus.label_file(part, lang), data)


def baseline(part: str, lang: str) -> None:
    """Keep every finding the checker gave when the sample was drawn (the population it was drawn
    from), so the evaluation can tell findings a later change added from those left unsampled."""
    target = corpus.baseline_file(part, lang)
    if target.exists():
        raise SystemExit(f"{target} exists: the baseline is the state when the sample was drawn")
    found = corpus.run_checker(corpus.documents(part, lang), lang)
    rows = [corpus.finding_key(f) for path in sorted(found) for f in found[path]]
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    target.write_text(f'{{"commit": "{_commit()}",\n"findings": [\n{lines}\n]}}\n', encoding="utf-8")


def topup(part: str, lang: str) -> None:
    """A further sampling round after documents were added to the part (see the module docstring)."""
    data = corpus.load_labels(part, lang)
    seed = f"{SEED2}-{part}-{lang}"
    if any(r.get("seed") == seed for r in data.get("rounds", [])):
        raise SystemExit(f"round {seed} was already drawn")
    docs = corpus.documents(part, lang)
    strata = data.get("strata") or []
    known = {doc for stratum in strata for doc in stratum["documents"]}
    if not strata:
        first = sorted({e["path"].removeprefix("docs/").removesuffix(".md") for e in data["findings"] + data["sentences"]})
        strata = [{"name": "round-1", "documents": first}]
        known = set(first)
    new_docs = [doc for doc in docs if doc not in known]
    if new_docs:
        strata.append({"name": f"round-{len(strata) + 1}", "documents": new_docs})
    found = corpus.run_checker(docs, lang)
    findings = [finding for path in sorted(found) for finding in found[path]]
    baseline = corpus.load_baseline(part, lang)
    old_paths = {corpus.rel(doc) for doc in known}
    if sorted(map(tuple, baseline)) != sorted(tuple(corpus.finding_key(f)) for f in findings if f["path"] in old_paths):
        raise SystemExit("the checker's findings on the earlier documents changed since their sample was drawn")
    labelled = {tuple(corpus.finding_key(e)) for e in data["findings"]}
    pool = [f for f in findings if tuple(corpus.finding_key(f)) not in labelled]
    rng = random.Random(seed)
    size = max(SIZES[part] - len(data["findings"]), MIN_DRAW)
    drawn = stratified(pool, size, rng, FLOOR2)
    sentences_by_doc = {doc: [span for span, words in corpus.sentences(doc, lang) if words >= MIN_WORDS] for doc in docs}
    for stratum in strata:
        stratum["sentences_total"] = sum(len(sentences_by_doc[doc]) for doc in stratum["documents"])
        stratum["findings_total"] = sum(len(found[corpus.rel(doc)]) for doc in stratum["documents"])
    taken = {corpus.span_of(s) for s in data["sentences"]}
    free = [span for doc in docs for span in sentences_by_doc[doc] if span not in taken]
    count = min(max(SENTENCE_SIZES[part] - len(data["sentences"]), MIN_DRAW), len(free))
    picked = rng.sample(free, count)
    rounds = data.get("rounds") or [
        {
            "seed": data.pop("sample_seed", None),
            "checker_commit": data.pop("checker_commit", None),
            "findings_drawn": None,
            "sentences_drawn": None,
            "note": "drawn on branch realtext over all documents of the part then; only the labels on the documents kept here remain",
        }
    ]
    data.pop("findings_total", None)
    data.pop("sentences_total", None)
    rounds.append({"seed": seed, "checker_commit": _commit(), "findings_drawn": len(drawn), "sentences_drawn": len(picked), "note": "drawn from every unlabelled finding and sentence of the part"})
    data["rounds"] = rounds
    data["strata"] = strata
    data["findings"] = sorted(
        data["findings"]
        + [
            {
                **_entry(corpus.span_of(f)),
                "code": f["code"],
                "category": f["category"],
                "text": corpus.text_at(corpus.span_of(f)),
                "verdict": None,
                "reason": None,
                "suggestion": None,
            }
            for f in drawn
        ],
        key=lambda e: (e["path"], e["line"], e["column"], e["code"]),
    )
    data["sentences"] = sorted(
        data["sentences"] + [{**_entry(s), "text": corpus.text_at(s), "misses": []} for s in picked],
        key=lambda e: (e["path"], e["line"], e["column"]),
    )
    ordered = {key: data[key] for key in ("part", "lang", "rounds", "strata", "findings", "sentences")}
    _write(corpus.label_file(part, lang), ordered)
    rows = [corpus.finding_key(f) for path in sorted(found) for f in found[path]]
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    corpus.baseline_file(part, lang).write_text(f'{{"commit": "{_commit()}",\n"findings": [\n{lines}\n]}}\n', encoding="utf-8")


def main(argv: list[str]) -> int:
    command, part, lang, *rest = argv
    if part not in corpus.PARTS or lang not in corpus.LANGS:
        raise SystemExit("usage: sample.py draw|list|apply dev|heldout sv|en [FILE]")
    if command == "draw":
        draw(part, lang)
    elif command == "list":
        listing(part, lang, todo_only="--todo" in rest)
    elif command == "topup":
        topup(part, lang)
    elif command == "apply":
        apply(part, lang, Path(rest[0]))
    elif command == "record":
        record(part, lang)
    elif command == "baseline":
        baseline(part, lang)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
