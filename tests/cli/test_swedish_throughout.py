"""The rest of the command line in Swedish (issue 11): GDPR article references, the published
history (build summary, G9xx findings, ``diff``), the handbook command, the output folder's lock,
click's placeholders, and the reasons the TOML reader and Jinja give — each through the real CLI,
with the exact Swedish text, and the English text unchanged when nothing asks for Swedish.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "model" / "fixtures" / "valid.yaml"
EXAMPLE = ROOT / "examples" / "exempel-support.yaml"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
NO_LOCALE = {name: None for name in LOCALE_VARIABLES}
HANG_GUARD = 120


def run(*args: str, **env: str):
    return CliRunner().invoke(main, [str(arg) for arg in args], env={**NO_LOCALE, **env},
                              prog_name="policygen")


@pytest.fixture
def no_retention(tmp_path: Path) -> Path:
    """The valid fixture with the first purpose's retention removed: G401 at the purpose, line 28, column 5."""
    text = VALID.read_text(encoding="utf-8")
    old = ("    retention:\n      period: 24 months\n"
           "      after: {sv: att ärendet har stängts, en: the case is closed}\n")
    assert old in text
    path = tmp_path / "policy.yaml"
    path.write_text(text.replace(old, "", 1), encoding="utf-8")
    return path


# -- GDPR articles --------------------------------------------------------------------------


def test_a_gdpr_finding_cites_its_article_the_swedish_way(no_retention: Path) -> None:
    swedish = run("validate", "--messages", "sv", no_retention)
    assert swedish.exit_code == 1
    assert swedish.stdout.splitlines()[0] == (
        f"{no_retention}:28:5: fel G401 purposes[0].retention: ändamålet `support` säger inte hur "
        "länge uppgifterna sparas (artikel 13.2 a)")
    english = run("validate", no_retention)
    assert english.stdout.splitlines()[0].endswith(
        "purpose `support` does not say how long the data is kept (Art. 13(2)(a))")


def test_the_github_format_cites_the_article_inside_its_message(no_retention: Path) -> None:
    swedish = run("validate", "--messages", "sv", "--format", "github", no_retention).stdout
    assert "säger inte hur länge uppgifterna sparas (artikel 13.2 a i GDPR) [purposes[0].retention]" in swedish
    english = run("validate", "--format", "github", no_retention).stdout
    assert "does not say how long the data is kept (GDPR Art. 13(2)(a)) [purposes[0].retention]" in english


def test_json_keeps_the_article_as_the_regulation_cites_it(no_retention: Path) -> None:
    swedish = run("validate", "--messages", "sv", "--format", "json", no_retention).stdout
    assert '"article": "13(2)(a)"' in swedish
    assert '"message": "ändamålet `support` säger inte hur länge uppgifterna sparas"' in swedish


def test_the_rules_list_and_a_change_rule_speak_swedish() -> None:
    table = run("rules", "--messages", "sv").stdout
    assert re.search(r"\nG401  retention\.missing +13\.2 a / 14\.2 a +error +Ett ändamål säger inte hur "
                     r"länge uppgifterna sparas\.\n", table)
    assert "policygen build: ändringar sedan den senast publicerade versionen\n\nKOD   NAMN" in table
    assert re.search(r"\nG903  purpose\.new_without_notice +13\.3 / 14\.4 +warning +Ett nytt ändamål börjar "
                     r"gälla i dag eller tidigare", table)
    explained = run("rules", "--messages", "sv", "G902").stdout
    assert explained.splitlines()[:4] == [
        "G902 change.notice_too_short   (policygen build)",
        "kategori: gdpr   allvarlighetsgrad: warning   GDPR-artikel: 12.1",
        "",
        "En väsentlig ändring börjar gälla tidigare än tiden för att meddela ändringar tillåter.",
    ]
    assert "\nSå åtgärdar du: Flytta `effective:` till minst `changes.notice_days` dagar" in explained
    assert explained.endswith("\nKälla: WP260 rev.01, punkt 29–31\n\n")
    english = run("rules", "G902").stdout
    assert "category: gdpr   severity: warning   GDPR article: 12(1)" in english
    assert english.endswith("\nReference: WP260 rev.01, paras. 29–31\n\n")


