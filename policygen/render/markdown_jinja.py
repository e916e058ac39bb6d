"""A Jinja environment for Markdown templates where template-made Markdown stays Markdown.

In the Markdown environment every printed value is escaped (``finalize``). That is right for
values from the description, but wrong for text a template builds itself: the output of a macro,
of ``caller()`` and of a ``{% set x %}…{% endset %}`` block is Markdown written by the template
(its own printed values already escaped once), and escaping it again would flatten lists and show
backslashes. Jinja marks such output ``Markup`` only in autoescape mode; this code generator marks
it :class:`~policygen.render.sanitize.MarkdownSafe` instead.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Macro

from policygen.render.sanitize import MarkdownSafe


class _MarkdownMacro(Macro):
    """A macro (or ``caller``) whose output is template-made Markdown."""

    def _invoke(self, arguments: list[Any], autoescape: bool) -> str:
        return MarkdownSafe(super()._invoke(arguments, autoescape))


def _as_markdown_macro(macro: Macro) -> Macro:
    macro.__class__ = _MarkdownMacro
    return macro


class _MarkdownCodeGenerator(CodeGenerator):
    def macro_def(self, macro_ref: Any, frame: Frame) -> None:
        self.write("environment.policygen_markdown_macro(")
        super().macro_def(macro_ref, frame)
        self.write(")")

    def visit_AssignBlock(self, node: nodes.AssignBlock, frame: Frame) -> None:
        """As Jinja's own, with the captured text marked MarkdownSafe."""
        self.push_assign_tracking()
        block_frame = frame.inner()
        block_frame.require_output_check = False
        block_frame.symbols.analyze_node(node)
        self.enter_frame(block_frame)
        self.buffer(block_frame)
        self.blockvisit(node.body, block_frame)
        self.newline(node)
        self.visit(node.target, frame)
        self.write(" = environment.policygen_markdown_safe(")
        if node.filter is not None:
            self.visit_Filter(node.filter, block_frame)
        else:
            self.write(f"concat({block_frame.buffer})")
        self.write(")")
        self.pop_assign_tracking(frame)
        self.leave_frame(block_frame)


class MarkdownEnvironment(Environment):
    """Jinja environment for ``.md.j2`` templates (see the module docstring)."""

    code_generator_class = _MarkdownCodeGenerator
    policygen_markdown_macro = staticmethod(_as_markdown_macro)
    policygen_markdown_safe = MarkdownSafe
