"""Import contracts of DESIGN.md: each part of the package answers one question and never reaches
into the parts that depend on it. Checked from the source with ``ast`` so a violation fails here,
not in a user's traceback."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "policygen"

FORBIDDEN = {
    "model": ("policygen.render", "policygen.check", "policygen.cli", "policygen.validate"),
    "validate": ("policygen.render", "policygen.cli", "policygen.check"),
    "render": ("policygen.check", "policygen.cli"),
    "check": ("policygen.model", "policygen.render", "policygen.cli", "policygen.validate"),
    "output": ("policygen.model", "policygen.render", "policygen.cli", "policygen.validate"),
    "lang": ("policygen",),  # nothing of policygen but policygen.lang itself (ALLOWED below)
}
ALLOWED = {"lang": "policygen.lang"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _within(module: str, package: str | None) -> bool:
    return package is not None and (module == package or module.startswith(package + "."))


def violations(part: str) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / part).rglob("*.py")):
        for line, module in imported_modules(path):
            if module.startswith(FORBIDDEN[part]) and not _within(module, ALLOWED.get(part)):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_part_never_imports_its_dependants(part: str) -> None:
    assert violations(part) == []


def test_lang_may_import_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``lang`` contract catches ``from policygen import errors`` as well as submodules."""
    fake = tmp_path / "policygen"
    (fake / "lang").mkdir(parents=True)
    (fake / "lang" / "ok.py").write_text("from policygen.lang import LANGUAGES\nimport policygen.lang.datafile\n",
                                         encoding="utf-8")
    (fake / "lang" / "bad.py").write_text("from policygen import errors\nfrom policygen.resources import x\n",
                                          encoding="utf-8")
    monkeypatch.setitem(globals(), "PACKAGE", fake)
    assert violations("lang") == ["policygen/lang/bad.py:1 imports policygen",
                                  "policygen/lang/bad.py:2 imports policygen.resources"]


def test_contract_detects_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom policygen.cli.main import main\n", encoding="utf-8")
    assert (2, "policygen.cli.main") in imported_modules(sample)


def test_nothing_imports_the_cli() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "cli" not in path.relative_to(PACKAGE).parts
        for line, module in imported_modules(path)
        if module.startswith("policygen.cli")
    ]
    assert offenders == []
