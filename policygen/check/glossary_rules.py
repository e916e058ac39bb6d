"""Rules as data: generic rule types that glossary files instantiate ("checks as data", proselint style).

A glossary file (``glossary/<lang>/<topic>.yaml``, or a user file named in configuration) declares
one rule and its entries::

    lang: sv
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

The files are read and validated by :mod:`policygen.lang.glossary`. Matching works on lower-cased
words (DESIGN.md words) inside one sentence: a phrase of several words matches consecutive words;
``*`` in a phrase matches any one word. There is no lemmatizer: every inflected form to match is
listed under ``forms`` (the ``phrase`` itself always matches). The same rule may be declared in
several languages' files; its identity must agree, and its documentation is taken from the first
file that gives each field.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policygen.check.findings import CATEGORIES
from policygen.check.rule import DOC_SECTIONS, Rule, RuleDefinitionError, interface_doc, validate_identity
from policygen.check.tokens import abbreviations, make_word
from policygen.errors import Problem, UserError
from policygen.lang import capfirst
from policygen.lang.datafile import YamlData
from policygen.lang.glossary import EntrySpec, RuleFile, RuleSpec, read_rule_file, shipped_rule_files
from policygen.lang.messages import _
from policygen.output import Finding

if TYPE_CHECKING:
    from policygen.check.document import Document, Sentence
    from policygen.check.settings import Settings

_DOC_FIELDS = {"Why": "why", "Anti-pattern": "anti_pattern", "Better": "better"}
WILDCARD = "*"


@dataclass(frozen=True)
class Match:
    """One phrase a glossary rule found: words ``first``..``last`` of ``sentence``."""

    document: "Document"
    sentence: "Sentence"
    first: int
    last: int
    entry: EntrySpec


class Advice(str):
    """A refiner's suggestion that is advice, not words to paste ("split the list …"): it is
    shown as written, never capitalised to start a sentence as a paste is."""


Refiner = Callable[[Match], "str | None"]
"""Reads a match in its sentence: ``None`` drops it (the words are not the problem here),
otherwise the suggestion to give (the entry's replacement, or one built from the sentence)."""
_REFINERS: dict[str, Refiner] = {}


def refiner(code: str) -> Callable[[Refiner], Refiner]:
    """Register a Python function that reads the context of a glossary rule's matches.

    Word lists cannot tell "we may share" (a hedge) from "you may request" (a right) or "some
    hearings may require" (a condition); a refiner for the rule's code can. It runs for every
    match of that rule, in every language (shipped or user entries alike)."""

    def register(function: Refiner) -> Refiner:
        _REFINERS[code] = function
        return function

    return register


class GlossaryConflict(ValueError):
    """A glossary file disagrees with the rules declared before it; ``key`` is the path inside it."""

    def __init__(self, message: str, key: str, hint: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.hint = hint


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


_Candidate = tuple[tuple[str, ...], Any, "list[str] | None"]
_Ordered = tuple[tuple[str, ...], Any, "list[str] | None", int]


@dataclass
class PhraseIndex:
    """Phrases of one language, indexed by first word so a sentence is scanned in one pass."""

    by_first: dict[str, list[_Candidate]] = field(default_factory=dict)
    wildcard_first: list[_Candidate] = field(default_factory=list)
    _longest_first: dict[str | None, tuple[dict[str, list[_Ordered]], list[_Ordered]]] = field(
        default_factory=dict, repr=False, compare=False)
    """First word (``None``: any other word) → the phrases that can start there, wildcards
    included, longest first (a stable sort, so equal lengths keep their order), made on first use:
    by the second word of the sentence, and for any other second word. A phrase whose second word is
    another cannot match, so it is not tried ("in" starts 28 wordy phrases, and "in the" a few)."""

    def add(self, words: tuple[str, ...], value: Any) -> None:
        if not words:
            return
        plain = None if WILDCARD in words else list(words)  # compared as a slice of a sentence's words
        if words[0] == WILDCARD:
            self.wildcard_first.append((words, value, plain))
        else:
            self.by_first.setdefault(words[0], []).append((words, value, plain))
        self._longest_first.clear()

    def __bool__(self) -> bool:
        return bool(self.by_first or self.wildcard_first)

    def _candidates(self, word: str) -> tuple[dict[str, list[_Ordered]], list[_Ordered]]:
        key = word if word in self.by_first else None
        found = self._longest_first.get(key)
        if found is None:
            phrases = self.by_first.get(word, []) + self.wildcard_first if key is not None else self.wildcard_first
            ordered = sorted(((phrase, value, plain, len(phrase)) for phrase, value, plain in phrases),
                             key=lambda candidate: candidate[3], reverse=True)
            seconds = {phrase[1] for phrase, *_ in ordered if len(phrase) > 1 and phrase[1] != WILDCARD}
            by_second = {second: [candidate for candidate in ordered if _may_follow(candidate[0], second)]
                         for second in seconds}
            found = self._longest_first[key] = (by_second, [c for c in ordered if _may_follow(c[0], None)])
        return found

    def matches(self, sentence: "Sentence") -> list[tuple[int, int, Any]]:
        """``(first word index, end word index, value)`` of every phrase found, longest first per word."""
        lowers = sentence.lowers
        by_first = self.by_first
        count = len(lowers)
        if self.wildcard_first:
            starts: Iterable[int] = range(count)
        elif by_first.keys().isdisjoint(lowers):  # the common case, decided in C
            return []
        else:
            starts = [index for index, lower in enumerate(lowers) if lower in by_first]
        found: list[tuple[int, int, Any]] = []
        longest_first = self._longest_first
        for index in starts:
            word = lowers[index]
            by_second, others = longest_first.get(word if word in by_first else None) or self._candidates(word)
            candidates = by_second.get(lowers[index + 1], others) if index + 1 < count else others
            for phrase, value, plain, length in candidates:
                end = index + length
                if end > count:
                    continue
                if plain is not None:
                    if length == 1 or (lowers[index + 1] == plain[1] and lowers[index:end] == plain):
                        found.append((index, end, value))
                elif all(p == w or p == WILDCARD for p, w in zip(phrase, lowers[index:end])):
                    found.append((index, end, value))
        return found


def _may_follow(phrase: tuple[str, ...], second: str | None) -> bool:
    """Can ``phrase`` match where its first word is followed by ``second`` (``None``: a word that
    is no phrase's second word, or none)?"""
    return len(phrase) == 1 or phrase[1] == WILDCARD or phrase[1] == second


class GlossaryRule(Rule):
    """A rule declared in glossary files; its identity and documentation come from the files."""

    def __init__(self, spec: RuleSpec, where: str) -> None:
        self.rule_type = spec.type or "existence"
        self.code = spec.code  # type: ignore[misc]
        self.name = spec.name or ""  # type: ignore[misc]
        self.category = spec.category or ""  # type: ignore[misc]
        self.severity = spec.severity or "warning"  # type: ignore[misc]
        if not spec.name:
            raise GlossaryConflict(_("{code} is a new rule: give it a name").format(code=spec.code), "rule.name",
                                   _("a dotted lower-case name such as house.words"))
        if self.category not in CATEGORIES:
            raise GlossaryConflict(_("category {category} is not one of {categories}").format(
                category=repr(self.category), categories=", ".join(CATEGORIES)), "rule.category")
        validate_identity(self.code, self.name, self.category, self.severity, where)
        self.fields: dict[str, str] = {}
        self.messages: dict[str, str] = {}
        self.entries: dict[str, list[EntrySpec]] = {}
        self.allowed: dict[str, list[str]] = {}
        self.sources: list[str] = []
        self.languages = ()  # type: ignore[misc]
        self._indexes: dict[tuple[str, tuple[str, ...]], tuple[PhraseIndex, PhraseIndex]] = {}

    # -- building -----------------------------------------------------------------------------

    def merge(self, glossary: RuleFile, where: str) -> None:
        """Add one file's declaration (for its language) to this rule."""
        spec, lang = glossary.rule, glossary.lang
        for key in ("name", "category", "type", "severity"):
            mine = self.rule_type if key == "type" else getattr(self, key)
            theirs = getattr(spec, key)
            if theirs and theirs != mine:
                raise GlossaryConflict(
                    _("{code} has {key} {mine} in {sources}, here {theirs}").format(
                        code=spec.code, key=key, mine=repr(mine), sources=", ".join(self.sources), theirs=repr(theirs)),
                    f"rule.{key}", _("leave {key} out to extend the rule").format(key=repr(key)))
        for key in ("summary", *_DOC_FIELDS.values()):
            value = getattr(spec, key)
            if value and key not in self.fields:
                self.fields[key] = value.strip()
        if spec.message and lang not in self.messages:
            self.messages[lang] = spec.message
        self.entries.setdefault(lang, []).extend(glossary.entries)
        self.allowed.setdefault(lang, []).extend(glossary.allow)
        if lang not in self.languages:
            self.languages = tuple(sorted({*self.languages, lang}))  # type: ignore[misc]
        self.sources.append(where)
        self._indexes.clear()

    # -- documentation -------------------------------------------------------------------------

    @property
    def source_doc(self) -> str:
        """The documentation as the glossary files write it (their English texts)."""
        parts = [self.fields.get("summary", "")]
        for title, key in _DOC_FIELDS.items():
            if self.fields.get(key):
                parts.append(f"{title}\n{'-' * len(title)}\n{self.fields[key]}")
        return "\n\n".join(part for part in parts if part)

    @property
    def doc(self) -> str:
        parts = [interface_doc(self.source_doc)]
        examples = self._advice_examples()
        if examples:
            parts.append(_("Advice is given in your language, the words to paste in the document's: {examples}.").format(
                examples="; ".join(examples)))
        parts.append(_("Declared in: {files}").format(files=", ".join(self.sources)))
        return "\n\n".join(parts)

    def _advice_examples(self) -> list[str]:
        """The first two entries with advice in each language, as the finding would suggest them."""
        return [f"'{entry.phrase}' → {entry.suggestion()}" for lang in self.languages
                for entry in [entry for entry in self.entries.get(lang, []) if entry.advice][:2]]

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
        refine = _REFINERS.get(self.code)
        for sentence in document.sentences:
            if first_words is not None and first_words.isdisjoint(sentence.lowers):
                continue  # no phrase can start in this sentence (decided in C; most sentences)
            found = phrases.matches(sentence)
            if not found:
                continue
            allowed_spans = [(start, end) for start, end, _ in allowed.matches(sentence)] if allowed else []
            taken_until = 0
            for start, end, entry in found:
                if start < taken_until:
                    continue  # overlaps a longer match already reported
                if any(a <= start and end <= b for a, b in allowed_spans):
                    continue
                suggestion = entry.suggestion()
                if refine is not None:
                    refined = refine(Match(document, sentence, start, end - 1, entry))
                    if refined is None:
                        continue
                    suggestion = refined
                taken_until = end
                words = sentence.words
                first, last = words[start], words[end - 1]
                block = sentence.block
                matched = block.text[first.start : last.end]
                if start == 0 and entry.replacement and not isinstance(suggestion, Advice) \
                        and matched[:1].isupper() and entry.phrase[:1].islower():
                    suggestion = capfirst(suggestion)  # the paste starts the sentence, as the words it replaces did
                text = entry.message or template or "'{match}'"
                quoted = "'{replacement}'" in text  # "write '…'" quotes the words, not the advice
                values = {"match": matched, "phrase": entry.phrase,
                          "replacement": _words_of(suggestion, entry) if quoted else suggestion}
                # the message is data (the glossary's English text) and its catalogue key
                message = _(text).format(**values)
                yield self.finding(block, first.start, last.end, message, suggestion)


def _words_of(suggestion: str, entry: EntrySpec) -> str:
    """The words to paste in a suggestion, without the advice after them: a message that says
    "write '{replacement}'" quotes "regularly", not "regularly (or say how often)"."""
    advice = entry.advice_text() if entry.replacement else ""
    tail = f" ({advice})"
    return suggestion[: -len(tail)] if advice and suggestion.endswith(tail) else suggestion


@cache
def _shipped_entries(code: str, lang: str) -> dict[str, EntrySpec]:
    from policygen.resources import glossary_dir

    found: dict[str, EntrySpec] = {}
    for _path, glossary in shipped_rule_files(glossary_dir()):
        if glossary.rule.code != code or glossary.lang != lang:
            continue
        for entry in glossary.entries:
            for form in (entry.phrase, *entry.forms):
                if " " not in form.strip():
                    found.setdefault(form.lower(), entry)
    return found


def shipped_entry(code: str, lang: str, word: str) -> EntrySpec | None:
    """The shipped entry of glossary rule ``code`` that lists the one word ``word`` (so the
    passive rule can propose "vi hämtar in" for "inhämtas", which PL202 lists as wordy)."""
    return _shipped_entries(code, lang).get(word)


def shipped_glossary_rules(root: Path) -> list[GlossaryRule]:
    """The rules declared in the glossary files shipped under ``root``; a broken one is a defect."""
    rules: dict[str, GlossaryRule] = {}
    for path, glossary in shipped_rule_files(root):
        where = f"glossary/{path.parent.name}/{path.name}"
        try:
            _add(rules, glossary, where)
        except GlossaryConflict as error:
            raise RuleDefinitionError(f"{where}: {error.key}: {error}") from None
    return list(rules.values())


def with_user_glossaries(shipped: Iterable[GlossaryRule], paths: Iterable[Path],
                         taken: dict[str, str]) -> list[GlossaryRule]:
    """The shipped glossary rules extended by the user's files (copies: the shipped ones stay as
    they are). A file whose code is a shipped glossary rule's adds entries to it; it then needs
    only ``rule: {code: …}``. ``taken`` maps the codes and names of rules written in Python to
    their code: a user file may not reuse them. Every mistake is a located :class:`UserError`."""
    rules = {rule.code: copy.deepcopy(rule) for rule in shipped}
    for path in paths:
        glossary, parsed = read_rule_file(path)
        try:
            for key in ("code", "name"):
                value = getattr(glossary.rule, key)
                if value in taken:
                    message = (_("{value} is the code of the built-in rule {rule}") if key == "code"
                               else _("{value} is the name of the built-in rule {rule}"))
                    hint = (_("choose another code (PL9xx are free for your own rules)") if key == "code"
                            else _("choose another name"))
                    raise GlossaryConflict(message.format(value=value, rule=taken[value]), f"rule.{key}", hint)
            _add(rules, glossary, str(path))
        except (GlossaryConflict, RuleDefinitionError) as error:
            raise _located(path, parsed, error) from None
    return list(rules.values())


def _add(rules: dict[str, GlossaryRule], glossary: RuleFile, where: str) -> None:
    code = glossary.rule.code
    rule = rules.get(code)
    if rule is None:
        rule = GlossaryRule(glossary.rule, where)
        for other in rules.values():
            if other.name == rule.name:
                raise GlossaryConflict(_("the name {name} is already used by {code}").format(name=rule.name, code=other.code),
                                       "rule.name")
        rules[code] = rule
    rule.merge(glossary, where)


def _located(path: Path, parsed: YamlData, error: Exception) -> UserError:
    key = getattr(error, "key", "rule")
    line, column = parsed.where(key)
    return UserError([Problem(str(path), str(error), line=line, column=column, key=key, hint=getattr(error, "hint", ""))])
