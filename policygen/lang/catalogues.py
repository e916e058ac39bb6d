"""Keeping the interface catalogues complete: extraction, the list of missing translations, compiling.

This is the maintainers' side of :mod:`policygen.lang.messages` (``make messages``):

- :func:`code_messages` finds every text the code marks with ``_``, ``N_`` or ``ngettext``, with
  Babel's Python extractor (the same one ``pybabel extract`` runs);
- :func:`translations` reads the ``.po`` files of a language into one mapping;
- :func:`missing` lists the texts that have no translation, or whose translation's placeholders
  differ from the original's (a ``{count}`` lost or renamed would raise at run time);
- :func:`compile_all` compiles every ``.po`` file into the ``.mo`` file beside it with Babel;
- ``python -m policygen.lang.catalogues add PART`` appends the missing texts, untranslated, to
  ``PART.po`` for a translator to fill in.

Documentation paragraphs (rules' docstrings, glossary explanations) are not marked in code; the
part that owns them lists their keys (:func:`policygen.lang.messages.paragraph_keys`) and its
tests check them with :func:`missing`. The glossaries' advice (``advice:``, an instruction to the
writer in the interface language) is data too: :func:`glossary_advice` lists it, and ``missing``
and ``add`` include it (``glossary.po``).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po

from policygen.lang.errors import UserError
from policygen.lang.glossary import shipped_rule_files
from policygen.lang.messages import CATALOGUES

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:[!:][^{}]*)?\}")


def code_messages(root: Path = PACKAGE) -> dict[str, str]:
    """``message → "path:line"`` of every marked text under ``root`` (plural forms: both)."""
    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            root, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=(),
            strip_comment_tags=True):
        for text in (message if isinstance(message, tuple) else (message,)):
            if text:
                found.setdefault(text, f"{filename}:{line}")
    return found


def glossary_advice(root: Path = PACKAGE.parent / "glossary") -> dict[str, str]:
    """``advice → "glossary/<lang>/<file>: entries[i].advice"`` of every glossary rule file under
    ``root`` (the shipped ``glossary`` folder of a source checkout by default)."""
    found: dict[str, str] = {}
    for path, glossary in shipped_rule_files(root):
        for index, entry in enumerate(glossary.entries):
            if entry.advice:
                found.setdefault(entry.advice, f"glossary/{path.parent.name}/{path.name}: entries[{index}].advice")
    return found


def po_files(language: str) -> list[Path]:
    return sorted((CATALOGUES / language / "LC_MESSAGES").glob("*.po"))


def read_catalogue(path: Path) -> Catalog:
    """The catalogue in the ``.po`` file ``path``; a line Babel cannot read is a located
    :class:`UserError`. (Babel's default only prints a warning and drops the entry, so a
    translation would silently vanish from the compiled ``.mo``.)"""
    with path.open("rb") as handle:
        try:
            return read_po(handle, locale=path.parent.parent.name, abort_invalid=True)
        except PoFileError as error:
            reason = str(error).rsplit(" on ", 1)[0]  # Babel appends its 0-based line number
            raise UserError.single(str(path), f"{reason}: {error.line.strip()!r}",
                                   line=error.lineno + 1, column=1,
                                   hint="write each entry as msgid \"…\" then msgstr \"…\"") from None


def translations(language: str) -> dict[str, str]:
    """``message → translation`` from every ``.po`` file of ``language`` (fuzzy entries left out).

    A plural entry gives both of its originals, each mapped to its translations joined."""
    table: dict[str, str] = {}
    for path in po_files(language):
        for entry in read_catalogue(path):
            if not entry.id or entry.fuzzy:
                continue
            ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            if all(strings):
                for text in ids:
                    table[text] = "\n".join(strings)
    return table


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def missing(messages: Iterable[str], language: str) -> list[str]:
    """The messages with no usable translation in ``language``: absent, empty, fuzzy, or with
    other placeholders than the original."""
    table = translations(language)
    problems = []
    for message in messages:
        translated = table.get(message)
        if not translated:
            problems.append(message)
        elif placeholders(translated) != placeholders(message):
            problems.append(message)
    return problems


def compiled(path: Path) -> bytes:
    """The ``.mo`` bytes Babel compiles from the ``.po`` file ``path`` (deterministic)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(path), use_fuzzy=False)
    return buffer.getvalue()


def compile_all(language: str = "sv") -> list[Path]:
    written = []
    for path in po_files(language):
        target = path.with_suffix(".mo")
        data = compiled(path)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            written.append(target)
    return written


def add_missing(part: str, messages: Iterable[str], language: str = "sv") -> int:
    """Append ``messages`` that ``language`` lacks to ``PART.po``, untranslated; the count added."""
    path = CATALOGUES / language / "LC_MESSAGES" / f"{part}.po"
    catalog = read_catalogue(path) if path.exists() else Catalog(locale=language, project="policygen")
    table = translations(language)
    added = 0
    for message in messages:
        if message not in table and message not in catalog:
            catalog.add(message, "")
            added += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True)
    return added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policygen.lang.catalogues")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("compile", help="compile every .po file into its .mo file")
    commands.add_parser("missing", help="list the marked texts with no Swedish translation; exit 1 if there are any")
    add = commands.add_parser("add", help="append the missing texts of the code to PART.po")
    add.add_argument("part")
    add.add_argument("--under", help="only texts marked in this folder of policygen (e.g. cli), or 'glossary' "
                                     "for the glossaries' advice")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except UserError as error:
        print(error.render(), file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "compile":
        for path in compile_all():
            print(f"compiled {path.relative_to(PACKAGE.parent)}")
        return 0
    found = {**glossary_advice(), **code_messages()}
    if args.command == "missing":
        lacking = missing(found, "sv")
        for message in lacking:
            print(f"{found[message]}: {message!r}")
        return 1 if lacking else 0  # a gate a script or CI can use, like the suite's own test
    wanted = [m for m, where in found.items() if not args.under or where.startswith(args.under.rstrip("/") + "/")]
    print(f"added {add_missing(args.part, wanted)} texts to {args.part}.po")
    return 0


if __name__ == "__main__":
    sys.exit(main())
