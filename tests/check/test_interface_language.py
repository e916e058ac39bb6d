"""The checker speaks the interface language: findings, the instructions in suggestions and the
rules' documentation in Swedish or English, whatever the document's language; the words a writer
pastes stay in the document's language; worker processes speak the language of the run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.check.api import check_text, load_settings, run
from policygen.check.registry import all_rules, find_rule
from policygen.check.rule import doc_keys, doc_parts, interface_doc
from policygen.cli.main import main
from policygen.lang import catalogues
from policygen.lang.glossary import shipped_rule_files
from policygen.lang.messages import speaking
from policygen.output import render
from policygen.resources import glossary_dir

SV = ("# Om uppgifterna\n\nDina uppgifter lagras i Sverige. Vi kan komma att dela vissa uppgifter. "
      "Du erhåller en kopia, t.ex. via e-post.\n\n<!-- policygen: disable=PL111 -->\nVi sparar ditt namn.\n")
EN = ("# About your data\n\nYour data is stored in Sweden. Please check this page regularly for changes. "
      "We utilize your data, e.g. your name.\n")


def _findings(text: str, lang: str, interface: str) -> list[tuple]:
    settings, rules = load_settings(None)
    with speaking(interface):
        report = check_text(text, "policy.md", lang, "md", [r for r in rules if settings.enabled(r)], settings)
    return [(f.line, f.column, f.end_line, f.end_column, f.code, f.message, f.suggestion) for f in report.findings]


# -- catalogues: every text the checker shows has its Swedish translation -----------------------

def _glossary_texts() -> list[tuple[str, str]]:
    """``(where, text)`` of every message and every documentation paragraph of every shipped
    glossary file: data, so Babel's extractor cannot see them."""
    texts = []
    for path, glossary in shipped_rule_files(glossary_dir()):
        where = f"glossary/{path.parent.name}/{path.name}"
        rule = glossary.rule
        if rule.message:
            texts.append((f"{where}: rule.message", rule.message))
        for index, entry in enumerate(glossary.entries):
            if entry.message:
                texts.append((f"{where}: entries[{index}].message", entry.message))
        doc = "\n\n".join(part for part in (
            rule.summary or "",
            *(f"{title}\n---\n{value.strip()}" for title, value in
              (("Why", rule.why), ("Anti-pattern", rule.anti_pattern), ("Better", rule.better)) if value),
        ) if part)
        texts += [(f"{where}: rule documentation", key) for key in doc_keys(doc)]
    return texts


def test_every_glossary_message_and_explanation_has_its_swedish_translation():
    texts = _glossary_texts()
    assert any("rule.message" in where for where, _ in texts)
    assert any(key.startswith("GDPR Art. 12(1) asks for") for _, key in texts)  # a "why" text is enumerated
    missing = set(catalogues.missing([text for _, text in texts], "sv"))
    assert not missing, "\n".join(f"{where}: {text!r}" for where, text in texts if text in missing)


def test_every_rules_documentation_has_its_swedish_translation():
    untranslated = [f"{rule.code}: {key!r}" for rule in all_rules()
                    for key in catalogues.missing(doc_keys(rule.source_doc), "sv")]
    assert not untranslated, "\n".join(untranslated)


# -- findings -------------------------------------------------------------------------------------

def test_a_swedish_document_in_english_by_default():
    assert _findings(SV, "sv", "en") == [
        (3, 16, 3, 22, "PL203", "'lagras' is passive: say who does it.", "say who does it: 'vi lagrar …'"),
        (3, 37, 3, 50, "PL201", "'kan komma att' is vague: say exactly what you do, and when.",
         "say whether you do it: 'vi delar …'"),
        (3, 56, 3, 61, "PL201", "'vissa' is vague: say exactly what you do, and when.", "say which (or when)"),
        (3, 76, 3, 84, "PL202", "'erhåller' is bureaucratic: write 'får'.", "får"),
        (3, 95, 3, 100, "PL204", "Write out 't.ex.': 'till exempel'.", "till exempel"),
        (5, 1, 5, 34, "PL001", "<!-- policygen: disable=PL111 --> suppresses nothing.",
         "Remove the comment, or correct the codes it lists."),
    ]


