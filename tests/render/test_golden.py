"""Golden files: the bundled examples' documents, byte for byte.

A change to a template, the context or the engine shows up here as a diff of the documents people
read. When the change is deliberate, regenerate with ``pytest --update-golden`` and review the diff
of ``tests/golden/`` like any other change to the text.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from content_helpers import EXAMPLES, GOLDEN

DOCUMENTS = {
    "sv": ["integritetspolicy.md", "integritetspolicy.html", "integritetspolicy.fragment.html",
           "samtycke.html"],
    "en": ["privacy-policy.md", "privacy-policy.html", "privacy-policy.fragment.html",
           "consent.html"],
}
CASES = [(example, lang, name) for example in EXAMPLES for lang, names in DOCUMENTS.items()
         for name in names]


@pytest.mark.parametrize(("example", "lang", "name"), CASES)
def test_document_matches_golden(built: dict[str, Path], update_golden: bool, example: str,
                                 lang: str, name: str) -> None:
    actual = (built[example] / lang / name).read_bytes()
    golden = GOLDEN / example / lang / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
        return
    assert golden.exists(), f"no golden file {golden}; run pytest --update-golden"
    expected = golden.read_bytes()
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.decode("utf-8").splitlines(keepends=True),
            actual.decode("utf-8").splitlines(keepends=True),
            fromfile=f"golden/{example}/{lang}/{name}", tofile="built", n=2))
        pytest.fail(f"{name} differs from its golden file (pytest --update-golden if deliberate):\n"
                    + diff[:6000])
