"""The reasons the YAML reader (ruamel.yaml), the TOML and JSON readers (tomllib, json), the
template engine (Jinja) and the operating system give, in the interface language.

Both libraries explain a problem in English ("mapping values are not allowed here", "'foo' is
undefined"), and we pass that reason on inside our own located message. Here, in one place, the
common reasons are catalogue keys: each pattern's English template rebuilds the library's text
exactly (so English output is the library's own wording), and its translation says the same in
plain Swedish. A reason no pattern knows stays as the library wrote it.

Words a reason quotes from the library's vocabulary (``a list item``, ``'<stream end>'``,
``'end of print statement'``) are catalogue keys too, so "but found '<stream end>'" can read
"men filen tar slut".
"""

from __future__ import annotations

import errno
import os
import re

from policygen.lang.messages import N_, _

_YAML_REASONS: tuple[tuple[str, str], ...] = (
    (r"mapping values are not allowed here", N_("mapping values are not allowed here")),
    (r"mapping keys are not allowed here", N_("mapping keys are not allowed here")),
    (r"sequence entries are not allowed here", N_("sequence entries are not allowed here")),
    (r"could not find expected ':'", N_("could not find expected ':'")),
    (r"did not find expected key", N_("did not find expected key")),
    (r"did not find expected '-' indicator", N_("did not find expected '-' indicator")),
    (r"found unexpected end of stream", N_("found unexpected end of stream")),
    (r"found unexpected ':'", N_("found unexpected ':'")),
    (r"not valid YAML", N_("not valid YAML")),
    (r"expected ',' or '(?P<close>[\]}])', but got '<stream end>'",
     N_("expected ',' or '{close}', but got '<stream end>'")),
    (r"expected ',' or '(?P<close>[\]}])', but got (?P<found>.+)", N_("expected ',' or '{close}', but got {found}")),
    (r"expected <block end>, but found (?P<found>.+)", N_("expected <block end>, but found {found}")),
    (r"expected the node content, but found '<stream end>'", N_("expected the node content, but found '<stream end>'")),
    (r"found character (?P<found>'.+') that cannot start any token",
     N_("found character {found} that cannot start any token")),
    (r"found unknown escape character (?P<found>'.+')", N_("found unknown escape character {found}")),
    (r"found undefined alias (?P<found>'.+')", N_("found undefined alias {found}")),
    (r"expected chomping or indentation indicators, but found (?P<found>'.+')",
     N_("expected chomping or indentation indicators, but found {found}")),
    (r"expected alphabetic or numeric character, but found (?P<found>'.+')",
     N_("expected alphabetic or numeric character, but found {found}")),
    (r"expected a comment or a line break, but found (?P<found>'.+')",
     N_("expected a comment or a line break, but found {found}")),
)
"""``(pattern, English template)``: the template with the pattern's groups filled in is the
library's text itself."""

