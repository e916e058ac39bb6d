"""The glossaries, read by one loader: terms of art, abbreviations and the checker's word lists.

``glossary/<lang>/`` holds three kinds of file:

- ``terms.yaml``: terms of art with a plain explanation. The renderer explains each one where a
  document first uses it, and the checker's rule PL209 asks the same of any text;
- ``abbreviations.yaml``: the abbreviation rule (PL204). Its entries are the abbreviations to write
  out; its ``allow`` list holds those a reader knows (names, units, legal citations). Every one of
  them that ends with a full stop is also a tokenizer special case, so it never ends a sentence;
- every other ``*.yaml``: one glossary rule of the checker (``rule:``, ``entries:``, ``allow:``).

An entry tells the writer what to do in one of two ways, and the difference decides its language:

- ``replacement``: words to paste in place of the match ("utilize" → "use", "erhålla" → "få").
  They belong to the document, so they are written in the file's language and never translated;
- ``advice``: an instruction to the writer ("say when", "name the law"). It belongs to the
  interface, so it is written in English in every language's file and translated through the
  interface catalogue (``glossary.po``) like any other message. It may quote an example of what to
  write, ``{example}``, filled with the entry's ``example`` (in the file's language, never
  translated): ``advice: "say whether you do it: '{example}'"`` with ``example: "we share …"``.

An entry may have both ("regularly", or say how often): the suggestion is then the replacement
with the advice in parentheses, ``regularly (or say how often)``.

Users add rule files of their own through the checker's configuration, so every file is validated
here (pydantic, strict types) and every mistake is a located
:class:`~policygen.lang.errors.Problem`. Parsed files are kept in memory for the life of the process: parsing all of them with the
pure-Python YAML parser costs about 0.12 s, once.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator,
                      model_validator)

from policygen.lang import LANGUAGES
from policygen.lang.datafile import YamlData, load_yaml
from policygen.lang.errors import UserError
from policygen.lang.messages import N_, _
from policygen.lang.validation import validation_problems

MESSAGE_FIELDS = ("match", "phrase", "replacement")
"""The fields a glossary message may name: the matched text, the entry's phrase, its replacement."""
ADVICE_FIELDS = ("example",)
"""The one field an entry's advice may name: its example in the document's language."""
TERMS_FILE = "terms.yaml"
ABBREVIATIONS_FILE = "abbreviations.yaml"


def _message(value: str, fields: tuple[str, ...] = MESSAGE_FIELDS) -> str:
    """Only ``{match}``, ``{phrase}`` and ``{replacement}`` (in an advice: ``{example}``): any other
    field would fail (``{oops}``, ``{0}``) or print an object (``{match.upper}``) when a finding is
    reported."""
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError:
        raise ValueError(_("a lone '{' or '}' in the message; write '{{' or '}}' for a brace")) from None
    for _literal, name, spec, conversion in parts:
        if name is not None and (name not in fields or spec or conversion):
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(_("{field} is not a message field").format(field=shown))
    return value


Text = Annotated[str, Field(min_length=1)]
Message = Annotated[str, AfterValidator(_message)]
Advice = Annotated[str, AfterValidator(lambda value: _message(value, ADVICE_FIELDS))]
_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class RuleSpec(BaseModel):
    """The ``rule:`` mapping. A file that adds entries to a rule declared elsewhere needs only ``code``."""

    model_config = _STRICT
    code: Annotated[str, Field(pattern=r"^PL\d{3}$")]
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$")] | None = None
    category: str | None = None
    severity: Literal["info", "warning", "error"] | None = None
    type: Literal["existence", "substitution"] | None = None
    summary: str | None = None
    why: str | None = None
    anti_pattern: str | None = None
    better: str | None = None
    message: Message | None = None


class EntrySpec(BaseModel):
    """One entry: a phrase, its inflected forms, what to write instead (``replacement``, in the
    document's language) or what to do (``advice``, an English catalogue key). A bare string is a
    phrase."""

    model_config = _STRICT
    phrase: Text
    forms: list[Text] = []
    replacement: str = ""
    advice: Advice = ""
    example: str = ""
    message: Message = ""
    note: str = ""

    @model_validator(mode="after")
    def _example_goes_with_advice(self) -> "EntrySpec":
        if self.example and "{example}" not in self.advice:
            raise ValueError(_("'example' is shown only through '{example}' in 'advice'"))
        if "{example}" in self.advice and not self.example:
            raise ValueError(_("the advice quotes {example}: give the entry an 'example'"))
        return self

    def advice_text(self) -> str:
        """The advice in the interface language, with its example (document language) filled in."""
        return _(self.advice).format(example=self.example) if self.advice else ""

    def suggestion(self, replacement: str | None = None) -> str:
        """What the finding suggests: the replacement (``replacement`` when a rule has put it in
        the matched word's form), the advice, or both as ``replacement (advice)``."""
        words = self.replacement if replacement is None else replacement
        advice = self.advice_text()
        if words and advice:
            return f"{words} ({advice})"
        return words or advice


