"""Checks of a writer's template overrides that Jinja itself does not make.

Jinja renders a child template's block only if its parent has a block of that name; a misspelt
``{% block chnages %}`` is silently ignored, and the writer's text never appears. And an override
that drops a heading, or links to a heading that does not exist, leaves a link that goes nowhere
in a published document. Both stop the build with the override's file and line (exit 2).

Only public Jinja API is used: the loader's source and :meth:`jinja2.Environment.parse`.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from jinja2 import Environment, TemplateNotFound, nodes

from policygen.errors import Problem, UserError
from policygen.lang.messages import _


def is_override(filename: str | None, user_templates: Path | None) -> bool:
    if filename is None or user_templates is None:
        return False
    return Path(user_templates).resolve() in Path(filename).resolve().parents


def _tree(environment: Environment, name: str) -> tuple[nodes.Template, str | None]:
    source, filename, _uptodate = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
    return environment.parse(source, name, filename), filename


def _extends(tree: nodes.Template) -> nodes.Extends | None:
    extends = next(tree.find_all(nodes.Extends), None)
    if extends is None or not isinstance(extends.template, nodes.Const):
        return None
    return extends


def _parent(tree: nodes.Template) -> str | None:
    extends = _extends(tree)
    return None if extends is None else str(extends.template.value)


def _blocks_of(environment: Environment, name: str) -> set[str]:
    """Every block a template and the templates it extends define, nested blocks included."""
    found: set[str] = set()
    seen: set[str] = set()
    current: str | None = name
    while current is not None and current not in seen:
        seen.add(current)
        tree, _ = _tree(environment, current)
        found.update(block.name for block in tree.find_all(nodes.Block))
        current = _parent(tree)
    return found


def _own_blocks(tree: nodes.Template) -> list[nodes.Block]:
    """The blocks a child template fills: those not nested in another of its blocks."""
    nested = {id(inner) for block in tree.find_all(nodes.Block)
              for inner in block.find_all(nodes.Block)}
    return [block for block in tree.find_all(nodes.Block) if id(block) not in nested]


def check_blocks(environment: Environment, name: str, user_templates: Path | None) -> None:
    """Refuse an override that fills a block its parent template does not have."""
    tree, filename = _tree(environment, name)
    if not is_override(filename, user_templates):
        return
    extends = _extends(tree)
    if extends is None:
        return
    parent = str(extends.template.value)
    try:
        known = _blocks_of(environment, parent)
    except TemplateNotFound as error:
        raise UserError([Problem(file=str(filename), line=extends.lineno, column=0,
                                 message=f"TemplateNotFound: {error.name}",
                                 hint=_("built-ins are reachable as builtin/<name> (for example "
                                        "builtin/policy.md.j2); see docs/templates.md"))]) from None
    for block in _own_blocks(tree):
        if block.name in known:
            continue
        guess = difflib.get_close_matches(block.name, sorted(known), n=1)
        hint = (_("did you mean `{match}`?").format(match=guess[0]) + " " if guess else "") + \
            _("the blocks of {template} are listed in docs/templates.md").format(template=parent)
        raise UserError([Problem(file=str(filename), line=block.lineno, column=0,
                                 message=_("block `{block}` does not exist in {template}, so its text would "
                                           "never appear").format(block=block.name, template=parent),
                                 hint=hint)])


def check_anchors(environment: Environment, name: str, user_templates: Path | None,
                  links: tuple[str, ...], anchors: tuple[str, ...],
                  anchor_blocks: dict[str, str]) -> None:
    """Refuse a document with an in-page link to an anchor that no heading has.

    The message names where to fix it: the override's line that writes the link, else the
    override's block that replaced the heading (``anchor_blocks``: anchor → the block that holds
    its heading), else the template itself.
    """
    broken = [link for link in links if link.startswith("#") and link[1:] not in anchors]
    if not broken:
        return
    anchor = broken[0][1:]
    source, filename, _uptodate = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
    filename = filename or name
    line, where, links_here = 0, "", False
    if is_override(filename, user_templates):
        line = _line_of_link(source, anchor)
        if line:
            where, links_here = _("this line links to it"), True
        else:
            block = anchor_blocks.get(anchor)
            own = {b.name: b for b in _own_blocks(environment.parse(source, name, filename))}
            if block in own:
                line = own[block].lineno
                where = _("your block `{block}` replaces the heading that had it").format(block=block)
    message = _("the document links to {link}, but no heading has the anchor {anchor}").format(
        link=f"#{anchor}", anchor=f"{{#{anchor}}}")
    if where:
        message += f": {where}"
    hint = (_("link to an anchor that exists, or end a heading with {anchor}").format(anchor=f"{{#{anchor}}}")
            if links_here else
            _("keep the heading with its anchor {anchor} (use {super} to keep the built-in text), or remove "
              "the links to it").format(anchor=f"{{#{anchor}}}", super="{{ super() }}"))
    raise UserError([Problem(file=str(filename), line=line, column=0, message=message, hint=hint)])


def _line_of_link(source: str, anchor: str) -> int:
    pattern = re.compile(r"#" + re.escape(anchor) + r"(?![a-z0-9-])")
    for number, text in enumerate(source.splitlines(), start=1):
        if pattern.search(text) and "{#" + anchor not in text:
            return number
    return 0
