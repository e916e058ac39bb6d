"""Import contracts of DESIGN.md: each part of the package answers one question and never reaches
into the parts that depend on it. Checked from the source with ``ast`` so a violation fails here,
not in a user's traceback."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "policygen"

FORBIDDEN = {
    "model": ("policygen.render", "policygen.check", "policygen.cli", "policygen.validate", "policygen.source", "policygen.history"),
    "validate": ("policygen.render", "policygen.cli", "policygen.check", "policygen.source", "policygen.history"),
    "render": ("policygen.check", "policygen.cli", "policygen.source", "policygen.history"),
    # history (the published versions, diffs, change notices) uses render for the consent
    # version ids, the Markdown escaping and the term explainer of the notice; render gets what
    # it shows of the history as plain values (policygen.render.published), never the reverse
    "history": ("policygen.check", "policygen.cli", "policygen.validate", "policygen.source"),
    "check": ("policygen.model", "policygen.render", "policygen.cli", "policygen.validate", "policygen.source", "policygen.history"),
    "output": ("policygen.model", "policygen.render", "policygen.cli", "policygen.validate", "policygen.source", "policygen.history"),
    # the language check of a description's texts joins model and check; only the CLI uses it
    "source": ("policygen.render", "policygen.validate", "policygen.cli", "policygen.history"),
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


def test_lang_imports_nothing_else_from_policygen() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
        for path in sorted((PACKAGE / "lang").rglob("*.py"))
        for line, module in imported_modules(path)
        if module.startswith("policygen") and not module.startswith("policygen.lang")
    ]
    assert offenders == []


TEMPLATES = PACKAGE.parent / "templates"
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}|\{#-?.*?-?#\}", re.S)
_HTML_TAG = re.compile(r"<style[^>]*>.*?</style>|<[^>]*>", re.S)
_WORDS_IN_ATTRIBUTES = re.compile(r'\b(?:title|alt|aria-label|placeholder)="([^"{]*)"')


def prose_outside_jinja(text: str) -> list[str]:
    """Letters a template writes outside Jinja expressions, tags, comments and markup."""
    found = [value for value in _WORDS_IN_ATTRIBUTES.findall(text) if re.search(r"[^\W\d_]", value)]
    rest = _HTML_TAG.sub(" ", _JINJA.sub(" ", text))
    found += [" ".join(line.split()) for line in rest.splitlines() if re.search(r"[^\W\d_]", line)]
    return found


def test_templates_take_words_only_from_the_language_packs() -> None:
    templates = sorted(TEMPLATES.rglob("*.j2"))
    # shared templates only, in templates/shared/ or a folder of it (templates/shared/handbook/)
    assert [path for path in templates if path.relative_to(TEMPLATES).parts[0] != "shared"] == []
    assert {path.name for path in templates} >= {"policy.md.j2", "consent.html.j2"}
    offenders = {str(path.relative_to(TEMPLATES)): prose_outside_jinja(path.read_text("utf-8"))
                 for path in templates}
    assert {name: words for name, words in offenders.items() if words} == {}


def test_the_prose_check_finds_words() -> None:
    assert prose_outside_jinja("## {{ say('x') }} {{ anchor(a) }}\n\nVi sparar {{ x }}.\n") \
        == ["Vi sparar ."]
    assert prose_outside_jinja("## Rubrik {#rubrik}\n") == ["## Rubrik {#rubrik}"]
    assert prose_outside_jinja('<p class="a">{{ x }}</p><img alt="Logo">') == ["Logo"]
    assert prose_outside_jinja("- **{{ a }}.** {% if b %}{{ c }}{% endif %}\n") == []


REPORT_MODEL = frozenset({"Finding", "FileReport", "Report", "RuleInfo", "Metrics", "Section"})


def report_model_offences(path: Path, part: str) -> list[str]:
    """Where ``path`` defines a class of the report model, or takes one from outside ``output``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    offences = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name in REPORT_MODEL and part != "output":
            offences.append(f"{path.name}:{node.lineno} defines {node.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            taken = {alias.name for alias in node.names} & REPORT_MODEL
            if taken and node.module.startswith("policygen.") and not node.module.startswith("policygen.output"):
                offences.append(f"{path.name}:{node.lineno} takes {', '.join(sorted(taken))} from {node.module}")
    return offences


def test_output_owns_the_one_report_model() -> None:
    """check, validate, build and every format share one typed finding and report: defined in
    ``policygen/output/`` only, and imported from there."""
    offenders = [
        offence
        for path in sorted(PACKAGE.rglob("*.py"))
        for offence in report_model_offences(path, path.relative_to(PACKAGE).parts[0])
    ]
    assert offenders == []
    for part in ("check", "validate"):
        users = [path for path in (PACKAGE / part).rglob("*.py")
                 if any(isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("policygen.output")
                        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]
        assert users, f"policygen/{part} reports without the report model"


def test_report_model_contract_detects_a_second_model(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from policygen.check.findings import Finding\nclass Report:\n    pass\n", encoding="utf-8")
    assert report_model_offences(sample, "check") == [
        "sample.py:1 takes Finding from policygen.check.findings", "sample.py:2 defines Report"]


_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})
_FORKS = frozenset({"fork", "forkpty", "register_at_fork"})


def fallback_offences(path: Path) -> list[str]:
    """Where ``path`` catches a failed import (a missing part would pass silently, or answer
    with something else) or forks the process by hand (issue 8: several processes only through
    ``concurrent.futures``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    offences = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            names = {getattr(kind, "id", getattr(kind, "attr", "")) for kind in caught}
            if names & _IMPORT_ERRORS:
                offences.append(f"{path.name}:{node.lineno} catches {', '.join(sorted(names & _IMPORT_ERRORS))}")
        elif isinstance(node, ast.Attribute) and node.attr in _FORKS \
                and isinstance(node.value, ast.Name) and node.value.id == "os":
            offences.append(f"{path.name}:{node.lineno} calls os.{node.attr}")
    return offences


def test_no_import_fallbacks_and_no_fork() -> None:
    offenders = [offence for path in sorted(PACKAGE.rglob("*.py")) for offence in fallback_offences(path)]
    assert offenders == []


def test_fallback_contract_detects_each_offence(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\ntry:\n    import x\nexcept ImportError:\n    x = None\n"
        "try:\n    import y\nexcept (OSError, ModuleNotFoundError):\n    pass\n"
        "pid = os.fork()\n", encoding="utf-8")
    assert fallback_offences(sample) == [
        "sample.py:4 catches ImportError", "sample.py:8 catches ModuleNotFoundError", "sample.py:10 calls os.fork"]
