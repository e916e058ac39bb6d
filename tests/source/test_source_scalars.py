"""Decoding a YAML scalar once more with the place of every character (policygen.check.extract.yaml):
the decoded text must be the parser's value, and every character copied from the source must sit
exactly where the map says."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import (DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString,
                                      SingleQuotedScalarString)

from policygen.check.extract.yaml import decode_scalar, scalar_blocks, source_lines
from policygen.errors import UserError
from policygen.lang.yaml_tree import parse_yaml

STYLES = {"plain": str, "literal": LiteralScalarString, "folded": FoldedScalarString,
          "double": DoubleQuotedScalarString, "single": SingleQuotedScalarString}


def _decode(document: str, key: str = "top.sv"):  # noqa: ANN202
    data, locations = parse_yaml(document, "test.yaml")
    value = data
    for part in key.split("."):
        value = value[part]
    line, column = locations.values[key]
    pieces = decode_scalar(source_lines(document), line, column, value, locations.keys[key][1] - 1)
    return value, pieces


def _assert_exact(document: str, value: str, pieces) -> None:  # noqa: ANN001
    assert pieces is not None, (document, value)
    assert "".join(piece.text for piece in pieces) == value
    lines = source_lines(document)
    for piece in pieces:
        if piece.width == len(piece.text):
            assert lines[piece.row][piece.column:piece.column + len(piece.text)] == piece.text


@pytest.mark.parametrize(("document", "value"), [
    ("top:\n  sv: plain text here\n", "plain text here"),
    ("top:\n  sv: plain text\n    continued here\n\n    after a blank line\n  en: x\n",
     "plain text continued here\nafter a blank line"),
    ("top:\n  sv: 'it''s quoted\n    and folded'\n", "it's quoted and folded"),
    ('top:\n  sv: "esc \\u00e9 \\"q\\" \\\\ tab\\tx \\\n    joined"\n', 'esc é "q" \\ tab\tx joined'),
    ("top:\n  sv: >-\n    folded one\n    two\n\n    para two\n", "folded one two\npara two"),
    ("top:\n  sv: |\n    literal one\n    two\n\n      indented\n    back\n", "literal one\ntwo\n\n  indented\nback\n"),
    ("top:\n  sv: >\n    x\n      more indented\n    y\n", "x\n  more indented\ny\n"),
    ("top:\n  sv: |+\n    keep\n\n\n  en: x\n", "keep\n\n\n"),
    ("top:\n  sv: |2\n      two extra\n     one\n", "  two extra\n one\n"),
    ("top: {sv: flow one, en: 'flow two'}\n", "flow one"),
    ("top:\n  sv: plain  # a comment\n", "plain"),
    ("top:\n  sv: >-   # a comment on the header\n    text\n", "text"),
    ('top:\n  sv: "multi   \n    line  \n\n    para"\n', "multi line\npara"),
    ("top:\r\n  sv: >-\r\n    crlf lines\r\n    folded\r\n", "crlf lines folded"),
    ("top:\n  sv: !!str >-\n    tagged\n    text\n", "tagged text"),
], ids=["plain", "plain folded", "single", "double escapes", "folded strip", "literal", "more indented",
        "keep", "indentation indicator", "flow", "comment", "header comment", "double folded", "crlf", "tag"])
def test_every_style_decodes_to_the_value_with_exact_places(document: str, value: str) -> None:
    decoded, pieces = _decode(document)
    assert decoded == value
    _assert_exact(document, value, pieces)


def test_an_escape_is_placed_on_its_whole_sequence() -> None:
    document = 'top:\n  sv: "caf\\u00e9 och mer"\n'
    value, pieces = _decode(document)
    [block], exact = scalar_blocks(source_lines(document), 2, 7, value)
    assert exact and block.text == "café och mer"
    assert block.span(3, 4) == (2, 11, 2, 17)  # "é" is the six characters \u00e9
    assert block.span(5, 8) == (2, 18, 2, 21)  # "och" after it


def test_blocks_are_cut_at_blank_lines_and_line_breaks_read_as_spaces() -> None:
    document = "top:\n  sv: |\n    Första stycket,\n    andra raden.\n\n    Andra stycket.\n"
    value, _ = _decode(document)
    blocks, exact = scalar_blocks(source_lines(document), 2, 7, value, kind="paragraph")
    assert exact
    assert [(block.text, block.line) for block in blocks] == [
        ("Första stycket, andra raden.", 3), ("Andra stycket.", 6)]
    assert blocks[0].span(16, 21) == (4, 5, 4, 10)  # "andra" on the second line


def test_a_value_the_source_does_not_give_falls_back_to_the_start() -> None:
    document = "top:\n  sv: en text\n"
    blocks, exact = scalar_blocks(source_lines(document), 2, 7, "en annan text")
    assert not exact
    assert [block.text for block in blocks] == ["en annan text"]
    assert blocks[0].span(3, 8) == (2, 7, 2, 8)  # the value's first character


_TEXT = st.lists(st.sampled_from(list("abc de f\n\n  é'\"\\#:-,{}[]ÅäöX\t!?.") + ["\u00a0", " #", ": "]),
                 min_size=1, max_size=60).map("".join).filter(lambda text: text.strip())


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, style=st.sampled_from(sorted(STYLES)), width=st.sampled_from([20, 40, 80]),
       trailing=st.sampled_from(["", " ", "  \t"]))
def test_any_text_in_any_style_decodes_exactly(text: str, style: str, width: int, trailing: str) -> None:
    """Whatever a YAML emitter writes for a text, and with trailing white space added by hand,
    the decoded value is the parser's and every copied character is where the map says."""
    yaml = YAML()
    yaml.width = width
    stream = io.StringIO()
    yaml.dump({"top": {"sv": STYLES[style](text), "en": "x"}}, stream)
    document = "\n".join(line + trailing if line else line for line in stream.getvalue().split("\n"))
    try:
        parse_yaml(document, "test.yaml")
    except UserError:
        return  # white space added by hand can make the document invalid YAML: nothing to place
    value, pieces = _decode(document)
    _assert_exact(document, value, pieces)
