"""The real-text evaluation set is consistent, and its evaluation runs on the development part.

No threshold yet: the figures are measured (``evaluate.py``) and reported in ``README.md``; the
engineer who improves the checker sets the targets. What is asserted here is that the set is
sound (every label still points at the text it was given for, the split is the recorded one, the
samples are as large as promised) and that the evaluation computes every figure. The held-out
part is never run here: it is run by hand, once per change.
"""

from __future__ import annotations

import pytest

import corpus
from evaluate import evaluate, report

from policygen.check.registry import all_rules

CATEGORIES = {rule.category for rule in all_rules()}
VERDICTS = {"right", "wrong"}
SUGGESTIONS = {"ok", "bad", "advice", None}
SAMPLE_SIZES = {"dev": 150, "heldout": 50}  # held-out rounds 2 to 5: 50 findings, 25 sentences
SENTENCE_SIZES = {"dev": 100, "heldout": 25}
OPEN_LICENCES = ("CC0 1.0", "CC BY 4.0", "CC BY-SA 3.0", "CC BY-SA 4.0", "MIT", "Apache-2.0", "AGPL-3.0", "GPL-2.0", "EUPL-1.2", "OGL-3.0", "European Commission reuse policy")
SHARE_ALIKE = ("CC BY-SA", "EUPL", "AGPL", "GPL")


def test_sources_files_and_split_agree() -> None:
    sources = corpus.load_yaml(corpus.HERE / "sources.yaml")
    ids = [doc["id"] for doc in sources["documents"]]
    on_disk = sorted(p.relative_to(corpus.DOCS).with_suffix("").as_posix() for p in corpus.DOCS.glob("*/*.md"))
    assert sorted(ids) == on_disk
    split = corpus.split()
    assert sorted(split) == on_disk
    for lang in corpus.LANGS:
        dev, heldout = corpus.documents("dev", lang), corpus.documents("heldout", lang)
        assert len(dev) >= 8
        # a held-out round (new documents only, drawn after the previous round became
        # development) has at least 3 documents and 2,000 words per language (round 3 had 7 + 5,
        # round 4 had 5 + 5, round 5 had 5 + 7, round 6 has 4 + 4);
        # between rounds, after a round was run and moved, the part is empty
        if heldout:
            assert len(heldout) >= 3, lang
            assert sum(len(corpus.doc_path(doc).read_text(encoding="utf-8").split()) for doc in heldout) >= 2_000, lang
    # the draws after the last move placed new documents only, and all of them in the held-out part
    draws = corpus.load_yaml(corpus.HERE / "split.yaml")["draws"]
    last_move = max(i for i, draw in enumerate(draws) if "moved_to_dev" in draw)
    since = [draw for draw in draws[last_move + 1 :] if "seed" in draw]
    assert all(not draw["dev"] for draw in since)
    assert sorted(doc for draw in since for doc in draw["heldout"]) == sorted(doc for doc, part in split.items() if part == "heldout")


def test_a_held_out_part_that_was_run_became_development_with_its_labels() -> None:
    """Held-out rounds 1 to 6 moved to development after their one run, each recorded in
    ``split.yaml`` with its labels kept under its own strata, and no document is both development
    and held out."""
    data = corpus.load_yaml(corpus.HERE / "split.yaml")
    moves = [draw for draw in data["draws"] if "moved_to_dev" in draw]
    assert [move["moved_to_dev"] for move in moves] == ["heldout1", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"]
    assert not set(data["dev"]) & set(data["heldout"])
    for move in moves:
        assert set(move["documents"]) <= set(data["dev"])
        for lang in corpus.LANGS:
            strata = corpus.load_labels("dev", lang)["strata"]
            prefix = f"{move['moved_to_dev']}-"
            moved = {doc for stratum in strata if stratum["name"].startswith(prefix) for doc in stratum["documents"]}
            assert moved == {doc for doc in move["documents"] if doc.startswith(f"{lang}/")}


def test_every_document_is_openly_licensed_and_attributed() -> None:
    """Only texts whose licence allows copying them here, each with its source, author, licence,
    where the licence is stated, and whether it is share-alike; LICENSES.md names every one."""
    licenses = (corpus.HERE / "LICENSES.md").read_text(encoding="utf-8")
    for doc in corpus.load_yaml(corpus.HERE / "sources.yaml")["documents"]:
        where = doc["id"]
        assert doc["id"].startswith(f"{doc['lang']}/") and doc["source"].startswith("http"), where
        assert doc["author"] and doc["licence_evidence"], where
        assert doc["licence"].startswith(OPEN_LICENCES), where
        assert doc["share_alike"] == doc["licence"].startswith(SHARE_ALIKE), where
        assert f"`{doc['id']}`" in licenses, where


def test_the_set_is_large_enough() -> None:
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in corpus.DOCS.glob("*/*.md"))
    assert words >= 20_000


def _labelled_or_not_yet_run(part: str, lang: str) -> None:
    """The held-out part of a round gets its labels from its single run, at the end of the work
    that it measures; until then it has neither labels nor a baseline (nothing of it was read).
    Between rounds (after a run round moved into development) the part is empty."""
    if part == "heldout" and not corpus.label_file(part, lang).exists():
        assert not corpus.baseline_file(part, lang).exists()
        pytest.skip("the held-out part has no labels: it is empty between rounds, or its round has not been run")


