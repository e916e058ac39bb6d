"""Reading the checker's data files: abbreviation lists and glossary rule files (YAML).

Shipped files live in ``glossary/<lang>/`` (found through :mod:`policygen.resources`); users add
their own glossary files through configuration. A broken user file is a :class:`UserError` naming
the file and line; a broken shipped file is a defect and raises :class:`RuleDefinitionError`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from policygen.errors import UserError
from policygen.resources import glossary_dir


def read_yaml(path: Path) -> Any:
    """Parse ``path`` as YAML 1.2 (safe loader); a syntax error becomes a located :class:`UserError`."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError.single(str(path), f"cannot read glossary file: {error}") from None
    try:
        return YAML(typ="safe", pure=True).load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        raise UserError.single(str(path), f"invalid YAML: {error.problem}", line=line, column=column) from None
    except YAMLError as error:
        raise UserError.single(str(path), f"invalid YAML: {error}") from None


def abbreviations_path(lang: str) -> Path:
    return glossary_dir() / lang / "abbreviations.yaml"


@cache
def load_abbreviations(lang: str) -> tuple[dict[str, str], ...]:
    """``glossary/<lang>/abbreviations.yaml``: a list of ``{abbreviation, expansion}`` mappings."""
    path = abbreviations_path(lang)
    if not path.is_file():
        return ()
    data = read_yaml(path) or []
    entries = []
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not item.get("abbreviation"):
            raise UserError.single(str(path), "each entry needs 'abbreviation' and 'expansion'", key=f"[{index}]")
        entries.append({"abbreviation": str(item["abbreviation"]), "expansion": str(item.get("expansion", ""))})
    return tuple(entries)


def shipped_glossary_files() -> list[tuple[str, Path]]:
    """``(lang, path)`` of every shipped glossary file that declares a rule (has a ``rule:`` key)."""
    files = []
    root = glossary_dir()
    for lang_dir in sorted(path for path in root.iterdir() if path.is_dir()):
        for path in sorted(lang_dir.glob("*.yaml")):
            if path.name == "abbreviations.yaml":
                continue
            files.append((lang_dir.name, path))
    return files
