"""The sandbox every template runs in, built-in and override alike.

Template folders are shared between organisations and arrive in pull requests, so a template is
untrusted code. Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` already refuses attributes
that start with ``_`` (so ``lipsum.__globals__`` and ``cycler.__init__.__globals__`` lead
nowhere); :class:`TemplateSandbox` adds what a build needs on top:

- no class methods and no modules reachable as attributes (``description.parse_file(path)``, a
  pydantic class method, would read a file), and no ``lipsum`` global;
- bounded work: ``range`` is capped per call and per environment, ``*``, ``**``, ``+`` and ``%``
  refuse results past a size limit, the filters and string methods that pad to a width refuse
  huge widths, and the text one template renders (or one macro, block or ``{% set %}`` captures)
  is capped. Each limit is far above what a privacy policy needs and far below what would
  exhaust the machine.

:class:`RegularFilesLoader` is the file loader for both the built-in and the override folders: it
reads only regular files inside its folders, never through a symbolic link, never a device or a
named pipe, and never more than :data:`policygen.lang.datafile.MAX_BYTES` (read, like every file a
user hands us, by :func:`policygen.lang.datafile.read_bytes`).

Every other refusal is a :class:`~jinja2.exceptions.SecurityError` (a ``TemplateError``), so the
build reports it like any template error: exit 2, with the template's file and line. (A stylesheet
is not run but checked as CSS, by :mod:`policygen.render.stylesheet`, which locates its own
refusals.)
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

from policygen.lang.datafile import decode_text, read_bytes
from policygen.lang.messages import _, number

MAX_OUTPUT_CHARS = 20_000_000  # one rendered template, macro or captured block
MAX_RANGE = 10_000  # one range(); a policy lists tens of items
MAX_RANGE_TOTAL = 1_000_000  # all range() items of one environment (nested loops multiply)
MAX_WIDTH = 10_000  # padding widths: center, indent, wordwrap, ljust, "%5000s" …
MAX_NUMBER_BITS = 100_000  # results of ** and * on whole numbers

_PERCENT_WIDTH = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}:]*:([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
_NUMBERS = re.compile(r"\d+")


class TemplateLimit(SecurityError):
    """A template tried to do more work, or make more text, than any policy needs."""


class UnsafeTemplateFile(SecurityError):
    """A template file that is a link, a special file or outside its folder."""


def _capped_join(parts: Iterable[str]) -> str:
    """``"".join`` that stops once the text is longer than :data:`MAX_OUTPUT_CHARS`."""
    pieces: list[str] = []
    total = 0
    for part in parts:
        total += len(part)
        if total > MAX_OUTPUT_CHARS:
            raise TemplateLimit(_("the template makes more than {limit} characters of text; a loop or a "
                                  "repetition runs away").format(limit=number(MAX_OUTPUT_CHARS)))
        pieces.append(part)
    return "".join(pieces)


def _sized(value: Any) -> int | None:
    if isinstance(value, (str, bytes, list, tuple)):
        return len(value)
    return None


def _check_width(name: str, value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise TemplateLimit(_("{name}: a width or count of {value} is more than the limit of {limit}").format(
            name=name, value=number(value), limit=number(MAX_WIDTH)))


def check_percent_format(text: str) -> None:
    """Refuse ``"%999999s"``-style widths and ``*`` widths in a ``%`` format string."""
    for match in _PERCENT_WIDTH.finditer(text):
        for part in match.groups():
            if part == "*":
                raise TemplateLimit(_("a `*` width in a % format is not allowed in templates"))
            if part:
                _check_width("% format", int(part))


def check_brace_format(text: str) -> None:
    """Refuse ``"{:>999999}"``-style widths and nested fields in a ``str.format`` spec."""
    for match in _BRACE_SPEC.finditer(text):
        spec = match.group(1)
        if "{" in spec:
            raise TemplateLimit(_("a nested {…} inside a format spec is not allowed in templates"))
        for number in _NUMBERS.findall(spec):
            _check_width("format spec", int(number))


class BoundedNamespace(Namespace):
    """``namespace()`` whose attributes cannot grow past the output limit (``ns.s = ns.s ~ ns.s``)."""

    def __setitem__(self, name: str, value: Any) -> None:
        size = _sized(value)
        if size is not None and size > MAX_OUTPUT_CHARS:
            raise TemplateLimit(_("namespace value `{name}` is longer than {limit}").format(
                name=name, limit=number(MAX_OUTPUT_CHARS)))
        super().__setitem__(name, value)


def _check_replace(text: Any, old: Any, new: Any) -> None:
    """``replace`` may not make more than :data:`MAX_OUTPUT_CHARS` characters."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * max(len(new) - len(old), 0) > MAX_OUTPUT_CHARS:
            raise TemplateLimit(_("replace() would make more than {limit} characters").format(limit=number(MAX_OUTPUT_CHARS)))


