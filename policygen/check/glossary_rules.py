"""Rules as data: generic rule types that glossary files instantiate ("checks as data", proselint style).

A glossary file (``glossary/<lang>/<topic>.yaml``, or a user file named in configuration) declares
one rule and its entries::

    rule:
      code: PL220
      name: wordy.bureaucratic
      category: wordy
      severity: warning
      type: substitution          # or: existence
      summary: A bureaucratic word has a plainer, everyday alternative.
      why: ...
      anti_pattern: ...
      better: ...
      message: "'{match}' is bureaucratic; write '{replacement}'."
    entries:
      - phrase: erhålla
        forms: [erhåller, erhöll, erhållit, erhålls]
        replacement: få
    allow: [...]                  # phrases never flagged by this rule (terms of art)

Matching works on lower-cased words (DESIGN.md words) inside one sentence: a phrase of several
words matches consecutive words; ``*`` in a phrase matches any one word. There is no lemmatizer:
every inflected form to match is listed under ``forms`` (the ``phrase`` itself always matches).
The same rule may be declared in several languages' files; its identity must agree, and its
documentation is taken from the first file that gives each field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policygen.check.rule import DOC_SECTIONS, Rule, validate_identity
from policygen.check.tokens import abbreviations, make_word
from policygen.output import Finding

if TYPE_CHECKING:
    from policygen.check.document import Document, Sentence
    from policygen.check.settings import Settings

RULE_TYPES = ("existence", "substitution")
_DOC_FIELDS = {"Why": "why", "Anti-pattern": "anti_pattern", "Better": "better"}
_RULE_KEYS = {"code", "name", "category", "severity", "type", "summary", "message", *_DOC_FIELDS.values()}
_ENTRY_KEYS = {"phrase", "forms", "replacement", "message", "note"}
WILDCARD = "*"


class GlossaryError(ValueError):
    """A glossary file is malformed; ``key`` is the path inside the file."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Entry:
    """One glossary entry: a dictionary form, its listed forms, and what to write instead."""

    phrase: str
    forms: tuple[str, ...]
    replacement: str = ""
    message: str = ""
    note: str = ""


def phrase_words(phrase: str, lang: str) -> tuple[str, ...]:
    """The lower-cased words of a glossary phrase, tokenised exactly like prose (``*`` kept)."""
    known = abbreviations(lang)
    words = []
    for offset, token in enumerate(phrase.split()):
        if token == WILDCARD:
            words.append(WILDCARD)
            continue
        word = make_word(token, offset, known)
        if word is not None:
            words.append(word.lower)
    return tuple(words)


@dataclass
class PhraseIndex:
    """Phrases of one language, indexed by first word so a sentence is scanned in one pass."""

    by_first: dict[str, list[tuple[tuple[str, ...], Any, list[str] | None]]] = field(default_factory=dict)
    wildcard_first: list[tuple[tuple[str, ...], Any, list[str] | None]] = field(default_factory=list)

    def add(self, words: tuple[str, ...], value: Any) -> None:
        if not words:
            return
        plain = None if WILDCARD in words else list(words)  # compared as a slice of a sentence's words
        if words[0] == WILDCARD:
            self.wildcard_first.append((words, value, plain))
        else:
            self.by_first.setdefault(words[0], []).append((words, value, plain))

    def __bool__(self) -> bool:
        return bool(self.by_first or self.wildcard_first)

    def matches(self, sentence: "Sentence") -> list[tuple[int, int, Any]]:
        """``(first word index, end word index, value)`` of every phrase found, longest first per word."""
        lowers = sentence.lowers
        by_first = self.by_first
        wildcard_first = self.wildcard_first
        count = len(lowers)
        if wildcard_first:
            starts: Iterable[int] = range(count)
        elif by_first.keys().isdisjoint(lowers):  # the common case, decided in C
            return []
        else:
            starts = [index for index, lower in enumerate(lowers) if lower in by_first]
        found: list[tuple[int, int, Any]] = []
        for index in starts:
            candidates = by_first.get(lowers[index], [])
            if wildcard_first:
                candidates = candidates + wildcard_first
            here = []
            for phrase, value, plain in candidates:
                end = index + len(phrase)
                if end > count:
                    continue
                if plain is not None:
                    if end - index == 1 or (lowers[index + 1] == plain[1] and lowers[index:end] == plain):
                        here.append((index, end, value))
                elif all(p == w or p == WILDCARD for p, w in zip(phrase, lowers[index:end])):
                    here.append((index, end, value))
            if len(here) > 1:
                here.sort(key=lambda item: item[1] - item[0], reverse=True)
            found.extend(here)
        return found