# -- the published history: build, G9xx, diff ------------------------------------------------


def test_the_history_speaks_swedish(tmp_path: Path) -> None:
    description = tmp_path / "p.yaml"
    shutil.copyfile(EXAMPLE, description)
    out = tmp_path / "site"
    first = run("build", "--messages", "sv", description, "--out", out, "--lang", "sv")
    assert first.exit_code == 0, first.output
    assert re.search(r"^byggde \d+ filer i .*site$", first.stdout, re.M)
    assert re.search(r"^arkiverade samtyckestexten sha256:[0-9a-f]{64}$", first.stdout, re.M)
    assert re.search(r"^sparade versionen som gäller från 2026-12-01 \(sha256:[0-9a-f]{12}…\) i .*p\.history\.json$",
                     first.stdout, re.M)

    text = description.read_text(encoding="utf-8")
    description.write_text(text.replace("din e-postadress, en: your e-mail address",
                                        "din mejladress, en: your e-mail address"), encoding="utf-8")
    second = run("build", "--messages", "sv", description, "--out", out, "--lang", "sv")
    assert second.exit_code == 1
    lines = second.stdout.splitlines()
    assert re.fullmatch(r"ändringar sedan versionen som publicerades för 2026-12-01 \([0-9a-f]{12}\): "
                        r"1 väsentlig, 0 redaktionella", lines[0])
    assert lines[1] == "  väsentlig     Vi har ändrat namnet på uppgiften ”din mejladress”."
    assert lines[2].startswith("  samtycke att be om igen: newsletter – ”Nyhetsbrev”: ")
    assert lines[3] == f"  alla ändringar och skälen till dem: policygen diff {description} --since 2026-12-01"
    assert (f"{description}:8:1: fel G901 effective: beskrivningen har ändrats sedan versionen som "
            "publicerades för 2026-12-01, men `effective` är fortfarande 2026-12-01 (artikel 5.2)\n"
            "    tips: sätt `effective:` till det datum då den ändrade policyn börjar gälla\n") in second.stderr

    too_early = run("diff", "--messages", "sv", description, "--since", "2020-01-01")
    assert too_early.exit_code == 2
    assert re.fullmatch(r"--since: `2020-01-01` ligger före den första publicerade versionen\n"
                        r"  tips: de publicerade versionerna i p\.history\.json: 2026-12-01 "
                        r"\(sha256:[0-9a-f]{12}…\)\n", too_early.stderr)
    alone = run("diff", "--messages", "sv", description)
    assert alone.exit_code == 2
    assert alone.stderr == ("diff: ange två beskrivningar (GAMMAL NY), eller en beskrivning med --since\n"
                            "  tips: policygen diff old.yaml new.yaml, eller policygen diff policy.yaml "
                            "--since 2026-12-01\n")
    assert run("diff", description).stderr.startswith(
        "diff: give two descriptions (OLD NEW), or one with --since\n")

    history = tmp_path / "p.history.json"
    history.write_text('{"policygen_history": 1, "description": "other.yaml", "versions": []}',
                       encoding="utf-8")
    foreign = run("diff", "--messages", "sv", description, "--since", "2026-12-01")
    assert foreign.exit_code == 2
    assert foreign.stderr == (
        f"{history}:1:26: description: den här historiken hör till `other.yaml`, inte till `p.yaml`\n"
        "  tips: ge beskrivningen en egen historik (--history). Om du har bytt namn på beskrivningen "
        "skriver du in det nya filnamnet här\n")


