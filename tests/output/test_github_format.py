"""GitHub workflow commands: one annotation per finding, escaped the way the Actions toolkit does."""

from __future__ import annotations

from policygen.output import Finding, Report, render
from policygen.output.github import annotation, escape_data, escape_property


def test_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_data("a: b, c") == "a: b, c"
    assert escape_property("dir,x/a:b%.md") == "dir%2Cx/a%3Ab%25.md"


def test_one_annotation_per_finding(check_report: Report) -> None:
    lines = render("github", check_report).splitlines()
    assert len(lines) == sum(len(file.findings) for file in check_report.files)
    assert lines[0] == (
        "::warning file=site/sv/integritetspolicy.md,line=3,col=4,endLine=3,endColumn=17,title=PL203::"
        '"kan komma att" is vague: say what you do. Suggestion: dela'
    )
    assert lines[3].startswith("::notice ")  # info → notice
    assert sum(line.startswith("::error ") for line in lines) == 3


def test_multi_line_findings_get_no_columns(check_report: Report) -> None:
    long_sentence = next(line for line in render("github", check_report).splitlines() if "title=PL102" in line)
    assert long_sentence.startswith("::error file=site/sv/integritetspolicy.md,line=8,endLine=10,title=PL102::")


def test_validate_message_carries_article_key_and_hint(validate_report: Report) -> None:
    lines = render("github", validate_report).splitlines()
    assert lines[0] == (
        "::error file=descriptions/exempel support.yaml,line=12,col=5,title=G013::"
        "Purpose 'newsletter' has no retention period or criteria. (GDPR Art. 13(2)(a)) "
        "[purposes[1].retention] Hint: Add retention: {period: 24 months, after: ...} or criteria: ..."
    )
    assert "100%25 of the time.%0ASecond line." in lines[1]
    assert len(lines) == 4 and all("\n" not in line for line in lines)


def test_properties_are_escaped() -> None:
    finding = Finding(code="X:1,2", severity="warning", line=2, column=3, message="m")
    assert annotation("a,b:c.md", finding) == "::warning file=a%2Cb%3Ac.md,line=2,col=3,title=X%3A1%2C2::m"


def test_a_finding_without_a_line_annotates_the_file() -> None:
    finding = Finding(code="G001", severity="error", line=0, column=0, message="No controller.", kind="gdpr")
    assert annotation("a.yaml", finding) == "::error file=a.yaml,title=G001::No controller."
