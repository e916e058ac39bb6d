"""The pre-commit hook definitions: well formed, pointing at real commands, matching the right files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from policygen.cli.main import COMMANDS

HOOKS_FILE = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


@pytest.fixture(scope="module")
def hooks() -> dict[str, dict]:
    return {hook["id"]: hook for hook in YAML(typ="safe").load(HOOKS_FILE.read_text(encoding="utf-8"))}


def test_both_hooks_run_policygen_commands(hooks: dict[str, dict]) -> None:
    assert set(hooks) == {"policygen-check", "policygen-validate"}
    for hook_id, hook in hooks.items():
        program, command = hook["entry"].split()
        assert program == "policygen" and command in COMMANDS
        assert hook_id == f"policygen-{command}"
        assert hook["language"] == "python"
        assert hook["name"] and hook["description"]


@pytest.mark.parametrize(("path", "checked"), [
    ("site/sv/integritetspolicy.md", True), ("site/en/privacy-policy.html", True), ("notes.txt", True),
    ("policy.yaml", False), ("page.htm", False), ("README.mdx", False),
])
def test_check_hook_files(hooks: dict[str, dict], path: str, checked: bool) -> None:
    assert bool(re.search(hooks["policygen-check"]["files"], path)) is checked


@pytest.mark.parametrize(("path", "validated"), [
    ("policygen.yaml", True), ("privacy/acme-description.yml", True), ("descriptions/acme.yaml", True),
    ("docs/mkdocs.yml", False), (".github/workflows/ci.yml", False), ("policygen.md", False),
])
def test_validate_hook_files(hooks: dict[str, dict], path: str, validated: bool) -> None:
    assert bool(re.search(hooks["policygen-validate"]["files"], path)) is validated
