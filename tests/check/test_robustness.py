"""Arbitrary input never crashes the checker, and large files are read in parts without changing
the result."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygen.check import runner
from policygen.check.registry import all_rules, option_defaults
from policygen.check.runner import check_source
from policygen.check.settings import Settings

RULES = all_rules()
SETTINGS = Settings(defaults=option_defaults(RULES))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["md", "html", "txt"]), st.sampled_from(["sv", "en"]))
def test_every_rule_survives_arbitrary_unicode(source: str, fmt: str, lang: str) -> None:
    report = check_source(source, "fuzz", lang, fmt, RULES, SETTINGS)
    assert report.metrics.words >= 0
    for finding in report.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)


PARAGRAPHS = [
    "# Rubrik {#r}\n",
    "Vi sparar t.ex. ditt namn och din e-postadress. Det behövs för att hjälpa dig!\n",
    "- Du kan när som helst be oss radera uppgifterna.\n- Läs mer i art. 17.\n",
    "```\nkod som inte är prosa\n\nmed en tom rad\n```\n",
    "Personuppgiftsansvarig verksamhetsutövare tillhandahåller information avseende behandlingen "
    "av personuppgifter i enlighet med tillämplig dataskyddslagstiftning och andra regler som gäller.\n",
]


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_a_file_read_in_parts_gives_the_same_report(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    source = "\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(400))
    whole = check_source(source, "big", "sv", fmt, RULES, SETTINGS)
    monkeypatch.setattr(runner, "PART_CHARS", 1000)
    monkeypatch.setattr(runner, "DOCUMENT_CHARS", 500)
    assert len(list(runner.source_parts(source, fmt))) > 10
    parts = check_source(source, "big", "sv", fmt, RULES, SETTINGS)
    assert parts.metrics == whole.metrics
    assert parts.sections == whole.sections
    length_rules = {"PL101", "PL102", "PL111"}
    assert [f for f in parts.findings if f.code in length_rules] == [f for f in whole.findings if f.code in length_rules]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from([".md", ".html", ".txt"]),
)
def test_cli_on_arbitrary_unicode_files(tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str) -> None:
    import json

    from click.testing import CliRunner

    from policygen.cli.main import main

    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    files = json.loads(result.stdout)["files"]
    if result.exit_code == 2:
        assert files == [] and result.stderr.strip()
    else:
        assert files[0]["metrics"]["words"] >= 0
