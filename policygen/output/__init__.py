"""Output formats shared by ``check`` and ``validate``.

Both commands first build their result as the JSON contract of DESIGN.md (``{"files": [...]}``),
then hand it to one small function per format. Adding a format means adding one function to
:data:`policygen.output.registry.FORMATS`. ``--fail-level``/``--exit-zero`` (:mod:`.levels`) and
``--statistics`` (:mod:`.statistics`) work on the same payload.
"""

from policygen.output.levels import DEFAULT_FAIL_LEVEL, FAIL_LEVELS, SEVERITIES, should_fail
from policygen.output.registry import FORMATS, MACHINE_FORMATS, Report, render
from policygen.output.statistics import format_statistics

__all__ = [
    "DEFAULT_FAIL_LEVEL",
    "FAIL_LEVELS",
    "FORMATS",
    "MACHINE_FORMATS",
    "SEVERITIES",
    "Report",
    "format_statistics",
    "render",
    "should_fail",
]