_YAML_CONTEXTS: tuple[str, ...] = (
    N_("while scanning for the next token"),
    N_("while scanning a simple key"),
    N_("while scanning a plain scalar"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a double-quoted scalar"),
    N_("while scanning a single-quoted scalar"),
    N_("while scanning a block scalar"),
    N_("while scanning an anchor"),
    N_("while scanning an alias"),
    N_("while scanning a tag"),
    N_("while scanning a directive"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("while parsing a block node"),
    N_("while parsing a flow node"),
    N_("while constructing a mapping"),
)
"""Where the YAML reader was when it stopped; shown as the hint when nothing better is known."""

_TEMPLATE_REASONS: tuple[tuple[str, str], ...] = (
    (r"(?P<name>'[^']+') is undefined", N_("{name} is undefined")),
    (r"(?P<owner>'.+') has no attribute (?P<name>'[^']+')", N_("{owner} has no attribute {name}")),
    (r"No filter named (?P<name>'[^']+')\.?", N_("No filter named {name}.")),
    (r"No test named (?P<name>'[^']+')\.?", N_("No test named {name}.")),
    (r"access to attribute (?P<name>'[^']+') of (?P<owner>'[^']+') object is unsafe\.",
     N_("access to attribute {name} of {owner} object is unsafe.")),
    (r"unexpected (?P<found>'.+?'), expected (?P<wanted>'.+')", N_("unexpected {found}, expected {wanted}")),
    (r"expected token (?P<wanted>'.+?'), got (?P<found>'.+')", N_("expected token {wanted}, got {found}")),
    (r"Expected an expression, got (?P<found>'.+')", N_("Expected an expression, got {found}")),
    (r"unexpected (?P<found>'.+')", N_("unexpected {found}")),
    (r"unexpected char (?P<found>'.+') at (?P<position>\d+)", N_("unexpected char {found} at {position}")),
    (r"Encountered unknown tag (?P<tag>'[^']+')\.", N_("Encountered unknown tag {tag}.")),
    (r"Unexpected end of template\.", N_("Unexpected end of template.")),
    (r"You probably made a nesting mistake\.", N_("You probably made a nesting mistake.")),
    (r"Jinja was looking for the following tags: (?P<tags>.+)\.",
     N_("Jinja was looking for the following tags: {tags}.")),
    (r"Jinja is expecting this tag, but currently looking for (?P<tags>.+)\.",
     N_("Jinja is expecting this tag, but currently looking for {tags}.")),
    (r"The innermost block that needs to be closed is (?P<block>'[^']+')\.",
     N_("The innermost block that needs to be closed is {block}.")),
    (r"tag name expected", N_("tag name expected")),
    (r"division by zero", N_("division by zero")),
)

_TOML_REASONS: tuple[tuple[str, str], ...] = (
    (r"Invalid value", N_("Invalid value")),
    (r"Invalid statement", N_("Invalid statement")),
    (r"Unclosed array", N_("Unclosed array")),
    (r"Unclosed inline table", N_("Unclosed inline table")),
    (r"Unterminated string", N_("Unterminated string")),
    (r"Cannot overwrite a value", N_("Cannot overwrite a value")),
    (r"Expected '=' after a key in a key/value pair", N_("Expected '=' after a key in a key/value pair")),
    (r"Expected '\]' at the end of a table declaration", N_("Expected ']' at the end of a table declaration")),
    (r"Invalid initial character for a key part", N_("Invalid initial character for a key part")),
    (r"Illegal character (?P<found>'.+')", N_("Illegal character {found}")),
    (r"Cannot declare (?P<key>.+) twice", N_("Cannot declare {key} twice")),
)
"""Python's TOML reader (``tomllib``, for ``policygen.toml``), without its "(at line …)" suffix."""

_JSON_REASONS: tuple[tuple[str, str], ...] = (
    (r"Expecting value", N_("Expecting value")),
    (r"Expecting property name enclosed in double quotes", N_("Expecting property name enclosed in double quotes")),
    (r"Expecting ',' delimiter", N_("Expecting ',' delimiter")),
    (r"Expecting ':' delimiter", N_("Expecting ':' delimiter")),
    (r"Unterminated string starting at", N_("Unterminated string starting at")),
    (r"Extra data", N_("Extra data")),
    (r"Invalid control character at", N_("Invalid control character at")),
)
"""Python's JSON reader (for the published history), its ``msg`` without the position."""

_QUOTED_WORDS: tuple[str, ...] = (
    N_("a list item"), N_("a key"), N_("an indented mapping"), N_("'<stream end>'"), N_("'<scalar>'"),
    N_("'<block mapping start>'"), N_("'<block sequence start>'"), N_("'<block end>'"), N_("'<anchor>'"),
    N_("'<alias>'"), N_("'end of print statement'"), N_("'end of statement block'"), N_("'end of template'"),
)
"""The library's names for what it found, as catalogue keys (others are shown as they are)."""

def _explained(text: str, patterns: tuple[tuple[str, str], ...]) -> str | None:
    for pattern, template in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            values = {name: _(value) if value in _QUOTED_WORDS else value
                      for name, value in match.groupdict().items()}
            if "tags" in values:  # 'elif' or 'else' or 'endif'
                values["tags"] = values["tags"].replace("' or '", "' " + _("or") + " '")
            return _(template).format(**values)
    return None


_OS_REASONS: dict[int, str] = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EISDIR: N_("Is a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOTEMPTY: N_("Directory not empty"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
}
"""The operating system's reasons a file operation failed (C library wording, English whatever
the locale), by error number."""


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in the interface language (``strerror`` when unknown)."""
    known = _OS_REASONS.get(error.errno) if error.errno is not None else None
    if known and error.strerror == os.strerror(error.errno):  # not a text of our own with the same number
        return _(known)
    return str(error.strerror or error)


def yaml_reason(problem: str) -> str:
    """The YAML reader's ``problem`` (as our reader tidied it) in the interface language."""
    text = problem.strip()
    return _explained(text, _YAML_REASONS) or text


def toml_reason(problem: str) -> str:
    """The TOML reader's ``problem`` (without its position) in the interface language."""
    text = problem.strip()
    return _explained(text, _TOML_REASONS) or text


def json_reason(problem: str) -> str:
    """The JSON reader's ``problem`` (its ``msg``) in the interface language."""
    text = problem.strip()
    return _explained(text, _JSON_REASONS) or text


def yaml_context(context: str) -> str:
    """Where the YAML reader was ("while parsing a block mapping") in the interface language."""
    text = context.strip()
    return _(text) if text in _YAML_CONTEXTS else text


def template_reason(message: str) -> str:
    """A Jinja error message in the interface language, sentence by sentence (Jinja writes up
    to three: what is wrong, which tags it looked for, which block is still open)."""
    text = message.strip()
    whole = _explained(text, _TEMPLATE_REASONS)
    if whole is not None:
        return whole
    sentences = re.split(r"(?<=\.) (?=[A-Z])", text)
    return " ".join(_explained(sentence, _TEMPLATE_REASONS) or sentence for sentence in sentences)
