"""The command line in Swedish: ``--messages sv``, or a Swedish locale (``LANG=sv_SE.UTF-8``), makes
help, click's own texts, format errors, build refusals and report labels Swedish; ``LC_ALL=C``
overrides the locale back to English, and with nothing set everything stays English.

Real invocations: click's runner in this process (which must give the caller its language back),
and the console entry point in fresh processes for the locale variables.
"""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.lang.messages import interface_language

VALID = Path(__file__).resolve().parent.parent / "model" / "fixtures" / "valid.yaml"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
NO_LOCALE = {name: None for name in LOCALE_VARIABLES}


def run(*args: str, **env: str):
    return CliRunner().invoke(main, list(args), env={**NO_LOCALE, **env}, prog_name="policygen")


def run_process(*args: str, **env: str) -> subprocess.CompletedProcess:
    """The console entry point in a fresh process with only the given locale variables set."""
    environ = {name: value for name, value in os.environ.items() if name not in LOCALE_VARIABLES}
    environ.update(env)
    return subprocess.run([sys.executable, "-c", "from policygen.cli.main import main; main(prog_name='policygen')", *args],
                          capture_output=True, text=True, timeout=60, env=environ)


@pytest.fixture
def typo(tmp_path: Path) -> str:
    """The valid fixture with `retention` misspelt at line 32, column 5."""
    text = VALID.read_text(encoding="utf-8")
    old = "    retention:\n      period"
    assert old in text
    path = tmp_path / "desc.yaml"
    path.write_text(text.replace(old, "    retension:\n      period", 1), encoding="utf-8")
    return str(path)


SWEDISH_TYPO = ":32:5: purposes[0].retension: okänd nyckel `retension`\n  tips: menade du `retention`?\n"
ENGLISH_TYPO = ":32:5: purposes[0].retension: unknown key `retension`\n  hint: did you mean `retention`?\n"


def test_validate_with_messages_sv_reports_a_typo_in_swedish_at_its_place(typo: str) -> None:
    result = run("validate", "--messages", "sv", typo)
    assert result.exit_code == 2
    assert result.stderr == typo + SWEDISH_TYPO
    assert result.stdout == ""


def test_validate_speaks_english_when_nothing_asks_for_swedish(typo: str) -> None:
    result = run("validate", typo)
    assert result.exit_code == 2
    assert result.stderr == typo + ENGLISH_TYPO
    assert run("validate", str(VALID)).output == "0 findings in 1 file\n"


def test_messages_en_wins_over_a_swedish_locale(typo: str) -> None:
    result = run("validate", "--messages", "en", typo, LANG="sv_SE.UTF-8")
    assert result.stderr == typo + ENGLISH_TYPO


def test_a_swedish_locale_speaks_swedish_and_lc_all_c_overrides_it(typo: str) -> None:
    swedish = run_process("validate", typo, LANG="sv_SE.UTF-8")
    assert swedish.returncode == 2
    assert swedish.stderr == typo + SWEDISH_TYPO
    assert run_process("validate", str(VALID), LANG="sv_SE.UTF-8").stdout == "0 fynd i 1 fil\n"

    english = run_process("validate", typo, LANG="sv_SE.UTF-8", LC_ALL="C")
    assert english.returncode == 2
    assert english.stderr == typo + ENGLISH_TYPO


def test_a_swedish_run_gives_the_caller_its_language_back(typo: str) -> None:
    before_domain, before_language = gettext.textdomain(), os.environ.get("LANGUAGE")
    assert run("validate", "--messages", "sv", typo).exit_code == 2
    assert interface_language() == "en"
    assert gettext.textdomain() == before_domain
    assert os.environ.get("LANGUAGE") == before_language
    assert run("validate", typo).stderr == typo + ENGLISH_TYPO


