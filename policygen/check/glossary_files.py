"""Reading the checker's data files: abbreviation lists and glossary rule files (YAML).

Shipped files live in ``glossary/<lang>/`` (found through :mod:`policygen.resources`); users add
their own glossary files through configuration. A broken user file is a :class:`UserError` naming
the file and line; a broken shipped file is a defect and raises :class:`RuleDefinitionError`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from policygen.errors import UserError
from policygen.resources import glossary_dir

_CACHE_VERSION = "1"


def _cache_file(path: Path, kind: str = "") -> Path | None:
    """Where the parsed form of ``path`` is cached, keyed by its absolute path, size and mtime
    (and ``kind``, the parser and its version, for files that are not glossary YAML)."""
    if os.environ.get("POLICYGEN_NO_CACHE"):
        return None
    try:
        stat = path.stat()
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "policygen" / "glossary"
    except (OSError, RuntimeError):
        return None
    key = f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{_CACHE_VERSION}"
    if kind:
        key += f"\0{kind}"
    return base / (hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json")


def read_yaml(path: Path) -> Any:
    """Parse ``path`` as YAML 1.2, through a JSON cache of the parsed data.

    Parsing every glossary with the pure-Python YAML parser costs about 0.15 s, on every run; the
    cache (in ``$XDG_CACHE_HOME/policygen``, keyed by path, size and modification time) makes it
    about 1 ms. Any problem with the cache falls back to parsing; ``POLICYGEN_NO_CACHE=1`` turns it
    off.
    """
    return read_cached(path, parse_yaml)


def read_cached(path: Path, parse: Callable[[Path], Any], kind: str = "") -> Any:
    """``parse(path)``, through the JSON cache of :func:`read_yaml` (``parse`` must return JSON data)."""
    cache = _cache_file(path, kind)
    if cache is not None:
        try:
            return json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = parse(path)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, cache)
        except (OSError, TypeError, ValueError):
            pass
    return data


def parse_yaml(path: Path) -> Any:
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
