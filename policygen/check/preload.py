"""Importing this module loads spaCy, the checker and its rules with the garbage collector paused,
then freezes them.

Importing spaCy creates several hundred thousand objects that live as long as the process. With
the collector on, they are walked over and over, during the imports and in every full collection
while text is checked: about 0.2 s of a 100k-word check. Frozen, the collector skips them, and it
still runs for the checker's own objects (a 50 MB file stays bounded).

A check in this process imports the module before its first file; the forkserver of
``policygen check --jobs N`` imports it once, so every worker it forks starts with all of it loaded
and frozen. Python imports a module once, so the work is done once per process.
"""

from __future__ import annotations

import gc

_collecting = gc.isenabled()
gc.disable()
try:
    import spacy  # noqa: F401 - every check tokenises with it (policygen.check.tokens)

    import policygen.check.api  # noqa: F401 - with the modules every file needs, below
    import policygen.check.extract.markdown  # noqa: F401 - and markdown-it
    import policygen.check.origins  # noqa: F401
    import policygen.check.runner  # noqa: F401
    import policygen.check.suppress  # noqa: F401
    from policygen.check.registry import import_rule_modules

    import_rule_modules()  # their regular expressions are compiled once, not in every worker
finally:
    gc.freeze()
    if _collecting:
        gc.enable()