def test_a_swedish_document_in_swedish():
    assert _findings(SV, "sv", "sv") == [
        (3, 16, 3, 22, "PL203", "'lagras' är passiv form: säg vem som gör det.", "säg vem som gör det: 'vi lagrar …'"),
        (3, 37, 3, 50, "PL201", "'kan komma att' är för vagt: säg exakt vad ni gör och när.",
         "säg om ni gör det: 'vi delar …'"),
        (3, 56, 3, 61, "PL201", "'vissa' är för vagt: säg exakt vad ni gör och när.", "säg vilka (eller när)"),
        (3, 76, 3, 84, "PL202", "'erhåller' är krångligt myndighetsspråk: skriv 'får'.", "får"),
        (3, 95, 3, 100, "PL204", "Skriv ut 't.ex.': 'till exempel'.", "till exempel"),
        (5, 1, 5, 34, "PL001", "<!-- policygen: disable=PL111 --> döljer ingenting.",
         "Ta bort kommentaren eller rätta koderna i den."),
    ]


def test_an_english_document_in_swedish_keeps_the_words_to_paste_in_english():
    assert _findings(EN, "en", "sv") == [
        (3, 11, 3, 20, "PL203", "'is stored' är passiv form: säg vem som gör det.", "säg vem som gör det: 'we store …'"),
        (3, 39, 3, 64, "PL207", "Läsarna får själva hålla koll på ändringar: meddela dem ändringarna i stället.",
         "meddela ändringar aktivt, till exempel via e-post"),
        (3, 81, 3, 88, "PL202", "'utilize' är krångligt myndighetsspråk: skriv 'use'.", "use"),
        (3, 100, 3, 104, "PL204", "Skriv ut 'e.g.': 'for example'.", "for example"),
    ]
    assert _findings(EN, "en", "en")[1] == (
        3, 39, 3, 64, "PL207", "Readers are asked to check for changes themselves; notify them of changes instead.",
        "tell people about changes yourself, for example by email")


def test_counts_are_filled_in_after_translation():
    long = "# Text\n\n" + " ".join(["ord"] * 30) + ".\n"
    (finding,) = [f for f in _findings(long, "sv", "sv") if f[4] == "PL111"]
    assert finding == (3, 1, 3, 120, "PL111", "Meningen har 30 ord (gränsen är 25): dela upp den.",
                       "En tanke per mening: sätt punkt där något nytt börjar.")


# -- documentation --------------------------------------------------------------------------------

def test_rule_documentation_in_swedish_keeps_its_examples():
    rule = find_rule(all_rules(), "PL111")
    with speaking("sv"):
        doc, summary = rule.doc, rule.info().summary
    assert summary == "En mening har fler ord än gränsen (25 om inget annat anges)."
    assert "\nVarför\n------\nI långa meningar måste läsaren hålla många delar i huvudet" in doc
    assert "\nUndvik\n------\nVi behandlar dina personuppgifter för att kunna hantera ditt ärende, och om du har" in doc
    assert "\nBättre\n------\nVi använder dina uppgifter för att hjälpa dig med ditt ärende." in doc
    assert doc.endswith("Inställning: ``sentence-words`` (högsta antalet ord i en mening).")
    assert all(len(line) <= 96 for line in doc.splitlines())
    assert "Why" not in doc and "Setting" not in doc


def test_rule_documentation_in_english_is_the_source():
    for rule in all_rules():
        assert interface_doc(rule.source_doc) == rule.source_doc, rule.code
        assert [kind for kind, _ in doc_parts(rule.source_doc)].count("example") == 2, rule.code


def test_glossary_rule_documentation_in_swedish():
    rule = find_rule(all_rules(), "PL202")
    with speaking("sv"):
        doc = rule.doc
    assert doc.startswith("Ett byråkratiskt ord eller uttryck har ett enklare alternativ ur vardagsspråket.\n\nVarför\n")
    assert ("Bättre\n------\nDu får en kopia enligt artikel 15 och besked om vi delar uppgifterna.\n"
            "We use your data to help you before we close the case.\n\n"
            "Juridiska fackord (personuppgiftsansvarig, provide, disclose, request) får stå kvar: de är\ntillåtna.") in doc
    assert doc.endswith("Regeln finns i: glossary/en/wordy.yaml, glossary/sv/wordy.yaml")


