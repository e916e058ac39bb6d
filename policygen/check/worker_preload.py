"""Imported once by the forkserver of ``policygen check --jobs N``: every worker it forks starts with
the checker loaded (:mod:`policygen.check.preload`) and with what each language needs built.

Building spaCy's tokenizer compiles its prefix, suffix and infix expressions (about 0.07 s per
language), pyphen parses its English patterns (about 0.04 s), markdown-it builds its parser (about
0.01 s) and the shipped glossaries are read (about 0.03 s; the passive rule looks words up in
them). Done here, it is done once per run instead of once in every worker,
which inherits the result.
"""

from __future__ import annotations

import policygen.check.preload  # noqa: F401
from policygen.check.extract import extract
from policygen.check.syllables import syllables
from policygen.check.tokens import nlp
from policygen.lang import LANGUAGES
from policygen.lang.glossary import shipped_rule_files
from policygen.resources import glossary_dir

for _lang in LANGUAGES:
    nlp(_lang)
syllables("ready")
for _fmt in ("md", "html"):
    list(extract("Ready.", _fmt))
shipped_rule_files(glossary_dir())
