"""One module per rule, named after it (``pl111_long_sentence.py``); importing a module registers its
rule. :mod:`policygen.check.registry` imports them all."""
