"""The value types of the description, as annotated types: how each is checked and how the
JSON Schema shows it as written in YAML (a text as "string or mapping of language → string", a
date as ``format: date``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Strict, WithJsonSchema

from policygen.model import texts, values
from policygen.model.values import SUPPORTED_LANGUAGES

Language = Literal[SUPPORTED_LANGUAGES]  # type: ignore[valid-type]

_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "description": "allowed when the description has one language"},
        {"type": "object", "propertyNames": {"enum": list(SUPPORTED_LANGUAGES)},
         "additionalProperties": {"type": "string"}, "minProperties": 1},
    ],
    "description": "a text: a mapping of language → text, one entry per language in `languages`",
}
_LABEL_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {"type": "object", "propertyNames": {"enum": list(SUPPORTED_LANGUAGES)},
         "additionalProperties": {"type": "string"}, "minProperties": 1},
    ],
    "description": "a name: one string for every language, or a mapping of language → name",
}

Text = Annotated[
    dict[str, str],
    BeforeValidator(texts.normalise_prose),
    AfterValidator(texts.no_empty_translation),
    WithJsonSchema(_TEXT_SCHEMA),
]
"""Prose for people to read: ``{lang: text}``, complete for every language after loading."""

Label = Annotated[
    dict[str, str],
    BeforeValidator(texts.normalise_label),
    AfterValidator(texts.no_empty_translation),
    WithJsonSchema(_LABEL_SCHEMA),
]
"""A name: a plain string stands for every language."""

Email = Annotated[str, AfterValidator(values.check_email),
                  WithJsonSchema({"type": "string", "format": "email"})]
HttpsUrl = Annotated[str, AfterValidator(values.check_https_url),
                     WithJsonSchema({"type": "string", "pattern": "^https://"})]
Phone = Annotated[str, AfterValidator(values.check_phone), WithJsonSchema({"type": "string"})]
Contact = Annotated[str, AfterValidator(values.check_contact),
                    WithJsonSchema({"type": "string", "description": "an e-mail address or an https:// page"})]
Id = Annotated[str, AfterValidator(values.check_slug),
               WithJsonSchema({"type": "string", "pattern": "^[a-z][a-z0-9_-]*$"})]
Country = Annotated[str, AfterValidator(values.check_country),
                    WithJsonSchema({"type": "string", "enum": sorted(values.iso_countries()),
                                    "description": "ISO 3166-1 alpha-2 code, e.g. SE"})]
Date = Annotated[dt.date, BeforeValidator(values.parse_date),
                 WithJsonSchema({"type": "string", "format": "date"})]
Flag = Annotated[bool, Strict(), WithJsonSchema({"type": "boolean"})]
