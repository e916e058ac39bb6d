"""Shared material for the safety tests: running the command line as a user would, and variants
of the bundled example that differ in their consent text (so each build archives a text of its own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-support.yaml"
NEWSLETTER_SV = "Ja, skicka Exempel Supports nyhetsbrev"
HANG_GUARD = 120  # seconds: far above any normal run, only there so a hang fails instead of blocking


HISTORIES: list[Path] = []
"""Where builds of the repository's descriptions keep their published history: a temporary
folder that tests/safety/conftest.py sets for the session (by default a build records the history
beside the description, in the repository: docs/changes.md)."""


def command(*args: str) -> list[str]:
    if (args and args[0] == "build" and "--history" not in args and HISTORIES
            and REPO in Path(args[1]).resolve().parents):
        args = (*args, "--history", str(HISTORIES[0] / f"{Path(args[1]).stem}.history.json"))
    return [sys.executable, "-c", "from policygen.cli.main import main; main()", *args]


def environment() -> dict[str, str]:
    return dict(os.environ, SOURCE_DATE_EPOCH="1767225600")


def policygen(*args: str, timeout: float = HANG_GUARD, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True, env=environment(),
                          check=False, cwd=cwd, timeout=timeout)


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=environment(), cwd=REPO)


def variant(folder: Path, number: int) -> Path:
    """The example with a consent statement of its own: ``… (variant <number>)``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert NEWSLETTER_SV in text
    path = folder / f"variant-{number}.yaml"
    path.write_text(text.replace(NEWSLETTER_SV, f"{NEWSLETTER_SV} (variant {number})", 1),
                    encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def archive(folder: Path) -> dict[str, bytes]:
    return {name: content for name, content in snapshot(folder).items()
            if name.startswith("archive/consent/")}


def beside(out: Path) -> list[str]:
    """Everything in the output folder's parent but the output folder itself."""
    return sorted(path.name for path in out.parent.iterdir() if path.name != out.name)