class GlossaryRule(Rule):
    """A rule declared in glossary files; its identity and documentation come from the files."""

    def __init__(self, spec: dict[str, Any], where: str) -> None:
        self.rule_type = spec.get("type", "existence")
        self.code = spec.get("code", "")  # type: ignore[misc]
        self.name = spec.get("name", "")  # type: ignore[misc]
        self.category = spec.get("category", "")  # type: ignore[misc]
        self.severity = spec.get("severity", "warning")  # type: ignore[misc]
        validate_identity(self.code, self.name, self.category, self.severity, where)
        if self.rule_type not in RULE_TYPES:
            raise GlossaryError(f"rule type {self.rule_type!r} is not one of {', '.join(RULE_TYPES)}", "rule.type")
        self.fields: dict[str, str] = {}
        self.messages: dict[str, str] = {}
        self.entries: dict[str, list[Entry]] = {}
        self.allowed: dict[str, list[str]] = {}
        self.sources: list[str] = []
        self.languages = ()  # type: ignore[misc]
        self._indexes: dict[tuple[str, tuple[str, ...]], tuple[PhraseIndex, PhraseIndex]] = {}

    # -- building -----------------------------------------------------------------------------

    def merge(self, lang: str, spec: dict[str, Any], entries: list[Entry], allow: list[str], where: str) -> None:
        """Add one file's declaration (for ``lang``) to this rule."""
        for key in ("name", "category", "type"):
            mine = self.rule_type if key == "type" else getattr(self, key)
            theirs = spec.get(key, "existence" if key == "type" else "")
            if theirs and theirs != mine:
                raise GlossaryError(f"{where} declares {self.code} with {key} {theirs!r}, elsewhere {mine!r}", f"rule.{key}")
        for key in ("summary", *_DOC_FIELDS.values()):
            if spec.get(key) and key not in self.fields:
                self.fields[key] = str(spec[key]).strip()
        if spec.get("message") and lang not in self.messages:
            self.messages[lang] = str(spec["message"])
        self.entries.setdefault(lang, []).extend(entries)
        self.allowed.setdefault(lang, []).extend(allow)
        if lang not in self.languages:
            self.languages = tuple(sorted({*self.languages, lang}))  # type: ignore[misc]
        self.sources.append(where)
        self._indexes.clear()

    # -- documentation -------------------------------------------------------------------------

    @property
    def doc(self) -> str:
        parts = [self.fields.get("summary", "")]
        for title, key in _DOC_FIELDS.items():
            if self.fields.get(key):
                parts.append(f"{title}\n{'-' * len(title)}\n{self.fields[key]}")
        parts.append("Declared in: " + ", ".join(self.sources))
        return "\n\n".join(part for part in parts if part)

    def has_documentation(self) -> bool:
        return bool(self.fields.get("summary")) and all(self.fields.get(_DOC_FIELDS[s]) for s in DOC_SECTIONS)

    # -- checking -----------------------------------------------------------------------------

    def _index(self, lang: str, extra_allow: tuple[str, ...]) -> tuple[PhraseIndex, PhraseIndex]:
        """The phrase and allow indexes for ``lang`` and the user's extra allowed phrases."""
        key = (lang, extra_allow)
        cached = self._indexes.get(key)
        if cached is None:
            phrases, allowed = PhraseIndex(), PhraseIndex()
            for entry in self.entries.get(lang, []):
                for form in (entry.phrase, *entry.forms):
                    phrases.add(phrase_words(form, lang), entry)
            for phrase in (*self.allowed.get(lang, []), *extra_allow):
                allowed.add(phrase_words(phrase, lang), phrase)
            cached = self._indexes[key] = (phrases, allowed)
        return cached

    def check(self, document: "Document", settings: "Settings") -> Iterable[Finding]:
        phrases, allowed = self._index(document.lang, tuple(settings.allow(document.lang)))
        if not phrases:
            return
        template = self.messages.get(document.lang) or next(iter(self.messages.values()), "")
        first_words = None if phrases.wildcard_first else phrases.by_first.keys()
        for sentence in document.sentences:
            if first_words is not None and first_words.isdisjoint(sentence.lowers):
                continue  # no phrase can start in this sentence (decided in C; most sentences)
            allowed_spans = [(start, end) for start, end, _ in allowed.matches(sentence)] if allowed else []
            taken_until = 0
            for start, end, entry in phrases.matches(sentence):
                if start < taken_until:
                    continue  # overlaps a longer match already reported
                if any(a <= start and end <= b for a, b in allowed_spans):
                    continue
                taken_until = end
                words = sentence.words
                first, last = words[start], words[end - 1]
                block = sentence.block
                matched = block.text[first.start : last.end]
                values = {"match": matched, "phrase": entry.phrase, "replacement": entry.replacement}
                message = (entry.message or template or "'{match}'").format(**values)
                yield self.finding(block, first.start, last.end, message, entry.replacement)


