"""The same input gives the same bytes in any time zone, locale and hash seed.

A representative run (``build`` of both bundled examples with PDFs, ``validate`` in JSON,
``check`` of the built site in JSON and SARIF) goes through the command line in fresh processes:
once in a plain environment, then in foreign ones (UTC+14 and UTC−10, so the local date differs
from UTC's for most of the day; Swedish and C locales; other hash seeds). Every file written and
every report must be byte-identical. Dates in the documents come from the description, never from
the clock or the machine's locale. The reports' messages are asked for in English (``--messages
en``): a Swedish locale otherwise, by design, makes them Swedish.

``SOURCE_DATE_EPOCH`` is unset: the PDF dates are then derived from ``effective``, which is the
path that could drift with the time zone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))

PLAIN = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"}
FOREIGN = {
    "kiritimati-sv": {"TZ": "Pacific/Kiritimati", "LANG": "sv_SE.UTF-8", "LC_ALL": None,
                      "PYTHONHASHSEED": "1"},
    "adak-c": {"TZ": "America/Adak", "LC_ALL": "C.UTF-8", "LANG": "sv_SE.UTF-8", "PYTHONHASHSEED": "2"},
}
LOCALE_VARIABLES = ("LC_ALL", "LC_CTYPE", "LC_TIME", "LC_NUMERIC", "LC_COLLATE", "LC_MESSAGES", "LANG",
                    "LANGUAGE")


def policygen(folder: Path, environment: dict[str, str | None], *args: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items()
           if name not in LOCALE_VARIABLES and name != "SOURCE_DATE_EPOCH"}
    env.update({name: value for name, value in environment.items() if value is not None})
    # The interface language follows the locale (LANG=sv_SE speaks Swedish); the reports are
    # compared in one language, so that what is compared is everything else.
    command, *rest = args
    return subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main()",
                           command, "--messages", "en", *rest],
                          capture_output=True, env=env, cwd=folder, check=False, timeout=300)


def representative_run(folder: Path, environment: dict[str, str | None]) -> dict[str, bytes]:
    """Every file and report of the run in ``folder`` (relative paths, so folders can differ)."""
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    outputs: dict[str, bytes] = {}
    for example in EXAMPLES:
        run = policygen(folder, environment, "build", example.name, "--out", f"site-{example.stem}")
        assert run.returncode == 0, run.stderr.decode()
        outputs[f"build {example.stem} stderr"] = run.stderr
    run = policygen(folder, environment, "validate", "--format", "json", *(e.name for e in EXAMPLES))
    assert run.returncode == 0, run.stderr.decode()
    outputs["validate json"] = run.stdout
    for fmt in ("json", "sarif"):
        run = policygen(folder, environment, "check", "--format", fmt,
                        *(f"site-{example.stem}" for example in EXAMPLES))
        assert run.returncode == 0, run.stdout.decode() + run.stderr.decode()
        outputs[f"check {fmt}"] = run.stdout
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix != ".yaml":
            outputs[str(path.relative_to(folder))] = path.read_bytes()
    return outputs


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return representative_run(tmp_path_factory.mktemp("environment") / "plain", PLAIN)


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_foreign_time_zone_and_locale_give_the_same_bytes(plain, tmp_path, name) -> None:
    foreign = representative_run(tmp_path / name, FOREIGN[name])
    assert sorted(foreign) == sorted(plain)
    assert any(name.endswith(".pdf") for name in plain) and any("archive/consent/" in name for name in plain)
    different = [output for output in plain if foreign[output] != plain[output]]
    assert different == [], f"differs under {FOREIGN[name]}: {different}"
