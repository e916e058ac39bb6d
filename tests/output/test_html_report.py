"""The HTML report's structure: parsed, not compared as text (the snapshot does that)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinyhtml5

from policygen.output import FileReport, Finding, Metrics, Report, render
from policygen.output.html_style import CATEGORY_COLOURS
from policygen.output.lix_bands import lix_band

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def parse(text: str):
    return tinyhtml5.parse(text)


def source_slice(path: str, finding: Finding) -> str:
    """The text a finding covers, cut from the source file by its line/column range."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    first, last = finding.line - 1, finding.end_line - 1
    if first == last:
        return lines[first][finding.column - 1:finding.end_column - 1]
    parts = [lines[first][finding.column - 1:]] + lines[first + 1:last] + [lines[last][:finding.end_column - 1]]
    return "".join(parts)


def marks_by_finding(root) -> dict[str, list]:
    found: dict[str, list] = {}
    for mark in root.iter(f"{NS}mark"):
        found.setdefault(mark.get("data-finding"), []).append(mark)
    return found


@pytest.fixture
def check_html(check_report: Report):
    return parse(render("html", check_report))


def test_every_finding_is_highlighted_in_its_category_at_its_exact_range(check_report: Report, check_html) -> None:
    marks = marks_by_finding(check_html)
    for file_number, file in enumerate(check_report.files, 1):
        for number, finding in enumerate(file.findings, 1):
            anchor = f"file{file_number}-f{number}"
            pieces = marks[anchor]
            assert pieces[0].get("id") == anchor
            assert all(f"cat-{finding.category}" in piece.get("class").split() for piece in pieces)
            text = "".join("".join(piece.itertext()) for piece in pieces)
            assert text == source_slice(file.path, finding), anchor


def test_each_finding_has_a_side_list_entry_linking_to_its_highlight(check_report: Report, check_html) -> None:
    ids = {element.get("id") for element in check_html.iter() if element.get("id")}
    for file_number, file in enumerate(check_report.files, 1):
        section = next(s for s in check_html.iter(f"{NS}section") if s.get("id") == f"file{file_number}")
        aside = next(section.iter(f"{NS}aside"))
        items = list(aside.iter(f"{NS}li"))
        assert len(items) == len(file.findings)
        for number, (item, finding) in enumerate(zip(items, file.findings), 1):
            link = next(item.iter(f"{NS}a"))
            assert link.get("href") == f"#file{file_number}-f{number}"
            assert link.get("href")[1:] in ids
            text = "".join(item.itertext())
            assert finding.message in text and finding.code in text
            if finding.suggestion:
                assert finding.suggestion in text


def test_hover_text_has_message_and_suggestion(check_html) -> None:
    mark = next(m for m in check_html.iter(f"{NS}mark") if m.get("id") == "file1-f5")
    assert mark.get("title") == 'PL204 wordy.word: "erhålla" is bureaucratic.\nSuggestion: få'


def test_overlapping_findings_nest(check_html) -> None:
    abbreviation = next(m for m in check_html.iter(f"{NS}mark") if m.get("id") == "file1-f8")
    parents = {child: parent for parent in check_html.iter() for child in parent}
    assert "cat-long-sentence" in parents[abbreviation].get("class")


def test_the_checked_text_is_data_never_markup(check_html) -> None:
    assert list(check_html.iter(f"{NS}script")) == []
    source = next(s for s in check_html.iter(f"{NS}div") if s.get("class") == "source")
    assert "<script>alert(1)</script> & mer." in "".join(source.itertext())