def test_sarif_describes_the_rules_in_the_interface_language(tmp_path: Path):
    (tmp_path / "a.md").write_text(SV, encoding="utf-8")
    settings, rules = load_settings(None)
    with speaking("sv"):
        report = run([str(tmp_path / "a.md")], settings, rules, jobs=1)
        sarif = json.loads(render("sarif", report))
    described = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert described["PL203"]["shortDescription"]["text"] == (
        "Ett verb i passiv form döljer vem som gör något med läsarens uppgifter.")
    results = [r["message"]["text"] for r in sarif["runs"][0]["results"] if r["ruleId"] == "PL203"]
    assert results and results[0].startswith("'lagras' är passiv form: säg vem som gör det.")


# -- worker processes -----------------------------------------------------------------------------

def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    for lang, text in (("sv", SV), ("en", EN)):
        (folder / lang).mkdir(parents=True)
        for index in range(3):
            (folder / lang / f"policy-{index}.md").write_text(text * (index + 1), encoding="utf-8")
    return folder


def test_workers_speak_the_language_of_the_run(tmp_path: Path):
    folder = _folder(tmp_path)
    settings, rules = load_settings(None)
    with speaking("sv"):
        one = render("json", run([str(folder)], settings, rules, jobs=1))
        two = render("json", run([str(folder)], settings, rules, jobs=2))
    assert two == one
    messages = [f["message"] for file in json.loads(two)["files"] for f in file["findings"]]
    assert "'lagras' är passiv form: säg vem som gör det." in messages
    assert "'is stored' är passiv form: säg vem som gör det." in messages
    assert not [m for m in messages if re.search(r"\b(is passive|is vague|suppresses nothing)\b", m)]


def test_the_locale_reaches_the_workers_of_the_command(tmp_path: Path):
    folder = _folder(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--jobs", jobs],
                                    env={"LANG": "sv_SE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
        assert result.exit_code == 0, result.output  # warnings only
        outputs.append(result.stdout)
    assert outputs[1] == outputs[0]
    findings = [f for file in json.loads(outputs[1])["files"] for f in file["findings"]]
    assert len(findings) == 6 * 6 + 6 * 4  # each file as often as its text is repeated
    assert {f["message"] for f in findings if f["code"] == "PL207"} == {
        "Läsarna får själva hålla koll på ändringar: meddela dem ändringarna i stället."}
    assert {f["suggestion"] for f in findings if f["code"] == "PL203"} == {
        "säg vem som gör det: 'vi lagrar …'", "säg vem som gör det: 'we store …'"}


def test_files_that_cannot_be_checked_are_reported_in_swedish(tmp_path: Path):
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    settings, rules = load_settings(None)
    with speaking("sv"):
        report = run([str(tmp_path / "empty.md"), str(tmp_path / "binary.txt"), str(tmp_path / "missing.md")],
                     settings, rules, jobs=2)
    assert [(Path(p.file).name, p.message, p.hint) for p in report.problems] == [
        ("missing.md", "filen eller mappen finns inte", "kontrollera sökvägen"),
        ("empty.md", "filen är tom", "det finns inget att granska"),
        ("binary.txt", "binärfil (innehåller NUL-byte), inte text", "granska .md-, .html- eller .txt-filer"),
    ]


def test_a_mistake_in_the_configuration_is_reported_in_swedish(tmp_path: Path):
    from policygen.errors import UserError

    config = tmp_path / "policygen.toml"
    config.write_text('[check]\nselect = ["PL111", "wordyy"]\n', encoding="utf-8")
    with speaking("sv"), pytest.raises(UserError) as raised:
        load_settings(config)
    (problem,) = raised.value.problems
    assert (problem.line, problem.key, problem.message, problem.hint) == (
        2, "check.select[1]", "'wordyy' är inte en regelkod, ett regelnamn eller en kategori", "menade du `wordy`?")
