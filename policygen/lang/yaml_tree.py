"""YAML text → plain Python data plus the position of every key, with the checks YAML leaves out.

The description and the small data files a user hands us (glossaries, checker configuration,
:mod:`policygen.lang.datafile`) are read by this one loader.

We build the data from the parser's *events* instead of letting a YAML library construct objects:
- anchors and aliases are refused at the first one we meet, before anything is expanded, so an
  alias bomb ("billion laughs") fails in microseconds;
- duplicate keys are errors (YAML libraries often keep the last one silently);
- scalars follow the YAML 1.2 core schema (``country: NO`` is the string "NO", ``on`` is a
  string), and dates stay strings for the model to parse; tags other than ``!!str`` are refused;
- nesting is tracked on an explicit stack, so a deeply nested file cannot exhaust recursion, and
  the number of values is capped, so a 1 MB file of tiny entries cannot keep the (pure Python)
  parser busy for seconds;
- every key and value gets its 1-based line and column for located messages.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from policygen.lang.errors import Problem, UserError
from policygen.lang.locations import Locations, Position, join_key, offset_positions
from policygen.lang.messages import N_, _, number
from policygen.lang.parser_reasons import yaml_context, yaml_reason

MAX_DEPTH = 32
MAX_NODES = 20_000  # a large real description has a few thousand; bounds parse time to ~1 s

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_CORE = "tag:yaml.org,2002:"
_SURROGATE = re.compile("[\ud800-\udfff]")

_SYNTAX_HINTS = (
    ("could not find expected ':'", N_("a key needs a colon and a space after it (`key: value`)")),
    ("mapping values are not allowed", N_("quote a value that contains ': ', or check the indentation")),
    ("expected '<document start>'", N_("this does not look like a YAML description; it starts with `format: 1`")),
    ("expected <block end>", N_("check the indentation; list items (`- `) and keys can't be mixed at one level")),
    ("did not find expected key", N_("check the indentation: keys of one mapping line up exactly")),
    ("did not find expected '-'", N_("check the indentation of this list")),
    ("found unexpected end of stream", N_("a quote or bracket is not closed")),
    ("found undefined alias", N_("anchors and aliases (&name, *name) are not allowed")),
)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: str
    key: str | None = None
    key_position: Position = (0, 0)
    discard: bool = False  # the value of a duplicate key: parsed, located, then dropped
    seen: dict[str, int] = field(default_factory=dict)


def parse_yaml(text: str, file: str, *, pure: bool = True) -> tuple[Any, Locations]:
    """Parse one YAML document into plain data (dict/list/str/int/float/bool/None) and positions;
    an empty document is ``None``. ``pure=False`` takes the events from libyaml's C parser.

    Raises :class:`UserError` for syntax errors, tabs, anchors, aliases, tags, duplicate keys,
    excessive nesting and several documents.
    """
    builder = _Builder(file)
    try:
        for event in YAML(typ="safe", pure=pure).parse(io.StringIO(text)):
            builder.feed(event)
    except UserError:
        raise
    except ReaderError as error:
        line, column = offset_positions(text)(error.position)
        character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        raise UserError.single(file, _("control character {code} is not allowed in YAML").format(code=f"U+{character:04X}"),
                               line=line, column=column,
                               hint=_("remove control characters; save the file as plain UTF-8 text")) from None
    except MarkedYAMLError as error:
        raise UserError([_syntax_problem(error, text, file)]) from None
    except (YAMLError, RecursionError, ValueError) as error:
        raise UserError.single(file, _("YAML syntax error: {problem}").format(problem=error).strip()) from None
    if builder.problems:
        raise UserError(builder.problems)
    return builder.root, builder.locations


class _Builder:
    """Turns parser events into data and locations, collecting problems as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.locations = Locations()
        self.problems: list[Problem] = []
        self.nodes = 0

    def feed(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._fail(event, _("only one YAML document is allowed per file"),
                           _("remove the `---` line and everything after it, or split the file"))
            return
        if isinstance(event, ev.AliasEvent):
            self._fail(event, _("aliases ({alias}) are not allowed").format(alias=f"*{event.anchor}"),
                       _("write the value out in full; anchors and aliases are refused for safety"))
        anchor = getattr(event, "anchor", None)
        if anchor and isinstance(event, ev.NodeEvent):
            self._fail(event, _("anchors ({anchor}) are not allowed").format(anchor=f"&{anchor}"),
                       _("write the value out in full; anchors and aliases are refused for safety"))
        if isinstance(event, ev.NodeEvent):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self._fail(event, _("the file holds more than {count} values").format(count=number(MAX_NODES)),
                           _("check that this is the right file"))
        if isinstance(event, ev.ScalarEvent):
            event.value = self._unicode(event)
            self._place(event, self._scalar(event))
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            self._check_tag(event)
            if len(self.stack) >= MAX_DEPTH:
                self._fail(event, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH),
                           _("check the indentation"))
            container: dict[str, Any] | list[Any] = {} if isinstance(event, ev.MappingStartEvent) else []
            path, discard = self._place(event, container)
            self.stack.append(_Frame(container, path, discard=discard))
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self.stack.pop()

    def _place(self, event: ev.NodeEvent, value: Any) -> tuple[str, bool]:
        """Attach ``value`` where the stack says it belongs; return its key path."""
        position = _position(event)
        if not self.stack:
            self.root = value
            self.locations.keys.setdefault("", position)
            self.locations.values.setdefault("", position)
            return "", False
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = join_key(frame.path, len(frame.container))
            frame.container.append(value)
            self._locate(path, position, position, frame.discard)
            return path, frame.discard
        if frame.key is None:
            self._take_key(frame, event, value, position)
            return frame.path, True
        key, frame.key = frame.key, None
        path = join_key(frame.path, key)
        discard = frame.discard or frame.seen[key] > 1
        if not discard:
            frame.container[key] = value
        self._locate(path, frame.key_position, position, discard)
        return path, discard

    def _take_key(self, frame: _Frame, event: ev.NodeEvent, value: Any, position: Position) -> None:
        if not isinstance(event, ev.ScalarEvent):
            self._fail(event, _("a key must be plain text, not a list or mapping"),
                       _("write `key: value`; a line starting with `? ` makes a complex key"))
        key = event.value
        frame.key = key
        frame.key_position = position
        frame.seen[key] = frame.seen.get(key, 0) + 1
        if frame.seen[key] > 1 and not frame.discard:
            first = self.locations.keys.get(join_key(frame.path, key), (0, 0))
            self.problems.append(Problem(
                file=self.file, line=position[0], column=position[1], key=join_key(frame.path, key),
                message=_("duplicate key `{key}` (first written on line {line})").format(key=key, line=first[0]),
                hint=_("each key may appear once in a mapping: remove one or merge them"),
            ))

    def _locate(self, path: str, key_position: Position, value_position: Position, discard: bool) -> None:
        if discard:
            return
        self.locations.keys.setdefault(path, key_position)
        self.locations.values.setdefault(path, value_position)

    def _scalar(self, event: ev.ScalarEvent) -> Any:
        self._check_tag(event)
        plain = not event.style and event.tag is None  # the C parser's plain style is "", not None
        return _resolve_plain(event.value) if plain else event.value

    def _unicode(self, event: ev.ScalarEvent) -> str:
        """Join escaped surrogate pairs (``"\\ud83d\\ude00"``) and refuse lone surrogates."""
        value = event.value
        if not _SURROGATE.search(value):
            return value
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if "\ufffd" in value and "\ufffd" not in event.value:
            self._fail(event, _("the text holds an invalid Unicode escape (a lone surrogate)"),
                       _("write the character itself instead of a \\u escape"))
        return value

    def _check_tag(self, event: ev.NodeEvent) -> None:
        """Only ``!`` and, on text, ``!!str`` say nothing a plain value does not."""
        tag = event.tag
        if tag is None or tag == "!" or (tag == _CORE + "str" and isinstance(event, ev.ScalarEvent)):
            return
        self._fail(event, _("YAML tags such as `{tag}` are not allowed").format(tag=tag.replace(_CORE, "!!")),
                   _("remove the tag (the part starting with `!`)"))

    def _fail(self, event: ev.Event, message: str, hint: str) -> None:
        """Stop at ``event``, located at the key or list item it is the value of."""
        line, column = _position(event)
        path = ""
        if self.stack:
            frame = self.stack[-1]
            if isinstance(frame.container, list):
                path = join_key(frame.path, len(frame.container))
            else:
                path = frame.path if frame.key is None else join_key(frame.path, frame.key)
        raise UserError(self.problems + [Problem(file=self.file, line=line, column=column,
                                                 key=path, message=message, hint=hint)])