def test_build_refuses_a_foreign_folder_in_swedish_and_leaves_it_alone(tmp_path: Path) -> None:
    out = tmp_path / "papers"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("build", "--messages", "sv", str(VALID), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{out}: mappen är inte tom och skapades inte av `policygen build`. policygen ersätter den inte\n"
        "  tips: ge --out en ny eller tom mapp, eller en mapp som `policygen build` har skrivit tidigare\n")
    assert [path.name for path in out.iterdir()] == ["notes.txt"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_check_help_is_swedish_with_messages_sv() -> None:
    result = run("check", "--messages", "sv", "--help")
    assert result.exit_code == 0
    text = result.output
    assert text.startswith("Användning: policygen check [ALTERNATIV] SÖKVÄG…\n\n")
    assert "\nAlternativ:\n" in text
    words = " ".join(text.split())  # the help is wrapped to the terminal's width
    assert "Granska att texten är skriven på klarspråk (LIX, långa meningar, krångliga ord …)." in words
    assert "Utdataformat. [standard: human]" in words
    assert "Lägsta allvarlighetsgrad som ger slutkod 1 (annars error)." in words
    assert "-h, --help Visa den här hjälpen och avsluta." in words
    assert "Options:" not in text and "Show this message" not in text


def test_validate_help_follows_a_swedish_locale() -> None:
    result = run_process("validate", "--help", LANG="sv_SE.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("Användning: policygen validate [ALTERNATIV] BESKRIVNINGAR...\n\n")
    words = " ".join(result.stdout.split())
    assert ("Granska beskrivningar: fel med plats, om allt GDPR kräver finns med och om texterna är skrivna "
            "på klarspråk.") in words
    assert "--messages sv|en Språk för meddelanden och hjälp" in words
    assert "--exit-zero Rapportera fynden men ge slutkod 0 (formatfel ger ändå 2)." in words


def test_the_command_list_is_swedish_and_english_by_default() -> None:
    swedish = run("--messages", "sv", "--help").output
    assert "\nKommandon:\n" in swedish
    assert "validate Granska beskrivningar: fel med plats och om allt GDPR kräver finns med." in " ".join(swedish.split())
    english = run("--help").output
    assert "\nCommands:\n" in english
    assert "validate Check descriptions: located errors and GDPR completeness." in " ".join(english.split())


@pytest.mark.parametrize(("args", "swedish", "english"), [
    (["validate", "--messages", "sv", "--bogus"],
     "Fel: Alternativet '--bogus' finns inte.", "Error: No such option '--bogus'."),
    (["validate", "--messages", "sv"],
     "Fel: Argument saknas 'BESKRIVNINGAR...'.", "Error: Missing argument 'DESCRIPTIONS...'."),
    (["check", "--messages=sv", "--format", "xml", "a.md"],
     "Fel: Ogiltigt värde för '--format': 'xml' är inte något av 'github', 'html', 'human', 'json', 'sarif'.",
     "Error: Invalid value for '--format': 'xml' is not one of 'github', 'html', 'human', 'json', 'sarif'."),
])
def test_click_usage_errors_are_swedish(args: list[str], swedish: str, english: str) -> None:
    command = args[0]
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == (f"Användning: policygen {command} [ALTERNATIV] {'BESKRIVNINGAR...' if command == 'validate' else 'SÖKVÄG…'}\n"
                             f"Skriv 'policygen {command} --help' för hjälp.\n\n{swedish}\n")
    plain = [arg for arg in args if arg not in ("--messages", "sv", "--messages=sv")]
    assert run(*plain).stderr.endswith(f"Try 'policygen {command} --help' for help.\n\n{english}\n")


def test_a_usage_error_follows_a_swedish_locale() -> None:
    result = run_process("validate", "--bogus", LANG="sv_SE.UTF-8")
    assert result.returncode == 2
    assert result.stderr.endswith("Fel: Alternativet '--bogus' finns inte.\n")


@pytest.fixture
def document(tmp_path: Path) -> str:
    path = tmp_path / "om-oss.md"
    path.write_text("# Om oss\n\nUppgifterna lagras i enlighet med gällande lagstiftning.\n", encoding="utf-8")
    return str(path)


def test_the_html_report_is_swedish(document: str) -> None:
    result = run("check", "--messages", "sv", "--format", "html", document)
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert '<html lang="sv">' in page
    assert "<title>policygen check: rapport</title>" in page
    assert "<th>ord</th>" in page and "<th>meningar</th>" in page and "<th>långa ord</th>" in page
    assert '<span class="sev sev-warning">varning</span>' in page
    assert " i 1 fil · policygen " in page
    english = run("check", "--format", "html", document).stdout
    assert '<html lang="en">' in english and "<title>policygen check report</title>" in english
    assert '<span class="sev sev-warning">warning</span>' in english and "<th>long words</th>" in english


def test_the_human_report_labels_are_swedish(document: str) -> None:
    result = run("check", "--messages", "sv", "--statistics", document)
    lines = result.stdout.splitlines()
    assert lines[0] == f"{document}: LIX 48,9 (9 ord, 2 meningar, 4 långa ord)"
    assert any(line.startswith(f"{document}:3:13: info PL203 ") for line in lines)
    assert any(line.startswith(f"{document}:3:20: varning PL202 ") for line in lines)
    assert any(line.startswith("    förslag: ") for line in lines)
    summary = [line for line in lines if re.fullmatch(r"\d+ fynd i 1 fil", line)]
    assert len(summary) == 1
    assert re.fullmatch(r"1  PL203  info +passive\.voice", next(line for line in lines if "PL203  " in line))
    assert re.fullmatch(r"\d+ fynd från \d+ regler?", lines[-1])
    english = run("check", "--statistics", document).stdout.splitlines()
    assert english[0] == f"{document}: LIX 48.9 (9 words, 2 sentences, 4 long words)"
    assert any(line.startswith(f"{document}:3:13: info PL203 ") for line in english)
    assert any(line.startswith(f"{document}:3:20: warning PL202 ") for line in english)
    assert any(re.fullmatch(r"\d+ findings in 1 file", line) for line in english)
    assert re.fullmatch(r"\d+ findings from \d+ rules?", english[-1])