class RuleFile(BaseModel):
    """One glossary rule file, validated."""

    model_config = _STRICT
    lang: Literal[LANGUAGES]  # type: ignore[valid-type]
    rule: RuleSpec
    entries: list[EntrySpec] = []
    allow: list[Text] = []

    @field_validator("entries", mode="before")
    @classmethod
    def _phrases(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [item if isinstance(item, dict) else {"phrase": item} for item in value]
        return value


@dataclass(frozen=True)
class Term:
    """A term of art: its dictionary form, every written form that counts as a use, a plain explanation."""

    term: str
    forms: tuple[str, ...]
    explanation: str


class _TermSpec(BaseModel):
    model_config = _STRICT
    term: Text
    forms: list[Text] = Field(min_length=1)
    explanation: Text


_TERMS = TypeAdapter(list[_TermSpec])
_HINTS = {
    "rule.code": N_("a code of the form PL123; PL9xx are free for your own rules"),
    "rule.name": N_("dotted lower case, such as house.words"),
    "lang": N_("say which language the file is for: sv or en"),
    "value_error": N_("the documented fields are {match}, {phrase} and {replacement}"),
}
_ADVICE_HINT = N_("advice may quote the entry's example as {example}; it has no other field")


def _hints(count: int = 0) -> dict[str, str]:
    """The glossary's hints in the interface language, with the advice hint of each of ``count`` entries."""
    return {**{key: _(hint) for key, hint in _HINTS.items()},
            **{f"entries[{index}].advice": _(_ADVICE_HINT) for index in range(count)}}


def read_rule_file(path: Path) -> tuple[RuleFile, YamlData]:
    """Validate one glossary rule file; raises :class:`UserError` with every located problem.

    The parsed YAML comes back too, so a caller's own checks (a category it knows, a rule declared
    twice) can point at a line.
    """
    parsed = load_yaml(path)
    file = str(path)
    if not isinstance(parsed.data, dict):
        raise UserError.single(file, _("a glossary file is a mapping with 'lang:', 'rule:' and 'entries:'"),
                               line=1, column=1, hint=_("see docs/rule-api.md for the format"))
    entries = parsed.data.get("entries")
    try:
        spec = RuleFile.model_validate(parsed.data)
    except ValidationError as error:
        hints = _hints(len(entries) if isinstance(entries, list) else 0)
        raise UserError(validation_problems(error, file, parsed.data, RuleFile, parsed.locations, hints=hints)) from None
    if spec.rule.type == "substitution":
        for index, entry in enumerate(spec.entries):
            if not entry.replacement and not entry.advice:
                line, column = parsed.where(f"entries[{index}]")
                raise UserError.single(file, _("a substitution entry needs 'replacement' or 'advice'"), line=line,
                                       column=column, key=f"entries[{index}].replacement",
                                       hint=_("say what to write instead, or (advice) what the writer should do"))
    return spec, parsed


def read_terms_file(path: Path) -> tuple[Term, ...]:
    parsed = load_yaml(path)
    try:
        specs = _TERMS.validate_python(parsed.data)
    except ValidationError as error:
        raise UserError(validation_problems(error, str(path), parsed.data, list[_TermSpec], parsed.locations,
                                            hints=_hints())) from None
    return tuple(Term(spec.term, tuple(spec.forms), spec.explanation) for spec in specs)


@cache
def shipped_rule_file(path: Path) -> RuleFile:
    """A rule file shipped with policygen, parsed once per process."""
    return read_rule_file(path)[0]


def shipped_rule_files(root: Path) -> list[tuple[Path, RuleFile]]:
    """Every shipped glossary rule file under ``root`` (the ``glossary`` folder), sorted by path."""
    return [
        (path, shipped_rule_file(path))
        for path in sorted(root.glob("*/*.yaml"))
        if path.parent.name in LANGUAGES and path.name != TERMS_FILE
    ]


@cache
def load_terms(root: Path, lang: str) -> tuple[Term, ...]:
    """The terms of art of ``lang`` (``glossary/<lang>/terms.yaml``), in file order."""
    return read_terms_file(root / lang / TERMS_FILE)


@cache
def load_abbreviations(root: Path, lang: str) -> frozenset[str]:
    """Abbreviations of ``lang`` that never end a sentence: every one-word form with a final full
    stop in ``abbreviations.yaml``, whether the rule asks to write it out or allows it."""
    spec = shipped_rule_file(root / lang / ABBREVIATIONS_FILE)
    forms = [form for entry in spec.entries for form in (entry.phrase, *entry.forms)]
    return frozenset(form for form in (*forms, *spec.allow) if form.endswith(".") and len(form.split()) == 1)