def test_diff_help_is_swedish() -> None:
    result = run("diff", "--messages", "sv", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Användning: policygen diff [ALTERNATIV] GAMMAL NY | BESKRIVNING\n\n"
                                    "  Visa vad som har ändrats mellan två beskrivningar, eller sedan en")
    words = " ".join(result.stdout.split())
    assert "--since DATUM|VERSION Jämför BESKRIVNING med den publicerade version" in words
    assert "--history FIL Den publicerade historiken (annars filen bredvid BESKRIVNING, <namn>.history.json)." in words
    assert "Show what changed" not in words and "Options:" not in words


# -- the handbook command ------------------------------------------------------------------


def test_the_handbook_command_speaks_swedish(no_retention: Path, tmp_path: Path) -> None:
    refused = run("handbook", "--messages", "sv", no_retention, "--out", tmp_path / "handbok")
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"{no_retention}:28:5: purposes[0].retention: fel G401 (artikel 13.2 a): ändamålet `support` "
        "säger inte hur länge uppgifterna sparas\n"
        "  tips: lägg till `retention:` med `period: 24 months` och `after:`, eller `criteria:`\n"
        f"{no_retention}: skriver inte handboken, eftersom det finns fynd på nivån fel (1 st., se ovan). "
        "Rutinerna får inte påstå något som beskrivningen inte säger. Rätta felen, eller skriv ett märkt "
        "utkast med --draft\n")
    assert not (tmp_path / "handbok").exists()
    english = run("handbook", no_retention, "--out", tmp_path / "handbook")
    assert f"{no_retention}: refusing to write the handbook: 1 error-level finding(s) above" in english.stderr
    assert "error G401 (Art. 13(2)(a)): purpose `support`" in english.stderr

    helped = run("handbook", "--messages", "sv", "--help")
    assert helped.stdout.startswith("Användning: policygen handbook [ALTERNATIV] BESKRIVNING\n\n"
                                    "  Skriv supportens interna handbok: rutiner, svarsbrev, telefonmanus,")
    words = " ".join(helped.stdout.split())
    assert "registret enligt artikel 30" in words
    assert "--out MAPP Mapp för handboken, aldrig en mapp med webbplatsen." in words
    assert "--lang sv,en Skriv bara de här språken" in words
    no_language = run("handbook", "--messages", "sv", VALID, "--out", tmp_path / "h", "--lang", ",")
    assert no_language.exit_code == 2
    assert no_language.stderr == "--lang: inget språk angivet\n  tips: till exempel --lang sv,en\n"


# -- click's own placeholders ---------------------------------------------------------------


def test_usage_lines_and_placeholders_are_swedish() -> None:
    top = run("--messages", "sv", "--help").stdout
    assert top.startswith("Användning: policygen [ALTERNATIV] KOMMANDO [ARGUMENT]...\n")
    build = run("build", "--messages", "sv", "--help").stdout
    assert build.startswith("Användning: policygen build [ALTERNATIV] BESKRIVNING\n")
    assert re.search(r"^  --out MAPP +Mapp för resultatet\.", build, re.M)
    assert re.search(r"^  --history FIL +Den publicerade historiken", build, re.M)
    assert run("rules", "--messages", "sv", "--help").stdout.startswith(
        "Användning: policygen rules [ALTERNATIV] [KOD]\n")
    assert run("init", "--messages", "sv", "--help").stdout.startswith(
        "Användning: policygen init [ALTERNATIV] [SÖKVÄG]\n\n"
        "  Skriv en kommenterad startbeskrivning till SÖKVÄG (annars policygen.yaml).")
    check = run("check", "--messages", "sv", "--help").stdout
    assert re.search(r"^  --select TEXT +Bara de här reglerna", check, re.M)
    assert re.search(r"^  --config FIL +Konfigurationsfil", check, re.M)
    english = run("build", "--help").stdout
    assert english.startswith("Usage: policygen build [OPTIONS] DESCRIPTION\n")
    assert re.search(r"^  --out DIRECTORY +Output folder", english, re.M)