def _resolve_plain(value: str) -> Any:
    """A plain scalar read by the YAML 1.2 core schema (no yes/no/on/off booleans, no sexagesimals)."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if value[0] not in "0123456789+-.":
        return value  # text: every number of the core schema starts with one of these
    if len(value) <= 1000:
        if _INT10.match(value):
            return int(value)
        if _INT8.match(value):
            return int(value[2:], 8)
        if _INT16.match(value):
            return int(value[2:], 16)
        if _FLOAT.match(value):
            return float(value)
    if _INF.match(value):
        return math.copysign(math.inf, -1.0 if value.startswith("-") else 1.0)
    if _NAN.match(value):
        return math.nan
    return value


def _position(event: ev.Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def _syntax_problem(error: MarkedYAMLError, text: str, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = (error.problem or error.context or "not valid YAML").strip()
    problem = problem.replace("found '?'", "found a key").replace("found '-'", "found a list item")
    problem = problem.replace("found '<block mapping start>'", "found an indented mapping")
    problem = re.sub(r"\('(<[^>]+>)',\)", r"'\1'", problem)
    hint = next((_(h) for needle, h in _SYNTAX_HINTS if needle in problem), "")
    tab = _leading_tab(text, line)
    if tab:
        return Problem(file=file, line=tab[0], column=tab[1],
                       message=_("a tab is used for indentation"),
                       hint=_("YAML indents with spaces only: replace the tabs with spaces"))
    if "found character '\\t'" in problem:
        return Problem(file=file, line=line, column=column,
                       message=_("a tab is used where YAML expects a space"),
                       hint=_("replace the tab with a space"))
    context = (error.context or "").strip()
    unclosed = _unclosed_bracket(text, line, column) if context.startswith("while parsing a flow") else None
    if not hint and unclosed:
        opener, opened_on = unclosed
        hint = _("the `{open}` opened on line {line} is not closed with `{close}`, or a value inside it "
                 "needs quotes").format(open=opener, line=opened_on, close=_CLOSERS[opener])
    if not hint and error.context:
        hint = yaml_context(error.context)
        if error.context_mark and error.context_mark is not mark:
            hint += " " + _("(line {line})").format(line=error.context_mark.line + 1)
    return Problem(file=file, line=line, column=column, message=_("YAML syntax error: {problem}").format(problem=yaml_reason(problem)),
                   hint=hint)


_CLOSERS = {"[": "]", "{": "}"}


def _unclosed_bracket(text: str, line: int, column: int) -> tuple[str, int] | None:
    """The innermost flow bracket still open where the parser failed (``line``, ``column``), with
    the line it was opened on, or None. The parser's own context names the flow node it was reading when it failed ("while
    parsing a flow node" at the end of the file), not the bracket the writer left open, so the
    text is scanned: quoted scalars and comments are skipped, as YAML reads them."""
    stack: list[tuple[str, int]] = []
    for number, content in enumerate(text.split("\n")[:line], start=1):
        content = content[: column - 1] if number == line else content
        quote = ""
        for index, char in enumerate(content):
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"" and (index == 0 or content[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or content[index - 1] in " \t"):
                break
            elif char in _CLOSERS:
                stack.append((char, number))
            elif stack and char == _CLOSERS[stack[-1][0]]:
                stack.pop()
    return stack[-1] if stack else None


def _leading_tab(text: str, line: int) -> Position | None:
    """Position of a tab in the indentation of ``line`` or a line next to it, else None."""
    lines = text.split("\n")
    for number in (line, line - 1, line + 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            indentation = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indentation:
                return number, indentation.index("\t") + 1
    return None
