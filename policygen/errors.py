"""The one error type for user mistakes, where every part of policygen imports it from.

It is defined in :mod:`policygen.lang.errors` because the YAML and data-file loaders of
:mod:`policygen.lang`, which import nothing else from policygen, raise it too.
"""

from policygen.lang.errors import Problem, UserError

__all__ = ["Problem", "UserError"]
