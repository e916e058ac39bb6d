"""Output formats shared by ``check`` and ``validate``.

Both commands first build their result as the JSON contract of DESIGN.md (``{"files": [...]}``),
then hand it to one small function per format. Adding a format means adding one function to
:data:`policygen.output.registry.FORMATS`.
"""

from policygen.output.registry import FORMATS, Report, render

__all__ = ["FORMATS", "Report", "render"]