@pytest.mark.parametrize("part", corpus.PARTS)
@pytest.mark.parametrize("lang", corpus.LANGS)
def test_strata_cover_the_part(part: str, lang: str) -> None:
    """Each document of the part belongs to exactly one sampling stratum, so every finding and
    sentence has a known chance of being labelled."""
    _labelled_or_not_yet_run(part, lang)
    strata = corpus.load_labels(part, lang)["strata"]
    listed = [doc for stratum in strata for doc in stratum["documents"]]
    assert sorted(listed) == corpus.documents(part, lang)
    assert all(stratum["sentences_total"] > 0 for stratum in strata)


@pytest.mark.parametrize("part", corpus.PARTS)
@pytest.mark.parametrize("lang", corpus.LANGS)
def test_labels_point_at_their_text(part: str, lang: str) -> None:
    _labelled_or_not_yet_run(part, lang)
    labels = corpus.load_labels(part, lang)
    assert labels["part"] == part and labels["lang"] == lang
    assert len(labels["findings"]) >= SAMPLE_SIZES[part]
    assert len(labels["sentences"]) >= SENTENCE_SIZES[part]
    for entry in labels["findings"]:
        where = f"{entry['path']}:{entry['line']}:{entry['column']} {entry['code']}"
        assert corpus.text_at(corpus.span_of(entry)) == entry["text"], where
        assert entry["verdict"] in VERDICTS and entry["reason"], where
        assert entry["suggestion"] in SUGGESTIONS, where
        assert entry["category"] in CATEGORIES, where
    for sentence in labels["sentences"]:
        span = corpus.span_of(sentence)
        assert sentence.get("checked"), f"sentence not read: {sentence['path']}:{sentence['line']}"
        assert corpus.text_at(span) == sentence["text"]
        for miss in sentence["misses"]:
            assert miss["category"] in CATEGORIES
            assert corpus.text_at(corpus.span_of(miss)) == miss["text"]
            assert corpus.span_of(miss).inside(span), miss


@pytest.mark.parametrize("part", corpus.PARTS)
@pytest.mark.parametrize("lang", corpus.LANGS)
def test_every_category_with_findings_is_sampled(part: str, lang: str) -> None:
    """The sample was stratified: each category the checker gave findings in when the sample was
    drawn has labelled findings."""
    _labelled_or_not_yet_run(part, lang)
    category_of = {rule.code: rule.category for rule in all_rules()}
    baseline = corpus.load_baseline(part, lang)
    assert baseline
    drawn_from = {category_of[row[5]] for row in baseline}
    sampled = {entry["category"] for entry in corpus.load_labels(part, lang)["findings"]}
    assert drawn_from == sampled


@pytest.fixture(scope="module", params=corpus.LANGS)
def development(request):
    return evaluate("dev", request.param)


def test_development_evaluation_computes_every_figure(development) -> None:
    result = development
    total = result.total
    assert total.findings == sum(c.findings for c in result.categories.values()) > 0
    assert total.judged + len(result.unjudged_new) + result.unjudged_unsampled == total.findings
    assert total.judged >= SAMPLE_SIZES["dev"] and total.known > 0 and result.sentences_sampled >= SENTENCE_SIZES["dev"]
    for figure in (total.precision, result.weighted_precision, total.recall, result.estimated_recall(), total.suggestion_accuracy):
        assert figure is not None and 0.0 <= figure <= 1.0
    for name, category in result.categories.items():
        assert category.right + category.wrong <= category.findings, name
        assert category.known_found <= category.known, name
    table = report(result)
    assert f"== dev / {result.lang}:" in table and "precision" in table



def test_the_blind_second_opinion_judged_findings_of_the_development_labels() -> None:
    """Each item of the agreement sample is a judged development finding, with that finding's verdict
    as the first opinion, so the agreement figures in the README speak about the real labels."""
    from agreement import AGREEMENT, groups

    items = corpus.load_yaml(AGREEMENT)["items"]
    labelled = {}
    for lang in corpus.LANGS:
        for entry in corpus.load_labels("dev", lang)["findings"]:
            labelled[(lang, entry["path"], entry["line"], entry["column"], entry["category"])] = entry["verdict"]
    for item in items:
        key = (item["lang"], item["path"], item["line"], item["column"], item["category"])
        assert labelled.get(key) == item["first"], item["id"]
        assert item["second"] in VERDICTS and item["second_reason"], item["id"]
    agreement = groups(items)
    assert {group: len(found.pairs) for group, found in agreement.items()} == {
        ("en", "passive"): 50, ("en", "vague"): 25, ("sv", "passive"): 50, ("sv", "vague"): 25}
    # the figures docs/rules.md ("Stop 19") and the README report
    assert {group: (round(100 * found.observed), round(found.kappa, 2)) for group, found in agreement.items()} == {
        ("en", "passive"): (62, 0.31), ("en", "vague"): (76, 0.52),
        ("sv", "passive"): (74, 0.46), ("sv", "vague"): (72, 0.45)}