def _check_join(items: Any, separator: Any = "") -> None:
    """``join`` may not make more than :data:`MAX_OUTPUT_CHARS` characters."""
    if isinstance(items, (list, tuple)):
        total = sum(len(item) for item in items if isinstance(item, str))
        total += len(separator) * len(items) if isinstance(separator, str) else 0
        if total > MAX_OUTPUT_CHARS:
            raise TemplateLimit(_("join() would make more than {limit} characters").format(limit=number(MAX_OUTPUT_CHARS)))


def _bounded_filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    passes = getattr(original, "jinja_pass_arg", None)

    def bounded(*args: Any, **kwargs: Any) -> Any:
        given = list(args[1:] if passes is not None else args)  # drop the context/environment
        value, options = (given[0] if given else None), given[1:] + list(kwargs.values())
        for option in options:
            _check_width(name, option)
            if name == "indent" and isinstance(option, str) and len(option) > MAX_WIDTH:
                raise TemplateLimit(_("indent: an indentation of {count} characters").format(count=number(len(option))))
        if name == "format" and isinstance(value, str):
            check_percent_format(value)
        if name == "replace" and len(options) >= 2:
            _check_replace(value, options[0], options[1])
        if name == "join":
            _check_join(value, options[0] if options else "")
        return original(*args, **kwargs)

    if passes is not None:  # keep @pass_context / @pass_environment
        bounded.jinja_pass_arg = passes  # type: ignore[attr-defined]
    bounded.__name__ = getattr(original, "__name__", name)
    bounded.__doc__ = original.__doc__
    return bounded


_WIDTH_FILTERS = ("center", "indent", "wordwrap", "truncate", "batch", "slice", "format",
                  "replace", "join")
_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}


