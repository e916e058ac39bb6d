"""GDPR completeness: does a well-formed description give every piece of information the law asks for?

Public API:
- :func:`run` (``LoadedDescription`` → sorted GDPR findings of the report model)
- :func:`validate_file` (a path → its entry in a report: format errors or GDPR findings)
- :func:`catalogue` (the metadata of every code validate reports)
- :func:`all_rules` (the rule registry, for ``policygen rules`` and documentation)
"""

from policygen.validate.registry import Rule, all_rules
from policygen.validate.runner import catalogue, run, validate_file

__all__ = ["Rule", "all_rules", "catalogue", "run", "validate_file"]
