"""The report model and its output formats, shared by ``check``, ``validate`` and ``build``.

Each command describes what it found as a typed :class:`Report` (:mod:`.report`) and hands it to
one small function per format (:data:`FORMATS`). The exit code comes from one gate
(:func:`exit_code`, :mod:`.levels`), ``--statistics`` from :func:`format_statistics`.
"""

from policygen.output.human import format_malformed
from policygen.output.levels import DEFAULT_FAIL_LEVEL, FAIL_LEVELS, ExitCode, exit_code, should_fail
from policygen.output.registry import FORMATS, MACHINE_FORMATS, render
from policygen.output.report import (KINDS, SEVERITIES, TEMPLATE_ORIGIN, FileReport, Finding, Metrics, Report,
                                     RuleInfo, Section, description_origin, rule_info, used_rules)
from policygen.output.statistics import format_statistics

__all__ = ["DEFAULT_FAIL_LEVEL", "FAIL_LEVELS", "FORMATS", "KINDS", "MACHINE_FORMATS", "SEVERITIES",
           "TEMPLATE_ORIGIN", "ExitCode", "FileReport", "Finding", "Metrics", "Report", "RuleInfo", "Section",
           "description_origin", "exit_code", "format_malformed", "format_statistics", "render", "rule_info",
           "should_fail", "used_rules"]
