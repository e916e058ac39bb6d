"""Which files are checked, and in which language."""

from __future__ import annotations

from pathlib import Path

from policygen.check.sources import SourceFile, detect_language, discover, guess_language


def test_folder_walk_prefers_markdown_and_skips_fragments_and_hidden(tmp_path: Path) -> None:
    for name in ["sv/policy.md", "sv/policy.html", "sv/policy.fragment.html", "sv/samtycke.html",
                 "en/notes.txt", "en/data.json", ".git/x.md", "en/.draft.md"]:  # fmt: skip
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Hej.", encoding="utf-8")
    files, problems = discover([str(tmp_path)])
    assert problems == []
    assert [(Path(f.path).relative_to(tmp_path).as_posix(), f.fmt) for f in files] == [
        ("en/notes.txt", "txt"),
        ("sv/policy.md", "md"),
        ("sv/samtycke.html", "html"),
    ]


def test_empty_folder_and_missing_path_are_problems(tmp_path: Path) -> None:
    files, problems = discover([str(tmp_path), str(tmp_path / "missing.md")])
    assert files == []
    assert [p.message for p in problems] == ["no .md, .html or .txt file in this folder", "no such file or folder"]


def test_language_order_flag_html_attribute_path_then_words(tmp_path: Path) -> None:
    html = SourceFile("x.html", tmp_path / "sv" / "x.html", "html")
    page = '<html lang="en-GB"><body><p>Vi och du.</p></body></html>'
    assert detect_language(html, page, forced="sv") == "sv"
    assert detect_language(html, page) == "en"
    assert detect_language(html, '<html lang="de"><p>x</p></html>') == "sv"  # unsupported: the path decides
    text = SourceFile("x.txt", tmp_path / "docs" / "x.txt", "txt")
    assert detect_language(text, "We keep your data and you can ask us to delete it.") == "en"
    assert detect_language(text, "Vi sparar dina uppgifter och du kan be oss radera dem.") == "sv"


def test_guess_language_defaults_to_swedish_on_a_tie() -> None:
    assert guess_language("12345") == "sv"
