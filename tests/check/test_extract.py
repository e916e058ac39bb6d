"""Text extraction: prose only, and every character located exactly in the source file."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policygen.check.analyse import analyse


def located(source: str, fmt: str, lang: str = "sv") -> list[tuple[str, str, tuple[int, int, int, int]]]:
    """(block kind, word, span) of every word."""
    document = analyse(source, lang, fmt)
    return [
        (block.kind, word.text, block.span(word.start, word.end))
        for block in document.blocks
        for word in block.words
    ]


def source_slice(source: str, span: tuple[int, int, int, int]) -> str:
    line, column, end_line, end_column = span
    lines = source.split("\n")
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    return "\n".join([lines[line - 1][column - 1 :], *lines[line : end_line - 1], lines[end_line - 1][: end_column - 1]])


MARKDOWN = """\
## Title *em* {#anchor}

- item \\*x\\* &amp; [link **bold**](http://u.se/the) the `code` here
  next line <b>x</b>

| Head | Other |
|---|---|
| cell `d` | e word |

Setext *title*
=====

> quote [ref] text
> more <https://x.se> end ![alt text](i.png) after.

```
fenced code is not prose
```

    indented code is not prose

1. First **bold** item.
"""


def test_markdown_blocks_kinds_and_prose() -> None:
    document = analyse(MARKDOWN, "en", "md")
    kinds = [(block.kind, " ".join(block.text.split())) for block in document.blocks]
    assert kinds == [
        ("heading", "Title em"),
        ("list_item", "item *x* & link bold the here next line x"),
        ("table_cell", "Head"),
        ("table_cell", "Other"),
        ("table_cell", "cell"),
        ("table_cell", "e word"),
        ("heading", "Setext title"),
        ("paragraph", "quote [ref] text more end after."),
        ("list_item", "First bold item."),
    ]
    assert [block.level for block in document.blocks if block.kind == "heading"] == [2, 1]


def test_markdown_words_point_at_their_source() -> None:
    for kind, word, span in located(MARKDOWN, "md", "en"):
        if word == "*x*":
            assert source_slice(MARKDOWN, span) == "\\*x\\*"
        else:
            assert source_slice(MARKDOWN, span) == word, (kind, word, span)
    spans: dict[str, tuple[int, int, int, int]] = {}
    for _, word, span in located(MARKDOWN, "md", "en"):
        spans.setdefault(word, span)
    assert spans["the"] == (3, 53, 3, 56)  # after the link, not inside its URL
    assert spans["bold"] == (3, 28, 3, 32)
    assert spans["next"] == (4, 3, 4, 7)
    assert spans["word"] == (8, 16, 8, 20)
    assert spans["after"] == (14, 46, 14, 51)


def test_html_main_only_entities_and_positions() -> None:
    source = (
        '<html lang="sv"><body><nav>Meny</nav>\n<main>\n<h1>Integritets&shy;policy &amp; mer</h1>\n'
        "<p>Vi sparar <em>ditt</em> namn\noch e-post&nbsp;adress. <code>x=1</code> Klart.</p>\n"
        "<ul><li>Ett <a href='http://a.se'>länk</a></li></ul><script>var x = 'ord';</script>\n"
        "</main><footer>Sidfot</footer></body></html>\n"
    )
    words = located(source, "html")
    assert [word for _, word, _ in words] == [
        "Integritets\xadpolicy", "mer", "Vi", "sparar", "ditt", "namn", "och", "e-post", "adress", "Klart",
        "Ett", "länk",
    ]  # fmt: skip
    spans = {word: span for _, word, span in words}
    assert source_slice(source, spans["Integritets\xadpolicy"]) == "Integritets&shy;policy"
    assert spans["och"] == (5, 1, 5, 4)
    assert spans["Klart"] == (5, 42, 5, 47)
    assert spans["länk"] == (6, 35, 6, 39)
    document = analyse(source, "sv", "html")
    assert document.blocks[0].words[0].lower == "integritetspolicy"  # soft hyphen ignored for matching


def test_html_without_main_uses_body_and_fragment_is_all_prose() -> None:
    page = "<html><head><title>Titel</title></head><body><p>Hej du.</p></body></html>"
    assert [w for _, w, _ in located(page, "html")] == ["Hej", "du"]
    assert [w for _, w, _ in located("<p>Ett ord.</p>", "html")] == ["Ett", "ord"]


def test_text_blocks_are_separated_by_blank_lines() -> None:
    document = analyse("Rad ett\nrad två\n\n\nNytt stycke", "sv", "txt")
    assert [block.text for block in document.blocks] == ["Rad ett rad två", "Nytt stycke"]
    assert [sentence.text for block in document.blocks for sentence in block.sentences] == ["Rad ett rad två", "Nytt stycke"]
    assert document.blocks[0].span(8, 15) == (2, 1, 2, 8)


def test_urls_and_emails_are_not_words() -> None:
    words = [w for _, w, _ in located("Mejla dpo@exempel.se eller se https://exempel.se/a?b=c och www.exempel.se.", "txt")]
    assert words == ["Mejla", "eller", "se", "och"]


PIECES = st.sampled_from(
    ["**", "*", "_", "`", "[", "]", "(http://x.se)", "# ", "## ", "- ", "1. ", "> ", "\n", "\n\n", "&amp;",
     "&#229;", "\\*", "ord", "ärende", "Kort.", " ", "|", "|---|", "{#a}", "<b>", "</b>", "![", "t.ex.", "\t", "~~~"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_generated_markdown_words_are_located_on_their_letters(source: str) -> None:
    for _, word, span in located(source, "md"):
        line, column, end_line, end_column = span
        assert line >= 1 and column >= 1
        text = source_slice(source, span)
        if word.isalpha() and "&" not in text and "\\" not in text:
            without_markup = re.sub(r"<[^>]*>|[*_`\[\]]|\]\(http://x\.se\)|\(http://x\.se\)", "", text)
            assert without_markup == word, (source, word, span)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["md", "html", "txt"]), st.sampled_from(["sv", "en"]))
def test_arbitrary_unicode_never_crashes(source: str, fmt: str, lang: str) -> None:
    document = analyse(source, lang, fmt)
    lines = source.split("\n")
    for block in document.blocks:
        for word in block.words:
            line, column, end_line, end_column = block.span(word.start, word.end)
            assert 1 <= line <= end_line <= len(lines)
            assert column >= 1 and end_column >= 1


def test_markdown_front_matter_is_not_prose_and_raw_html_blocks_are() -> None:
    source = (
        "---\ntitle: Integritetspolicy för alla\n---\n\n# Rubrik\n\n<details>\n"
        "<summary>Mer om <b>lagring</b></summary>\n<p>Vi sparar &amp; tar bort.</p>\n</details>\n\n"
        "<!-- policygen: disable=PL111 -->\n\nText efter.\n"
    )
    words = located(source, "md")
    assert [word for _, word, _ in words] == ["Rubrik", "Mer", "om", "lagring", "Vi", "sparar", "tar", "bort", "Text", "efter"]
    for _, word, span in words:
        assert source_slice(source, span) == word
    assert dict((w, s) for _, w, s in words)["lagring"] == (8, 20, 8, 27)


def test_html_implied_end_tags() -> None:
    document = analyse("<ul><li>Ett<li>Två</ul><p>Efter<p>Sist<table><tr><td>A<td>B</table>", "sv", "html")
    assert [(block.kind, block.text) for block in document.blocks] == [
        ("list_item", "Ett"), ("list_item", "Två"), ("paragraph", "Efter"), ("paragraph", "Sist"),
        ("table_cell", "A"), ("table_cell", "B"),
    ]  # fmt: skip


def test_a_marked_section_is_a_bogus_comment_as_in_a_browser() -> None:
    """Python's parser raised AssertionError on "<![0" (found by the property test above); HTML5
    reads every "<![" in HTML content as a comment that ends at the first ">"."""
    assert located("<![0", "html") == []
    source = "<p>Före <![CDATA[a > b]]> efter.</p>\n<p>Vi <![0 sparar uppgifter.</p>\n<p>Sist.</p>"
    words = located(source, "html")
    assert [word for _, word, _ in words] == ["Före", "b", "efter", "Vi", "Sist"]
    for _, word, span in words:
        assert source_slice(source, span) == word