def test_a_missing_argument_is_named_in_swedish() -> None:
    result = run("build", "--messages", "sv")
    assert result.exit_code == 2
    assert result.stderr == ("Användning: policygen build [ALTERNATIV] BESKRIVNING\n"
                             "Skriv 'policygen build --help' för hjälp.\n\n"
                             "Fel: Argument saknas 'BESKRIVNING'.\n")
    assert run("build").stderr.endswith("Error: Missing argument 'DESCRIPTION'.\n")


# -- the output folder's lock ------------------------------------------------------------------


def test_a_build_waiting_for_the_folder_says_so_in_swedish(tmp_path: Path) -> None:
    from policygen.locks import exclusive_lock

    out = tmp_path / "site"
    environ = {name: value for name, value in os.environ.items() if name not in LOCALE_VARIABLES}
    environ["LANG"] = "sv_SE.UTF-8"
    with exclusive_lock(out, what="a test holding the lock", wait=0):
        waiting = subprocess.Popen(
            [sys.executable, "-c", "from policygen.cli.main import main; main(prog_name='policygen')",
             "build", str(VALID), "--out", str(out), "--lang", "sv", "--draft"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ, cwd=tmp_path)
        deadline = time.monotonic() + 30
        while waiting.poll() is None and time.monotonic() < deadline and not out.with_name(".site.lock").exists():
            time.sleep(0.2)
        time.sleep(3)  # long enough for the build to have reached the lock and said it waits
        assert waiting.poll() is None, "the build did not wait for the lock"
    stdout, stderr = waiting.communicate(timeout=HANG_GUARD)
    assert waiting.returncode == 0, stderr
    assert f"väntar på ett annat bygge eller en annan handbok till {out}, som pågår (lås " in stderr
    assert re.search(r"^byggde \d+ filer i .*site \(märkta UTKAST / DRAFT\)$", stdout, re.M)


# -- reasons from the TOML reader and Jinja ----------------------------------------------------


def test_a_broken_config_file_is_explained_in_swedish(tmp_path: Path) -> None:
    config = tmp_path / "policygen.toml"
    config.write_text("[check]\nsentence-words = [25\n", encoding="utf-8")
    document = tmp_path / "text.md"
    document.write_text("# Rubrik\n\nEn kort mening.\n", encoding="utf-8")
    swedish = run("check", "--messages", "sv", "--config", config, document)
    assert swedish.exit_code == 2
    assert swedish.stderr.startswith(f"{config}:")
    assert ": ogiltig TOML: listan stängs inte med ]\n" in swedish.stderr
    english = run("check", "--config", config, document)
    assert ": invalid TOML: Unclosed array\n" in english.stderr


def test_a_template_error_is_explained_in_swedish(tmp_path: Path) -> None:
    templates = tmp_path / "mallar"
    (templates / "sv").mkdir(parents=True)
    broken = templates / "sv" / "policy.md.j2"
    broken.write_text('{% extends "builtin/policy.md.j2" %}{% block title %}{% if x %}{% endblock %}\n',
                      encoding="utf-8")
    args = (VALID, "--out", tmp_path / "site", "--lang", "sv", "--draft", "--templates", templates)
    swedish = run("build", "--messages", "sv", *args)
    assert swedish.exit_code == 2
    assert (": TemplateSyntaxError: Taggen 'endblock' är okänd här. Troligen är taggarna inte rätt inuti "
            "varandra. Taggen hör hemma i mallen, men först väntade sig Jinja 'elif' eller 'else' eller "
            "'endif'. Det innersta blocket som inte är stängt är 'if'.\n") in swedish.stderr
    english = run("build", *args)
    assert (": TemplateSyntaxError: Encountered unknown tag 'endblock'. You probably made a nesting "
            "mistake. Jinja is expecting this tag, but currently looking for 'elif' or 'else' or 'endif'. "
            "The innermost block that needs to be closed is 'if'.\n") in english.stderr
    assert not (tmp_path / "site").exists()
