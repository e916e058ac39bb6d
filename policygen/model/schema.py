"""The JSON Schema of the description *as written in YAML*, generated from the models.

Generated rather than written by hand so it cannot drift from the loader. The models' annotated
types carry the YAML spelling of their values (a text is "a string or a mapping of language →
string", a period is a string like ``24 months``, a date is ``format: date``), so the schema
describes what a writer types, not the normalised model.
"""

from __future__ import annotations

from typing import Any

from policygen.model.description import Description

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def description_schema() -> dict[str, Any]:
    generated = Description.model_json_schema(mode="validation", by_alias=True)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": "https://policygen.invalid/schema/description-1.json",
        "title": "policygen description, format 1",
        "description": "What a customer-support organisation records about people and why; "
                       "the single source of its privacy policies and consent forms.",
    }
    schema.update({key: value for key, value in generated.items() if key not in {"title", "description"}})
    return schema
