"""Loading rule case files: ``tests/check/rules/cases/<CODE>.yaml`` (format in docs/rule-api.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

CASES_DIR = Path(__file__).parent / "cases"


@dataclass
class Case:
    code: str
    lang: str
    kind: str  # pass | fail
    index: int
    text: str
    fmt: str = "txt"
    settings: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.code}-{self.lang}-{self.kind}-{self.index}"


def load_case_file(path: Path) -> dict[str, Any]:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) or {}


def all_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = load_case_file(path)
        code = data.get("rule", path.stem)
        for lang in ("sv", "en"):
            section = data.get(lang) or {}
            for kind in ("pass", "fail"):
                for index, item in enumerate(section.get(kind) or []):
                    if isinstance(item, str):
                        item = {"text": item}
                    cases.append(
                        Case(
                            code=code,
                            lang=lang,
                            kind=kind,
                            index=index,
                            text=item["text"],
                            fmt=item.get("format", "txt"),
                            settings=item.get("settings") or {},
                            findings=item.get("findings") or [],
                        )
                    )
    return cases