def parse_glossary(data: Any, lang: str | None, where: str) -> tuple[str, dict[str, Any], list[Entry], list[str]]:
    """Validate one glossary file's data; returns ``(lang, rule spec, entries, allow)``."""
    if not isinstance(data, dict) or "rule" not in data:
        raise GlossaryError("a glossary rule file is a mapping with 'rule:' and 'entries:'")
    unknown = set(data) - {"rule", "entries", "allow", "lang"}
    if unknown:
        raise GlossaryError(f"unknown key {sorted(unknown)[0]!r}", sorted(unknown)[0])
    lang = data.get("lang") or lang
    if lang not in ("sv", "en"):
        raise GlossaryError("say which language the file is for: 'lang: sv' or 'lang: en'", "lang")
    spec = data["rule"]
    if not isinstance(spec, dict):
        raise GlossaryError("'rule' must be a mapping", "rule")
    for key in spec:
        if key not in _RULE_KEYS:
            raise GlossaryError(f"unknown key {key!r}", f"rule.{key}")
    is_substitution = spec.get("type") == "substitution"
    entries = []
    for index, item in enumerate(data.get("entries") or []):
        key = f"entries[{index}]"
        if isinstance(item, str):
            item = {"phrase": item}
        if not isinstance(item, dict) or not item.get("phrase"):
            raise GlossaryError("an entry needs 'phrase'", key)
        for name in item:
            if name not in _ENTRY_KEYS:
                raise GlossaryError(f"unknown key {name!r}", f"{key}.{name}")
        if is_substitution and not item.get("replacement"):
            raise GlossaryError("a substitution entry needs 'replacement'", f"{key}.replacement")
        forms = item.get("forms") or []
        if not isinstance(forms, list):
            raise GlossaryError("'forms' must be a list", f"{key}.forms")
        entries.append(
            Entry(
                phrase=str(item["phrase"]),
                forms=tuple(str(form) for form in forms),
                replacement=str(item.get("replacement") or ""),
                message=str(item.get("message") or ""),
                note=str(item.get("note") or ""),
            )
        )
    allow = data.get("allow") or []
    if not isinstance(allow, list):
        raise GlossaryError("'allow' must be a list of phrases", "allow")
    return lang, spec, entries, [str(phrase) for phrase in allow]


def load_glossary_rules(
    files: Iterable[tuple[str | None, Path, bool]], existing: dict[str, GlossaryRule] | None = None
) -> list[GlossaryRule]:
    """Build glossary rules from ``(lang or None, path, shipped?)`` files, merging by code.

    A file whose code is already in ``existing`` (or earlier in ``files``) adds its entries to that
    rule; it then needs only ``rule: {code: …}``.
    """
    from policygen.check.glossary_files import read_yaml
    from policygen.check.rule import RuleDefinitionError
    from policygen.errors import UserError

    rules: dict[str, GlossaryRule] = existing if existing is not None else {}
    for lang, path, shipped in files:
        data = read_yaml(path)
        if shipped and (not isinstance(data, dict) or "rule" not in data):
            continue  # a data file read by a Python rule (terms.yaml, …), not a rule declaration
        try:
            where = f"glossary/{path.parent.name}/{path.name}" if shipped else str(path)
            file_lang, spec, entries, allow = parse_glossary(data, lang, where)
            code = spec.get("code", "")
            rule = rules.get(code)
            if rule is None:
                rule = rules[code] = GlossaryRule(spec, where)
            rule.merge(file_lang, spec, entries, allow, where)
        except (GlossaryError, RuleDefinitionError) as error:
            if shipped:
                raise RuleDefinitionError(f"{path}: {error}") from None
            raise UserError.single(str(path), str(error), key=getattr(error, "key", "")) from None
    return list(rules.values())