def test_no_external_requests(check_html) -> None:
    for element in check_html.iter():
        for name, value in element.attrib.items():
            if name in ("src", "href") or name.endswith("}href"):
                assert not value.lower().startswith(("http:", "https:", "//", "file:")), (element.tag, value)
    assert list(check_html.iter(f"{NS}link")) == []
    assert list(check_html.iter(f"{NS}img")) == []
    style = "".join("".join(s.itertext()) for s in check_html.iter(f"{NS}style"))
    assert "url(" not in style and "@import" not in style
    csp = [m.get("content") for m in check_html.iter(f"{NS}meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0].startswith("default-src 'none'")


def test_lix_gauge_band_and_sections(check_html) -> None:
    gauges = [svg.get("aria-label") for svg in check_html.iter(f"{SVG}svg")]
    assert gauges == ["LIX 45.9: medium", "LIX 31.2: easy"]
    labels = ["".join(d.itertext()) for d in check_html.iter(f"{NS}div") if d.get("class") == "band-label"]
    assert labels == ["LIX 45.9 — medium", "LIX 31.2 — easy"]
    table = next(t for t in check_html.iter(f"{NS}table") if t.get("class") == "sections")
    rows = [["".join(td.itertext()).strip() for td in tr.iter(f"{NS}td")] for tr in table.iter(f"{NS}tr")][1:]
    assert rows == [
        ["Integritetspolicy", "1", "31", "3", "9", "not scored", ""],
        ["Dina rättigheter", "6", "43", "3", "11", "39.9", "easy"],
    ]
    heading_link = next(a for a in table.iter(f"{NS}a") if "".join(a.itertext()) == "Dina rättigheter")
    assert heading_link.get("href") == "#file1-L6"


def test_legend_shows_every_category_with_counts(check_html) -> None:
    legend = next(u for u in check_html.iter(f"{NS}ul") if u.get("class") == "legend")
    items = ["".join(li.itertext()) for li in legend.iter(f"{NS}li")]
    assert len(items) == len(CATEGORY_COLOURS)
    assert "wordy (2)" in items and "jargon (0)" in items


def test_html_markup_is_dimmed_but_kept(check_html) -> None:
    second = next(s for s in check_html.iter(f"{NS}section") if s.get("id") == "file2")
    dimmed = ["".join(s.itertext()) for s in second.iter(f"{NS}span") if s.get("class") == "markup"]
    assert "<em>" in dimmed and "<p>" in dimmed


def test_the_report_never_reads_files(check_report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The text shown is the text in the report: the same page from any folder, files or not."""
    expected = render("html", check_report)
    monkeypatch.chdir(tmp_path)
    assert render("html", check_report) == expected


def test_a_report_without_the_text_still_lists_its_findings(check_report: Report) -> None:
    check_report.files[0].source = None
    root = parse(render("html", check_report))
    section = next(s for s in root.iter(f"{NS}section") if s.get("id") == "file1")
    assert "does not hold the text" in "".join(section.itertext())
    items = list(next(section.iter(f"{NS}aside")).iter(f"{NS}li"))
    assert len(items) == 10 and all(list(item.iter(f"{NS}a")) == [] for item in items)


def test_an_empty_range_gets_a_visible_marker() -> None:
    finding = Finding(code="X", category="vague", severity="info", line=2, column=1, end_line=2, end_column=1,
                      message="empty")
    file = FileReport("a.txt", [finding], lang="en", metrics=Metrics(words=2, sentences=2, long_words=0, lix=1.0),
                      source="abc\n\ndef\n")
    mark = next(parse(render("html", Report(command="check", files=[file]))).iter(f"{NS}mark"))
    assert mark.get("id") == "file1-f1" and "empty" in mark.get("class").split()


def test_validate_report_is_a_table(validate_report: Report) -> None:
    root = parse(render("html", validate_report))
    tables = [t for t in root.iter(f"{NS}table") if t.get("class") == "findings"]
    assert [len(list(t.iter(f"{NS}tbody"))[0]) for t in tables] == [3, 1]
    first_row = ["".join(td.itertext()) for td in next(tables[0].iter(f"{NS}tbody"))[0]]
    assert first_row[:6] == ["error", "G013", "gdpr", "13(2)(a)", "purposes[1].retention", "12:5"]


@pytest.mark.parametrize(("lix", "band"), [
    (None, "no words"), (0.0, "very easy"), (29.99, "very easy"), (30.0, "easy"), (39.9, "easy"),
    (40.0, "medium"), (49.9, "medium"), (50.0, "hard"), (59.9, "hard"), (60.0, "very hard"), (95.0, "very hard"),
])
def test_lix_bands(lix: float | None, band: str) -> None:
    assert lix_band(lix)[1] == band
