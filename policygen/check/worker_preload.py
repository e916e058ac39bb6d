"""Imported once by the forkserver of ``policygen check --jobs N``: every worker it forks starts with
the checker loaded (:mod:`policygen.check.preload`) and with what each language needs built.

Building spaCy's tokenizer compiles its prefix, suffix and infix expressions (about 0.07 s per
language) and pyphen parses its English patterns (about 0.04 s). Done here, it is done once per run
instead of once in every worker, which inherits the result.
"""

from __future__ import annotations

import policygen.check.preload  # noqa: F401
from policygen.check.syllables import syllables
from policygen.check.tokens import nlp
from policygen.lang import LANGUAGES

for _lang in LANGUAGES:
    nlp(_lang)
syllables("ready")