class TemplateSandbox(SandboxedEnvironment):
    """Jinja's sandbox with bounded work and no class methods (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(_capped_join)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals.pop("lipsum", None)  # lorem ipsum of any length: no use in a legal text
        self.globals["range"] = self._bounded_range
        self.globals["namespace"] = BoundedNamespace
        for name in _WIDTH_FILTERS:
            if name in self.filters:
                self.filters[name] = _bounded_filter(name, self.filters[name])
        self._range_left = MAX_RANGE_TOTAL

    def _bounded_range(self, *args: int) -> range:
        span = range(*args)
        if len(span) > MAX_RANGE:
            raise TemplateLimit(_("range() of {count} items; the limit is {limit}").format(
                count=number(len(span)), limit=number(MAX_RANGE)))
        self._range_left -= len(span)
        if self._range_left < 0:
            raise TemplateLimit(_("the templates asked for more than {limit} range() items in all; nested "
                                  "loops run away").format(limit=number(MAX_RANGE_TOTAL)))
        return span

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if inspect.ismodule(value) or isinstance(value, type):
            return False
        # a class method (pydantic's parse_file, model_validate_json …) works on the class, not on
        # the value a template was given; none is needed to print a policy
        return not (inspect.ismethod(value) and isinstance(value.__self__, type))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            self._check_repeat(left, right)
            self._check_repeat(right, left)
            if _is_int(left) and _is_int(right):
                self._check_bits(abs(left).bit_length() + abs(right).bit_length())
        elif operator == "**" and _is_int(left) and _is_int(right) and right > 0:
            self._check_bits(max(abs(left).bit_length(), 1) * right)
        elif operator == "+":
            sizes = (_sized(left), _sized(right))
            if None not in sizes and sum(sizes) > MAX_OUTPUT_CHARS:  # type: ignore[arg-type]
                raise TemplateLimit(_("joining makes more than {limit} items").format(limit=number(MAX_OUTPUT_CHARS)))
        elif operator == "%" and isinstance(left, str):
            check_percent_format(left)
        return super().call_binop(context, operator, left, right)

    @staticmethod
    def _check_repeat(sequence: Any, times: Any) -> None:
        size = _sized(sequence)
        if size is not None and _is_int(times) and size * max(times, 0) > MAX_OUTPUT_CHARS:
            raise TemplateLimit(_("repeating makes more than {limit} items").format(limit=number(MAX_OUTPUT_CHARS)))

    @staticmethod
    def _check_bits(bits: int) -> None:
        if bits > MAX_NUMBER_BITS:
            raise TemplateLimit(_("a number of about {bits} bits is more than the limit of {limit}").format(
                bits=number(bits), limit=number(MAX_NUMBER_BITS)))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:  # checked when the method is looked up, before any call
            check_brace_format(value.__self__)
        return wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        target = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(target, str):
            if name in _WIDTH_METHODS:
                for value in list(args) + list(kwargs.values()):
                    _check_width(name, value)
            elif name == "replace" and len(args) >= 2:
                _check_replace(target, args[0], args[1])
            elif name == "join" and args:
                _check_join(list(args[0]) if isinstance(args[0], (list, tuple)) else args[0],
                            target)
        return super().call(__context, __obj, *args, **kwargs)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@functools.cache
def sandboxed(environment_class: type) -> type:
    """``environment_class`` running inside :class:`TemplateSandbox`: the one seam through which
    every environment the engine makes (HTML, Markdown, whatever replaces them) gets sandboxed."""
    if issubclass(environment_class, TemplateSandbox):
        return environment_class
    if environment_class is Environment:
        return TemplateSandbox
    return type(f"Sandboxed{environment_class.__name__}", (environment_class, TemplateSandbox), {})


class RegularFilesLoader(FileSystemLoader):
    """A file loader that reads only regular files inside its folders, through no symbolic link."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            root = Path(searchpath)
            candidate = root.joinpath(*pieces)
            if not _exists_inside(root, pieces):
                continue
            contents = _read_template(candidate)
            return contents, os.path.normpath(candidate), lambda: True
        raise TemplateNotFound(template)


def _exists_inside(root: Path, pieces: list[str]) -> bool:
    """True when ``root/pieces…`` exists as a file; a link or special file on the way is refused."""
    current = root
    for index, piece in enumerate(pieces):
        current = current / piece
        try:
            status = os.lstat(current)
        except (FileNotFoundError, NotADirectoryError):
            return False
        if stat.S_ISLNK(status.st_mode):
            raise UnsafeTemplateFile(_("{path} is a symbolic link; templates are read only as regular files "
                                       "inside the templates folder").format(path=current))
        last = index == len(pieces) - 1
        if last and stat.S_ISDIR(status.st_mode):
            return False
        if last and not stat.S_ISREG(status.st_mode):
            raise UnsafeTemplateFile(_("{path} is not a regular file (a device, pipe or socket)").format(path=current))
        if not last and not stat.S_ISDIR(status.st_mode):
            return False
    return True


def _read_template(path: Path) -> str:
    return decode_text(read_bytes(path, follow_links=False, hint=_("check that this is the right file")), path)
