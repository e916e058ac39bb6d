"""The handbook's words: its own language pack, and the few phrases code builds from it.

The handbook's sentences live in ``templates/<lang>/handbook.yaml``, read by the same loader as the
policy's pack (:func:`policygen.lang.pack.load_pack`) and checked the same way (the same keys and
placeholders in every language). Every key sits under ``hb.``, so no handbook phrase can shadow or
be shadowed by a policy phrase. Its environments are the policy's (:func:`make_environment`: the
same escaping, filters, strictness and search path), with ``say`` reading the handbook pack.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from policygen.lang import LANGUAGES
from policygen.lang.pack import Pack, Slot, load_pack
from policygen.render.environment import Kind, make_environment
from policygen.render.locale import format_duration, join_list
from policygen.render.sanitize import MarkdownSafe
from policygen.render.terms import TermExplainer
from policygen.render.words import choose, make_say, pack_for, plain
from policygen.resources import templates_dir

PACK_NAME = "handbook"


@cache
def handbook_pack(lang: str) -> Pack:
    """The built-in handbook pack of ``lang`` (``templates/<lang>/handbook.yaml``)."""
    return load_pack(lang, templates_dir(), PACK_NAME)


def all_handbook_packs() -> list[Pack]:
    """The handbook packs of every language policygen speaks (to recognise words in any of them)."""
    return [handbook_pack(lang) for lang in LANGUAGES]


def one_full_stop(pack: Pack, key: str, count: int | None, values: dict[str, Any]) -> dict[str, Any]:
    """The values with a final full stop dropped where the phrase puts one right after them.

    Names and texts end in a full stop of their own ("Sendwise Inc.", a sentence from the
    description); "{names}." would then print two.
    """
    parts = choose(pack, key, count).parts
    tidied = dict(values)
    for slot, after in zip(parts, parts[1:]):
        if not (isinstance(slot, Slot) and slot.kind == "value" and isinstance(after, str)
                and after.startswith(".")):
            continue
        value = tidied.get(slot.name)
        if isinstance(value, str) and value.endswith("."):
            tidied[slot.name] = _same_kind(value, value[:-1])
    return tidied


def _same_kind(original: str, text: str) -> str:
    if isinstance(original, Markup):
        return Markup(text)
    if isinstance(original, MarkdownSafe):
        return MarkdownSafe(text)
    return text


def say_plain(lang: str, key: str, count: int | None = None, **values: Any) -> str:
    """A handbook phrase as plain text (file names, CSV cells, values for other phrases)."""
    pack = handbook_pack(lang)
    return plain(pack, key, count=count, **one_full_stop(pack, key, count, values))


def everyday_terms(lang: str) -> list[str]:
    """Glossary terms whose everyday meaning is enough (the checker's PL209 leaves them alone):
    the handbook never interrupts a sentence to explain them; its training table does."""
    return [term.strip() for term in say_plain(lang, "hb.everyday_terms").split(",") if term.strip()]


def handbook_explainer(lang: str, explainer: TermExplainer) -> TermExplainer:
    """A fresh term explainer for one handbook document, with the everyday terms marked explained."""
    fresh = explainer.fresh()
    for term in everyday_terms(lang):
        fresh.as_defined(term)
    return fresh


def retention_text(lang: str, retention: Any) -> str:
    """A retention as a phrase: "24 månader efter att ärendet har stängts" / the criteria."""
    if retention is None:
        return say_plain(lang, "hb.retention.not_stated")
    if retention.period is not None:
        return say_plain(lang, "hb.retention.period",
                         period=format_duration(pack_for(lang), retention.period),
                         after=retention.after)
    return say_plain(lang, "hb.retention.criteria", criteria=retention.criteria)


def join(lang: str, items: list[Any], conjunction: str = "and") -> str:
    return join_list(pack_for(lang), items, conjunction)


def blank(lang: str, name: str) -> MarkdownSafe:
    """A field the sender fills in, in square brackets: "[namn]", "[datum]".

    The pack's word inside is plain text of our own; the brackets stay as they are, so the letter
    reads "[namn]" in an e-mail too (CommonMark leaves a bracket without a link target alone).
    """
    return MarkdownSafe(f"[{say_plain(lang, f'hb.blanks.{name}')}]")


def make_handbook_environment(lang: str, kind: Kind) -> Environment:
    """The policy's environment of ``kind`` for ``lang``, saying the handbook pack's phrases."""
    environment = make_environment(lang, kind)
    pack = handbook_pack(lang)
    say = make_say(pack, kind)

    @pass_context
    def say_once_stopped(context: Context, key: str, count: int | None = None, **values: Any) -> Any:
        return say(context, key, count, **one_full_stop(pack, key, count, values))

    environment.globals["say"] = say_once_stopped
    environment.globals["retention_text"] = lambda retention: retention_text(lang, retention)
    environment.globals["blank"] = lambda name: blank(lang, name)
    return environment
