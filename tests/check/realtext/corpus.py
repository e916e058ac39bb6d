"""The real-text evaluation set: its documents, their split, the checker's findings on them, their
sentences and the hand labels. One place for these facts, shared by ``sample.py`` (which drew the
labelling samples once) and ``evaluate.py`` (which measures the checker against the labels).

Positions everywhere are the checker's JSON contract: 1-based lines and columns in Unicode code
points, ``end_column`` exclusive. Paths are relative to this folder (``docs/sv/fintraffic-digitraffic.md``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).parent
DOCS = HERE / "docs"
LABELS = HERE / "labels"
LANGS = ("sv", "en")
PARTS = ("dev", "heldout")


def load_yaml(path: Path):  # noqa: ANN201 - YAML data of any shape
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def split() -> dict[str, str]:
    """Document id (``sv/fintraffic-digitraffic``) → ``dev`` or ``heldout``, as drawn once in ``split.yaml``."""
    data = load_yaml(HERE / "split.yaml")
    return {doc: part for part in PARTS for doc in data[part]}


def documents(part: str, lang: str) -> list[str]:
    """Ids of the documents of one part and language, sorted."""
    return sorted(doc for doc, p in split().items() if p == part and doc.startswith(f"{lang}/"))


def doc_path(doc: str) -> Path:
    return DOCS / f"{doc}.md"


def rel(doc: str) -> str:
    """The path a label uses for a document (relative to this folder)."""
    return f"docs/{doc}.md"


@dataclass(frozen=True, slots=True)
class Span:
    """A located piece of a document: ``path`` relative to this folder, positions as in findings."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def overlaps(self, other: Span) -> bool:
        if self.path != other.path:
            return False
        return (self.line, self.column) < (other.end_line, other.end_column) and (other.line, other.column) < (
            self.end_line,
            self.end_column,
        )

    def inside(self, other: Span) -> bool:
        return (
            self.path == other.path
            and (other.line, other.column) <= (self.line, self.column)
            and (self.end_line, self.end_column) <= (other.end_line, other.end_column)
        )


def span_of(entry: dict) -> Span:
    return Span(entry["path"], entry["line"], entry["column"], entry["end_line"], entry["end_column"])


@lru_cache(maxsize=64)
def _lines(path: str) -> list[str]:
    return (HERE / path).read_text(encoding="utf-8").split("\n")


def text_at(span: Span) -> str:
    """The source text a span covers (for labels a person reads)."""
    lines = _lines(span.path)
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1 :]]
    parts += lines[span.line : span.end_line - 1]
    parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return "\n".join(parts)


def policygen_command() -> list[str]:
    """The installed ``policygen`` next to this interpreter (the project's virtual environment)."""
    beside = Path(sys.executable).parent / "policygen"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("policygen")
    if found is None:
        raise RuntimeError("policygen is not installed in this environment (make install)")
    return [found]


def run_checker(docs: list[str], lang: str) -> dict[str, list[dict]]:
    """Run ``policygen check --format json`` on the documents, as a user would; findings per path.

    Every rule runs with its default settings; the language is given, not detected, so a short
    excerpt cannot be read as the wrong language.
    """
    if not docs:
        return {}
    command = [*policygen_command(), "check", "--lang", lang, "--format", "json", "--exit-zero"]
    command += [str(doc_path(doc)) for doc in docs]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise RuntimeError(f"policygen check failed ({done.returncode}): {done.stderr.strip()}")
    report = json.loads(done.stdout)
    by_path: dict[str, list[dict]] = {rel(doc): [] for doc in docs}
    for file in report["files"]:
        path = Path(file["path"]).resolve().relative_to(HERE.resolve()).as_posix()
        by_path[path] = [dict(finding, path=path) for finding in file["findings"]]
    return by_path


def sentences(doc: str, lang: str) -> Iterator[tuple[Span, int]]:
    """Every sentence of a document as the checker itself splits it (the LIX sentences), with its
    number of words."""
    from policygen.check.extract import extract
    from policygen.check.tokens import split_block

    source = doc_path(doc).read_text(encoding="utf-8")
    for block in extract(source, "md", 1):
        for sentence in split_block(block, lang):
            line, column, end_line, end_column = block.span(sentence.start, sentence.end)
            yield Span(rel(doc), line, column, end_line, end_column), len(sentence.words)


def finding_key(finding: dict) -> list:
    """What identifies a finding across runs: where it is and which rule made it."""
    return [finding["path"], finding["line"], finding["column"], finding["end_line"], finding["end_column"], finding["code"]]


def baseline_file(part: str, lang: str) -> Path:
    return LABELS / f"baseline-{part}-{lang}.json"


def load_baseline(part: str, lang: str) -> list[list]:
    """Every finding (as ``finding_key``) the checker gave when the sample was drawn; empty if the
    baseline was not kept."""
    path = baseline_file(part, lang)
    return json.loads(path.read_text(encoding="utf-8"))["findings"] if path.exists() else []


def label_file(part: str, lang: str) -> Path:
    return LABELS / f"{part}-{lang}.yaml"


def load_labels(part: str, lang: str) -> dict:
    path = label_file(part, lang)
    return load_yaml(path) if path.exists() else {"findings": [], "sentences": []}
