"""Texts people read, in every language of the description.

A text is written as a mapping of language → text (``{sv: …, en: …}``). The loader passes the
description's ``languages`` as validation context; these validators turn every text into exactly
that set of languages, or explain what is missing or extra.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationInfo

from policygen.lang.messages import _, ngettext
from policygen.lang.validation import describe, invalid


def _languages(info: ValidationInfo) -> tuple[str, ...] | None:
    context = info.context or {}
    languages = context.get("languages")
    return tuple(languages) if languages else None


def normalise_prose(value: Any, info: ValidationInfo) -> Any:
    """A text for people to read: ``{lang: text}`` for exactly the description's languages.

    A plain string is accepted only when the description has one language; otherwise the writer
    must give each translation, so no language silently falls back to another.
    """
    languages = _languages(info)
    if isinstance(value, str):
        if languages is None:
            return {"sv": value}
        if len(languages) == 1:
            return {languages[0]: value}
        example = ", ".join(f"{lang}: …" for lang in languages)
        raise invalid("text_translations",
                      _("this text needs one translation per language ({languages})").format(languages=", ".join(languages)),
                      _("write it as a mapping: `{example}`, or one `lang: text` line for each").format(
                          example=f"{{{example}}}"))
    if isinstance(value, dict):
        if languages is not None:
            _check_translations(value, languages)
        return value
    raise _not_a_text(value, languages)


def normalise_label(value: Any, info: ValidationInfo) -> Any:
    """A name: one plain string serves every language; a mapping must still be complete."""
    languages = _languages(info)
    if isinstance(value, str):
        return {lang: value for lang in languages or ("sv",)}
    if isinstance(value, dict):
        if languages is not None:
            _check_translations(value, languages)
        return value
    raise _not_a_text(value, languages)


def _not_a_text(value: Any, languages: tuple[str, ...] | None) -> Exception:
    example = ", ".join(f"{lang}: …" for lang in languages or ("sv", "en"))
    if value is None:
        return invalid("text_type", _("the text is empty"), _("write it as `{example}`").format(example=f"{{{example}}}"))
    return invalid("text_type", _("expected a text, found {found}").format(found=describe(value)),
                   _("write it as `{example}`").format(example=f"{{{example}}}"))


def _check_translations(value: dict[Any, Any], languages: tuple[str, ...]) -> None:
    missing = [lang for lang in languages if lang not in value]
    extra = [str(key) for key in value if key not in languages]
    parts = []
    if missing:
        parts.append(ngettext("missing translation: {languages}", "missing translations: {languages}",
                              len(missing)).format(languages=", ".join(missing)))
    if extra:
        parts.append(ngettext("language not in `languages`: {languages}", "languages not in `languages`: {languages}",
                              len(extra)).format(languages=", ".join(extra)))
    if not parts:
        return
    hint = _("give exactly one text for each of: {languages}").format(languages=", ".join(languages))
    if missing and extra and len(missing) == len(extra) == 1:
        hint = _("did you mean `{match}` instead of `{given}`?").format(match=missing[0], given=extra[0])
    elif any(value[key] is None for key in value if key not in languages):
        hint = _("a comma inside `{…}` starts a new entry: put a text that holds commas in quotes")
    elif extra and not missing:
        hint = _("remove {languages}, or add it to `languages` if policygen supports it").format(languages=", ".join(extra))
    elif missing:
        hint = _("add {entries}").format(entries=", ".join(f"`{lang}: …`" for lang in missing))
    raise invalid("text_translations", "; ".join(parts), hint)


def no_empty_translation(value: dict[str, str]) -> dict[str, str]:
    empty = [lang for lang, text in value.items() if not text.strip()]
    if empty:
        raise invalid("text_empty", _("the {languages} text is empty").format(languages=", ".join(empty)),
                      _("write the text, or remove the key if it is optional"))
    return value
