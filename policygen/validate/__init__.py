"""GDPR completeness: does a well-formed description give every piece of information the law asks for?

Public API:
- :func:`run` (``LoadedDescription`` → sorted ``list[GdprFinding]``)
- :class:`GdprFinding`
- :func:`all_rules` (the rule registry, for ``policygen rules`` and documentation)
"""

from policygen.validate.findings import GdprFinding
from policygen.validate.registry import Rule, all_rules
from policygen.validate.runner import run

__all__ = ["GdprFinding", "Rule", "all_rules", "run"]
