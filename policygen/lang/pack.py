"""Language packs: every word the documents need, one YAML file per language.

A pack (``templates/<lang>/pack.yaml``) holds whole sentences with named placeholders
(``"Vi är {organisation}."``), so that each language writes its own natural sentence: word order,
agreement and idiom are the pack's business, and rewording a sentence never touches a template.
The one shared template only chooses which sentence to say and supplies the values.

An entry is one of:

- a **phrase**: plain text (never Markdown or HTML: the engine escapes it for the page) with
  placeholders. ``{name}`` is a value the template supplies; ``{term:TERM}`` prints a term of art
  from the glossary, explained the first time (``{term:TERM|FORM}`` prints an inflected form);
  ``{defined:TERM}`` prints the term bare because the sentence explains it itself. A phrase may
  hold several lines: the lines of one paragraph, kept as written;
- **plural forms**: a mapping of CLDR plural categories (``one``, ``other`` …) to phrases, chosen
  by the count the template gives;
- **data**: the sections listed in :data:`DATA_SECTIONS` hold per-language lists and tables
  (number words, names that differ from CLDR), not sentences.

This module only reads and checks packs; it imports nothing else from policygen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})

DATA_SECTIONS = frozenset({"locale", "number_words", "country_names", "decision_words"})
"""Top-level sections that are per-language data: their contents may differ between languages."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_TERM = re.compile(r"^(term|defined):([^|{}]+?)(?:\|([^|{}]+))?$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class PackError(ValueError):
    """A pack that cannot be used: ``file:line: key: problem``."""


@dataclass(frozen=True)
class Slot:
    """A placeholder: a value the template supplies (``kind == "value"``) or a glossary term."""

    kind: str  # "value" | "term" | "defined"
    name: str  # the value's name, or the glossary term
    form: str | None = None  # for terms: the inflected form to print


@dataclass(frozen=True)
class Phrase:
    """One sentence (or the lines of one paragraph) split into text and slots."""

    key: str
    source: str
    parts: tuple[str | Slot, ...]

    @property
    def names(self) -> frozenset[str]:
        """The values the template must supply."""
        return frozenset(part.name for part in self.parts
                         if isinstance(part, Slot) and part.kind == "value")


@dataclass(frozen=True)
class Plural:
    """Forms of one phrase by CLDR plural category, chosen by a count."""

    key: str
    forms: Mapping[str, Phrase]

    @property
    def names(self) -> frozenset[str]:
        return frozenset().union(*(form.names for form in self.forms.values()))


Entry = Phrase | Plural


@dataclass(frozen=True)
class Pack:
    """The words of one language: phrases by dotted key, and the data sections."""

    lang: str
    path: Path
    entries: Mapping[str, Entry]
    data: Mapping[str, Any]

    def entry(self, key: str) -> Entry:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"the {self.lang} language pack has no entry {key!r} ({self.path})") from None


def parse_phrase(key: str, source: str) -> Phrase:
    """Split ``source`` into text and slots; raises ``ValueError`` for a malformed placeholder."""
    parts: list[str | Slot] = []
    position = 0
    for match in _PLACEHOLDER.finditer(source):
        if match.start() > position:
            parts.append(source[position:match.start()])
        parts.append(_slot(match.group(1)))
        position = match.end()
    rest = source[position:]
    if "{" in rest or "}" in rest or any("{" in p or "}" in p for p in parts if isinstance(p, str)):
        raise ValueError("an unmatched `{` or `}`: placeholders are written {name}")
    if rest:
        parts.append(rest)
    return Phrase(key=key, source=source, parts=tuple(parts))


def _slot(inside: str) -> Slot:
    if _NAME.match(inside):
        return Slot("value", inside)
    term = _TERM.match(inside)
    if term:
        return Slot(term.group(1), term.group(2).strip(), term.group(3))
    raise ValueError(f"`{{{inside}}}` is not a placeholder: write {{name}}, {{term:TERM}} "
                     f"or {{defined:TERM}}")


def load_pack(lang: str, folder: Path, name: str = "pack") -> Pack:
    """Read and check ``folder/<lang>/<name>.yaml``; raises :class:`PackError` with file and line.

    ``name`` picks one of a language's pack files: ``pack`` holds the policy's and the consent
    form's words, ``handbook`` the internal handbook's, ``changes`` the change notices'. Each is read and checked the same way.
    """
    return _load(lang, Path(folder), name)


@cache
def _load(lang: str, folder: Path, name: str = "pack") -> Pack:
    path = folder / lang / f"{name}.yaml"
    try:
        tree = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PackError(f"{path}: cannot read the language pack ({error.strerror or error})") from None
    except MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else 0
        raise PackError(f"{path}:{line}: {error.problem}") from None
    if not isinstance(tree, Mapping):
        raise PackError(f"{path}:1: a language pack is a mapping of sections")
    entries: dict[str, Entry] = {}
    data: dict[str, Any] = {}
    for key, value in tree.items():
        if key in DATA_SECTIONS:
            data[key] = _plain(value)
        else:
            entries.update(_entries(path, str(key), value, tree, key))
    return Pack(lang=lang, path=path, entries=entries, data=data)


def _entries(path: Path, key: str, value: Any, parent: Any, name: Any) -> Iterator[tuple[str, Entry]]:
    line = _line(parent, name)
    if not _KEY.match(key.rsplit(".", 1)[-1]):
        raise PackError(f"{path}:{line}: {key}: a key is lower-case letters, digits and _")
    if isinstance(value, str):
        yield key, _phrase(path, line, key, value)
    elif isinstance(value, Mapping) and value and set(value) <= PLURAL_CATEGORIES:
        if "other" not in value:
            raise PackError(f"{path}:{line}: {key}: plural forms need `other`")
        forms = {str(category): _phrase(path, _line(value, category), f"{key}.{category}", text)
                 for category, text in value.items()}
        yield key, Plural(key=key, forms=forms)
    elif isinstance(value, Mapping) and value:
        for child, child_value in value.items():
            yield from _entries(path, f"{key}.{child}", child_value, value, child)
    else:
        raise PackError(f"{path}:{line}: {key}: expected a phrase or a mapping, "
                        f"found {type(value).__name__}")


def _phrase(path: Path, line: int, key: str, value: Any) -> Phrase:
    if not isinstance(value, str) or not value.strip():
        raise PackError(f"{path}:{line}: {key}: expected a phrase (text)")
    try:
        return parse_phrase(key, value.rstrip("\n"))
    except ValueError as error:
        raise PackError(f"{path}:{line}: {key}: {error}") from None


def _line(parent: Any, key: Any) -> int:
    try:
        return parent.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return 0


def _plain(value: Any) -> Any:
    """Round-trip YAML containers as plain dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def shape(pack: Pack) -> dict[str, frozenset[str]]:
    """Every key with the placeholders its phrase takes: what two packs must share exactly.

    Glossary terms are words, so they may differ; the data sections are compared by name only.
    """
    result = {key: entry.names for key, entry in pack.entries.items()}
    result.update({section: frozenset() for section in pack.data})
    return result
