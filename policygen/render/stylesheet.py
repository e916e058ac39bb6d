"""Stylesheets are inlined into every page, so an override stylesheet is checked as CSS first.

``shared/style.css`` and ``shared/print.css`` (built-in, or from ``--templates``) go verbatim into
``<style>`` elements. A stylesheet could close that element (``</style><script>…``), or make the
page load something from another site (``@import``, ``url(https://…)``), which breaks the promise
that pages are self-contained and load nothing. So before a stylesheet is inlined:

- it may not contain ``<`` at all (nothing can close the style element or open a comment);
- it must parse as CSS (``tinycss2``, which also decodes CSS escapes such as ``\\75 rl(``);
- ``@import`` is refused;
- ``url(…)`` and ``src(…)`` may name only a file of policygen's own assets (``templates/shared/``,
  a plain file name), and functions that take URLs of their own (``image-set`` …) are refused.

A refusal is the user's to fix, so it is a :class:`~policygen.errors.UserError` (exit 2) located at
the stylesheet's file, line and column, in the interface language, with a hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import tinycss2

from policygen.errors import Problem, UserError
from policygen.lang.locations import offset_positions
from policygen.lang.messages import N_, _
from policygen.resources import templates_dir

_ASSET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_URL_FUNCTIONS = {"url", "src"}
_REFUSED_FUNCTIONS = {"image-set", "-webkit-image-set", "image", "cross-fade", "element",
                      "expression"}


class UnsafeStylesheet(UserError):
    """A stylesheet that could escape its ``<style>`` element or load something from elsewhere."""


def _refuse(filename: str, line: int, column: int, message: str) -> UnsafeStylesheet:
    return UnsafeStylesheet([Problem(
        file=filename, line=line, column=column, message=message,
        hint=_("keep the stylesheet to plain CSS that refers only to files in templates/shared/"))])


def check_stylesheet(css: str, filename: str) -> str:
    """Return ``css`` unchanged if it is safe to inline; raise :class:`UnsafeStylesheet` if not."""
    if "<" in css:
        line, column = offset_positions(css)(css.index("<"))
        raise _refuse(filename, line, column,
                      _("a stylesheet may not contain `<` (it could close the <style> element)"))
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    for node in _walk(rules):
        _check_node(node, filename)
    return css


def _walk(nodes: Iterable[Any]) -> Iterable[Any]:
    stack = list(nodes)[::-1]
    while stack:
        node = stack.pop()
        yield node
        children: list[Any] = []
        for name in ("prelude", "content", "arguments", "value"):
            inner = getattr(node, name, None)
            if isinstance(inner, list):
                children.extend(inner)
        stack.extend(reversed(children))


def _check_node(node: Any, filename: str) -> None:
    def refuse(message: str) -> UnsafeStylesheet:
        return _refuse(filename, node.source_line, node.source_column, message)

    if node.type == "error":
        raise refuse(_("not valid CSS ({reason})").format(reason=_parse_error(node.kind)))
    if node.type == "at-rule" and node.lower_at_keyword == "import":
        raise refuse(_("@import is not allowed: pages load nothing from elsewhere"))
    if node.type == "url":
        _check_url(node.value, refuse)
    if node.type == "function":
        if node.lower_name in _REFUSED_FUNCTIONS:
            raise refuse(_("{function}() is not allowed in a stylesheet").format(function=node.lower_name))
        if node.lower_name in _URL_FUNCTIONS:
            values = [arg for arg in node.arguments if arg.type not in ("whitespace", "comment")]
            if not values or values[0].type != "string":
                raise refuse(_("{function}() must name a file in quotes").format(function=node.lower_name))
            _check_url(values[0].value, refuse)


_PARSE_ERRORS = {
    "bad-string": N_("a string in quotes runs past the end of its line"),
    "eof-in-string": N_("a string in quotes is never closed"),
    "eof-in-url": N_("url( is never closed"),
    "bad-url": N_("url( holds a space, a quote or a bracket; put the file name in quotes"),
    "invalid": N_("a selector or at-rule has no block in braces after it"),
}
"""What tinycss2's error kinds mean, said in the interface language (its own messages are English)."""


def _parse_error(kind: str) -> str:
    if kind in _PARSE_ERRORS:
        return _(_PARSE_ERRORS[kind])
    if kind in (")", "]", "}"):
        return _("a '{bracket}' that closes nothing").format(bracket=kind)
    return _("the CSS cannot be read here")


def _check_url(url: str, refuse: Callable[[str], UnsafeStylesheet]) -> None:
    name = url.strip()
    if _ASSET_NAME.match(name) and not name.endswith(".j2"):
        asset = templates_dir() / "shared" / name
        if asset.is_file() and not asset.is_symlink():
            return
    raise refuse(_("url({url}) is not one of policygen's own assets; a stylesheet may refer only "
                   "to files in templates/shared/").format(url=repr(url[:100])))
