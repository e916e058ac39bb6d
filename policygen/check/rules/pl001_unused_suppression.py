"""PL001 suppression.unused: the rule's identity and documentation.

It reads no document: :func:`policygen.check.suppress.apply_suppressions` reports it once the
other rules have run, because only then is it known what a comment suppressed. Registered like
every rule, it is listed by ``policygen rules``, selected, ignored and re-graded the same way.
"""

from __future__ import annotations

from policygen.check.rule import Rule


class UnusedSuppression(Rule):
    """An inline suppression comment suppresses nothing.

    Why
    ---
    A ``<!-- policygen: disable=… -->`` comment that no longer matches any finding hides nothing
    today, but tomorrow it will silently hide a real problem. A directive policygen does not
    understand (``disabel=…``) and an ``enable`` that ends nothing are stale in the same way. The
    category is ``readability``, the nearest of the fixed categories: a stale directive is clutter
    in the source.

    Anti-pattern
    ------------
    ``<!-- policygen: disable=PL111 -->``
    Vi sparar ditt namn.

    The comment stands above a sentence that has since been made short: it suppresses nothing.

    Better
    ------
    Vi sparar ditt namn.

    Remove the comment, or correct the code or dotted name it lists. Run with
    ``--no-inline-config`` to see everything the comments suppress.
    """

    code = "PL001"
    name = "suppression.unused"
    category = "readability"
    severity = "warning"
