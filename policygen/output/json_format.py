"""The ``json`` format: the payload exactly as DESIGN.md's JSON contract defines it."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policygen.output.registry import Report

_INDENT = "  "
_INFINITY = float("inf")


def format_json(report: Report) -> str:
    return dumps_indented(report.payload) + "\n"


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, about four times faster.

    Python 3.11's C encoder cannot indent, so ``json.dumps`` with ``indent`` runs the encoder in
    pure Python, one generator step per value: 0.1 s for the 7,000 findings of a 100k-word check.
    This writes the same text with one function call per container and the C string encoder.
    """
    out: list[str] = []
    _write(value, "\n", out)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            separator = "," + inner
            out.append(encode_basestring(key if isinstance(key, str) else _key(key)))
            out.append(": ")
            kind = type(item)
            if kind is str:
                out.append(encode_basestring(item))
            elif kind is int:
                out.append(int.__repr__(item))
            elif item is None:
                out.append("null")
            else:
                _write(item, inner, out)
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        separator = "[" + inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _write(item, inner, out)
        out.append(newline + "]")
    elif type(value) is float and value == value and value not in (_INFINITY, -_INFINITY):
        out.append(float.__repr__(value))
    else:
        out.append(json.dumps(value))  # other numbers, booleans, null: exactly as json writes them


def _key(key: Any) -> str:
    """A non-string key as ``json.dumps`` writes it (its JSON text, unquoted)."""
    return json.dumps(key).strip('"')
