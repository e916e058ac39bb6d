"""Property-based tests: however a valid description is broken, validate answers with a message.

The seeds are the valid fixture and the bundled examples (which exercise transfers, special
categories and Art. 14 sources, and so more of the GDPR checks).

Mutations work on two levels: on the parsed data (delete a key, change a value's type, insert
odd Unicode — then written back as YAML flow text, which is JSON) and on the raw text (truncate,
duplicate or delete a line, insert characters, including tabs and YAML indicators). Every run must
end with exit 0, 1 or 2 and never with an exception.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygen.cli.main import main
from policygen.errors import UserError
from policygen.model import load_description_text
from policygen.lang.yaml_tree import parse_yaml

from .conftest import VALID

EXAMPLES = sorted((VALID.parents[3] / "examples").glob("*.yaml"))
SEEDS = [path.read_text(encoding="utf-8") for path in [VALID, *EXAMPLES]]
SEED_DATA = [parse_yaml(text, "seed.yaml")[0] for text in SEEDS]

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=30), st.just(""), st.just("NO"), st.just("2026-02-30"), st.just("24 monts"),
    st.just("javascript:alert(1)"), st.just({}), st.just([]), st.just({"sv": "x"}),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, prefix + (key,)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, prefix + (index,)))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for segment in path[:-1]:
        data = data[segment]
    return data


@st.composite
def mutated_data(draw: st.DrawFn) -> str:
    data = copy.deepcopy(draw(st.sampled_from(SEED_DATA)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [path for path in _paths(data) if path]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["delete", "replace", "rename"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(odd_values))  # st.just shares one object
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(path[-1])
    return json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True)


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines = text.split("\n")
        action = draw(st.sampled_from(["truncate", "insert", "duplicate_line", "delete_line", "indent"]))
        position = draw(st.integers(min_value=0, max_value=max(len(text) - 1, 0)))
        line = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
        if action == "truncate":
            text = text[:position]
        elif action == "insert":
            junk = draw(st.one_of(st.text(max_size=6), st.sampled_from(
                ["\t", ": ", "- ", "&a ", "*a", "!!str ", "{", "]", "'", '"', "#", "\x00", "\ufeff",
                 "\u202e", "%YAML 1.1\n", "---\n", "? ", "|", ">"])))
            text = text[:position] + junk + text[position:]
        elif action == "duplicate_line" and lines:
            lines.insert(line, lines[line])
            text = "\n".join(lines)
        elif action == "delete_line" and lines:
            del lines[line]
            text = "\n".join(lines)
        elif lines:
            lines[line] = draw(st.sampled_from([" ", "  ", "\t"])) + lines[line]
            text = "\n".join(lines)
    return text


def _assert_loader_answers(text: str) -> None:
    try:
        load_description_text(text, "fuzz.yaml")
    except UserError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message
            assert problem.line >= 0 and problem.column >= 0


def _assert_cli_answers(text: str) -> None:
    handle, path = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8", errors="surrogatepass"))
        result = CliRunner().invoke(main, ["validate", path])
    finally:
        os.unlink(path)
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    assert result.exit_code in (0, 1, 2)
    assert result.output.strip()
    assert "Traceback" not in result.output


@SETTINGS
@given(mutated_data())
def test_mutated_data_never_crashes_the_loader(text: str) -> None:
    _assert_loader_answers(text)


@SETTINGS
@given(mutated_text())
def test_mutated_text_never_crashes_the_loader(text: str) -> None:
    _assert_loader_answers(text)


@settings(SETTINGS, max_examples=60)
@given(st.one_of(mutated_data(), mutated_text()))
def test_validate_always_exits_0_1_or_2_with_a_message(text: str) -> None:
    _assert_cli_answers(text)


@settings(SETTINGS, max_examples=80)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes_validate(text: str) -> None:
    _assert_cli_answers(text)


@settings(SETTINGS, max_examples=40)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash_validate(raw: bytes) -> None:
    handle, path = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
        result = CliRunner().invoke(main, ["validate", path])
    finally:
        os.unlink(path)
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    assert result.exit_code in (0, 1, 2)
    assert result.output.strip()
